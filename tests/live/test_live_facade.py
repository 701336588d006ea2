"""The facade against the real backend: lists, and an artifact's upload, download and delete."""

from __future__ import annotations

from pathlib import Path

import pytest
from facade.conftest import write_artifact  # tests/ is on sys.path (rootdir-relative)

from luml_facade import AsyncLumlClient, LumlClient

from .conftest import LiveState, unique

pytestmark = pytest.mark.live


def client(live: LiveState) -> LumlClient:
    return LumlClient(
        api_key=live.api_key,
        base_url=live.base_url,
        organization=live.organization_id,
        orbit=live.orbit_id,
        collection=live.collection_id,
    )


def test_lists(live: LiveState) -> None:
    luml = client(live)
    assert live.organization_id in {org.id for org in luml.organizations.list()}
    assert live.orbit_id in {orbit.id for orbit in luml.orbits.list()}
    assert live.collection_id in {c.id for c in luml.collections.list_all()}
    assert luml.collections.get(live.collection).id == live.collection_id


def test_artifact_round_trip(live: LiveState, tmp_path: Path) -> None:
    luml = client(live)
    source = write_artifact(tmp_path / "model.luml", metrics={"F1": 0.5})
    name = unique("live-artifact")
    artifact = luml.artifacts.upload(file_path=str(source), name=name)
    try:
        assert luml.artifacts.get(name).id == artifact.id
        target = tmp_path / "downloaded.luml"
        luml.artifacts.download(artifact.id, file_path=str(target))
        assert target.read_bytes() == source.read_bytes()
    finally:
        luml.artifacts.delete(artifact.id)
    assert luml.artifacts.get(artifact.id) is None


async def test_async_lists(live: LiveState) -> None:
    async with AsyncLumlClient(
        api_key=live.api_key, base_url=live.base_url, organization=live.organization_id
    ) as luml:
        orbits = await luml.orbits.list()
        assert live.orbit_id in {orbit.id for orbit in orbits}
