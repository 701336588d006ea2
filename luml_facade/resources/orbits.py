"""Orbits of the default organization."""

from __future__ import annotations

import builtins

from luml_openapi.api.orbits import create_orbit, delete_orbit, get_orbit, list_orbits, update_orbit
from luml_openapi.models import OrbitCreate, OrbitUpdate
from luml_openapi.types import UNSET

from .._errors import ConfigurationError, NotFoundError
from .._flow import Flow, call
from .._lookup import parse_uuid, pick, require_uuid
from .._session import M, Resource, operation
from .._unset import given
from ..types import Orbit, adopt


def fetch_orbits(organization_id: str) -> Flow[builtins.list[Orbit]]:
    """Every orbit of the organization the caller can see."""
    found = yield from call(
        list_orbits, organization_id=require_uuid("organization", organization_id)
    )
    return [adopt(Orbit, item) for item in found]


class OrbitResource(Resource[M]):
    """Orbits of the default organization (`luml.orbits`)."""

    @operation
    def get(self, orbit_value: str | None = None) -> Flow[Orbit | None]:
        """Get an orbit by id or exact (case-sensitive) name; the default orbit if omitted.

        Arguments:
            orbit_value: The orbit's id or exact name.

        Returns:
            Orbit | None: the orbit, or None when nothing matches.

        Raises:
            MultipleResourcesFoundError: a name matches several orbits.

        Example:
            orbit = luml.orbits.get("Default Orbit")
        """
        organization_id = yield from self._defaults.organization()
        if orbit_value is None:
            orbit_value = yield from self._defaults.orbit()
        orbit_id = parse_uuid(orbit_value)
        if orbit_id is not None:
            try:
                found = yield from call(
                    get_orbit,
                    organization_id=require_uuid("organization", organization_id),
                    orbit_id=orbit_id,
                )
            except NotFoundError:
                found = None
            if found is not None:
                return adopt(Orbit, found)
        orbits = yield from fetch_orbits(organization_id)
        return pick("orbit", orbit_value, orbits)

    @operation
    def list(self) -> Flow[builtins.list[Orbit]]:
        """List the orbits of the default organization.

        Returns:
            list[Orbit]: every orbit the caller can see.

        Raises:
            ConfigurationError: no organization is chosen (and the key's user has several).

        Example:
            orbits = luml.orbits.list()
        """
        organization_id = yield from self._defaults.organization()
        return (yield from fetch_orbits(organization_id))

    @operation
    def create(self, name: str, bucket_secret_id: str) -> Flow[Orbit]:
        """Create an orbit in the default organization, storing files in that bucket secret.

        Arguments:
            name: The orbit's name.
            bucket_secret_id: The id of the bucket secret whose bucket holds the orbit's files.

        Returns:
            Orbit: the new orbit.

        Raises:
            ConflictError: the organization's orbit limit is reached (the real server allows one
                per organization).
            NotFoundError: the bucket secret does not exist.

        Example:
            orbit = luml.orbits.create(name="ML Models", bucket_secret_id=secret.id)
        """
        organization_id = yield from self._defaults.organization()
        body = OrbitCreate(
            name=name, bucket_secret_id=require_uuid("bucket secret", bucket_secret_id)
        )
        created = yield from call(
            create_orbit,
            idempotent=False,
            organization_id=require_uuid("organization", organization_id),
            body=body,
        )
        return adopt(Orbit, created)

    @operation
    def update(
        self,
        name: str | None = None,
        bucket_secret_id: str | None = None,
        *,
        orbit_id: str | None = None,
    ) -> Flow[Orbit]:
        """Update the default orbit (or `orbit_id`); only the arguments given change.

        Arguments:
            name: A new name.
            bucket_secret_id: Another bucket secret's id.
            orbit_id: Another orbit's id.

        Returns:
            Orbit: the updated orbit.

        Raises:
            NotFoundError: the orbit does not exist.

        Example:
            orbit = luml.orbits.update(name="New Orbit Name")
        """
        organization_id = yield from self._defaults.organization()
        target = orbit_id or (yield from self._defaults.orbit())
        body = OrbitUpdate(
            name=given(name),
            bucket_secret_id=UNSET
            if bucket_secret_id is None
            else require_uuid("bucket secret", bucket_secret_id),
        )
        updated = yield from call(
            update_orbit,
            organization_id=require_uuid("organization", organization_id),
            orbit_id=require_uuid("orbit", target),
            body=body,
        )
        return adopt(Orbit, updated)

    @operation
    def delete(self, orbit_id: str) -> Flow[None]:
        """Delete an orbit with all its collections. Irreversible.

        Arguments:
            orbit_id: The orbit's id.

        Raises:
            ConfigurationError: `orbit_id` is the client's default orbit (choose another default
                first).
            NotFoundError: the orbit does not exist.

        Example:
            luml.orbits.delete(orbit.id)
        """
        organization_id = yield from self._defaults.organization()
        yield from self._defaults.settle()
        if orbit_id == self._defaults.orbit_id:
            raise ConfigurationError(
                f"orbit {orbit_id} is this client's default orbit: set another default "
                "(setup_config(orbit=...)) before deleting it"
            )
        yield from call(
            delete_orbit,
            organization_id=require_uuid("organization", organization_id),
            orbit_id=require_uuid("orbit", orbit_id),
        )
