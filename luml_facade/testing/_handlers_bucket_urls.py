"""Handlers: bucket-secret connection tests (presigned `test_file` upload, download, delete)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import replace
from typing import Any

from connexion.lifecycle import ConnexionResponse

from ._errors import ApiError, json_response
from ._handlers_orgs import check_azure_endpoint, strip_scheme
from ._presign import SecretRecord, UrlMaker, url_maker
from ._real_bugs import RealServerCrash
from ._service import Service, norm_id

TEST_OBJECT = "test_file"
_FIELDS = (
    "endpoint",
    "bucket_name",
    "access_key",
    "secret_key",
    "session_token",
    "secure",
    "region",
)


def test_urls(urls: UrlMaker) -> dict[str, str]:
    """BucketSecretUrls for the test object."""
    return {
        "presigned_url": urls.upload_details(TEST_OBJECT, False)["url"],
        "download_url": urls.download_url(TEST_OBJECT),
        "delete_url": urls.delete_url(TEST_OBJECT),
    }


def check_azure_signing(connection_string: str, *, mirror_bugs: bool) -> None:
    """The real server's answers when it cannot sign with an Azure connection string: 400
    without an account name or a parsable string (no client), a 500 without an AccountKey
    (a mirrored bug), 400 for a key that is not base64 (no SAS)."""
    parts = [part.partition("=") for part in connection_string.strip().rstrip(";").split(";")]
    fields = {name: value for name, sep, value in parts if sep}
    if len(fields) != len(parts) or not fields.get("AccountName"):
        raise ApiError(400, "Failed to create Azure Blob Service client.")
    if "AccountKey" not in fields:
        if mirror_bugs:
            raise RealServerCrash("no AccountKey")
        raise ApiError(400, "Failed to create Azure Blob Service client.")
    try:
        if not fields["AccountKey"]:
            raise ValueError("empty key")
        base64.b64decode(fields["AccountKey"])
    except (binascii.Error, ValueError) as exc:
        raise ApiError(400, "Failed to generate SAS URL.") from exc
    if check_azure_endpoint(connection_string) is not None:
        raise ApiError(400, "Failed to create Azure Blob Service client.")


class BucketUrlHandlers:
    """get_connection_urls (settings not saved yet) and get_bucket_secret_connection_urls."""

    def __init__(self, service: Service) -> None:
        self.service = service

    def get_connection_urls(self, body: dict[str, Any], user: str) -> ConnexionResponse:
        if body["type"] == "azure":
            check_azure_signing(
                body["endpoint"], mirror_bugs=self.service.settings.real_server_bugs
            )
            endpoint = body["endpoint"]
        else:
            endpoint = strip_scheme(body["endpoint"])
        record = SecretRecord(
            id="",
            type=body["type"],
            endpoint=endpoint,
            bucket_name=body["bucket_name"],
            access_key=body.get("access_key"),
            secret_key=body.get("secret_key"),
            session_token=body.get("session_token"),
            secure=body.get("secure"),
            region=body.get("region"),
        )
        urls = url_maker(record, self.service.settings.storage_endpoint)
        return json_response(200, test_urls(urls))

    def get_bucket_secret_connection_urls(
        self, organization_id: str, secret_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        if norm_id(body["id"]) != norm_id(secret_id):
            raise ApiError(400, "Secret id does not match the path")
        row = self.service.secret(organization_id, secret_id, "Secret not found")
        if body.get("type", "s3") != row["type"]:
            raise ApiError(400, "Bucket type cannot be changed")
        stored = SecretRecord(
            id=row["id"],
            type=row["type"],
            endpoint=row["endpoint"],
            bucket_name=row["bucket_name"],
            access_key=row["access_key"],
            secret_key=row["secret_key"],
            session_token=row["session_token"],
            secure=None if row["secure"] is None else bool(row["secure"]),
            region=row["region"],
        )
        changes = {name: body[name] for name in _FIELDS if name in body}
        if changes.get("endpoint"):
            changes["endpoint"] = strip_scheme(changes["endpoint"])
        record = replace(stored, **changes)
        urls = url_maker(record, self.service.settings.storage_endpoint)
        return json_response(200, test_urls(urls))
