"""Collections of the default orbit."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import ClassVar

from .._checks import TAGS, Rule
from .._flow import Flow
from .._paging import MAX_PAGE
from .._session import Items, M, Resource, every_page, operation, paged
from ..calls import collections
from ..calls._resolve import find
from ..types import (
    Collection,
    CollectionDetails,
    CollectionsList,
    CollectionSortBy,
    CollectionType,
    CollectionTypeFilter,
    SortOrder,
)


class CollectionResource(Resource[M]):
    """Collections of the default orbit (`luml.collections`)."""

    arguments: ClassVar[Mapping[str, Rule]] = {
        "name": Rule(empty=False, max_length=100),
        "tags": TAGS,
    }

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
        route = yield from self._defaults.orbit_route()
        if collection_value is None:
            collection_value = yield from self._defaults.collection()
        value = collection_value
        found = yield from find(
            "collection",
            value,
            lambda: collections.named(route, value),
            lambda collection_id: collections.fetch(route, collection_id),
        )
        if found is None or isinstance(found, CollectionDetails):
            return found
        return (yield from collections.fetch(route, found.id))

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
        route = yield from self._defaults.orbit_route(orbit_id)
        return (
            yield from collections.fetch_page(
                route,
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

        return every_page(
            self._defaults.orbit_route(orbit_id),
            lambda route, cursor: collections.fetch_page(
                route,
                cursor,
                limit=limit,
                sort_by=sort_by,
                order=order,
                search=search,
                types=types,
            ),
        )

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
        route = yield from self._defaults.orbit_route()
        return (yield from collections.create(route, description, name, type, tags))

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
        route = yield from self._defaults.orbit_route()
        target = yield from self._defaults.collection(collection_id)
        return (yield from collections.update(route, target, name, description, tags))

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
        route = yield from self._defaults.orbit_route()
        target = yield from self._defaults.collection(collection_id)
        yield from collections.delete(route, target)
