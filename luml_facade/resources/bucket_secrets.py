"""Bucket secrets (storage credentials) of the default organization."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import ClassVar

import attrs

from .._checks import NAME, SECRET, Rule, choice
from .._errors import BadRequestError, InvalidArgumentError, UnprocessableEntityError
from .._flow import Flow
from .._session import M, Resource, operation
from ..calls import bucket_secrets as calls
from ..calls._resolve import find_in, require_in
from ..calls.bucket_secrets import ProbeUrls, Settings
from ..transfer.bucket_check import check_bucket
from ..types import BucketCheck, BucketCheckStep, BucketSecret, BucketType, MultiPartUploadDetails


def _bucket_name(secret: BucketSecret) -> tuple[str | None]:
    return (secret.bucket_name,)


class BucketSecretResource(Resource[M]):
    """Bucket secrets of the default organization (`luml.bucket_secrets`)."""

    arguments: ClassVar[Mapping[str, Rule]] = {
        "endpoint": attrs.evolve(SECRET, empty=False),  # an Azure connection string holds a key
        "bucket_name": NAME,
        "access_key": SECRET,
        "secret_key": SECRET,
        "session_token": SECRET,
    }

    @operation
    def get(self, secret_value: str) -> Flow[BucketSecret | None]:
        """Get a bucket secret of the default organization by id or exact bucket name.

        Arguments:
            secret_value: The secret's id or its bucket's exact name.

        Returns:
            BucketSecret | None: the secret (S3BucketSecret or AzureBucketSecret; keys left out
            of its repr), or None when nothing matches.

        Raises:
            MultipleResourcesFoundError: several secrets use that bucket name.

        Example:
            secret = luml.bucket_secrets.get("my-bucket")
        """
        route = yield from self._defaults.organization_route()
        return (yield from find_in(calls, route, "bucket secret", secret_value, _bucket_name))

    @operation
    def list(self) -> Flow[builtins.list[BucketSecret]]:
        """List the bucket secrets of the default organization.

        Returns:
            list[BucketSecret]: every secret (S3BucketSecret or AzureBucketSecret).

        Raises:
            ConfigurationError: no organization is chosen (and the key's user has several).

        Example:
            for secret in luml.bucket_secrets.list():
                print(secret.id, secret.bucket_name)
        """
        route = yield from self._defaults.organization_route()
        return (yield from calls.fetch_all(route))

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

        Arguments:
            endpoint: S3: the service's host (and port); Azure: the connection string.
            bucket_name: The bucket (Azure: the container).
            access_key: The access key.
            secret_key: The secret key.
            session_token: A session token, if the key is temporary.
            secure: Whether to use HTTPS.
            region: The bucket's region (S3; default us-east-1).
            cert_check: Whether to verify the storage's TLS certificate.
            type: "s3" (default) or "azure".

        Returns:
            BucketSecret: the new secret.

        Raises:
            ConflictError: a secret with that endpoint and bucket already exists.
            InvalidArgumentError: an unknown type.

        Example:
            secret = luml.bucket_secrets.create(
                endpoint="s3.eu-north-1.amazonaws.com", bucket_name="models",
                access_key="AKIA...", secret_key="...", region="eu-north-1",
            )
        """
        kind = choice(BucketType, type, "type")
        settings = Settings(
            endpoint, bucket_name, access_key, secret_key, session_token, secure, region, cert_check
        )
        route = yield from self._defaults.organization_route()
        return (yield from calls.create(route, kind, settings))

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
        """Update a bucket secret; the arguments given change, the stored settings stay.

        The real server writes every field of an update, a field left out as null: this
        method reads the secret first and sends its endpoint, bucket, region, secure and
        cert_check along. Credentials cannot be read back: the real server clears the ones
        not given, so pass access_key/secret_key/session_token again when the secret has them.

        Arguments:
            secret_id: The secret's id.
            endpoint: A new endpoint (as in `create`).
            bucket_name: A new bucket.
            access_key: A new access key.
            secret_key: A new secret key.
            session_token: A new session token.
            secure: Whether to use HTTPS.
            region: A new region.
            cert_check: Whether to verify the storage's TLS certificate.

        Returns:
            BucketSecret: the updated secret.

        Raises:
            NotFoundError: the secret does not exist.

        Example:
            luml.bucket_secrets.update(secret.id, access_key="AK", secret_key="rotated")
        """
        changes = Settings(
            endpoint, bucket_name, access_key, secret_key, session_token, secure, region, cert_check
        )
        route = yield from self._defaults.organization_route()
        return (yield from calls.update(route, secret_id, changes))

    @operation
    def delete(self, secret_id: str) -> Flow[None]:
        """Delete a bucket secret.

        Arguments:
            secret_id: The secret's id.

        Raises:
            ConflictError: an orbit still uses it.
            NotFoundError: the secret does not exist.

        Example:
            luml.bucket_secrets.delete(secret.id)
        """
        route = yield from self._defaults.organization_route()
        yield from calls.delete(route, secret_id)

    @operation
    def get_multipart_upload_urls(
        self, bucket_id: str, bucket_location: str, size: int, upload_id: str | None = None
    ) -> Flow[MultiPartUploadDetails]:
        """Presigned URLs for each part of a multipart upload, and the URL completing it.

        Arguments:
            bucket_id: The bucket secret's id (`upload_details.bucket_secret_id`).
            bucket_location: The object's location in the bucket.
            size: The file's size in bytes.
            upload_id: The upload id S3's initiate request returned (Azure: None).

        Returns:
            MultiPartUploadDetails: the parts (number, byte range, URL) and the completion URL.

        Raises:
            NotFoundError: the bucket secret does not exist.

        Example:
            urls = luml.bucket_secrets.get_multipart_upload_urls(
                details.bucket_secret_id, details.bucket_location, size, upload_id
            )
        """
        return (yield from calls.fetch_multipart_urls(bucket_id, bucket_location, size, upload_id))

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
            endpoint: The storage endpoint to check (as in `create`); for a stored secret,
                one to try instead of its own (likewise for the settings below).
            bucket_name: The bucket's name.
            access_key: The access key.
            secret_key: The secret key (or Azure connection string).
            session_token: A session token, if the key is temporary.
            secure: Whether to use HTTPS.
            region: The bucket's region.
            cert_check: Whether to verify the storage's TLS certificate.
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
        route = yield from self._defaults.organization_route()
        stored = yield from require_in(
            calls, route, "bucket secret", secret, "the organization", _bucket_name
        )
        kind = _checkable(stored.type)
        urls_flow = calls.probe_urls_for_secret(route, stored, settings)
        return (yield from self._check(urls_flow, kind, bucket_name or stored.bucket_name))

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
