"""Resolving an object named by id or exact name to its id, for the orbit-scoped resources."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from .._flow import Flow
from .._lookup import parse_uuid, pick
from ..calls._route import not_found

T = TypeVar("T")


def id_of(kind: str, value: str, fetch_all: Callable[[], Flow[Sequence[Any]]]) -> Flow[str]:
    """`value` when it is an id, else the id of the one object named exactly `value`
    (NotFoundError listing what exists when none is, MultipleResourcesFoundError for several)."""
    if parse_uuid(value) is not None:
        return value
    candidates = yield from fetch_all()
    found = pick(kind, value, candidates)
    if found is None:
        raise not_found(kind, value, candidates, "the orbit")
    return str(found.id)


def ids_of(
    kind: str, values: Mapping[str, str], fetch_all: Callable[[], Flow[Sequence[Any]]]
) -> Flow[dict[str, str]]:
    """`values` with each name replaced by the id of the object of that exact name (one list
    request at most)."""
    if all(parse_uuid(value) is not None for value in values.values()):
        return dict(values)
    candidates = yield from fetch_all()
    resolved: dict[str, str] = {}
    for key, value in values.items():
        found = pick(kind, value, candidates)
        if found is None:
            raise not_found(kind, value, candidates, "the orbit")
        resolved[key] = str(found.id)
    return resolved
