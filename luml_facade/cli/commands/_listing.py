"""What the `list` commands share: the filter/sort/limit options and printing every page."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any, TypeVar

import click

from ...types import SortOrder
from .._context import get_state
from .._output import Column

F = TypeVar("F", bound=Callable[..., Any])


def enum_choice(members: type[enum.Enum]) -> click.Choice[str]:
    """A click choice of the enum's values.

    Example:
        @click.option("--order", type=enum_choice(SortOrder))
    """
    return click.Choice([member.value for member in members])


def list_options(
    *, search_help: str, types: type[enum.Enum], types_help: str, sort_by: Callable[[F], F]
) -> Callable[[F], F]:
    """The options --search, --type (repeatable), `sort_by`, --order and --limit, in that order.

    The command receives them as `search, types, sort_by, order, limit` (see `print_list`).

    Example:
        @list_options(search_help="...", types=ArtifactType, types_help="...",
                      sort_by=click.option("--sort-by", type=enum_choice(TrackSortBy)))
    """
    options: list[Callable[[Any], Any]] = [
        click.option("--search", help=search_help),
        click.option("--type", "types", multiple=True, type=enum_choice(types), help=types_help),
        sort_by,
        click.option("--order", type=enum_choice(SortOrder), default="desc", show_default=True),
        click.option("--limit", type=click.IntRange(min=1), help="Show at most this many."),
    ]

    def apply(command: F) -> F:
        for option in reversed(options):
            command = option(command)
        return command

    return apply


def print_list(
    noun: str,
    list_all: Callable[..., Iterable[Any]],
    columns: list[Column],
    *,
    search: str | None,
    types: tuple[str, ...],
    sort_by: str | None,
    order: str,
    limit: int | None,
) -> None:
    """Print the first `limit` items (all without a limit) of `list_all` filtered and sorted.

    Example:
        print_list("track", client.tracks.list_all, TRACK_COLUMNS, search=None, types=(),
                   sort_by=None, order="desc", limit=10)
    """
    items = list_all(search=search, types=list(types) or None, sort_by=sort_by, order=order)
    get_state().output.items(noun, islice(items, limit), columns)
