"""Deployments of the default orbit (`luml.deployments`): artifacts running on satellites."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, ClassVar

from .._checks import NAME, TAGS, Rule
from .._flow import Flow
from .._session import M, Resource, operation
from ..calls import deployments, orbit_secrets, satellites
from ..calls._resolve import find_in, id_of, ids_of, require_in
from ..calls._route import Route
from ..types import Deployment, SatelliteTask


class DeploymentResource(Resource[M]):
    """Deployments of the default orbit (`luml.deployments`).

    A deployment runs an artifact of the orbit on one of its satellites. Satellites and orbit
    secrets are named by id or exact name; artifacts by id.

    Example:
        luml = LumlClient(api_key="luml_your_key", organization="My Org", orbit="Default Orbit")
        live = luml.tracks.get_artifact_by_stage("churn-model", "production")
        deployment = luml.deployments.create(
            "churn-api", satellite="gpu-box", artifact=live.artifact_id,
            env_variables_secrets={"DB_PASSWORD": "db-password"},
        )
    """

    arguments: ClassVar[Mapping[str, Rule]] = {
        "name": Rule(empty=False, max_length=100),
        "tags": TAGS,
        "env_variables": NAME,
        "env_variables_secrets": NAME,
        "dynamic_attributes_secrets": NAME,
    }

    @operation
    def list(self) -> Flow[builtins.list[Deployment]]:
        """Every deployment of the default orbit, newest first.

        Returns:
            list[Deployment] (empty when the orbit has none).

        Raises:
            ConfigurationError: no default orbit is chosen.

        Example:
            for deployment in luml.deployments.list():
                print(deployment.name, deployment.status, deployment.satellite_name)
        """
        path = yield from self._defaults.orbit_route()
        return (yield from deployments.fetch_all(path))

    @operation
    def get(self, deployment_value: str) -> Flow[Deployment | None]:
        """Get a deployment by id or exact (case-sensitive) name.

        Arguments:
            deployment_value: The deployment's id or exact name.

        Returns:
            Deployment, or None when no deployment has that id or name.

        Raises:
            MultipleResourcesFoundError: several deployments have that name (pass the id).

        Example:
            deployment = luml.deployments.get("churn-api")

        Example response:
            Deployment(id='01a033db-bb07-728a-9b5a-628c4cc6df94', name='churn-api',
                       status=<DeploymentStatus.ACTIVE: 'active'>, satellite_name='gpu-box',
                       artifact_id='01a01502-ccff-720d-924b-7bbb13859f22', inference_url=..., ...)
        """
        path = yield from self._defaults.orbit_route()
        return (yield from find_in(deployments, path, "deployment", deployment_value))

    @operation
    def create(
        self,
        name: str,
        satellite: str,
        artifact: str,
        *,
        description: str | None = None,
        tags: builtins.list[str] | None = None,
        satellite_parameters: Mapping[str, Any] | None = None,
        env_variables: Mapping[str, str] | None = None,
        env_variables_secrets: Mapping[str, str] | None = None,
        dynamic_attributes_secrets: Mapping[str, str] | None = None,
    ) -> Flow[Deployment]:
        """Deploy an artifact of the orbit to a satellite of the orbit.

        The deployment starts as `pending`; the satellite picks it up and reports `active` (or
        `failed`). Secrets are wired by orbit secret: the deployment stores the secret's id and
        the satellite reads the value, so values never pass through here.

        Arguments:
            name: The deployment's name (up to 100 characters).
            satellite: The satellite, by id or exact name.
            artifact: The artifact's id (e.g. `entry.artifact_id` of a track's stage).
            description: Free text.
            tags: Tags.
            satellite_parameters: Settings for the satellite (booleans, integers, strings).
            env_variables: Plain environment variables.
            env_variables_secrets: Environment variable name -> orbit secret (id or name).
            dynamic_attributes_secrets: Dynamic attribute name -> orbit secret (id or name).

        Returns:
            Deployment: the new deployment (status `pending`).

        Raises:
            NotFoundError: the satellite, the artifact or a secret does not exist in the orbit
                (for a name, the message lists what exists).
            MultipleResourcesFoundError: a satellite or secret name matches several.

        Example:
            deployment = luml.deployments.create(
                "churn-api", "gpu-box", entry.artifact_id,
                env_variables={"LOG_LEVEL": "info"},
                env_variables_secrets={"DB_PASSWORD": "db-password"},
            )
        """
        path = yield from self._defaults.orbit_route()
        satellite_id = yield from id_of(
            "satellite", satellite, "the orbit", lambda: satellites.fetch_all(path)
        )
        env_secrets = yield from self._secret_ids(path, env_variables_secrets)
        attribute_secrets = yield from self._secret_ids(path, dynamic_attributes_secrets)
        return (
            yield from deployments.create(
                path,
                name=name,
                satellite_id=satellite_id,
                artifact_id=artifact,
                description=description,
                tags=tags,
                satellite_parameters=satellite_parameters,
                env_variables=env_variables,
                env_variables_secrets=env_secrets,
                dynamic_attributes_secrets=attribute_secrets,
            )
        )

    def _secret_ids(
        self, path: Route, values: Mapping[str, str] | None
    ) -> Flow[dict[str, str] | None]:
        if values is None:
            return None
        return (
            yield from ids_of(
                "orbit secret", values, "the orbit", lambda: orbit_secrets.fetch_all(path)
            )
        )

    @operation
    def update(
        self,
        deployment: str,
        name: str | None = None,
        description: str | None = None,
        tags: builtins.list[str] | None = None,
        dynamic_attributes_secrets: Mapping[str, str] | None = None,
    ) -> Flow[Deployment]:
        """Update a deployment's details; only the arguments given change.

        The server replaces every detail at once, so the client reads the deployment first and
        sends back every field it read that is not changed, also fields a newer server added
        that this client does not know (a plain PATCH would blank them, or fail).

        Arguments:
            deployment: The deployment's id or exact name.
            name: A new name.
            description: A new description.
            tags: The new tags.
            dynamic_attributes_secrets: The new map of dynamic attribute name -> orbit secret
                (id or name).

        Returns:
            Deployment: the updated deployment.

        Raises:
            NotFoundError: the deployment (or a secret) does not exist.
            MultipleResourcesFoundError: the name matches several deployments.

        Example:
            luml.deployments.update("churn-api", description="v3 since Monday")
        """
        path = yield from self._defaults.orbit_route()
        current = yield from require_in(deployments, path, "deployment", deployment, "the orbit")
        secrets = yield from self._secret_ids(path, dynamic_attributes_secrets)
        changes: dict[str, Any] = {
            "name": name,
            "description": description,
            "tags": tags,
            "dynamic_attributes_secrets": secrets,
        }
        given = {key: value for key, value in changes.items() if value is not None}
        return (yield from deployments.replace_details(path, current.id, given))

    @operation
    def delete(self, deployment: str, *, force: bool = False) -> Flow[SatelliteTask | None]:
        """Delete a deployment.

        By default the satellite is asked to remove it: the deployment turns
        `deletion_pending`, and the satellite deletes the record when it is done. `force=True`
        deletes the record at once whatever its status, without telling the satellite (for a
        satellite that is gone).

        Arguments:
            deployment: The deployment's id or exact name.
            force: Delete the record only, now.

        Returns:
            SatelliteTask: the queued `undeploy` task; None with `force=True`.

        Raises:
            NotFoundError: the deployment does not exist.
            ConflictError: its deletion is already pending (use `force=True` to drop it).

        Example:
            task = luml.deployments.delete("churn-api")
            luml.deployments.delete("old-api", force=True)
        """
        path = yield from self._defaults.orbit_route()
        deployment_id = yield from id_of(
            "deployment", deployment, "the orbit", lambda: deployments.fetch_all(path)
        )
        if force:
            yield from deployments.force_delete(path, deployment_id)
            return None
        return (yield from deployments.request_removal(path, deployment_id))
