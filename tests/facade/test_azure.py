"""Azure block-blob transfers against Azurite, Microsoft's Azure Storage emulator, which the
local server starts on loopback (`LocalLuml.start_azurite()`; `make test` installs it). The
server hands out SAS URLs signed with the emulator's development account key, shaped as the
real server builds them, and Azurite checks the signatures and serves the blobs."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

from luml_facade import AsyncLumlClient, CollectionType, LumlClient
from luml_facade.testing import Azurite, LocalLuml, Tenant

from .conftest import AZURITE_CONTAINER, FAST_RETRIES, run, write_artifact

MiB = 1024 * 1024
CONTAINER = AZURITE_CONTAINER


@pytest.fixture
async def azure_luml(
    client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, azurite: Azurite
) -> Any:
    """A client whose default orbit stores files in an Azurite container."""
    client_class = AsyncLumlClient if client_kind == "async" else LumlClient
    luml = client_class(api_key=luml_tenant.api_key, base_url=luml_server.url, retry=FAST_RETRIES)
    secret = await run(
        luml.bucket_secrets.create(azurite.connection_string, CONTAINER, type="azure")
    )
    assert secret.type == "azure" and "AccountKey" not in (secret.endpoint or "")
    await run(luml.orbits.create("Azure orbit", secret.id))
    await run(luml.setup_config(orbit="Azure orbit"))
    await run(luml.collections.create("on azure", "azure", CollectionType.MIXED))
    await run(luml.setup_config(orbit="Azure orbit", collection="azure"))
    yield luml
    await run(luml.aclose() if client_kind == "async" else luml.close())


async def test_simple_upload_ranged_download_and_delete(
    azure_luml: Any, azurite: Azurite, tmp_path: Path
) -> None:
    source = write_artifact(tmp_path / "model.luml", payload_size=3 * MiB)
    artifact = await run(azure_luml.artifacts.upload(source))
    assert artifact.status == "uploaded"
    assert azurite.blob(CONTAINER, artifact.bucket_location) == source.read_bytes()
    assert azurite.committed_blocks(CONTAINER, artifact.bucket_location) == []  # one Put Blob

    target = await run(
        azure_luml.artifacts.download(
            artifact.id, tmp_path / "copy.luml", part_size=MiB, max_concurrency=3
        )
    )
    assert Path(target).read_bytes() == source.read_bytes()

    await run(azure_luml.artifacts.delete(artifact.id))
    assert azurite.blob(CONTAINER, artifact.bucket_location) is None
    assert await run(azure_luml.artifacts.get(artifact.id)) is None


async def test_block_list_upload_with_parallel_blocks(
    azure_luml: Any, azurite: Azurite, tmp_path: Path
) -> None:
    source = write_artifact(tmp_path / "big.luml", payload_size=12 * MiB)  # 3 blocks of 5 MiB

    artifact = await run(azure_luml.artifacts.upload(source))

    assert artifact.status == "uploaded"
    assert azurite.blob(CONTAINER, artifact.bucket_location) == source.read_bytes()
    blocks = azurite.committed_blocks(CONTAINER, artifact.bucket_location)
    assert [base64.b64decode(block) for block in blocks] == [
        b"block-00000001",
        b"block-00000002",
        b"block-00000003",
    ]
    target = await run(azure_luml.artifacts.download(artifact.id, tmp_path / "copy.luml"))
    assert Path(target).read_bytes() == source.read_bytes()


async def test_a_tampered_sas_is_refused_by_azurite(
    azure_luml: Any, azurite: Azurite, tmp_path: Path
) -> None:
    import urllib3

    source = write_artifact(tmp_path / "model.luml")
    artifact = await run(azure_luml.artifacts.upload(source))
    url = (await run(azure_luml.artifacts.download_url(artifact.id)))["url"]

    assert urllib3.request("GET", url).status == 200
    assert urllib3.request("GET", url.replace("sp=r", "sp=rw")).status == 403
