"""The client's default organization, orbit and collection: given by id or exact name,
resolved once, and picked automatically when exactly one candidate exists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

import attrs

from ._errors import ConfigurationError
from ._flow import Flow
from ._lookup import describe, pick
from .calls._resolve import find
from .calls._route import Route

T = TypeVar("T")


@attrs.frozen
class Requested:
    """What the caller asked for (ids or names); None means "pick the only one, if any"."""

    organization: str | None = None
    orbit: str | None = None
    collection: str | None = None


@attrs.frozen
class Resolved:
    """Ids that were resolved, and for each missing level why it is missing."""

    organization_id: str | None = None
    orbit_id: str | None = None
    collection_id: str | None = None
    why_missing: dict[str, str] = attrs.field(factory=dict)
    names: dict[str, str] = attrs.field(factory=dict)
    """The organization's and orbit's names (the model cache remembers them for offline use)."""


def _choose(kind: str, wanted: str | None, items: Sequence[T], parent: str) -> tuple[T | None, str]:
    """The default among `items`, or (None, why). A name or id that matches nothing raises."""
    if wanted is not None:
        found = pick(kind, wanted, items)
        if found is None:
            raise ConfigurationError(
                f"no {kind} {wanted!r} in {parent}; available: {describe(items)}"
            )
        return found, ""
    if len(items) == 1:
        return items[0], ""
    if not items:
        return None, f"{parent} has no {kind}s yet"
    return None, f"{parent} has {len(items)} {kind}s ({describe(items)}): choose one"


def resolve(requested: Requested) -> Flow[Resolved]:
    """Resolve the requested defaults level by level (organization, orbit, collection)."""
    # imported here, not with the client: a client that is never asked to resolve a default
    # does not import the calls, the facade's types or the generated endpoints
    from .calls import orbits, organizations

    candidates = yield from organizations.fetch_all()
    organization, why = _choose(
        "organization", requested.organization, candidates, "the API key's user"
    )
    if organization is None:
        return Resolved(why_missing={"organization": why, "orbit": why, "collection": why})
    found = yield from orbits.fetch_all(Route(organization.id))
    orbit, why = _choose("orbit", requested.orbit, found, f"organization {organization.name!r}")
    if orbit is None:
        return Resolved(
            organization.id,
            why_missing={"orbit": why, "collection": why},
            names={"organization": organization.name},
        )
    collection_id, why = yield from _resolve_collection(
        organization.id, orbit, requested.collection
    )
    names = {"organization": organization.name, "orbit": orbit.name}
    return Resolved(
        organization.id, orbit.id, collection_id, {"collection": why} if why else {}, names
    )


def _resolve_collection(
    organization_id: str, orbit: Any, wanted: str | None
) -> Flow[tuple[str | None, str]]:
    from .calls import collections

    parent = f"orbit {orbit.name!r}"
    route = Route(organization_id, orbit.id)
    if wanted is not None:
        found = yield from find(
            "collection",
            wanted,
            lambda: collections.named(route, wanted),
            lambda collection_id: collections.fetch(route, collection_id),
        )
        if found is None:
            page = yield from collections.fetch_page(route, None)
            raise ConfigurationError(
                f"no collection {wanted!r} in {parent}; available: {describe(page.items)}"
            )
        return found.id, ""
    page = yield from collections.fetch_page(route, None, limit=2)
    chosen, why = _choose("collection", None, page.items, parent)
    if chosen is not None and page.cursor:
        return None, f"{parent} has several collections: choose one"
    return (chosen.id if chosen else None), why


class Defaults:
    """The defaults of one client. Resolution is a flow, so both clients share it."""

    def __init__(self) -> None:
        self.organization_id: str | None = None
        self.orbit_id: str | None = None
        self.collection_id: str | None = None
        self._why_missing: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self._requested = Requested()
        self._pending: Requested | None = self._requested

    def request(self, organization: str | None, orbit: str | None, collection: str | None) -> None:
        """Ask for new defaults; they are resolved by the next `settle()`."""
        self._requested = Requested(organization, orbit, collection)
        self._pending = self._requested

    def settle(self) -> Flow[None]:
        """Resolve the requested defaults if that has not happened yet."""
        if self._pending is None:
            return
        resolved = yield from resolve(self._pending)
        self.organization_id = resolved.organization_id
        self.orbit_id = resolved.orbit_id
        self.collection_id = resolved.collection_id
        self._why_missing = resolved.why_missing
        self.names = resolved.names
        self._pending = None

    def _level(self, kind: str) -> Flow[str]:
        """The default id of `kind`. A level left unresolved is looked up once more (an orbit
        or collection created since may now be the only candidate) before giving up."""
        yield from self.settle()
        if getattr(self, f"{kind}_id") is None:
            self._pending = self._requested
            yield from self.settle()
        return self._require(kind, getattr(self, f"{kind}_id"))

    def organization(self) -> Flow[str]:
        """The default organization's id, or ConfigurationError saying why there is none."""
        return (yield from self._level("organization"))

    def orbit(self, override: str | None = None) -> Flow[str]:
        """`override`, else the default orbit's id."""
        if override is not None:
            return override
        return (yield from self._level("orbit"))

    def organization_route(self) -> Flow[Route]:
        """The route of the default organization."""
        return Route((yield from self.organization()))

    def orbit_route(self, orbit_override: str | None = None) -> Flow[Route]:
        """The route of the default orbit (or `orbit_override`)."""
        organization_id = yield from self.organization()
        orbit_id = yield from self.orbit(orbit_override)
        return Route(organization_id, orbit_id)

    def collection_route(self, collection_override: str | None = None) -> Flow[Route]:
        """The route of the default collection (or `collection_override`)."""
        organization_id = yield from self.organization()
        orbit_id = yield from self.orbit()
        collection_id = yield from self.collection(collection_override)
        return Route(organization_id, orbit_id, collection_id)

    def collection(self, override: str | None = None) -> Flow[str]:
        """`override`, else the default collection's id."""
        if override is not None:
            return override
        return (yield from self._level("collection"))

    def _require(self, kind: str, value: str | None) -> str:
        if value is not None:
            return value
        why = self._why_missing.get(kind, "none was chosen")
        argument = f"{kind}_id=" if kind == "collection" else f"{kind}="
        raise ConfigurationError(
            f"no default {kind}: {why}. Pass {argument}... or set it with setup_config({kind}=...)"
        )
