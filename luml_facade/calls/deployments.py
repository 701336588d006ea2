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
    DeploymentUpdateDynamicAttributesSecretsType0,
    DeploymentUpdateErrorMessageType0,
    DeploymentUpdateSchemasType0,
    SatelliteParameters,
    SecretIdMap,
    StringMap,
)
from luml_openapi.types import UNSET

from .._flow import Flow, call
from .._lookup import require_uuid
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


def replace_details(route: Route, current: Deployment) -> Flow[Deployment]:
    """Write the deployment's six editable fields as `current` has them (the server replaces
    them all: a field left out would become null)."""
    secrets = {
        key: require_uuid("orbit secret", value)
        for key, value in current.dynamic_attributes_secrets.items()
    }
    body = DeploymentUpdate(
        name=current.name,
        description=current.description,
        tags=None if current.tags is None else list(current.tags),
        schemas=None
        if current.schemas is None
        else as_map(DeploymentUpdateSchemasType0, current.schemas),
        error_message=None
        if current.error_message is None
        else as_map(DeploymentUpdateErrorMessageType0, current.error_message),
        dynamic_attributes_secrets=as_map(DeploymentUpdateDynamicAttributesSecretsType0, secrets),
    )
    updated = yield from call(update_deployment, **route.ids(deployment_id=current.id), body=body)
    return adopt(Deployment, updated)


def request_removal(route: Route, deployment_id: str) -> Flow[SatelliteTask]:
    """Ask the satellite to remove the deployment; returns the queued `undeploy` task."""
    task = yield from call(delete_deployment, **route.ids(deployment_id=deployment_id))
    return adopt(SatelliteTask, task)


def force_delete(route: Route, deployment_id: str) -> Flow[None]:
    """Delete the deployment record whatever its status (the satellite is not told)."""
    yield from call(force_delete_deployment, **route.ids(deployment_id=deployment_id))
