"""Collection calls: pages, one collection (with its tags and metric keys), the ones of a
name, create, update, delete (routes under an orbit).

The endpoints of create, update and delete are imported where they are called: resolving the
defaults (and `luml whoami`) only lists and reads, and does not load them.
"""

from __future__ import annotations

from collections.abc import Sequence

from luml_openapi.api.collections import get_collection, list_collections
from luml_openapi.types import UNSET

from .._flow import Flow, call
from .._paging import MAX_PAGE, collect, page_params
from .._unset import given_list
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
from ._route import Route


def fetch_page(
    route: Route,
    cursor: str | None,
    *,
    limit: int = MAX_PAGE,
    sort_by: CollectionSortBy | str | None = None,
    order: SortOrder | str = SortOrder.DESC,
    search: str | None = None,
    types: Sequence[CollectionTypeFilter | str] | None = None,
) -> Flow[CollectionsList]:
    """One page of the orbit's collections."""
    page = yield from call(
        list_collections,
        **route.ids(),
        **page_params(cursor, limit, None if sort_by is None else CollectionSortBy(sort_by), order),
        search=search or UNSET,
        types=UNSET if types is None else [CollectionTypeFilter(kind) for kind in types],
    )
    return adopt(CollectionsList, page)


def fetch(route: Route, collection_id: str) -> Flow[CollectionDetails]:
    """One collection by id, with the tags and metric keys of its artifacts."""
    details = yield from call(get_collection, **route.ids(collection_id=collection_id))
    return adopt(CollectionDetails, details)


def named(route: Route, name: str) -> Flow[list[Collection]]:
    """Every collection named exactly `name` (all pages searched)."""
    found: list[Collection] = yield from collect(
        lambda cursor: fetch_page(route, cursor, search=name), lambda item: item.name == name
    )
    return found


def create(
    route: Route,
    description: str,
    name: str,
    kind: CollectionType | str,
    tags: Sequence[str] | None,
) -> Flow[Collection]:
    """A new collection in the orbit."""
    from luml_openapi.api.collections import create_collection
    from luml_openapi.models import CollectionCreate

    body = CollectionCreate(
        description=description, name=name, type_=CollectionType(kind), tags=given_list(tags)
    )
    created = yield from call(create_collection, idempotent=False, **route.ids(), body=body)
    return adopt(Collection, created)


def update(
    route: Route,
    collection_id: str,
    name: str | None,
    description: str | None,
    tags: Sequence[str] | None,
) -> Flow[Collection]:
    """Change only the fields given.

    The real server writes name, description and tags on every update (a 500 without name or
    description, tags cleared when left out), so the collection is read first and the values
    not given are sent along.
    """
    from luml_openapi.api.collections import update_collection
    from luml_openapi.models import CollectionUpdate

    ids = route.ids(collection_id=collection_id)
    stored = (yield from call(get_collection, **ids)).to_dict()
    body = CollectionUpdate(
        name=stored["name"] if name is None else name,
        description=stored["description"] if description is None else description,
        tags=given_list(stored.get("tags") if tags is None else tags),
    )
    updated = yield from call(update_collection, **ids, body=body)
    return adopt(Collection, updated)


def delete(route: Route, collection_id: str) -> Flow[None]:
    """Delete an empty collection (ConflictError while it holds artifacts)."""
    from luml_openapi.api.collections import delete_collection

    yield from call(delete_collection, **route.ids(collection_id=collection_id))
