"""The `luml` commands, one module per noun. A new noun is a module with a click group (or
command) added to COMMANDS; `_app.py` registers them in this order.

Adding one (e.g. `luml deployments list`), as `orbits.py` and `tracks.py` do:

    @click.group("deployments")
    def deployments_group() -> None:
        "Deployments of the orbit."

    @deployments_group.command("list")
    @common_options("orbit")  # --json/--quiet/--debug, --base-url, --organization, --orbit
    def list_deployments() -> None:
        state = get_state()
        items = state.client("orbit").deployments.list()
        state.output.items("deployment", items, DEPLOYMENT_COLUMNS)  # columns in _columns.py

Add the new commands to COMMANDS in tests/cli/test_errors.py (each gets a --help test).

Raise `CliError(message, ExitCode.NOT_FOUND)` for a name that matches nothing; facade errors
are mapped to exit codes by `_exit.exit_code_for` (a new error class goes into `_CODES`).
"""

from __future__ import annotations

import click

from . import track_admin  # noqa: F401  (adds update, delete and stages to `luml tracks`)
from .artifacts import artifacts_group
from .bucket_secrets import bucket_secrets_group
from .collections import collections_group
from .configure import configure_command
from .orbits import orbits_group
from .tracks import tracks_group
from .whoami import whoami_command

COMMANDS: tuple[click.Command, ...] = (
    whoami_command,
    configure_command,
    orbits_group,
    collections_group,
    artifacts_group,
    tracks_group,
    bucket_secrets_group,
)
