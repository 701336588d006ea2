"""Orbit calls: list, one orbit, create, update, delete (routes under an organization).

The endpoints of create, update and delete are imported where they are called: resolving the
defaults (and `luml whoami`) only lists and reads, and does not load them.
"""

from __future__ import annotations

from luml_openapi.api.orbits import get_orbit, list_orbits
from luml_openapi.types import UNSET

from .._flow import Flow, call
from .._lookup import require_uuid
from .._unset import given
from ..types import Orbit, adopt
from ._route import Route


def fetch_all(route: Route) -> Flow[list[Orbit]]:
    """Every orbit of the organization the caller can see."""
    found = yield from call(list_orbits, **route.ids())
    return [adopt(Orbit, item) for item in found]


def fetch(route: Route, orbit_id: str) -> Flow[Orbit]:
    """One orbit by id (NotFoundError if absent)."""
    found = yield from call(get_orbit, **route.ids(orbit_id=orbit_id))
    return adopt(Orbit, found)


def create(route: Route, name: str, bucket_secret_id: str) -> Flow[Orbit]:
    """A new orbit storing its files in that bucket secret."""
    from luml_openapi.api.orbits import create_orbit
    from luml_openapi.models import OrbitCreate

    body = OrbitCreate(name=name, bucket_secret_id=require_uuid("bucket secret", bucket_secret_id))
    created = yield from call(create_orbit, idempotent=False, **route.ids(), body=body)
    return adopt(Orbit, created)


def update(
    route: Route, orbit_id: str, name: str | None, bucket_secret_id: str | None
) -> Flow[Orbit]:
    """Change only the fields given."""
    from luml_openapi.api.orbits import update_orbit
    from luml_openapi.models import OrbitUpdate

    body = OrbitUpdate(
        name=given(name),
        bucket_secret_id=UNSET
        if bucket_secret_id is None
        else require_uuid("bucket secret", bucket_secret_id),
    )
    updated = yield from call(update_orbit, **route.ids(orbit_id=orbit_id), body=body)
    return adopt(Orbit, updated)


def delete(route: Route, orbit_id: str) -> Flow[None]:
    """Delete an orbit with all its collections."""
    from luml_openapi.api.orbits import delete_orbit

    yield from call(delete_orbit, **route.ids(orbit_id=orbit_id))
