"""`luml orbits list|get`."""

from __future__ import annotations

import click

from .._context import common_options, get_state
from .._exit import CliError, ExitCode
from ._columns import ORBIT_COLUMNS, ORBIT_DETAILS


@click.group("orbits")
def orbits_group() -> None:
    """Orbits (workspaces) of the organization."""


@orbits_group.command("list")
@common_options("organization")
def list_orbits() -> None:
    """List the organization's orbits."""
    state = get_state()
    state.output.items("orbit", state.client("organization").orbits.list(), ORBIT_COLUMNS)


@orbits_group.command("get")
@click.argument("value", metavar="NAME|ID", required=False)
@common_options("orbit")
def get_orbit(value: str | None) -> None:
    """Show one orbit (the default orbit without NAME|ID). Exit 3 if there is none."""
    state = get_state()
    found = state.client("orbit").orbits.get(value)
    if found is None:
        raise CliError(
            f"no orbit {value!r} in the organization (list them with: luml orbits list)",
            ExitCode.NOT_FOUND,
        )
    state.output.item(found, ORBIT_DETAILS)
