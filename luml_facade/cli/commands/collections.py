"""`luml collections list|get`."""

from __future__ import annotations

from itertools import islice

import click

from ...types import CollectionSortBy, CollectionTypeFilter, SortOrder
from .._context import common_options, get_state
from .._exit import CliError, ExitCode
from ._columns import COLLECTION_COLUMNS, COLLECTION_DETAILS


@click.group("collections")
def collections_group() -> None:
    """Collections of the orbit."""


@collections_group.command("list")
@click.option("--search", help="Only collections whose name contains this text.")
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice([kind.value for kind in CollectionTypeFilter]),
    help="Only collections of this type (repeatable).",
)
@click.option(
    "--sort-by", type=click.Choice([column.value for column in CollectionSortBy]), help="Column."
)
@click.option(
    "--order",
    type=click.Choice([order.value for order in SortOrder]),
    default="desc",
    show_default=True,
)
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many.")
@common_options("orbit")
def list_collections(
    search: str | None, types: tuple[str, ...], sort_by: str | None, order: str, limit: int | None
) -> None:
    """List the orbit's collections (every page)."""
    state = get_state()
    items = state.client("orbit").collections.list_all(
        search=search, types=list(types) or None, sort_by=sort_by, order=order
    )
    state.output.items("collection", islice(items, limit), COLLECTION_COLUMNS)


@collections_group.command("get")
@click.argument("value", metavar="NAME|ID", required=False)
@common_options("collection")
def get_collection(value: str | None) -> None:
    """Show one collection (the default one without NAME|ID). Exit 3 if there is none."""
    state = get_state()
    found = state.client("collection" if value is None else "orbit").collections.get(value)
    if found is None:
        raise CliError(f"no collection {value!r} in the orbit", ExitCode.NOT_FOUND)
    state.output.item(found, COLLECTION_DETAILS)
