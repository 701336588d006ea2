"""Checked by mypy (`make types`), never run: the public surface keeps its exact types on
both clients (sync methods return values, async ones coroutines and async iterators)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import assert_type

from luml_facade import (
    Artifact,
    ArtifactsList,
    AsyncLumlClient,
    BucketCheck,
    BucketSecret,
    Collection,
    CollectionDetails,
    CreatedArtifact,
    Deployment,
    LumlClient,
    Orbit,
    OrbitSecret,
    Organization,
    Satellite,
    SatelliteTask,
    SatelliteWithKey,
    Stage,
    Track,
    TrackEntriesList,
    TrackEntry,
    TracksList,
)


def sync_surface(luml: LumlClient) -> None:
    assert_type(luml.organizations.get(), Organization | None)
    assert_type(luml.organizations.list(), list[Organization])
    assert_type(luml.bucket_secrets.list(), list[BucketSecret])
    assert_type(luml.orbits.get("Default Orbit"), Orbit | None)
    assert_type(luml.orbits.create("x", "id"), Orbit)
    assert_type(luml.collections.get(), CollectionDetails | None)
    assert_type(luml.collections.list_all(), Iterator[Collection])
    assert_type(luml.artifacts.list(), ArtifactsList)
    assert_type(luml.artifacts.list_all(sort_by="F1"), Iterator[Artifact])
    assert_type(luml.artifacts.upload("model.luml"), Artifact)
    assert_type(luml.artifacts.download("id"), Path)
    assert_type(luml.artifacts.download("id", cache=True), Path)
    assert_type(luml.artifacts.cached_path("id"), Path)
    assert_type(luml.tracks.cached_path_by_stage("churn", "production"), Path)
    assert_type(luml.artifacts.create(None, "m.luml", {}, {}, "h", {}, 1, "m"), CreatedArtifact)
    assert_type(luml.artifacts.delete("id"), None)


async def async_surface(luml: AsyncLumlClient) -> None:
    assert_type(await luml.organizations.get(), Organization | None)
    assert_type(await luml.orbits.list(), list[Orbit])
    assert_type(luml.collections.list_all(), AsyncIterator[Collection])
    assert_type(luml.artifacts.list_all(), AsyncIterator[Artifact])
    assert_type(await luml.artifacts.upload("model.luml"), Artifact)
    assert_type(await luml.artifacts.download("id"), Path)
    assert_type(await luml.artifacts.cached_path("id"), Path)
    assert_type(await luml.tracks.cached_path_by_stage("churn", "production"), Path)
    await luml.setup_config(orbit="Default Orbit")


def sync_registry_surface(luml: LumlClient) -> None:
    assert_type(luml.tracks.create("churn", "model", stages=["dev"]), Track)
    assert_type(luml.tracks.get("churn"), Track | None)
    assert_type(luml.tracks.list(sort_by="name"), TracksList)
    assert_type(luml.tracks.list_all(), Iterator[Track])
    assert_type(luml.tracks.update("churn", stages=["dev", "prod"]), Track)
    assert_type(luml.tracks.delete("churn"), None)
    assert_type(luml.tracks.list_stages("churn"), list[Stage])
    assert_type(luml.tracks.add_artifact("churn", "id", stage="dev"), TrackEntry)
    assert_type(luml.tracks.list_artifacts("churn", "dev"), TrackEntriesList)
    assert_type(luml.tracks.list_all_artifacts("churn"), Iterator[TrackEntry])
    assert_type(luml.tracks.get_artifact("churn", "id"), TrackEntry)
    assert_type(luml.tracks.get_artifact_by_stage("churn", "prod"), TrackEntry | None)
    assert_type(luml.tracks.update_artifact("churn", "id", "prod", force=True), TrackEntry)
    assert_type(luml.tracks.remove_artifact("churn", "id"), None)
    assert_type(luml.tracks.remove_batch_artifacts("churn", ["id"]), None)
    assert_type(luml.tracks.download_by_stage("churn", "prod"), Path)
    assert_type(luml.deployments.list(), list[Deployment])
    assert_type(luml.deployments.get("api"), Deployment | None)
    assert_type(luml.deployments.create("api", "box", "id"), Deployment)
    assert_type(luml.deployments.update("api", description="x"), Deployment)
    assert_type(luml.deployments.delete("api"), SatelliteTask | None)
    assert_type(luml.satellites.list(paired=True), list[Satellite])
    assert_type(luml.satellites.get("box"), Satellite | None)
    assert_type(luml.satellites.create("box"), SatelliteWithKey)
    assert_type(luml.satellites.update("box", name="b"), Satellite)
    assert_type(luml.satellites.delete("box"), None)
    assert_type(luml.satellites.regenerate_api_key("box"), SatelliteWithKey)
    assert_type(luml.orbit_secrets.list(), list[OrbitSecret])
    assert_type(luml.orbit_secrets.get("token"), OrbitSecret | None)
    assert_type(luml.orbit_secrets.create("token", "value"), OrbitSecret)
    assert_type(luml.orbit_secrets.update("token", value="v2"), OrbitSecret)
    assert_type(luml.orbit_secrets.delete("token"), None)
    assert_type(luml.bucket_secrets.check("models"), BucketCheck)


async def async_registry_surface(luml: AsyncLumlClient) -> None:
    assert_type(await luml.tracks.create("churn", "model"), Track)
    assert_type(await luml.tracks.get("churn"), Track | None)
    assert_type(await luml.tracks.list(), TracksList)
    assert_type(luml.tracks.list_all(), AsyncIterator[Track])
    assert_type(await luml.tracks.list_stages("churn"), list[Stage])
    assert_type(await luml.tracks.add_artifact("churn", "id"), TrackEntry)
    assert_type(luml.tracks.list_all_artifacts("churn", "dev"), AsyncIterator[TrackEntry])
    assert_type(await luml.tracks.get_artifact_by_stage("churn", "prod"), TrackEntry | None)
    assert_type(await luml.tracks.download_by_stage("churn", "prod"), Path)
    assert_type(await luml.deployments.list(), list[Deployment])
    assert_type(await luml.deployments.delete("api", force=True), SatelliteTask | None)
    assert_type(await luml.satellites.create("box"), SatelliteWithKey)
    assert_type(await luml.orbit_secrets.get("token"), OrbitSecret | None)
    assert_type(await luml.bucket_secrets.check(endpoint="h", bucket_name="b"), BucketCheck)
