"""Every registry operation round-trips through the generated client, sync and asyncio, against
the local server: orbit secrets, deployments, satellites, tracks and track entries."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from uuid import UUID

import pytest
import yaml
from luml_openapi.api.deployments import (
    create_deployment,
    delete_deployment,
    force_delete_deployment,
    get_deployment,
    list_deployments,
    update_deployment,
)
from luml_openapi.api.orbit_secrets import (
    create_orbit_secret,
    delete_orbit_secret,
    get_orbit_secret,
    list_orbit_secrets,
    update_orbit_secret,
)
from luml_openapi.api.satellites import (
    create_satellite,
    delete_satellite,
    get_satellite,
    list_satellites,
    regenerate_satellite_api_key,
    update_satellite,
)
from luml_openapi.api.track_entries import (
    create_track_entry,
    delete_track_entries,
    delete_track_entry,
    get_track_entry,
    get_track_entry_by_stage,
    list_track_entries,
    update_track_entry,
)
from luml_openapi.api.tracks import (
    create_track,
    delete_track,
    get_track,
    list_track_stages,
    list_tracks,
    update_track,
)
from luml_openapi.client import AuthenticatedClient
from luml_openapi.models import (
    CreatedSatellite,
    Deployment,
    DeploymentCreate,
    DeploymentStatus,
    DeploymentUpdate,
    ErrorResponse,
    HTTPValidationError,
    OrbitSecret,
    OrbitSecretCreate,
    OrbitSecretUpdate,
    Satellite,
    SatelliteApiKey,
    SatelliteCreate,
    SatelliteStatus,
    SatelliteTask,
    SatelliteTaskStatus,
    SatelliteTaskType,
    SatelliteUpdate,
    SortOrder,
    Stage,
    Track,
    TrackCreate,
    TrackEntriesDelete,
    TrackEntriesList,
    TrackEntry,
    TrackEntryCreate,
    TrackEntrySortBy,
    TrackEntryUpdate,
    TracksList,
    TrackSortBy,
    TrackUpdate,
)
from luml_openapi.types import Response

from luml_facade.testing import LocalLuml, Tenant, artifact_manifest

from .conftest import Api, make_api

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
REGISTRY_TAGS = {"orbit_secrets", "deployments", "satellites", "tracks", "track_entries"}
CALLED: set[tuple[str, str]] = set()
SERVER_ERROR = "Internal Server Error"


class Gen:
    """Calls a generated endpoint module through its sync or asyncio functions."""

    def __init__(self, mode: str, client: AuthenticatedClient, org: UUID, orbit: UUID) -> None:
        self.mode = mode
        self.client = client
        self.org = org
        self.orbit = orbit

    async def call(self, module: ModuleType, *args: Any, expect: int = 200, **kwargs: Any) -> Any:
        """Call the operation in this organization and orbit; check the status; the parsed body."""
        CALLED.add((self.mode, module.__name__.rsplit(".", 1)[-1]))
        if self.mode == "sync":
            response = module.sync_detailed(
                self.org, self.orbit, *args, client=self.client, **kwargs
            )
        else:
            response = await module.asyncio_detailed(
                self.org, self.orbit, *args, client=self.client, **kwargs
            )
        assert isinstance(response, Response)
        if response.status_code == 500:
            await self._reconnect()  # the server drops the connection after this answer
        assert response.status_code == expect, response.content
        return response.parsed

    async def _reconnect(self) -> None:
        if self.mode == "sync":
            self.client.get_httpx_client().close()
        else:
            await self.client.get_async_httpx_client().aclose()
        self.client = AuthenticatedClient(base_url=self.client._base_url, token=self.client.token)


@dataclass
class World:
    gen: Gen
    raw: Api
    orbit_id: str
    collection_id: str

    def artifact(self, name: str, kind: str = "model") -> str:
        path = self.raw.artifacts_path(self.orbit_id, self.collection_id)
        body = self.raw.artifact_body(name=name, manifest=artifact_manifest(kind))
        created = self.raw.ok("POST", path, json=body)
        return str(created["artifact"]["id"])


@pytest.fixture(params=["sync", "asyncio"])
async def world(
    request: pytest.FixtureRequest, luml_server: LocalLuml, luml_tenant: Tenant
) -> AsyncIterator[World]:
    with make_api(luml_server, luml_tenant) as http:
        raw = Api(http, luml_tenant)
        orbit_id = raw.orbit()
        collection_id = raw.collection(orbit_id, "mixed")
        client = AuthenticatedClient(base_url=luml_server.url, token=luml_tenant.api_key)
        gen = Gen(request.param, client, UUID(luml_tenant.organization_id), UUID(orbit_id))
        yield World(gen, raw, orbit_id, collection_id)
        if request.param == "sync":
            gen.client.get_httpx_client().close()
        else:
            await gen.client.get_async_httpx_client().aclose()


async def test_orbit_secrets(world: World) -> None:
    gen = world.gen
    body = OrbitSecretCreate.from_dict({"name": "db", "value": "s3cr3t", "tags": ["prod"]})
    created = await gen.call(create_orbit_secret, body=body)
    assert isinstance(created, OrbitSecret)
    assert (created.name, created.value, created.tags) == ("db", "s3cr3t", ["prod"])
    duplicate = await gen.call(create_orbit_secret, body=body, expect=400)
    assert isinstance(duplicate, ErrorResponse)
    assert duplicate.detail == "Secret with name db already exist in orbit."
    other = await gen.call(
        create_orbit_secret, body=OrbitSecretCreate.from_dict({"name": "api", "value": "k"})
    )
    listed = await gen.call(list_orbit_secrets)
    assert [(s.name, s.value) for s in listed] == [("db", ""), ("api", "")]
    got = await gen.call(get_orbit_secret, created.id)
    assert got.value == "s3cr3t"
    update = OrbitSecretUpdate.from_dict({"value": "n3w", "tags": None})
    updated = await gen.call(update_orbit_secret, created.id, body=update)
    assert (updated.name, updated.value, updated.tags) == ("db", "n3w", None)
    assert updated.updated_at is not None
    clash = await gen.call(
        update_orbit_secret, other.id, body=OrbitSecretUpdate.from_dict({"name": "db"}), expect=500
    )
    assert clash == SERVER_ERROR
    await gen.call(delete_orbit_secret, created.id, expect=204)
    missing = await gen.call(get_orbit_secret, created.id, expect=404)
    assert missing.detail == "Orbit secret not found"


async def test_satellites(world: World) -> None:
    gen = world.gen
    nameless = await gen.call(create_satellite, body=SatelliteCreate(), expect=500)
    assert nameless == SERVER_ERROR
    created = await gen.call(
        create_satellite, body=SatelliteCreate.from_dict({"name": "gpu", "description": "d"})
    )
    assert isinstance(created, CreatedSatellite)
    assert created.api_key.startswith("dfssat_")
    satellite = created.satellite
    assert isinstance(satellite, Satellite)
    assert (satellite.paired, satellite.status) == (False, SatelliteStatus.INACTIVE)
    assert satellite.capabilities.additional_properties == {}
    assert [s.id for s in await gen.call(list_satellites)] == [satellite.id]
    assert [s.id for s in await gen.call(list_satellites, paired=False)] == [satellite.id]
    assert await gen.call(list_satellites, paired=True) == []
    assert (await gen.call(get_satellite, satellite.id)).name == "gpu"
    renamed = await gen.call(
        update_satellite, satellite.id, body=SatelliteUpdate.from_dict({"name": "gpu-2"})
    )
    assert (renamed.name, renamed.description) == ("gpu-2", None)
    no_name = await gen.call(
        update_satellite,
        satellite.id,
        body=SatelliteUpdate.from_dict({"description": "x"}),
        expect=500,
    )
    assert no_name == SERVER_ERROR
    key = await gen.call(regenerate_satellite_api_key, satellite.id)
    assert isinstance(key, SatelliteApiKey)
    assert isinstance(key.key, str) and key.key.startswith("dfssat_")
    assert key.key != created.api_key
    await gen.call(delete_satellite, satellite.id, expect=204)
    missing = await gen.call(get_satellite, satellite.id, expect=404)
    assert missing.detail == "Satellite not found"


async def test_deployments(world: World) -> None:
    gen = world.gen
    artifact_id = world.artifact("model-a")
    satellite = (
        await gen.call(create_satellite, body=SatelliteCreate.from_dict({"name": "sat"}))
    ).satellite
    secret = await gen.call(
        create_orbit_secret, body=OrbitSecretCreate.from_dict({"name": "tok", "value": "v"})
    )
    body = DeploymentCreate.from_dict(
        {
            "satellite_id": str(satellite.id),
            "artifact_id": artifact_id,
            "name": "churn-api",
            "satellite_parameters": {"replicas": 2, "gpu": True, "tier": "small"},
            "env_variables": {"MODE": "prod"},
            "env_variables_secrets": {"TOKEN": str(secret.id)},
            "tags": ["v1"],
        }
    )
    created = await gen.call(create_deployment, body=body)
    assert isinstance(created, Deployment)
    assert created.status == DeploymentStatus.PENDING
    assert (created.satellite_name, created.artifact_name) == ("sat", "model-a")
    assert str(created.collection_id) == world.collection_id
    assert created.satellite_parameters.additional_properties == {
        "replicas": 2,
        "gpu": True,
        "tier": "small",
    }
    assert created.env_variables_secrets.additional_properties == {"TOKEN": str(secret.id)}
    assert created.model_id == created.artifact_id
    assert [d.id for d in await gen.call(list_deployments)] == [created.id]
    assert (await gen.call(get_deployment, created.id)).name == "churn-api"
    update = DeploymentUpdate.from_dict(
        {"name": "churn", "dynamic_attributes_secrets": {"key": str(secret.id)}}
    )
    updated = await gen.call(update_deployment, created.id, body=update)
    assert (updated.name, updated.tags, updated.description) == ("churn", None, None)
    assert updated.dynamic_attributes_secrets.additional_properties == {"key": str(secret.id)}
    partial = await gen.call(
        update_deployment,
        created.id,
        body=DeploymentUpdate.from_dict({"dynamic_attributes_secrets": {}}),
        expect=500,
    )
    assert partial == SERVER_ERROR
    in_use = await gen.call(delete_satellite, satellite.id, expect=409)
    assert in_use.detail == "Cannot delete satellite. It is used in deployments."
    task = await gen.call(delete_deployment, created.id)
    assert isinstance(task, SatelliteTask)
    assert (task.type_, task.status) == (SatelliteTaskType.UNDEPLOY, SatelliteTaskStatus.PENDING)
    assert task.payload.additional_properties == {"deployment_id": str(created.id)}
    assert (await gen.call(get_deployment, created.id)).status == DeploymentStatus.DELETION_PENDING
    again = await gen.call(delete_deployment, created.id, expect=409)
    assert again.detail == "Deployment deletion already pending"
    await gen.call(force_delete_deployment, created.id, expect=204)
    gone = await gen.call(force_delete_deployment, created.id, expect=404)
    assert gone.detail == "Deployment not found"
    await gen.call(delete_satellite, satellite.id, expect=204)


async def test_tracks(world: World) -> None:
    gen = world.gen
    body = TrackCreate.from_dict(
        {"name": "churn", "artifact_type": "model", "tags": ["t1"], "stages": ["dev", "prod"]}
    )
    track = await gen.call(create_track, body=body)
    assert isinstance(track, Track)
    assert [s.name for s in track.stages] == ["dev", "prod"]
    assert (track.next_version, track.total_entries, track.artifact_type) == (1, 0, "model")
    duplicate = TrackCreate.from_dict({"name": "x", "artifact_type": "model", "stages": ["a", "a"]})
    conflict = await gen.call(create_track, body=duplicate, expect=409)
    assert conflict.detail == "Duplicate stage names are not allowed."
    second = await gen.call(
        create_track, body=TrackCreate.from_dict({"name": "churn", "artifact_type": "dataset"})
    )
    assert second.stages == []
    page = await gen.call(list_tracks, limit=1, sort_by=TrackSortBy.NAME, order=SortOrder.ASC)
    assert isinstance(page, TracksList)
    assert len(page.items) == 1 and isinstance(page.cursor, str)
    rest = await gen.call(
        list_tracks, limit=1, sort_by=TrackSortBy.NAME, order=SortOrder.ASC, cursor=page.cursor
    )
    assert rest.cursor is None
    assert {page.items[0].id, rest.items[0].id} == {track.id, second.id}
    by_type = await gen.call(list_tracks, types=["dataset"])
    assert [t.id for t in by_type.items] == [second.id]
    by_tag = await gen.call(list_tracks, search="T1")
    assert [t.id for t in by_tag.items] == [track.id]
    assert (await gen.call(get_track, track.id)).name == "churn"
    dev, prod = track.stages
    update = TrackUpdate.from_dict(
        {
            "description": "the churn line",
            "stages": [{"id": str(prod.id), "name": "production"}, {"name": "qa"}],
        }
    )
    updated = await gen.call(update_track, track.id, body=update)
    assert updated.description == "the churn line"
    assert [s.name for s in updated.stages] == ["production", "qa"]
    assert updated.stages[0].id == prod.id
    foreign = TrackUpdate.from_dict({"stages": [{"id": str(dev.id), "name": "dev"}]})
    rule = await gen.call(update_track, track.id, body=foreign, expect=422)
    assert isinstance(rule, ErrorResponse)
    assert rule.detail == "Stage does not belong to this track."
    # A body the spec refuses (a stage without a name) answers the list form of 422.
    raw = world.raw.http.patch(
        f"{world.raw.org}/orbits/{world.orbit_id}/tracks/{track.id}", json={"stages": [{}]}
    )
    assert raw.status_code == 422
    invalid = update_track._parse_response(client=gen.client, response=raw)
    assert isinstance(invalid, HTTPValidationError)
    assert [item.loc for item in invalid.detail] == [["body", "stages", 0, "name"]]
    stages = await gen.call(list_track_stages, track.id)
    assert [(type(s), s.name, s.is_used) for s in stages] == [
        (Stage, "production", False),
        (Stage, "qa", False),
    ]
    await gen.call(delete_track, second.id, expect=204)
    missing = await gen.call(get_track, second.id, expect=404)
    assert missing.detail == "Track not found"


async def test_track_entries(world: World) -> None:
    gen = world.gen
    track = await gen.call(
        create_track,
        body=TrackCreate.from_dict({"name": "t", "artifact_type": "model", "stages": ["dev"]}),
    )
    (dev,) = track.stages
    first, second, third = (world.artifact(f"m{i}") for i in range(3))
    dataset = world.artifact("d", kind="dataset")
    empty = await gen.call(get_track_entry_by_stage, track.id, stage_id=dev.id, expect=500)
    assert empty == SERVER_ERROR
    e1 = await gen.call(
        create_track_entry,
        track.id,
        body=TrackEntryCreate.from_dict({"artifact_id": first, "stage_id": str(dev.id)}),
    )
    assert isinstance(e1, TrackEntry)
    assert (e1.version, e1.stage_name, e1.artifact_name) == (1, "dev", "m0")
    e2 = await gen.call(
        create_track_entry, track.id, body=TrackEntryCreate.from_dict({"artifact_id": second})
    )
    assert (e2.version, e2.stage_id) == (2, None)
    mismatch = await gen.call(
        create_track_entry,
        track.id,
        body=TrackEntryCreate.from_dict({"artifact_id": dataset}),
        expect=400,
    )
    assert mismatch.detail == "Artifact type 'dataset' does not match track artifact type 'model'."
    held = await gen.call(get_track_entry_by_stage, track.id, stage_id=dev.id)
    assert held.id == e1.id
    move = TrackEntryUpdate.from_dict({"stage_id": str(dev.id)})
    conflict = await gen.call(update_track_entry, track.id, e2.id, body=move, expect=409)
    assert conflict.detail == "Stage 'dev' is already assigned to v1. Use force to reassign."
    moved = await gen.call(update_track_entry, track.id, e2.id, body=move, force=True)
    assert (moved.stage_id, moved.stage_name) == (dev.id, "dev")
    assert (await gen.call(get_track_entry, track.id, e1.id)).stage_id is None
    unknown = await gen.call(get_track_entry, track.id, UUID(int=1), expect=500)
    assert unknown == SERVER_ERROR
    at_dev = await gen.call(list_track_entries, track.id, stage=dev.id)
    assert isinstance(at_dev, TrackEntriesList)
    assert [e.id for e in at_dev.items] == [e2.id]
    by_version = await gen.call(
        list_track_entries, track.id, sort_by=TrackEntrySortBy.VERSION, order=SortOrder.ASC, limit=1
    )
    assert [e.version for e in by_version.items] == [1]
    nxt = await gen.call(
        list_track_entries,
        track.id,
        sort_by=TrackEntrySortBy.VERSION,
        order=SortOrder.ASC,
        limit=1,
        cursor=by_version.cursor,
    )
    assert [e.version for e in nxt.items] == [2] and nxt.cursor is None
    off = await gen.call(update_track_entry, track.id, e2.id, body=TrackEntryUpdate())
    assert off.stage_id is None
    e3 = await gen.call(
        create_track_entry, track.id, body=TrackEntryCreate.from_dict({"artifact_id": third})
    )
    batch = TrackEntriesDelete.from_dict({"entry_ids": [str(e1.id), str(e2.id), str(UUID(int=7))]})
    await gen.call(delete_track_entries, track.id, body=batch, expect=204)
    await gen.call(delete_track_entry, track.id, e3.id, expect=204)
    gone = await gen.call(delete_track_entry, track.id, e3.id, expect=404)
    assert gone.detail == "Entry not found"
    after = await gen.call(get_track, track.id)
    assert (after.total_entries, after.next_version) == (0, 4)


def test_every_registry_operation_was_called_sync_and_asyncio() -> None:
    if not {("sync", "create_track"), ("asyncio", "create_track")} <= CALLED:
        pytest.skip("needs the other tests of this module in the same run")
    spec = yaml.safe_load(SPEC_PATH.read_text())
    operations = {
        op["operationId"]
        for item in spec["paths"].values()
        for method, op in item.items()
        if method in {"get", "post", "put", "patch", "delete"} and op["tags"][0] in REGISTRY_TAGS
    }
    assert len(operations) == 30
    expected = {(mode, name) for mode in ("sync", "asyncio") for name in operations}
    assert expected - CALLED == set()
