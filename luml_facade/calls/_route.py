"""Where a route points: the one route-id type every call takes."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from .._lookup import require_uuid


class Route:
    """The organization of a route, and its orbit and collection when the route is under them.

    Every id is checked as a UUID when the Route is made (InvalidArgumentError naming the id).

    Example:
        route = Route(organization_id, orbit_id)
        call(get_track, **route.ids(track_id=track_id))
    """

    __slots__ = ("collection_id", "orbit_id", "organization_id")

    def __init__(
        self,
        organization_id: str | UUID,
        orbit_id: str | UUID | None = None,
        collection_id: str | UUID | None = None,
    ) -> None:
        self.organization_id = require_uuid("organization", organization_id)
        self.orbit_id = None if orbit_id is None else require_uuid("orbit", orbit_id)
        self.collection_id = (
            None if collection_id is None else require_uuid("collection", collection_id)
        )

    def in_orbit(self) -> Route:
        """The same route without its collection (routes that list per orbit)."""
        return Route(self.organization_id, self.orbit_id)

    def ids(self, **more: str | UUID) -> dict[str, Any]:
        """The path parameters: the route's own ids, plus e.g. `track_id=...` (each checked)."""
        params: dict[str, Any] = {"organization_id": self.organization_id}
        if self.orbit_id is not None:
            params["orbit_id"] = self.orbit_id
        if self.collection_id is not None:
            params["collection_id"] = self.collection_id
        for key, value in more.items():
            params[key] = require_uuid(key.removesuffix("_id").replace("_", " "), value)
        return params
