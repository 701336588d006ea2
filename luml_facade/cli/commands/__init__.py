"""The `luml` commands, one module per noun. A new noun is a module with a click group (or
command) added to COMMANDS; `_app.py` registers them in this order."""

from __future__ import annotations

import click

from .artifacts import artifacts
from .collections import collections
from .configure import configure
from .orbits import orbits
from .whoami import whoami

COMMANDS: tuple[click.Command, ...] = (whoami, configure, orbits, collections, artifacts)
