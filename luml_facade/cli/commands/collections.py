"""`luml collections list|get`."""

from __future__ import annotations

import click

from ...types import CollectionSortBy, CollectionTypeFilter
from .._context import common_options, get_state
from .._exit import CliError, ExitCode
from ._columns import COLLECTION_COLUMNS, COLLECTION_DETAILS
from ._listing import enum_choice, list_options, print_list


@click.group("collections")
def collections_group() -> None:
    """Collections of the orbit."""


@collections_group.command("list")
@list_options(
    search_help="Only collections whose name contains this text.",
    types=CollectionTypeFilter,
    types_help="Only collections of this type (repeatable).",
    sort_by=click.option("--sort-by", type=enum_choice(CollectionSortBy), help="Column."),
)
@common_options("orbit")
def list_collections(
    search: str | None, types: tuple[str, ...], sort_by: str | None, order: str, limit: int | None
) -> None:
    """List the orbit's collections (every page)."""
    collections = get_state().client("orbit").collections
    print_list(
        "collection",
        collections.list_all,
        COLLECTION_COLUMNS,
        search=search,
        types=types,
        sort_by=sort_by,
        order=order,
        limit=limit,
    )


@collections_group.command("get")
@click.argument("value", metavar="NAME|ID", required=False)
@common_options("collection")
def get_collection(value: str | None) -> None:
    """Show one collection (the default one without NAME|ID). Exit 3 if there is none."""
    state = get_state()
    found = state.client("collection" if value is None else "orbit").collections.get(value)
    if found is None:
        raise CliError(
            f"no collection {value!r} in the orbit (list them with: luml collections list)",
            ExitCode.NOT_FOUND,
        )
    state.output.item(found, COLLECTION_DETAILS)
