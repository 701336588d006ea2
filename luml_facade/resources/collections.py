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

        Arguments:
            collection_value: The collection's id or exact name; every page is searched.

        Returns:
            CollectionDetails | None: the collection, or None when nothing matches.

        Raises:
            MultipleResourcesFoundError: a name matches several collections.
            ConfigurationError: no orbit is chosen.

        Example:
            collection = luml.collections.get("churn")
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

        Arguments:
            start_after: The `cursor` of the previous page; None for the first page.
            limit: Collections per page, 1..100.
            sort_by: A CollectionSortBy column (name, created_at, ...).
            order: "desc" (default) or "asc".
            search: Only collections whose name contains this text.
            types: Only collections of these types ("model", "dataset", "mixed", ...).
            orbit_id: Another orbit's id.

        Returns:
            CollectionsList: `items` and the `cursor` of the next page (None on the last page).

        Raises:
            InvalidArgumentError: an unknown sort column, order or type, or a limit out of range.

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

        Arguments:
            limit: Collections per request, 1..100.
            sort_by: As in `list`.
            order: As in `list`.
            search: As in `list`.
            types: As in `list`.
            orbit_id: Another orbit's id.

        Returns:
            An iterator of Collection (an async iterator on AsyncLumlClient).

        Raises:
            InvalidArgumentError: as in `list` (when iteration starts).

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

        Arguments:
            description: Free text (the LUML web app shows it as the collection's title).
            name: The collection's name (a unique one is easier to name later).
            type: CollectionType.MODEL, DATASET, EXPERIMENT or MIXED (or its string).
            tags: Tags.

        Returns:
            Collection: the new collection.

        Raises:
            InvalidArgumentError: an unknown type.
            ConfigurationError: no orbit is chosen.

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

        Arguments:
            name: A new name.
            description: A new description.
            tags: The new tags (replacing the old ones).
            collection_id: Another collection's id.

        Returns:
            Collection: the updated collection.

        Raises:
            NotFoundError: the collection does not exist.

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

        Arguments:
            collection_id: Another collection's id.

        Raises:
            ConflictError: the collection still has artifacts.
            NotFoundError: the collection does not exist.

        Example:
            luml.collections.delete(collection.id)
        """
        organization_id, orbit_id = yield from self._defaults.orbit_path()
        target = yield from self._defaults.collection(collection_id)
        yield from call(
            delete_collection,
            organization_id=require_uuid("organization", organization_id),
            orbit_id=require_uuid("orbit", orbit_id),
            collection_id=require_uuid("collection", target),
        )
