"""Orbit secret calls: list (values withheld), one secret with its value, create, update, delete.

A secret's value never reaches an error: a failed call that carried one is re-raised with the
value blanked out of the server's answer.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any

import attrs
from luml_openapi.api.orbit_secrets import (
    create_orbit_secret,
    delete_orbit_secret,
    get_orbit_secret,
    list_orbit_secrets,
    update_orbit_secret,
)
from luml_openapi.models import OrbitSecretCreate, OrbitSecretUpdate

from .._blanking import blank_error
from .._errors import LumlAPIError
from .._flow import Flow, call
from .._unset import given, given_list
from ..types import OrbitSecret, adopt
from ._route import Route


def fetch_all(route: Route) -> Flow[list[OrbitSecret]]:
    """Every secret of the orbit, without values (`value` is None)."""
    found = yield from call(list_orbit_secrets, **route.ids())
    return [attrs.evolve(adopt(OrbitSecret, item), value=None) for item in found]


def fetch(route: Route, secret_id: str) -> Flow[OrbitSecret]:
    """One secret by id, with its value (NotFoundError if absent)."""
    found = yield from call(get_orbit_secret, **route.ids(secret_id=secret_id))
    return adopt(OrbitSecret, found)


def create(route: Route, name: str, value: str, tags: Sequence[str] | None) -> Flow[OrbitSecret]:
    """A new secret (BadRequestError when the name is taken in the orbit)."""
    body = OrbitSecretCreate(name=name, value=value, tags=given_list(tags))
    created = yield from _hiding(
        value, call(create_orbit_secret, idempotent=False, **route.ids(), body=body)
    )
    return adopt(OrbitSecret, created)


def update(
    route: Route,
    secret_id: str,
    *,
    name: str | None = None,
    value: str | None = None,
    tags: Sequence[str] | None = None,
) -> Flow[OrbitSecret]:
    """Change only the fields given."""
    body = OrbitSecretUpdate(name=given(name), value=given(value), tags=given_list(tags))
    updated = yield from _hiding(
        value, call(update_orbit_secret, **route.ids(secret_id=secret_id), body=body)
    )
    return adopt(OrbitSecret, updated)


def delete(route: Route, secret_id: str) -> Flow[None]:
    """Delete a secret."""
    yield from call(delete_orbit_secret, **route.ids(secret_id=secret_id))


def _hiding(value: str | None, flow: Flow[Any]) -> Generator[Any, Any, Any]:
    """Run `flow`; an error it raises has `value` blanked out of its message, args and body,
    in every spelling a server may echo it in (see `_blanking.py`), changed in place so no
    copy holding the value is left in the error chain."""
    try:
        return (yield from flow)
    except LumlAPIError as error:
        if isinstance(value, str) and value:
            blank_error(error, value)
        raise
