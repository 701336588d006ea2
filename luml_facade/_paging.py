"""Walking cursor pages: the lazy `list_all` flows and full-scan lookups."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from luml_openapi.models import SortOrder
from luml_openapi.types import UNSET

from ._flow import Emit, Flow

T = TypeVar("T")

MAX_PAGE = 100
"""The most items the server returns per page (the default `limit`)."""


class Page(Protocol):
    """A page of results: `items`, and the `cursor` of the next page (None on the last)."""

    @property
    def items(self) -> Any: ...

    @property
    def cursor(self) -> str | None: ...


FetchPage = Callable[[str | None], Flow[Any]]
"""Fetches the page after `cursor` (None: the first page)."""


def emit_all(fetch_page: FetchPage) -> Flow[None]:
    """Emit every item of every page, one page request at a time, as the consumer iterates."""
    cursor: str | None = None
    while True:
        page: Page = yield from fetch_page(cursor)
        yield Emit(list(page.items))
        if not page.cursor:
            return
        cursor = page.cursor


def collect(fetch_page: FetchPage, keep: Callable[[Any], bool]) -> Flow[list[Any]]:
    """The items of every page for which `keep(item)` is true (a scan of all pages)."""
    kept: list[Any] = []
    cursor: str | None = None
    while True:
        page: Page = yield from fetch_page(cursor)
        kept.extend(item for item in page.items if keep(item))
        if not page.cursor:
            return kept
        cursor = page.cursor


def page_params(
    cursor: str | None, limit: int, sort_by: Any, order: SortOrder | str
) -> dict[str, Any]:
    """The paging query every list route takes: `cursor`, `limit`, `sort_by` (already the
    route's own enum, or a str; None: the server's default) and `order`."""
    return {
        "cursor": cursor or UNSET,
        "limit": limit,
        "sort_by": UNSET if sort_by is None else sort_by,
        "order": SortOrder(order),
    }
