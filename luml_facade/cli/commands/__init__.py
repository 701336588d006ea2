"""The `luml` commands, one module per noun. A new noun is a module with a click group (or
command) added to COMMANDS; `_app.py` registers them in this order."""

from __future__ import annotations

import click

from .artifacts import artifacts_group
from .collections import collections_group
from .configure import configure_command
from .orbits import orbits_group
from .whoami import whoami_command

COMMANDS: tuple[click.Command, ...] = (
    whoami_command,
    configure_command,
    orbits_group,
    collections_group,
    artifacts_group,
)
