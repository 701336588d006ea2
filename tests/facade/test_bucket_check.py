"""bucket_secrets.check on both clients: a bucket that works and ones that fail, through the
local server's connection-test URLs and its S3 storage (Azure through Azurite)."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from luml_facade import (
    AsyncLumlClient,
    BucketCheck,
    BucketCheckStep,
    BucketType,
    InvalidArgumentError,
    LumlClient,
    NotFoundError,
)
from luml_facade.testing import Azurite, Fault, LocalLuml, Tenant

from .conftest import FAST_RETRIES, run

# A connection string for the cases that never reach storage (refused arguments); the
# container tests use Azurite's own.
CONNECTION_STRING = (
    "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;"
    "BlobEndpoint=http://azure.test/devstoreaccount1"
)

ALL_STEPS = [
    BucketCheckStep.UPLOAD,
    BucketCheckStep.DOWNLOAD,
    BucketCheckStep.RANGE,
    BucketCheckStep.DELETE,
]


def storage_requests(server: LocalLuml) -> list[Any]:
    return [seen for seen in server.requests_seen if seen.target == "storage"]


async def test_a_stored_secret_that_works(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    luml_server.requests_seen.clear()
    result = await run(luml.bucket_secrets.check(luml_tenant.bucket_secret_id))
    assert isinstance(result, BucketCheck)
    assert result
    assert (result.ok, result.passed, result.failed_step) == (True, ALL_STEPS, None)
    assert (result.bucket_name, result.type) == (luml_tenant.bucket_name, BucketType.S3)
    seen = storage_requests(luml_server)
    assert [(request.method, "range" in request.headers) for request in seen] == [
        ("PUT", False),
        ("GET", False),
        ("GET", True),
        ("DELETE", False),
    ]
    assert all("authorization" not in request.headers for request in seen)  # never the key
    assert luml_server.stored_object(luml_tenant.bucket_name, "test_file") is None
    by_name = await run(luml.bucket_secrets.check(luml_tenant.bucket_name))
    assert by_name.ok


async def test_new_settings_that_work_and_a_bucket_that_does_not_exist(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    good = await run(
        luml.bucket_secrets.check(
            endpoint=luml_server.storage_url, bucket_name=luml_tenant.bucket_name
        )
    )
    assert good.ok and good.passed == ALL_STEPS
    missing = await run(
        luml.bucket_secrets.check(endpoint=luml_server.storage_url, bucket_name="no-such-bucket")
    )
    assert not missing
    assert (missing.failed_step, missing.status_code, missing.error_code) == (
        BucketCheckStep.UPLOAD,
        404,
        "NoSuchBucket",
    )
    assert missing.passed == []
    assert missing.message is not None and "NoSuchBucket" in missing.message
    assert "X-Amz-Signature" not in missing.message  # no presigned URL in the report


async def test_a_stored_secret_with_changed_settings_tried_first(
    luml: Any, luml_tenant: Tenant
) -> None:
    result = await run(
        luml.bucket_secrets.check(luml_tenant.bucket_secret_id, bucket_name="no-such-bucket")
    )
    assert (result.ok, result.bucket_name, result.error_code) == (
        False,
        "no-such-bucket",
        "NoSuchBucket",
    )
    stored = await run(luml.bucket_secrets.get(luml_tenant.bucket_secret_id))
    assert stored.bucket_name == luml_tenant.bucket_name  # nothing was saved


async def test_a_failed_read_says_so_and_still_deletes_the_object(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    denied = b"<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
    luml_server.faults.add(Fault(target="storage", method="GET", status=403, body=denied))
    result = await run(luml.bucket_secrets.check(luml_tenant.bucket_secret_id))
    assert (result.failed_step, result.status_code, result.error_code) == (
        BucketCheckStep.DOWNLOAD,
        403,
        "AccessDenied",
    )
    assert result.passed == [BucketCheckStep.UPLOAD]
    assert result.message == (
        "reading the test object back answered HTTP 403: AccessDenied (Access Denied)"
    )
    assert storage_requests(luml_server)[-1].method == "DELETE"
    assert luml_server.stored_object(luml_tenant.bucket_name, "test_file") is None


async def test_a_refused_range_is_its_own_step(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    luml_server.faults.add(Fault(target="storage", method="GET", nth=2, status=416))
    result = await run(luml.bucket_secrets.check(luml_tenant.bucket_secret_id))
    assert (result.failed_step, result.status_code) == (BucketCheckStep.RANGE, 416)
    assert result.passed == [BucketCheckStep.UPLOAD, BucketCheckStep.DOWNLOAD]
    assert luml_server.stored_object(luml_tenant.bucket_name, "test_file") is None


async def test_a_failed_delete_is_reported(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    luml_server.faults.add(Fault(target="storage", method="DELETE", status=403, times=10))
    result = await run(luml.bucket_secrets.check(luml_tenant.bucket_secret_id))
    assert (result.failed_step, result.status_code) == (BucketCheckStep.DELETE, 403)
    assert result.passed == ALL_STEPS[:3]


async def test_settings_the_server_refuses_fail_at_the_urls_step(luml: Any) -> None:
    result = await run(
        # a key that is not base64: the real server cannot sign with it
        luml.bucket_secrets.check(
            endpoint="AccountName=x;AccountKey=a2V5X", bucket_name="c", type="azure"
        )
    )
    assert (result.ok, result.failed_step, result.status_code) == (
        False,
        BucketCheckStep.URLS,
        400,
    )
    assert result.message is not None and result.message.startswith("the server refused")


async def test_bad_arguments(luml: Any, luml_tenant: Tenant) -> None:
    with pytest.raises(
        NotFoundError, match=f"in the organization; available: '{luml_tenant.bucket_name}'"
    ):
        await run(luml.bucket_secrets.check("no-such-bucket"))
    with pytest.raises(InvalidArgumentError, match="need endpoint= and bucket_name="):
        await run(luml.bucket_secrets.check(bucket_name="x"))
    with pytest.raises(InvalidArgumentError, match="Azure bucket secret takes only"):
        await run(
            luml.bucket_secrets.check(
                endpoint=CONNECTION_STRING, bucket_name="c", type="azure", access_key="a"
            )
        )


async def close(client: Any) -> None:
    await run(client.aclose() if isinstance(client, AsyncLumlClient) else client.close())


async def test_an_azure_container(
    client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, azurite: Azurite
) -> None:
    client_class: Any = AsyncLumlClient if client_kind == "async" else LumlClient
    luml = client_class(api_key=luml_tenant.api_key, base_url=luml_server.url, retry=FAST_RETRIES)
    settings = {"endpoint": azurite.connection_string, "bucket_name": "models", "type": "azure"}
    new = await run(luml.bucket_secrets.check(**settings))
    assert (new.ok, new.type, new.passed) == (True, BucketType.AZURE, ALL_STEPS)
    secret = await run(
        luml.bucket_secrets.create(azurite.connection_string, "models", type="azure")
    )
    stored = await run(luml.bucket_secrets.check(secret.id))
    assert stored.ok and stored.type == BucketType.AZURE
    missing = await run(luml.bucket_secrets.check(**{**settings, "bucket_name": "no-such"}))
    assert (missing.failed_step, missing.status_code) == (BucketCheckStep.UPLOAD, 404)
    await close(luml)


async def test_an_azure_container_that_refuses_the_signature(
    client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, azurite: Azurite
) -> None:
    """A secret holding the wrong account key: the server signs with it, Azurite refuses."""
    client_class: Any = AsyncLumlClient if client_kind == "async" else LumlClient
    luml = client_class(api_key=luml_tenant.api_key, base_url=luml_server.url, retry=FAST_RETRIES)
    wrong_key = base64.b64encode(b"not the account key").decode()
    connection_string = (
        f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={wrong_key};"
        f"BlobEndpoint={azurite.blob_endpoint};"
    )
    secret = await run(luml.bucket_secrets.create(connection_string, "models", type="azure"))
    result = await run(luml.bucket_secrets.check(secret.id))
    assert (result.failed_step, result.status_code, result.error_code) == (
        BucketCheckStep.UPLOAD,
        403,
        "AuthorizationFailure",  # Azurite's code for a bad SAS (Azure's: AuthenticationFailed)
    )
    await close(luml)
