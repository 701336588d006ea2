"""luml.tracks, deployments, satellites, orbit_secrets and bucket_secrets.check against the REAL
LUML backend (opt-in: marker `live`, LUML_LIVE_STATE). Unique names; everything created is
removed again; the seeded organization, orbit, collection and bucket secret are only read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from facade.conftest import write_artifact  # tests/ is on sys.path (rootdir-relative)

from luml_facade import (
    AsyncLumlClient,
    BucketCheckStep,
    LumlClient,
    NotFoundError,
    OrbitSecret,
    SatelliteTask,
)

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


def test_promote_an_uploaded_artifact_to_production_and_fetch_it_back(
    live: LiveState, tmp_path: Path
) -> None:
    luml = client(live)
    source = write_artifact(tmp_path / "model.luml", metrics={"F1": 0.9})
    artifact = luml.artifacts.upload(source, name=unique("live-track-artifact"), on_progress=None)
    name = unique("live-track")
    track = luml.tracks.create(name, "model", stages=["dev", "staging", "production"])
    try:
        assert [stage.name for stage in track.stages] == ["dev", "staging", "production"]
        assert luml.tracks.get(name) == luml.tracks.get(track.id)
        assert luml.tracks.get_artifact_by_stage(name, "production") is None  # empty stage
        with pytest.raises(NotFoundError, match="its stages are 'dev', 'staging', 'production'"):
            luml.tracks.get_artifact_by_stage(name, "prod")

        entry = luml.tracks.add_artifact(name, artifact.id, stage="dev")
        assert (entry.version, entry.stage_name, entry.artifact_collection_id) == (
            1,
            "dev",
            live.collection_id,
        )
        promoted = luml.tracks.update_artifact(name, entry.id, "production")
        assert promoted.stage_name == "production"
        live_entry = luml.tracks.get_artifact_by_stage(name, "production")
        assert live_entry is not None and live_entry.id == entry.id
        assert luml.tracks.get_artifact_by_stage(name, "dev") is None
        assert [item.id for item in luml.tracks.list_all_artifacts(name, "production")] == [
            entry.id
        ]
        assert luml.tracks.get_artifact(name, entry.id).stage_name == "production"
        with pytest.raises(NotFoundError, match="has no entry"):  # the server's 500, resolved
            luml.tracks.get_artifact(name, "0199c455-21ee-74c6-b747-19a82f1a1e67")
        stages = luml.tracks.list_stages(name)
        assert [(stage.name, stage.is_used) for stage in stages][-1] == ("production", True)

        path = luml.tracks.download_by_stage(name, "production", tmp_path / "out.luml")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == artifact.file_hash

        luml.tracks.remove_artifact(name, entry.id)
        assert luml.tracks.get_artifact_by_stage(name, "production") is None
        updated = luml.tracks.update(name, description="live", stages=["dev", "production"])
        assert [stage.name for stage in updated.stages] == ["dev", "production"]
    finally:
        luml.tracks.delete(track.id)
        luml.artifacts.delete(artifact.id)
    assert luml.tracks.get(track.id) is None


async def test_tracks_deployments_and_satellites_on_the_async_client(live: LiveState) -> None:
    async with AsyncLumlClient(
        api_key=live.api_key,
        base_url=live.base_url,
        organization=live.organization_id,
        orbit=live.orbit_id,
    ) as luml:
        name = unique("live-async-track")
        track = await luml.tracks.create(name, "model")  # no stages: no 422
        try:
            assert track.stages == []
            found = [item.id async for item in luml.tracks.list_all(search=name)]
            assert found == [track.id]
        finally:
            await luml.tracks.delete(name)
        deployments = await luml.deployments.list()
        satellites = await luml.satellites.list()
        for deployment in deployments:
            assert await luml.deployments.get(deployment.id) == deployment
        for satellite in satellites:
            assert await luml.satellites.get(satellite.id) == satellite


def test_deployment_and_satellite_lists(live: LiveState) -> None:
    luml = client(live)
    deployments = luml.deployments.list()
    satellites = luml.satellites.list()
    assert all(deployment.orbit_id == live.orbit_id for deployment in deployments)
    assert all(satellite.orbit_id == live.orbit_id for satellite in satellites)
    assert luml.deployments.get(unique("no-such-deployment")) is None
    assert luml.satellites.get(unique("no-such-satellite")) is None
    assert SatelliteTask  # the type deployments.delete returns (not exercised here)


def test_orbit_secret_round_trip(live: LiveState) -> None:
    luml = client(live)
    name, value = unique("live-secret"), unique("value")
    secret = luml.orbit_secrets.create(name, value, tags=["live"])
    try:
        assert isinstance(secret, OrbitSecret) and value not in repr(secret)
        listed = {item.name: item for item in luml.orbit_secrets.list()}
        assert listed[name].value is None
        fetched = luml.orbit_secrets.get(name)
        assert fetched is not None and fetched.value == value
        rotated = luml.orbit_secrets.update(name, value=value + "-2")
        assert rotated.value == value + "-2"
    finally:
        luml.orbit_secrets.delete(secret.id)
    assert luml.orbit_secrets.get(secret.id) is None


def test_the_orbits_bucket_passes_the_check(live: LiveState) -> None:
    luml = client(live)
    result = luml.bucket_secrets.check(live.bucket_secret_id)
    assert result.ok, result
    assert result.passed == [
        BucketCheckStep.UPLOAD,
        BucketCheckStep.DOWNLOAD,
        BucketCheckStep.RANGE,
        BucketCheckStep.DELETE,
    ]
    missing = luml.bucket_secrets.check(live.bucket_secret_id, bucket_name=unique("no-bucket"))
    assert (missing.ok, missing.failed_step, missing.error_code) == (
        False,
        BucketCheckStep.UPLOAD,
        "NoSuchBucket",
    )
