"""Collections of the default orbit."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any

from luml_openapi.api.collections import (
    create_collection,
    delete_collection,
    get_collection,
    list_collections,
    update_collection,
)
from luml_openapi.models import CollectionCreate, CollectionUpdate
from luml_openapi.types import UNSET

from .._arguments import choice, choices, integer
from .._errors import NotFoundError
from .._flow import Flow, call
from .._lookup import parse_uuid, pick, require_uuid
from .._paging import collect, emit_all
from .._session import Items, M, Resource, operation, paged
from .._unset import given
from ..types import (
    Collection,
    CollectionDetails,
    CollectionsList,
    CollectionSortBy,
    CollectionType,
    CollectionTypeFilter,
    SortOrder,
    adopt,
)

MAX_PAGE = 100


def fetch_collections_page(
    organization_id: str,
    orbit_id: str,
    cursor: str | None,
    *,
    limit: int = MAX_PAGE,
    sort_by: CollectionSortBy | str | None = None,
    order: SortOrder | str = SortOrder.DESC,
    search: str | None = None,
    types: Sequence[CollectionTypeFilter | str] | None = None,
) -> Flow[CollectionsList]:
    """One page of an orbit's collections."""
    page = yield from call(
        list_collections,
        organization_id=require_uuid("organization", organization_id),
        orbit_id=require_uuid("orbit", orbit_id),
        cursor=cursor or UNSET,
        limit=integer(limit, "limit", 1, MAX_PAGE),
        sort_by=UNSET if sort_by is None else choice(CollectionSortBy, sort_by, "sort_by"),
        order=choice(SortOrder, order, "order"),
        search=search or UNSET,
        types=UNSET if types is None else choices(CollectionTypeFilter, types, "types"),
    )
    return adopt(CollectionsList, page)


def fetch_details(
    organization_id: str, orbit_id: str, collection_id: str
) -> Flow[CollectionDetails]:
    """One collection by id, with the tags and metric keys of its artifacts."""
    details = yield from call(
        get_collection,
        organization_id=require_uuid("organization", organization_id),
        orbit_id=require_uuid("orbit", orbit_id),
        collection_id=require_uuid("collection", collection_id),
    )
    return adopt(CollectionDetails, details)


def find_collection(organization_id: str, orbit_id: str, value: str) -> Flow[Collection | None]:
    """The collection of the orbit whose id or exact name is `value` (every page searched).

    Found by id, it comes back as CollectionDetails."""
    if parse_uuid(value) is not None:
        try:
            return (yield from fetch_details(organization_id, orbit_id, value))
        except NotFoundError:
            pass
    matches = yield from collect(
        lambda cursor: fetch_collections_page(organization_id, orbit_id, cursor, search=value),
        lambda item: item.name == value,
    )
    return pick("collection", value, matches)


