"""Bucket secret calls: the list, one secret, create, update, delete, the presigned part URLs
of a multipart upload, and the server's connection-test URLs (presigned upload, download and
delete URLs of a `test_file` object). The eight bucket settings are spelled once: `Settings`."""

from __future__ import annotations

from typing import Any

import attrs
from luml_openapi.api.bucket_secrets import (
    create_bucket_secret,
    delete_bucket_secret,
    get_bucket_secret,
    get_bucket_secret_connection_urls,
    get_connection_urls,
    get_multipart_upload_urls,
    list_bucket_secrets,
    update_bucket_secret,
)
from luml_openapi.models import (
    AzureBucketSecretCreate,
    BucketMultipartUpload,
    BucketSecretUpdate,
    BucketSecretUrlsRequest,
    BucketTypeAzure,
    BucketTypeS3,
    S3BucketSecretCreate,
)

from .._errors import InvalidArgumentError
from .._flow import Flow, call
from .._lookup import require_uuid
from .._unset import given
from ..types import BucketSecret, BucketType, MultiPartUploadDetails, adopt, adopt_bucket_secret
from ._route import Route

DEFAULT_REGION = "us-east-1"


@attrs.frozen
class Settings:
    """Bucket settings as a caller gives them (None: not given)."""

    endpoint: str | None = None
    bucket_name: str | None = None
    access_key: str | None = None
    secret_key: str | None = None
    session_token: str | None = None
    secure: bool | None = None
    region: str | None = None
    cert_check: bool | None = None

    def given(self) -> dict[str, Any]:
        """Every setting as a request field: UNSET (left out) when not given."""
        return {key: given(value) for key, value in attrs.asdict(self).items()}


@attrs.frozen
class ProbeUrls:
    """Presigned URLs of the server's `test_file` object in a bucket (never logged whole)."""

    upload: str
    download: str
    delete: str


def fetch_all(route: Route) -> Flow[list[BucketSecret]]:
    """Every bucket secret of the organization."""
    found = yield from call(list_bucket_secrets, **route.ids())
    return [adopt_bucket_secret(item) for item in found]


def fetch(route: Route, secret_id: str) -> Flow[BucketSecret]:
    """One bucket secret by id (NotFoundError if absent)."""
    found = yield from call(
        get_bucket_secret,
        **route.ids(secret_id=secret_id),
    )
    return adopt_bucket_secret(found)


def settings_body(
    kind: BucketType, settings: Settings
) -> S3BucketSecretCreate | AzureBucketSecretCreate:
    """The create body for S3 (region defaults to us-east-1) or Azure (the connection string
    as `endpoint`, the container as `bucket_name`, nothing else)."""
    if settings.endpoint is None or settings.bucket_name is None:
        raise InvalidArgumentError("new bucket settings need endpoint= and bucket_name=")
    if kind is BucketType.AZURE:
        extra = (settings.access_key, settings.secret_key, settings.session_token, settings.region)
        if any(value is not None for value in extra):
            raise InvalidArgumentError(
                "an Azure bucket secret takes only endpoint (the connection string) and "
                "bucket_name (the container)"
            )
        return AzureBucketSecretCreate(
            type_=BucketTypeAzure.AZURE,
            endpoint=settings.endpoint,
            bucket_name=settings.bucket_name,
        )
    fields = attrs.evolve(settings, region=settings.region or DEFAULT_REGION).given()
    return S3BucketSecretCreate(type_=BucketTypeS3.S3, **fields)


def probe_urls_for_settings(kind: BucketType, settings: Settings) -> Flow[ProbeUrls]:
    """Test URLs for settings not saved yet (nothing is stored; no request reaches storage)."""
    # A POST with no side effect (the server only signs URLs): safe to retry.
    answer = yield from call(get_connection_urls, body=settings_body(kind, settings))
    return ProbeUrls(answer.presigned_url, answer.download_url, answer.delete_url)


def probe_urls_for_secret(route: Route, secret: BucketSecret, changes: Settings) -> Flow[ProbeUrls]:
    """Test URLs for a stored secret, with `changes` tried instead of the stored fields."""
    body = BucketSecretUrlsRequest(
        id=require_uuid("bucket secret", secret.id),
        type_=BucketType(secret.type),  # the server assumes s3 when left out
        **changes.given(),
    )
    answer = yield from call(
        get_bucket_secret_connection_urls,
        **route.ids(secret_id=secret.id),
        body=body,
    )
    return ProbeUrls(answer.presigned_url, answer.download_url, answer.delete_url)


def create(route: Route, kind: BucketType, settings: Settings) -> Flow[BucketSecret]:
    """A new bucket secret (ConflictError when that endpoint and bucket are taken)."""
    created = yield from call(
        create_bucket_secret,
        idempotent=False,
        **route.ids(),
        body=settings_body(kind, settings),
    )
    return adopt_bucket_secret(created)


# Settings the server can give back; credentials (keys, token) it never returns.
_READABLE = ("endpoint", "bucket_name", "secure", "region", "cert_check")


def update(route: Route, secret_id: str, changes: Settings) -> Flow[BucketSecret]:
    """Change only the settings given.

    The real server writes every readable setting on an update (one left out becomes null),
    so the secret is read first and the readable settings not given are sent along.
    """
    ids = route.ids(secret_id=secret_id)
    stored = (yield from call(get_bucket_secret, **ids)).to_dict()
    kept = {
        name: stored.get(name)
        for name in _READABLE
        if getattr(changes, name) is None and stored.get(name) is not None
    }
    fields = attrs.evolve(changes, **kept).given()
    updated = yield from call(update_bucket_secret, **ids, body=BucketSecretUpdate(**fields))
    return adopt_bucket_secret(updated)


def delete(route: Route, secret_id: str) -> Flow[None]:
    """Delete a secret (ConflictError while an orbit uses it)."""
    yield from call(
        delete_bucket_secret,
        **route.ids(secret_id=secret_id),
    )


def fetch_multipart_urls(
    bucket_id: str, bucket_location: str, size: int, upload_id: str | None
) -> Flow[MultiPartUploadDetails]:
    """Presigned URLs for every part of a multipart upload, and the completion URL."""
    body = BucketMultipartUpload(
        bucket_id=require_uuid("bucket secret", bucket_id),
        bucket_location=bucket_location,
        size=size,
        upload_id=given(upload_id),
    )
    details = yield from call(get_multipart_upload_urls, body=body)
    return adopt(MultiPartUploadDetails, details)
