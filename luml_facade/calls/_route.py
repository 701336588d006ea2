"""What the registry calls share: the ids of an orbit route, and finding one object by id or
exact name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from uuid import UUID

from .._errors import NotFoundError
from .._flow import Flow
from .._lookup import describe, parse_uuid, pick, require_uuid

T = TypeVar("T")


class OrbitPath:
    """The organization and orbit of a route under `/orbits/{orbit_id}`, checked as UUIDs."""

    def __init__(self, organization_id: str, orbit_id: str) -> None:
        self.organization_id = require_uuid("organization", organization_id)
        self.orbit_id = require_uuid("orbit", orbit_id)

    def ids(self, **more: str) -> dict[str, Any]:
        """The path parameters: the orbit's, plus e.g. `track_id=...` (each checked)."""
        checked: dict[str, UUID] = {
            key: require_uuid(key.removesuffix("_id").replace("_", " "), value)
            for key, value in more.items()
        }
        return {"organization_id": self.organization_id, "orbit_id": self.orbit_id, **checked}


def not_found(kind: str, value: str, candidates: Sequence[Any], where: str) -> NotFoundError:
    """The error for a name (or id) that matches nothing, saying what exists instead."""
    return NotFoundError(
        f"no {kind} {value!r} in {where}; available: {describe(candidates)}",
        status_code=404,
    )


def find_by_id_or_name(
    kind: str,
    value: str,
    fetch_one: Callable[[str], Flow[T]],
    fetch_all: Callable[[], Flow[Sequence[T]]],
) -> Flow[T | None]:
    """The object whose id is `value` (one request), else the one whose exact name is `value`
    (a scan). None when nothing matches; MultipleResourcesFoundError for an ambiguous name."""
    if parse_uuid(value) is not None:
        try:
            return (yield from fetch_one(value))
        except NotFoundError:
            pass
    candidates = yield from fetch_all()
    return pick(kind, value, candidates)
