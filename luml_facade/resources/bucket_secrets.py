"""Bucket secrets (storage credentials) of the default organization."""

from __future__ import annotations

import builtins

from luml_openapi.api.bucket_secrets import (
    create_bucket_secret,
    delete_bucket_secret,
    get_bucket_secret,
    get_multipart_upload_urls,
    list_bucket_secrets,
    update_bucket_secret,
)
from luml_openapi.models import BucketMultipartUpload, BucketSecretUpdate

from .._arguments import choice
from .._errors import BadRequestError, InvalidArgumentError, NotFoundError, UnprocessableEntityError
from .._flow import Flow, call
from .._lookup import parse_uuid, pick, require_uuid
from .._session import M, Resource, operation
from .._unset import given
from ..calls import bucket_secrets as calls
from ..calls.bucket_secrets import ProbeUrls, Settings, settings_body
from ..transfer.bucket_check import check_bucket
from ..types import (
    BucketCheck,
    BucketCheckStep,
    BucketSecret,
    BucketType,
    MultiPartUploadDetails,
    adopt,
    adopt_bucket_secret,
)


def _unset_if_none(value: object) -> object:
    return given(value)


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


class BucketSecretResource(Resource[M]):
    """Bucket secrets of the default organization (`luml.bucket_secrets`)."""

    @operation
    def get(self, secret_value: str) -> Flow[BucketSecret | None]:
        """Get a bucket secret by id or exact bucket name.

        Returns None when nothing matches; raises MultipleResourcesFoundError when several
        secrets use that bucket name.

        Example:
            secret = luml.bucket_secrets.get("my-bucket")
        """
        organization_id = yield from self._defaults.organization()
        organization = require_uuid("organization", organization_id)
        secret_id = parse_uuid(secret_value)
        if secret_id is not None:
            try:
                found = yield from call(
                    get_bucket_secret, organization_id=organization, secret_id=secret_id
                )
            except NotFoundError:
                found = None
            if found is not None:
                return adopt_bucket_secret(found)
        secrets = yield from self._fetch_all(organization_id)
        return pick("bucket secret", secret_value, secrets, lambda item: (item.bucket_name,))

    @operation
    def list(self) -> Flow[builtins.list[BucketSecret]]:
        """List the bucket secrets of the default organization.

        Example:
            for secret in luml.bucket_secrets.list():
                print(secret.id, secret.bucket_name)
        """
        organization_id = yield from self._defaults.organization()
        return (yield from self._fetch_all(organization_id))

    @operation
    def create(
        self,
        endpoint: str,
        bucket_name: str,
        access_key: str | None = None,
        secret_key: str | None = None,
        session_token: str | None = None,
        secure: bool | None = None,
        region: str | None = None,
        cert_check: bool | None = None,
        *,
        type: BucketType | str = BucketType.S3,
    ) -> Flow[BucketSecret]:
        """Create a bucket secret in the default organization.

        For S3, `endpoint` is the host (and port) of the service and `region` defaults to
        us-east-1. For Azure pass `type="azure"`, the connection string as `endpoint` and the
        container as `bucket_name`.

        Raises ConflictError when a secret with that endpoint and bucket already exists.

        Example:
            secret = luml.bucket_secrets.create(
                endpoint="s3.eu-north-1.amazonaws.com", bucket_name="models",
                access_key="AKIA...", secret_key="...", region="eu-north-1",
            )
        """
        organization_id = yield from self._defaults.organization()
        kind = choice(BucketType, type, "type")
        body = settings_body(
            kind,
            Settings(
                endpoint,
                bucket_name,
                access_key,
                secret_key,
                session_token,
                secure,
                region,
                cert_check,
            ),
        )
        created = yield from call(
            create_bucket_secret,
            idempotent=False,
            organization_id=require_uuid("organization", organization_id),
            body=body,
        )
        return adopt_bucket_secret(created)

    @operation
    def update(
        self,
        secret_id: str,
        endpoint: str | None = None,
        bucket_name: str | None = None,
        access_key: str | None = None,
        secret_key: str | None = None,
        session_token: str | None = None,
        secure: bool | None = None,
        region: str | None = None,
        cert_check: bool | None = None,
    ) -> Flow[BucketSecret]:
        """Update a bucket secret; only the arguments given change.

        Example:
            luml.bucket_secrets.update(secret.id, secret_key="rotated")
        """
        organization_id = yield from self._defaults.organization()
        body = BucketSecretUpdate(
            endpoint=given(endpoint),
            bucket_name=given(bucket_name),
            access_key=given(access_key),
            secret_key=given(secret_key),
            session_token=given(session_token),
            secure=given(secure),
            region=given(region),
            cert_check=given(cert_check),
        )
        updated = yield from call(
            update_bucket_secret,
            organization_id=require_uuid("organization", organization_id),
            secret_id=require_uuid("bucket secret", secret_id),
            body=body,
        )
        return adopt_bucket_secret(updated)

    @operation
    def delete(self, secret_id: str) -> Flow[None]:
        """Delete a bucket secret. Raises ConflictError while an orbit still uses it.

        Example:
            luml.bucket_secrets.delete(secret.id)
        """
        organization_id = yield from self._defaults.organization()
        yield from call(
            delete_bucket_secret,
            organization_id=require_uuid("organization", organization_id),
            secret_id=require_uuid("bucket secret", secret_id),
        )

    @operation
    def get_multipart_upload_urls(
        self, bucket_id: str, bucket_location: str, size: int, upload_id: str | None = None
    ) -> Flow[MultiPartUploadDetails]:
        """Presigned URLs for each part of a multipart upload, and the URL completing it.

        `bucket_id` is the bucket secret's id (`upload_details.bucket_secret_id`); S3 needs the
        `upload_id` its initiate request returned, Azure none.

        Example:
            urls = luml.bucket_secrets.get_multipart_upload_urls(
                details.bucket_secret_id, details.bucket_location, size, upload_id
            )
        """
        return (yield from fetch_multipart_urls(bucket_id, bucket_location, size, upload_id))

    def _fetch_all(self, organization_id: str) -> Flow[builtins.list[BucketSecret]]:
        found = yield from call(
            list_bucket_secrets, organization_id=require_uuid("organization", organization_id)
        )
        return [adopt_bucket_secret(item) for item in found]

    @operation
    def check(
        self,
        secret: str | None = None,
        *,
        endpoint: str | None = None,
        bucket_name: str | None = None,
        access_key: str | None = None,
        secret_key: str | None = None,
        session_token: str | None = None,
        secure: bool | None = None,
        region: str | None = None,
        cert_check: bool | None = None,
        type: BucketType | str = BucketType.S3,
    ) -> Flow[BucketCheck]:
        """Check that a bucket works before an orbit is built on it, as the LUML web app does.

        The server hands out presigned URLs of a small `test_file` object; the client puts
        it, reads it back (whole, then a byte range, which downloads rely on) and deletes it,
        with the storage client (the API key never goes to storage). The object is deleted
        even when reading it fails.

        Check new settings before creating a secret (the same arguments as `create`), or a
        stored secret by id or bucket name, optionally with changed settings tried in place of
        the stored ones (nothing is saved).

        Arguments:
            secret: A stored bucket secret's id or exact bucket name; None to check new
                settings.
            endpoint, bucket_name, access_key, secret_key, session_token, secure, region,
            cert_check: The settings to check (as in `create`); for a stored secret, the
                ones to try instead of its own.
            type: "s3" (default) or "azure", for new settings (a stored secret keeps its type).

        Returns:
            BucketCheck: true when every step passed. Otherwise `failed_step` (urls, upload,
            download, range, delete), `status_code` and `error_code` (the storage's own
            code, e.g. NoSuchBucket, AccessDenied, SignatureDoesNotMatch,
            AuthenticationFailed) and `message` say what went wrong; `passed` lists the
            steps that worked. Settings the server refuses to sign fail at the `urls` step.

        Raises:
            NotFoundError: no stored secret has that id (or bucket name).
            MultipleResourcesFoundError: several secrets use that bucket name.
            InvalidArgumentError: new settings without endpoint or bucket_name, or Azure
                settings with S3-only fields.

        Example:
            result = luml.bucket_secrets.check(
                endpoint="s3.eu-north-1.amazonaws.com", bucket_name="models",
                access_key="AKIA...", secret_key="...", region="eu-north-1",
            )
            if not result:
                print(result.failed_step, result.error_code, result.message)
            luml.bucket_secrets.check("models")  # a stored secret, by bucket name or id

        Example response:
            BucketCheck(ok=False, bucket_name='models', type=<BucketType.S3: 's3'>,
                        passed=[], failed_step=<BucketCheckStep.UPLOAD: 'upload'>,
                        status_code=403, error_code='SignatureDoesNotMatch', message=...)
        """
        settings = Settings(
            endpoint, bucket_name, access_key, secret_key, session_token, secure, region, cert_check
        )
        if secret is None:
            kind = BucketType(type)
            urls_flow = calls.probe_urls_for_settings(kind, settings)
            return (yield from self._check(urls_flow, kind, bucket_name))
        organization_id = yield from self._defaults.organization()
        stored = yield from self._stored(organization_id, secret)
        kind = _checkable(stored.type)
        urls_flow = calls.probe_urls_for_secret(organization_id, stored, settings)
        return (yield from self._check(urls_flow, kind, bucket_name or stored.bucket_name))

    def _stored(self, organization_id: str, value: str) -> Flow[BucketSecret]:
        if parse_uuid(value) is not None:
            try:
                return (yield from calls.fetch(organization_id, value))
            except NotFoundError:
                pass
        secrets = yield from calls.fetch_all(organization_id)
        found = pick("bucket secret", value, secrets, lambda item: (item.bucket_name,))
        if found is None:
            names = ", ".join(repr(item.bucket_name) for item in secrets) or "none"
            raise NotFoundError(
                f"no bucket secret {value!r} (by id or bucket name); buckets: {names}",
                status_code=404,
            )
        return found

    def _check(
        self, urls_flow: Flow[ProbeUrls], kind: BucketType, bucket_name: str | None
    ) -> Flow[BucketCheck]:
        try:
            urls = yield from urls_flow
        except (BadRequestError, UnprocessableEntityError) as refused:  # settings it won't sign
            return BucketCheck(
                ok=False,
                bucket_name=bucket_name,
                type=kind,
                failed_step=BucketCheckStep.URLS,
                status_code=refused.status_code,
                message=f"the server refused the settings: {refused.message}",
            )
        return (yield from check_bucket(urls, kind, bucket_name))


def _checkable(kind: BucketType | str) -> BucketType:
    try:
        return BucketType(kind)
    except ValueError:
        raise InvalidArgumentError(f"bucket secrets of type {kind!r} cannot be checked") from None
