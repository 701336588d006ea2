"""Fixtures for the facade tests: each test runs against the local LUML server, once with
LumlClient and once with AsyncLumlClient, through one `luml` fixture.

Tests are written once: `await run(luml.orbits.list())` works for both clients (a sync call
returns the value, an async one a coroutine), and `await collect(luml.artifacts.list_all())`
drains an iterator or an async iterator.
"""

from __future__ import annotations

import inspect
import io
import json
import os
import tarfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from luml_facade import AsyncLumlClient, CollectionType, LumlClient, RetryPolicy
from luml_facade.testing import Azurite, AzuriteMissing, LocalLuml, Tenant

FAST_RETRIES = RetryPolicy(max_retries=3, backoff_base=0.0, backoff_max=0.0)


async def run(value: Any) -> Any:
    """The value of a facade call, whichever client made it."""
    return await value if inspect.isawaitable(value) else value


async def collect(items: Iterator[Any] | AsyncIterator[Any]) -> list[Any]:
    """Every item of a sync or async iterator."""
    if isinstance(items, AsyncIterator):
        return [item async for item in items]
    return list(items)


def make_client(kind: str, server: LocalLuml, tenant: Tenant, **options: Any) -> Any:
    options.setdefault("retry", FAST_RETRIES)
    client_class = AsyncLumlClient if kind == "async" else LumlClient
    return client_class(api_key=tenant.api_key, base_url=server.url, **options)


@pytest.fixture(params=["sync", "async"])
def client_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def luml(client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant) -> Any:
    """A client (sync or async) for a fresh tenant: one organization and bucket secret."""
    client = make_client(client_kind, luml_server, luml_tenant)
    yield client
    await run(client.aclose() if client_kind == "async" else client.close())


@pytest.fixture
async def workspace(luml: Any, luml_tenant: Tenant) -> Any:
    """`luml` with an orbit "Models" and a mixed collection "main" set as defaults."""
    await run(luml.orbits.create("Models", luml_tenant.bucket_secret_id))
    await run(luml.setup_config(orbit="Models"))
    await run(luml.collections.create("main collection", "main", CollectionType.MIXED))
    await run(luml.setup_config(orbit="Models", collection="main"))
    return luml


def write_artifact(
    path: Path,
    *,
    artifact_type: str = "model",
    payload_size: int = 4096,
    metrics: dict[str, Any] | None = None,
) -> Path:
    """Write a small valid artifact archive (manifest, payload, metrics) and return it."""
    manifest = {
        "artifact_type": artifact_type,
        "variant": "pipeline",
        "producer_name": "tests",
        "producer_version": "1.0",
        "producer_tags": [],
        "payload": {},
    }
    members = {
        "manifest.json": json.dumps(manifest).encode(),
        "payload.bin": os.urandom(payload_size),
    }
    if metrics is not None:
        entry = [{"tags": ["luml::metrics:v1"], "payload": {"metrics": metrics}}]
        members["meta-0001.json"] = json.dumps(entry).encode()
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


AZURITE_CONTAINER = "models"


@pytest.fixture
def azurite(luml_server: LocalLuml) -> Azurite:
    """Azurite started by the session's local server, with the container "models"; skipped
    when Azurite is not installed, unless LUML_REQUIRE_AZURITE is set (`make test` sets it)."""
    try:
        emulator = luml_server.start_azurite()
    except AzuriteMissing as missing:
        if os.environ.get("LUML_REQUIRE_AZURITE"):
            raise
        pytest.skip(str(missing))
    emulator.create_container(AZURITE_CONTAINER)
    return emulator
