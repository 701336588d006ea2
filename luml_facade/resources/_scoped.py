"""The base of resources that live in the client's default orbit."""

from __future__ import annotations

from .._flow import Flow
from .._session import M, Resource
from ..calls._route import OrbitPath


class InOrbit(Resource[M]):
    """A resource whose routes are under the default organization and orbit."""

    def _orbit_path(self) -> Flow[OrbitPath]:
        organization_id, orbit_id = yield from self._defaults.orbit_path()
        return OrbitPath(organization_id, orbit_id)