class CollectionResource(Resource[M]):
    """Collections of the default orbit (`luml.collections`)."""

    @operation
    def get(self, collection_value: str | None = None) -> Flow[CollectionDetails | None]:
        """Get a collection by id or exact (case-sensitive) name; the default one if omitted.

        Searches every page. Returns None when nothing matches; raises
        MultipleResourcesFoundError when a name matches several collections.

        Example:
            collection = luml.collections.get("My Collection")
        """
        organization_id, orbit_id = yield from self._defaults.orbit_path()
        if collection_value is None:
            collection_value = yield from self._defaults.collection()
        found = yield from find_collection(organization_id, orbit_id, collection_value)
        if found is None or isinstance(found, CollectionDetails):
            return found
        details = yield from fetch_details(organization_id, orbit_id, found.id)
        return details

    @operation
    def list(
        self,
        *,
        start_after: str | None = None,
        limit: int = MAX_PAGE,
        sort_by: CollectionSortBy | str | None = None,
        order: SortOrder | str = SortOrder.DESC,
        search: str | None = None,
        types: Sequence[CollectionTypeFilter | str] | None = None,
        orbit_id: str | None = None,
    ) -> Flow[CollectionsList]:
        """One page of collections of the default orbit (or `orbit_id`).

        Pass the returned `cursor` as `start_after=` for the next page; `limit` is 1..100.

        Example:
            page = luml.collections.list(sort_by="name", order="asc", types=["model"])
        """
        organization_id, orbit = yield from self._defaults.orbit_path(orbit_id)
        return (
            yield from fetch_collections_page(
                organization_id,
                orbit,
                start_after,
                limit=limit,
                sort_by=sort_by,
                order=order,
                search=search,
                types=types,
            )
        )

    @paged
    def list_all(
        self,
        *,
        limit: int = MAX_PAGE,
        sort_by: CollectionSortBy | str | None = None,
        order: SortOrder | str = SortOrder.DESC,
        search: str | None = None,
        types: Sequence[CollectionTypeFilter | str] | None = None,
        orbit_id: str | None = None,
    ) -> Items[Collection]:
        """Every collection of the default orbit (or `orbit_id`), fetched page by page as you
        iterate (`async for` on the async client).

        Example:
            for collection in luml.collections.list_all(search="churn"):
                print(collection.name)
        """

        def flow() -> Flow[None]:
            organization_id, orbit = yield from self._defaults.orbit_path(orbit_id)
            yield from emit_all(
                lambda cursor: fetch_collections_page(
                    organization_id,
                    orbit,
                    cursor,
                    limit=limit,
                    sort_by=sort_by,
                    order=order,
                    search=search,
                    types=types,
                )
            )

        return Items(flow())

    @operation
    def create(
        self,
        description: str,
        name: str,
        type: CollectionType | str,
        tags: builtins.list[str] | None = None,
    ) -> Flow[Collection]:
        """Create a collection in the default orbit.

        Example:
            collection = luml.collections.create(
                description="Churn models", name="churn", type=CollectionType.MODEL, tags=["ml"]
            )
        """
        organization_id, orbit_id = yield from self._defaults.orbit_path()
        body = CollectionCreate(
            description=description,
            name=name,
            type_=choice(CollectionType, type, "type"),
            tags=given(tags),
        )
        created = yield from call(
            create_collection,
            idempotent=False,
            organization_id=require_uuid("organization", organization_id),
            orbit_id=require_uuid("orbit", orbit_id),
            body=body,
        )
        return adopt(Collection, created)

    @operation
    def update(
        self,
        name: str | None = None,
        description: str | None = None,
        tags: builtins.list[str] | None = None,
        *,
        collection_id: str | None = None,
    ) -> Flow[Collection]:
        """Update the default collection (or `collection_id`); only the arguments given change.

        The real server writes name, description and tags on every update (a 500 without
        name or description, tags cleared when left out): this method reads the collection
        first and sends the values not given along.

        Example:
            luml.collections.update(description="Retrained weekly", tags=["prod"])
        """
        organization_id, orbit_id = yield from self._defaults.orbit_path()
        target = yield from self._defaults.collection(collection_id)
        path: dict[str, Any] = {
            "organization_id": require_uuid("organization", organization_id),
            "orbit_id": require_uuid("orbit", orbit_id),
            "collection_id": require_uuid("collection", target),
        }
        stored = (yield from call(get_collection, **path)).to_dict()
        body = CollectionUpdate(
            name=stored["name"] if name is None else name,
            description=stored["description"] if description is None else description,
            tags=given(stored.get("tags") if tags is None else tags),
        )
        updated = yield from call(update_collection, **path, body=body)
        return adopt(Collection, updated)

    @operation
    def delete(self, collection_id: str | None = None) -> Flow[None]:
        """Delete the default collection (or `collection_id`); it must hold no artifacts.

        Raises ConflictError when the collection still has artifacts.

        Example:
            luml.collections.delete("0199c455-21ee-74c6-b747-19a82f1a1e75")
        """
        organization_id, orbit_id = yield from self._defaults.orbit_path()
        target = yield from self._defaults.collection(collection_id)
        yield from call(
            delete_collection,
            organization_id=require_uuid("organization", organization_id),
            orbit_id=require_uuid("orbit", orbit_id),
            collection_id=require_uuid("collection", target),
        )
