"""The one answer to "the object named by this id or exact name" (and its errors).

An id costs one request (`fetch_one`); a name, or an id that request did not find, one scan
(`scan`: every candidate, or those a server-side search returned). The pure choice is
`_lookup.pick`; the errors are the same for every noun.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from .._errors import NotFoundError
from .._flow import Flow
from .._lookup import Names, default_names, describe, parse_uuid, pick
from ._route import Route

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

Scan = Callable[[], Flow[Sequence[T]]]
"""Fetches the candidates a name is looked up among."""


class Listed(Protocol[T_co]):
    """A calls module of a noun the server lists whole: `fetch_all(route)`, `fetch(route, id)`."""

    def fetch_all(self, route: Route, /) -> Flow[Sequence[T_co]]: ...

    def fetch(self, route: Route, found_id: str, /) -> Flow[T_co]: ...


def find_in(
    noun: Listed[T], route: Route, kind: str, value: str, names: Names = default_names
) -> Flow[T | None]:
    """`find` among the objects of `noun` at `route`."""
    return (
        yield from find(
            kind, value, lambda: noun.fetch_all(route), lambda i: noun.fetch(route, i), names
        )
    )


def require_in(
    noun: Listed[T], route: Route, kind: str, value: str, where: str, names: Names = default_names
) -> Flow[T]:
    """`require` among the objects of `noun` at `route`."""
    return (
        yield from require(
            kind, value, where, lambda: noun.fetch_all(route), lambda i: noun.fetch(route, i), names
        )
    )


def not_found(
    kind: str,
    value: str,
    where: str,
    candidates: Sequence[Any] | None = None,
    names: Names = default_names,
) -> NotFoundError:
    """The error for an id or name that matches nothing, saying what exists instead (when
    `candidates` is everything there is, not the answer to a search)."""
    listed = "" if candidates is None else f"; available: {describe(candidates, names)}"
    return NotFoundError(f"no {kind} {value!r} in {where}{listed}", status_code=404)


def find(
    kind: str,
    value: str,
    scan: Scan[T],
    fetch_one: Callable[[str], Flow[T]] | None = None,
    names: Names = default_names,
) -> Flow[T | None]:
    """The object whose id is `value` (one request, when `fetch_one` is given), else the one
    whose exact name is `value` (one scan). None when nothing matches;
    MultipleResourcesFoundError when a name matches several."""
    found, _ = yield from _lookup(kind, value, scan, fetch_one, names)
    return found


def require(
    kind: str,
    value: str,
    where: str,
    scan: Scan[T],
    fetch_one: Callable[[str], Flow[T]] | None = None,
    names: Names = default_names,
    *,
    searched: bool = False,
) -> Flow[T]:
    """As `find`, but NotFoundError when nothing matches, listing what exists unless the scan
    was a server-side search (`searched`)."""
    found, candidates = yield from _lookup(kind, value, scan, fetch_one, names)
    if found is None:
        raise not_found(kind, value, where, None if searched else candidates, names)
    return found


def _lookup(
    kind: str,
    value: str,
    scan: Scan[T],
    fetch_one: Callable[[str], Flow[T]] | None,
    names: Names,
) -> Flow[tuple[T | None, Sequence[Any]]]:
    if fetch_one is not None and parse_uuid(value) is not None:
        try:
            return (yield from fetch_one(value)), ()
        except NotFoundError:
            pass
    candidates = yield from scan()
    return pick(kind, value, candidates, names), candidates


def id_of(kind: str, value: str, where: str, scan: Scan[Any]) -> Flow[str]:
    """`value` when it is an id (no request), else the id of the one object named `value`."""
    resolved = yield from ids_of(kind, {kind: value}, where, scan)
    return resolved[kind]


def ids_of(
    kind: str, values: Mapping[str, str], where: str, scan: Scan[Any]
) -> Flow[dict[str, str]]:
    """`values` with each name replaced by the id of the object of that exact name (one scan
    at most; ids are used as given)."""
    if all(parse_uuid(value) is not None for value in values.values()):
        return dict(values)
    candidates = yield from scan()
    resolved: dict[str, str] = {}
    for key, value in values.items():
        found = pick(kind, value, candidates)
        if found is None:
            raise not_found(kind, value, where, candidates)
        resolved[key] = str(found.id)
    return resolved
