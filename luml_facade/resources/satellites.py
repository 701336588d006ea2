"""Satellites of the default orbit (`luml.satellites`): the machines that run deployments."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import ClassVar

from .._checks import Rule
from .._flow import Flow
from .._session import M, Resource, operation
from ..calls import satellites
from ..calls._resolve import find_in, id_of, require_in
from ..types import Satellite, SatelliteWithKey


class SatelliteResource(Resource[M]):
    """Satellites of the default orbit (`luml.satellites`), named by id or exact name.

    A satellite is registered here, gets an API key (shown once), and pairs with the platform
    when it first connects with that key.

    Example:
        luml = LumlClient(api_key="luml_your_key", organization="My Org", orbit="Default Orbit")
        created = luml.satellites.create("gpu-box")
        print(created.satellite.id)  # hand created.api_key to the machine; it is shown once
    """

    arguments: ClassVar[Mapping[str, Rule]] = {"name": Rule(empty=False, max_length=100)}

    @operation
    def list(self, paired: bool | None = None) -> Flow[builtins.list[Satellite]]:
        """The satellites of the default orbit, oldest first.

        Arguments:
            paired: True for paired satellites only, False for unpaired ones only.

        Returns:
            list[Satellite] (empty when the orbit has none).

        Raises:
            ConfigurationError: no default orbit is chosen.

        Example:
            for satellite in luml.satellites.list():
                print(satellite.name, satellite.status, satellite.paired)
        """
        path = yield from self._defaults.orbit_route()
        return (yield from satellites.fetch_all(path, paired))

    @operation
    def get(self, satellite_value: str) -> Flow[Satellite | None]:
        """Get a satellite by id or exact (case-sensitive) name.

        Arguments:
            satellite_value: The satellite's id or exact name.

        Returns:
            Satellite, or None when no satellite has that id or name.

        Raises:
            MultipleResourcesFoundError: several satellites have that name (pass the id).

        Example:
            satellite = luml.satellites.get("gpu-box")

        Example response:
            Satellite(id='0199c9cd-3e36-72c0-b823-040eb8195067', name='gpu-box', paired=True,
                      status=<SatelliteStatus.ACTIVE: 'active'>,
                      capabilities={'deploy': None, 'monitoring': None}, ...)
        """
        path = yield from self._defaults.orbit_route()
        return (yield from find_in(satellites, path, "satellite", satellite_value))

    @operation
    def create(self, name: str, description: str | None = None) -> Flow[SatelliteWithKey]:
        """Register a satellite in the default orbit and get its API key.

        The key is shown only this once (the server keeps a hash); it is left out of reprs.
        The satellite stays unpaired until it connects with the key.

        Arguments:
            name: The satellite's name (up to 100 characters).
            description: Free text.

        Returns:
            SatelliteWithKey: `satellite` and `api_key` (a `dfssat_...` key).

        Raises:
            ConflictError: the organization reached its satellite limit.

        Example:
            created = luml.satellites.create("gpu-box", "the A100 in room 4")
            save_to_vault(created.api_key)
        """
        path = yield from self._defaults.orbit_route()
        return (yield from satellites.create(path, name, description))

    @operation
    def update(
        self, satellite: str, name: str | None = None, description: str | None = None
    ) -> Flow[Satellite]:
        """Rename a satellite or change its description; only the arguments given change.

        Arguments:
            satellite: The satellite's id or exact name.
            name: A new name.
            description: A new description.

        Returns:
            Satellite: the updated satellite.

        Raises:
            NotFoundError: the satellite does not exist.

        Example:
            luml.satellites.update("gpu-box", description="moved to room 5")
        """
        path = yield from self._defaults.orbit_route()
        current = yield from require_in(satellites, path, "satellite", satellite, "the orbit")
        return (
            yield from satellites.replace(
                path,
                current.id,
                (current.name or "") if name is None else name,
                current.description if description is None else description,
            )
        )

    @operation
    def delete(self, satellite: str) -> Flow[None]:
        """Delete a satellite that no deployment uses.

        Arguments:
            satellite: The satellite's id or exact name.

        Raises:
            NotFoundError: the satellite does not exist.
            ConflictError: deployments still use it (delete them first).

        Example:
            luml.satellites.delete("gpu-box")
        """
        path = yield from self._defaults.orbit_route()
        satellite_id = yield from id_of(
            "satellite", satellite, "the orbit", lambda: satellites.fetch_all(path)
        )
        yield from satellites.delete(path, satellite_id)

    @operation
    def regenerate_api_key(self, satellite: str) -> Flow[SatelliteWithKey]:
        """Give a satellite a new API key; the old one stops working at once.

        Arguments:
            satellite: The satellite's id or exact name.

        Returns:
            SatelliteWithKey: the satellite and its new key (shown only this once).

        Raises:
            NotFoundError: the satellite does not exist.

        Example:
            rotated = luml.satellites.regenerate_api_key("gpu-box")
            save_to_vault(rotated.api_key)
        """
        path = yield from self._defaults.orbit_route()
        current = yield from require_in(satellites, path, "satellite", satellite, "the orbit")
        key = yield from satellites.new_key(path, current.id)
        return SatelliteWithKey(satellite=current, api_key=key)
