"""Bucket secret calls: the list, one secret, the body of new settings, and the server's
connection-test URLs (presigned upload, download and delete URLs of a `test_file` object)."""

from __future__ import annotations

import attrs
from luml_openapi.api.bucket_secrets import (
    get_bucket_secret,
    get_bucket_secret_connection_urls,
    get_connection_urls,
    list_bucket_secrets,
)
from luml_openapi.models import (
    AzureBucketSecretCreate,
    BucketSecretUrlsRequest,
    BucketTypeAzure,
    BucketTypeS3,
    S3BucketSecretCreate,
)

from .._errors import InvalidArgumentError
from .._flow import Flow, call
from .._lookup import require_uuid
from .._unset import given
from ..types import BucketSecret, BucketType, adopt_bucket_secret

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


@attrs.frozen
class ProbeUrls:
    """Presigned URLs of the server's `test_file` object in a bucket (never logged whole)."""

    upload: str
    download: str
    delete: str


def fetch_all(organization_id: str) -> Flow[list[BucketSecret]]:
    """Every bucket secret of the organization."""
    found = yield from call(
        list_bucket_secrets, organization_id=require_uuid("organization", organization_id)
    )
    return [adopt_bucket_secret(item) for item in found]


def fetch(organization_id: str, secret_id: str) -> Flow[BucketSecret]:
    """One bucket secret by id (NotFoundError if absent)."""
    found = yield from call(
        get_bucket_secret,
        organization_id=require_uuid("organization", organization_id),
        secret_id=require_uuid("bucket secret", secret_id),
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
    return S3BucketSecretCreate(
        type_=BucketTypeS3.S3,
        endpoint=settings.endpoint,
        bucket_name=settings.bucket_name,
        region=settings.region or DEFAULT_REGION,
        access_key=given(settings.access_key),
        secret_key=given(settings.secret_key),
        session_token=given(settings.session_token),
        secure=given(settings.secure),
        cert_check=given(settings.cert_check),
    )


def probe_urls_for_settings(kind: BucketType, settings: Settings) -> Flow[ProbeUrls]:
    """Test URLs for settings not saved yet (nothing is stored; no request reaches storage)."""
    # A POST with no side effect (the server only signs URLs): safe to retry.
    answer = yield from call(get_connection_urls, body=settings_body(kind, settings))
    return ProbeUrls(answer.presigned_url, answer.download_url, answer.delete_url)


def probe_urls_for_secret(
    organization_id: str, secret: BucketSecret, changes: Settings
) -> Flow[ProbeUrls]:
    """Test URLs for a stored secret, with `changes` tried instead of the stored fields."""
    body = BucketSecretUrlsRequest(
        id=require_uuid("bucket secret", secret.id),
        type_=BucketType(secret.type),  # the server assumes s3 when left out
        endpoint=given(changes.endpoint),
        bucket_name=given(changes.bucket_name),
        access_key=given(changes.access_key),
        secret_key=given(changes.secret_key),
        session_token=given(changes.session_token),
        secure=given(changes.secure),
        region=given(changes.region),
        cert_check=given(changes.cert_check),
    )
    answer = yield from call(
        get_bucket_secret_connection_urls,
        organization_id=require_uuid("organization", organization_id),
        secret_id=require_uuid("bucket secret", secret.id),
        body=body,
    )
    return ProbeUrls(answer.presigned_url, answer.download_url, answer.delete_url)
