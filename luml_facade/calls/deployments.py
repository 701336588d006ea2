"""Deployment calls: list, one deployment, create, replace the details, delete."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from luml_openapi.api.deployments import (
    create_deployment,
    delete_deployment,
    force_delete_deployment,
    get_deployment,
    list_deployments,
    update_deployment,
)
from luml_openapi.models import (
    DeploymentCreate,
    DeploymentUpdate,
    SatelliteParameters,
    SecretIdMap,
    StringMap,
)
from luml_openapi.types import UNSET

from .._flow import Flow, call
from .._lookup import require_uuid
from .._send_back import send_back
from .._unset import given, given_list
from ..types import Deployment, SatelliteTask, adopt
from ._maps import as_map
from ._route import Route


def fetch_all(route: Route) -> Flow[list[Deployment]]:
    """Every deployment of the orbit, newest first."""
    found = yield from call(list_deployments, **route.ids())
    return [adopt(Deployment, item) for item in found]


def fetch(route: Route, deployment_id: str) -> Flow[Deployment]:
    """One deployment by id (NotFoundError if absent)."""
    found = yield from call(get_deployment, **route.ids(deployment_id=deployment_id))
    return adopt(Deployment, found)


def _secret_ids(values: Mapping[str, str]) -> SecretIdMap:
    return as_map(
        SecretIdMap, {key: require_uuid("orbit secret", value) for key, value in values.items()}
    )


def create(
    route: Route,
    *,
    name: str,
    satellite_id: str,
    artifact_id: str,
    description: str | None = None,
    tags: Sequence[str] | None = None,
    satellite_parameters: Mapping[str, Any] | None = None,
    env_variables: Mapping[str, str] | None = None,
    env_variables_secrets: Mapping[str, str] | None = None,
    dynamic_attributes_secrets: Mapping[str, str] | None = None,
) -> Flow[Deployment]:
    """A new deployment (status `pending`); the secret maps hold orbit secret ids."""
    body = DeploymentCreate(
        name=name,
        satellite_id=require_uuid("satellite", satellite_id),
        artifact_id=require_uuid("artifact", artifact_id),
        description=given(description),
        tags=given_list(tags),
        satellite_parameters=UNSET
        if satellite_parameters is None
        else as_map(SatelliteParameters, satellite_parameters),
        env_variables=UNSET if env_variables is None else as_map(StringMap, env_variables),
        env_variables_secrets=UNSET
        if env_variables_secrets is None
        else _secret_ids(env_variables_secrets),
        dynamic_attributes_secrets=UNSET
        if dynamic_attributes_secrets is None
        else _secret_ids(dynamic_attributes_secrets),
    )
    created = yield from call(create_deployment, idempotent=False, **route.ids(), body=body)
    return adopt(Deployment, created)


def replace_details(
    route: Route, deployment_id: str, changes: Mapping[str, Any]
) -> Flow[Deployment]:
    """Write `changes` (JSON-ready: name, description, tags, dynamic_attributes_secrets, ...)
    over the deployment as the server has it now.

    The server writes every field of the body (one left out becomes null, or a 500 for a NOT
    NULL column), so the deployment is read first and every field is sent back: the change,
    else the value read, including fields this client does not know yet (_send_back.py).
    """
    read = yield from call(get_deployment, **route.ids(deployment_id=deployment_id))
    checked = dict(changes)
    if checked.get("dynamic_attributes_secrets") is not None:
        checked["dynamic_attributes_secrets"] = {
            key: str(require_uuid("orbit secret", value))
            for key, value in checked["dynamic_attributes_secrets"].items()
        }
    body = DeploymentUpdate.from_dict(send_back(read, DeploymentUpdate, checked))
    updated = yield from call(
        update_deployment, **route.ids(deployment_id=deployment_id), body=body
    )
    return adopt(Deployment, updated)


def request_removal(route: Route, deployment_id: str) -> Flow[SatelliteTask]:
    """Ask the satellite to remove the deployment; returns the queued `undeploy` task."""
    task = yield from call(delete_deployment, **route.ids(deployment_id=deployment_id))
    return adopt(SatelliteTask, task)


def force_delete(route: Route, deployment_id: str) -> Flow[None]:
    """Delete the deployment record whatever its status (the satellite is not told)."""
    yield from call(force_delete_deployment, **route.ids(deployment_id=deployment_id))
