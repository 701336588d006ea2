"""What `update` and `delete` commands share: the fields a user asked to change, and the
confirmation a delete needs."""

from __future__ import annotations

import sys

import click

from .._exit import CliError
from .._output import is_terminal


def new_tags(
    name: str | None, description: str | None, tags: tuple[str, ...], clear_tags: bool
) -> list[str] | None:
    """The tags an update sets (None: unchanged); CliError when nothing is to change.

    Example:
        tags = new_tags(name, description, ("prod",), clear_tags=False)  # ["prod"]
    """
    if tags and clear_tags:
        raise CliError("--tag and --clear-tags exclude each other")
    wanted = [] if clear_tags else (list(tags) or None)
    if name is None and description is None and wanted is None:
        raise CliError("nothing to change: pass --name, --description, --tag or --clear-tags")
    return wanted


def confirm_delete(kind: str, label: str, yes: bool) -> None:
    """Ask before deleting, on a terminal; without one, refuse unless --yes was given."""
    if yes:
        return
    if not is_terminal(sys.stdin):
        raise CliError("refusing to delete without confirmation: pass --yes")
    click.confirm(f"Delete {kind} {label}?", abort=True, err=True)
