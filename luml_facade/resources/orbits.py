"""Orbits of the default organization."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import ClassVar

from .._checks import Rule
from .._errors import ConfigurationError
from .._flow import Flow
from .._session import M, Resource, operation
from ..calls import orbits
from ..calls._resolve import find_in
from ..types import Orbit


class OrbitResource(Resource[M]):
    """Orbits of the default organization (`luml.orbits`)."""

    arguments: ClassVar[Mapping[str, Rule]] = {"name": Rule(empty=False, max_length=100)}

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
        route = yield from self._defaults.organization_route()
        if orbit_value is None:
            orbit_value = yield from self._defaults.orbit()
        return (yield from find_in(orbits, route, "orbit", orbit_value))

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
        route = yield from self._defaults.organization_route()
        return (yield from orbits.fetch_all(route))

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
        route = yield from self._defaults.organization_route()
        return (yield from orbits.create(route, name, bucket_secret_id))

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
        route = yield from self._defaults.organization_route()
        target = orbit_id or (yield from self._defaults.orbit())
        return (yield from orbits.update(route, target, name, bucket_secret_id))

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
        route = yield from self._defaults.organization_route()
        yield from self._defaults.settle()
        if orbit_id == self._defaults.orbit_id:
            raise ConfigurationError(
                f"orbit {orbit_id} is this client's default orbit: set another default "
                "(setup_config(orbit=...)) before deleting it"
            )
        yield from orbits.delete(route, orbit_id)
