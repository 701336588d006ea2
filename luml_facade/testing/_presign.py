"""Presigned storage URLs for artifacts: S3 (through boto3, valid against moto) and Azure."""

from __future__ import annotations

import base64
import math
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol
from urllib.parse import quote

import boto3
from botocore.config import Config

from ._azurite import blob_sas

MiB = 1024 * 1024
GiB = 1024 * MiB
S3_MIN_PART = 5 * MiB
URL_EXPIRY_SECONDS = 12 * 3600


@dataclass(frozen=True)
class SecretRecord:
    """The stored fields of a bucket secret that URL generation needs."""

    id: str
    type: str
    endpoint: str
    bucket_name: str
    access_key: str | None = None
    secret_key: str | None = None
    session_token: str | None = None
    secure: bool | None = None
    region: str | None = None


def default_part_size(size: int) -> int:
    """The real server's part size for a multipart upload of ``size`` bytes."""
    if size <= GiB:
        return 32 * MiB
    if size <= 5 * GiB:
        return 64 * MiB
    if size <= 10 * GiB:
        return 128 * MiB
    if size <= 100 * GiB:
        return 512 * MiB
    return GiB


def plan_parts(size: int, part_size: int) -> list[tuple[int, int, int, int]]:
    """(part_number, start_byte, end_byte inclusive, part_size) for every part."""
    parts = []
    for index in range(math.ceil(size / part_size)):
        start = index * part_size
        length = min(part_size, size - start)
        parts.append((index + 1, start, start + length - 1, length))
    return parts


class UrlMaker(Protocol):
    """What the artifact handlers need from a storage type."""

    def upload_details(self, location: str, multipart: bool) -> dict[str, Any]: ...

    def multipart_details(
        self, location: str, size: int, upload_id: str | None, part_size: int
    ) -> dict[str, Any]: ...

    def download_url(self, location: str) -> str: ...

    def delete_url(self, location: str) -> str: ...


class MissingUploadId(ValueError):
    """An S3 multipart request came without the upload id."""


_clients: dict[tuple[str | None, ...], Any] = {}
_clients_lock = threading.Lock()


def _s3_client(endpoint_url: str, secret: SecretRecord) -> Any:
    key = (
        endpoint_url,
        secret.access_key,
        secret.secret_key,
        secret.session_token,
        secret.region,
    )
    with _clients_lock:
        if key not in _clients:
            _clients[key] = boto3.session.Session().client(
                "s3",
                endpoint_url=endpoint_url,
                aws_access_key_id=secret.access_key or "local",
                aws_secret_access_key=secret.secret_key or "local-secret",
                aws_session_token=secret.session_token,
                region_name=secret.region or "us-east-1",
                config=Config(
                    signature_version="s3v4",
                    s3={"addressing_style": "path"},
                    request_checksum_calculation="when_required",
                    response_checksum_validation="when_required",
                ),
            )
        return _clients[key]


class S3Urls:
    """Presigned S3 URLs for one bucket secret."""

    def __init__(self, secret: SecretRecord, local_endpoint: str) -> None:
        plain_http = secret.endpoint == local_endpoint or secret.secure is False
        scheme = "http" if plain_http else "https"
        self._secret = secret
        self._client = _s3_client(f"{scheme}://{secret.endpoint}", secret)

    def _presign(self, operation: str, method: str, **params: Any) -> str:
        params = {"Bucket": self._secret.bucket_name, **params}
        url: str = self._client.generate_presigned_url(
            operation, Params=params, ExpiresIn=URL_EXPIRY_SECONDS, HttpMethod=method
        )
        return url

    def upload_details(self, location: str, multipart: bool) -> dict[str, Any]:
        if multipart:
            url = self._presign("create_multipart_upload", "POST", Key=location)
        else:
            url = self._presign("put_object", "PUT", Key=location)
        return {
            "type": "s3",
            "url": url,
            "multipart": multipart,
            "bucket_location": location,
            "bucket_secret_id": self._secret.id,
        }

    def multipart_details(
        self, location: str, size: int, upload_id: str | None, part_size: int
    ) -> dict[str, Any]:
        if not upload_id:
            raise MissingUploadId("upload_id is required for S3 multipart uploads")
        parts = [
            {
                "part_number": number,
                "url": self._presign(
                    "upload_part", "PUT", Key=location, UploadId=upload_id, PartNumber=number
                ),
                "start_byte": start,
                "end_byte": end,
                "part_size": length,
            }
            for number, start, end, length in plan_parts(size, part_size)
        ]
        complete = self._presign(
            "complete_multipart_upload", "POST", Key=location, UploadId=upload_id
        )
        return {"type": "s3", "upload_id": upload_id, "parts": parts, "complete_url": complete}

    def download_url(self, location: str) -> str:
        return self._presign("get_object", "GET", Key=location)

    def delete_url(self, location: str) -> str:
        return self._presign("delete_object", "DELETE", Key=location)


