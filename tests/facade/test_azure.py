"""Azure block-blob transfers. The local server hands out Azure upload details for an Azure
bucket secret; an in-memory blob service stands in for Azure Storage (no Azure emulator runs
here), reached through the facade's storage client."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import httpx
import pytest

from luml_facade import AsyncLumlClient, CollectionType, LumlClient
from luml_facade.testing import LocalLuml, Tenant

from .conftest import FAST_RETRIES, run, write_artifact

CONNECTION_STRING = (
    "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;"
    "BlobEndpoint=http://azure.test/devstoreaccount1"
)
MiB = 1024 * 1024


class FakeBlobService:
    """Just enough of Azure Blob Storage: Put Blob, Put Block, Put Block List, Get, Delete."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}
        self.blocks: dict[tuple[str, str], bytes] = {}
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        blob, params = request.url.path, request.url.params
        if request.method == "PUT":
            return self._put(request, blob, params.get("comp"), params.get("blockid"))
        if request.method == "GET" and blob in self.blobs:
            return httpx.Response(200, content=self.blobs[blob])
        if request.method == "DELETE" and self.blobs.pop(blob, None) is not None:
            return httpx.Response(202)
        return httpx.Response(404, text="<Error><Code>BlobNotFound</Code></Error>")

    def _put(
        self, request: httpx.Request, blob: str, comp: str | None, block: str | None
    ) -> httpx.Response:
        if int(request.headers["content-length"]) != len(request.content):
            return httpx.Response(400)
        if comp == "block" and block:
            self.blocks[(blob, block)] = request.content
        elif comp == "blocklist":
            ids = [element.text or "" for element in ElementTree.fromstring(request.content)]
            self.blobs[blob] = b"".join(self.blocks.pop((blob, block_id)) for block_id in ids)
        elif request.headers.get("x-ms-blob-type") == "BlockBlob":
            self.blobs[blob] = request.content
        else:
            return httpx.Response(400, text="<Error><Code>MissingRequiredHeader</Code></Error>")
        return httpx.Response(201)


@pytest.fixture
def blob_service() -> FakeBlobService:
    return FakeBlobService()


@pytest.fixture
async def azure_luml(
    client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, blob_service: FakeBlobService
) -> Any:
    """A client whose default orbit stores files in an Azure container."""
    transport = httpx.MockTransport(blob_service)
    storage = (
        httpx.AsyncClient(transport=transport)
        if client_kind == "async"
        else httpx.Client(transport=transport)
    )
    client_class = AsyncLumlClient if client_kind == "async" else LumlClient
    luml = client_class(
        api_key=luml_tenant.api_key,
        base_url=luml_server.url,
        retry=FAST_RETRIES,
        storage_http_client=storage,
    )
    secret = await run(luml.bucket_secrets.create(CONNECTION_STRING, "models", type="azure"))
    assert secret.type == "azure" and "AccountKey" not in (secret.endpoint or "")
    await run(luml.orbits.create("Azure orbit", secret.id))
    await run(luml.setup_config(orbit="Azure orbit"))
    await run(luml.collections.create("on azure", "azure", CollectionType.MIXED))
    await run(luml.setup_config(orbit="Azure orbit", collection="azure"))
    return luml


@pytest.mark.parametrize("size", [64 * 1024, 12 * MiB], ids=["one-put", "block-list"])
async def test_azure_upload_download_delete(
    azure_luml: Any, blob_service: FakeBlobService, luml_tenant: Tenant, tmp_path: Path, size: int
) -> None:
    source = write_artifact(tmp_path / "model.luml", payload_size=size)
    artifact = await run(azure_luml.artifacts.upload(source))
    assert artifact.status == "uploaded"
    stored = blob_service.blobs[f"/devstoreaccount1/models/{artifact.bucket_location}"]
    assert stored == source.read_bytes()
    puts = [request for request in blob_service.requests if request.method == "PUT"]
    assert all("authorization" not in request.headers for request in blob_service.requests)
    assert all(luml_tenant.api_key not in str(request.url) for request in blob_service.requests)
    if size > 8 * MiB:
        assert sum(1 for request in puts if request.url.params.get("comp") == "block") == 3
        assert puts[-1].url.params.get("comp") == "blocklist"
    else:
        assert [request.headers["x-ms-blob-type"] for request in puts] == ["BlockBlob"]
    target = await run(azure_luml.artifacts.download(artifact.id, tmp_path / "copy.luml"))
    assert Path(target).read_bytes() == source.read_bytes()
    await run(azure_luml.artifacts.delete(artifact.id))
    assert not blob_service.blobs
    assert await run(azure_luml.artifacts.get(artifact.id)) is None
