"""luml.satellites and luml.deployments on both clients against the local server."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from luml_facade import (
    ConflictError,
    Deployment,
    DeploymentStatus,
    MultipleResourcesFoundError,
    NotFoundError,
    Satellite,
    SatelliteStatus,
    SatelliteTask,
    SatelliteTaskType,
    SatelliteWithKey,
)
from luml_facade.types import adopt

from .conftest import run
from .test_resources import create_record


async def test_satellite_lifecycle_by_name_and_id(workspace: Any) -> None:
    luml = workspace
    created = await run(luml.satellites.create("gpu-box", "room 4"))
    assert isinstance(created, SatelliteWithKey)
    satellite = created.satellite
    assert isinstance(satellite, Satellite)
    assert (satellite.name, satellite.description, satellite.paired) == ("gpu-box", "room 4", False)
    assert satellite.status == SatelliteStatus.INACTIVE
    assert created.api_key.startswith("dfssat_")
    assert await run(luml.satellites.list()) == [satellite]
    assert await run(luml.satellites.list(paired=True)) == []
    assert await run(luml.satellites.get("gpu-box")) == satellite
    assert await run(luml.satellites.get(satellite.id)) == satellite
    assert await run(luml.satellites.get("nope")) is None

    moved = await run(luml.satellites.update("gpu-box", description="room 5"))
    assert (moved.name, moved.description) == ("gpu-box", "room 5")  # the name is kept
    renamed = await run(luml.satellites.update(satellite.id, name="a100"))
    assert (renamed.name, renamed.description) == ("a100", "room 5")  # the description too

    rotated = await run(luml.satellites.regenerate_api_key("a100"))
    assert rotated.satellite.id == satellite.id
    assert rotated.api_key.startswith("dfssat_") and rotated.api_key != created.api_key

    await run(luml.satellites.delete("a100"))
    assert await run(luml.satellites.list()) == []
    with pytest.raises(NotFoundError, match="no satellite 'a100' in the orbit; available: none"):
        await run(luml.satellites.delete("a100"))


async def test_satellite_names_can_be_ambiguous(workspace: Any) -> None:
    luml = workspace
    first = await run(luml.satellites.create("box"))
    await run(luml.satellites.create("box"))
    with pytest.raises(MultipleResourcesFoundError, match="2 satellites are named 'box'"):
        await run(luml.satellites.get("box"))
    with pytest.raises(MultipleResourcesFoundError):
        await run(luml.deployments.create("d", "box", "0199c455-21ee-74c6-b747-19a82f1a1e67"))
    assert await run(luml.satellites.get(first.satellite.id)) == first.satellite


async def test_the_satellite_key_stays_out_of_reprs_and_logs(
    workspace: Any, caplog: pytest.LogCaptureFixture
) -> None:
    luml = workspace
    caplog.set_level(logging.DEBUG)
    created = await run(luml.satellites.create("gpu-box"))
    rotated = await run(luml.satellites.regenerate_api_key("gpu-box"))
    for value in (created, rotated):
        assert value.api_key not in repr(value)
        assert value.api_key not in str(value)
        assert "api_key='***'" in repr(value)
        assert value.api_key not in caplog.text


async def deploy_setup(luml: Any) -> tuple[Satellite, str, Any]:
    """A satellite, a model artifact record and an orbit secret in the default orbit."""
    satellite = (await run(luml.satellites.create("gpu-box"))).satellite
    artifact = await create_record(luml, "churn-v1")
    secret = await run(luml.orbit_secrets.create("db-password", "hunter2"))
    return satellite, artifact.id, secret


async def test_deployment_lifecycle(workspace: Any) -> None:
    luml = workspace
    satellite, artifact_id, secret = await deploy_setup(luml)
    deployment = await run(
        luml.deployments.create(
            "churn-api",
            "gpu-box",
            artifact_id,
            description="v1",
            tags=["churn"],
            satellite_parameters={"replicas": 2, "gpu": True},
            env_variables={"LOG_LEVEL": "info"},
            env_variables_secrets={"DB_PASSWORD": "db-password"},
            dynamic_attributes_secrets={"token": secret.id},
        )
    )
    assert isinstance(deployment, Deployment)
    assert deployment.status == DeploymentStatus.PENDING
    assert (deployment.satellite_id, deployment.satellite_name) == (satellite.id, "gpu-box")
    assert (deployment.artifact_id, deployment.artifact_name) == (artifact_id, "churn-v1")
    assert deployment.env_variables == {"LOG_LEVEL": "info"}
    assert deployment.env_variables_secrets == {"DB_PASSWORD": secret.id}  # a name became an id
    assert deployment.dynamic_attributes_secrets == {"token": secret.id}
    assert deployment.satellite_parameters == {"replicas": 2, "gpu": True}
    assert await run(luml.deployments.list()) == [deployment]
    assert await run(luml.deployments.get("churn-api")) == deployment
    assert await run(luml.deployments.get(deployment.id)) == deployment
    assert await run(luml.deployments.get("nope")) is None

    updated = await run(luml.deployments.update("churn-api", description="v2"))
    assert updated.description == "v2"
    unchanged = ("name", "tags", "dynamic_attributes_secrets", "env_variables_secrets")
    for field in unchanged:  # the server replaces every detail: the client sends them back
        assert getattr(updated, field) == getattr(deployment, field)
    renamed = await run(luml.deployments.update(deployment.id, name="churn", tags=["b"]))
    assert (renamed.name, renamed.tags, renamed.description) == ("churn", ["b"], "v2")

    with pytest.raises(ConflictError, match="used in deployments"):
        await run(luml.satellites.delete("gpu-box"))
    task = await run(luml.deployments.delete("churn"))
    assert isinstance(task, SatelliteTask)
    assert (task.type, task.satellite_id) == (SatelliteTaskType.UNDEPLOY, satellite.id)
    pending = await run(luml.deployments.get(deployment.id))
    assert pending.status == DeploymentStatus.DELETION_PENDING
    with pytest.raises(ConflictError, match="deletion already pending"):
        await run(luml.deployments.delete(deployment.id))
    assert await run(luml.deployments.delete("churn", force=True)) is None
    assert await run(luml.deployments.list()) == []
    await run(luml.satellites.delete("gpu-box"))


async def test_deployment_names_that_match_nothing(workspace: Any) -> None:
    luml = workspace
    _, artifact_id, _ = await deploy_setup(luml)
    with pytest.raises(NotFoundError, match="no satellite 'cpu-box' in the orbit; available: 'gpu"):
        await run(luml.deployments.create("d", "cpu-box", artifact_id))
    with pytest.raises(NotFoundError, match=r"no orbit secret 'nope'.*'db-password'"):
        s = {"X": "nope"}
        await run(luml.deployments.create("d", "gpu-box", artifact_id, env_variables_secrets=s))
    with pytest.raises(NotFoundError, match="no deployment 'nope'"):
        await run(luml.deployments.update("nope", description="x"))
    with pytest.raises(NotFoundError, match="Artifact not found"):
        await run(luml.deployments.create("d", "gpu-box", "0199c455-21ee-74c6-b747-19a82f1a1e67"))
    assert await run(luml.deployments.list()) == []


def test_deployment_status_is_open_to_values_a_newer_server_adds() -> None:
    row = {
        "id": "0199c455-21ee-74c6-b747-19a82f1a1e67",
        "name": "d",
        "status": "hibernating",
        "orbit_id": "0199c455-21ed-7aba-9fe5-5231611220de",
        "satellite_id": "0199c9cd-3e36-72c0-b823-040eb8195067",
        "artifact_id": "01a01502-ccff-720d-924b-7bbb13859f22",
        "created_at": "2026-08-24T13:00:00Z",
    }
    from luml_openapi.models import Deployment as Generated

    full = {
        **row,
        "satellite_name": "s",
        "artifact_name": "a",
        "collection_id": row["orbit_id"],
        "model_id": row["artifact_id"],
        "model_artifact_name": "a",
    }
    deployment = adopt(Deployment, Generated.from_dict(full))
    assert deployment.status == "hibernating"
    known = adopt(Deployment, Generated.from_dict({**full, "status": "active"}))
    assert known.status is DeploymentStatus.ACTIVE


async def test_paired_satellites_and_their_status(workspace: Any, luml_server: Any) -> None:
    luml = workspace
    paired = (await run(luml.satellites.create("paired-box"))).satellite
    idle = (await run(luml.satellites.create("idle-box"))).satellite
    luml_server.pair_satellite(paired.id, {"deploy": None, "monitoring": {"window": "7d"}})
    luml_server.pair_satellite(idle.id, last_seen_at="2020-01-01T00:00:00+00:00")
    now_paired = await run(luml.satellites.list(paired=True))
    assert [satellite.name for satellite in now_paired] == ["paired-box", "idle-box"]
    found = await run(luml.satellites.get("paired-box"))
    assert (found.paired, found.status, found.base_url) == (
        True,
        SatelliteStatus.ACTIVE,
        "http://satellite.local:8000",
    )
    assert found.capabilities == {"deploy": None, "monitoring": {"window": "7d"}}
    assert (await run(luml.satellites.get("idle-box"))).status == SatelliteStatus.ERROR
    assert await run(luml.satellites.list(paired=False)) == []


async def test_deployment_names_can_be_ambiguous(workspace: Any) -> None:
    luml = workspace
    _, artifact_id, _ = await deploy_setup(luml)
    first = await run(luml.deployments.create("api", "gpu-box", artifact_id))
    await run(luml.deployments.create("api", "gpu-box", artifact_id))
    with pytest.raises(MultipleResourcesFoundError, match="2 deployments are named 'api'"):
        await run(luml.deployments.get("api"))
    with pytest.raises(MultipleResourcesFoundError):
        await run(luml.deployments.delete("api", force=True))
    assert await run(luml.deployments.get(first.id)) == first