def parse_connection_string(value: str) -> dict[str, str]:
    """An Azure connection string as a dict; ValueError if malformed."""
    fields: dict[str, str] = {}
    for part in value.strip().rstrip(";").split(";"):
        name, sep, field_value = part.partition("=")
        if not sep or not name or not field_value or name in fields:
            raise ValueError("Invalid Azure connection string")
        fields[name] = field_value
    if "AccountName" not in fields or "AccountKey" not in fields:
        raise ValueError("Invalid Azure connection string")
    return fields


def public_azure_endpoint(value: str) -> str:
    """The connection string without its key: ``AccountName=...;EndpointSuffix=...``."""
    try:
        fields = parse_connection_string(value)
    except ValueError:
        return ""
    kept = [f"AccountName={fields['AccountName']}"]
    if "EndpointSuffix" in fields:
        kept.append(f"EndpointSuffix={fields['EndpointSuffix']}")
    return ";".join(kept)


class AzureUrls:
    """Azure Blob URLs with service SAS tokens signed by the connection string's account key,
    shaped as the real server builds them (blob URL + SAS; block URLs add `comp=block&blockid=`,
    the commit URL `comp=blocklist`). Against Azurite (`LocalLuml.start_azurite()`) they work;
    for any other account they are well-formed but point at an Azure the tests cannot reach."""

    def __init__(self, secret: SecretRecord) -> None:
        fields = parse_connection_string(secret.endpoint)
        protocol = fields.get("DefaultEndpointsProtocol", "https")
        suffix = fields.get("EndpointSuffix", "core.windows.net")
        default = f"{protocol}://{fields['AccountName']}.blob.{suffix}"
        self._base = fields.get("BlobEndpoint", default).rstrip("/")
        self._account = fields["AccountName"]
        self._key = fields["AccountKey"]
        self._secret = secret

    def _sas(self, location: str, permissions: str) -> str:
        expiry = datetime.now(UTC) + timedelta(seconds=URL_EXPIRY_SECONDS)
        container = self._secret.bucket_name
        token = blob_sas(
            self._account,
            self._key,
            container,
            location,
            permissions,
            expiry.strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        return f"{self._base}/{container}/{quote(location)}?{token}"

    def upload_details(self, location: str, multipart: bool) -> dict[str, Any]:
        return {
            "type": "azure",
            "url": None if multipart else self._sas(location, "cw"),
            "multipart": multipart,
            "bucket_location": location,
            "bucket_secret_id": self._secret.id,
        }

    def multipart_details(
        self, location: str, size: int, upload_id: str | None, part_size: int
    ) -> dict[str, Any]:
        parts = []
        for number, start, end, length in plan_parts(size, part_size):
            block = base64.b64encode(f"block-{number:08d}".encode()).decode()
            url = f"{self._sas(location, 'cw')}&comp=block&blockid={block}"
            parts.append(
                {
                    "part_number": number,
                    "url": url,
                    "start_byte": start,
                    "end_byte": end,
                    "part_size": length,
                }
            )
        complete = f"{self._sas(location, 'cw')}&comp=blocklist"
        return {"type": "azure", "parts": parts, "complete_url": complete}

    def download_url(self, location: str) -> str:
        return self._sas(location, "r")

    def delete_url(self, location: str) -> str:
        return self._sas(location, "d")


def url_maker(secret: SecretRecord, local_endpoint: str) -> UrlMaker:
    """The URL generator for a secret's storage type."""
    if secret.type == "azure":
        return AzureUrls(secret)
    return S3Urls(secret, local_endpoint)
