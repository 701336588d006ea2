"""Satellite calls: list, one satellite, create, replace name and description, delete, new key."""

from __future__ import annotations

from luml_openapi.api.satellites import (
    create_satellite,
    delete_satellite,
    get_satellite,
    list_satellites,
    regenerate_satellite_api_key,
    update_satellite,
)
from luml_openapi.models import SatelliteCreate, SatelliteUpdate

from .._errors import APIResponseValidationError
from .._flow import Flow, call
from .._unset import given
from ..types import Satellite, SatelliteWithKey, adopt
from ._route import Route


def fetch_all(route: Route, paired: bool | None = None) -> Flow[list[Satellite]]:
    """The orbit's satellites in creation order (only paired or unpaired ones, if asked)."""
    found = yield from call(list_satellites, **route.ids(), paired=given(paired))
    return [adopt(Satellite, item) for item in found]


def fetch(route: Route, satellite_id: str) -> Flow[Satellite]:
    """One satellite by id (NotFoundError if absent)."""
    found = yield from call(get_satellite, **route.ids(satellite_id=satellite_id))
    return adopt(Satellite, found)


def create(route: Route, name: str, description: str | None) -> Flow[SatelliteWithKey]:
    """A new, unpaired satellite and its API key (shown only this once)."""
    body = SatelliteCreate(name=name, description=given(description))
    created = yield from call(create_satellite, idempotent=False, **route.ids(), body=body)
    return adopt(SatelliteWithKey, created)


def replace(route: Route, satellite_id: str, name: str, description: str | None) -> Flow[Satellite]:
    """Write both the name and the description (the server replaces the two)."""
    body = SatelliteUpdate(name=name, description=description)
    updated = yield from call(update_satellite, **route.ids(satellite_id=satellite_id), body=body)
    return adopt(Satellite, updated)


def delete(route: Route, satellite_id: str) -> Flow[None]:
    """Delete a satellite no deployment uses (ConflictError otherwise)."""
    yield from call(delete_satellite, **route.ids(satellite_id=satellite_id))


def new_key(route: Route, satellite_id: str) -> Flow[str]:
    """Replace the satellite's API key; returns the new key (the old one stops working)."""
    answer = yield from call(
        regenerate_satellite_api_key, idempotent=False, **route.ids(satellite_id=satellite_id)
    )
    key = getattr(answer, "key", None)
    if not isinstance(key, str) or not key:
        raise APIResponseValidationError("the server answered the key regeneration without a key")
    return key
