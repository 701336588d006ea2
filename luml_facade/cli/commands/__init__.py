"""The `luml` commands, one module per noun. A new noun is a module with a click group (or
command), named in COMMANDS with its one-line help; `_app.py` lists them in this order and
imports a module only when its command runs (so `luml --help` imports none of them; a test
checks each one-line help against the command's own).

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

Add the new commands to COMMANDS in tests/cli/test_errors.py too (each gets a --help test).

Raise `CliError(message, ExitCode.NOT_FOUND)` for a name that matches nothing; facade errors
are mapped to exit codes by `_exit.exit_code_for` (a new error class goes into `_CODES`).
"""

from __future__ import annotations

import importlib

import click

# name -> (module, attribute, the one-line help `luml --help` shows)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "whoami": (
        "whoami",
        "whoami_command",
        "Show the API, the key's origin, and the organization, orbit and collection that "
        "commands will use (and where each setting came from).",
    ),
    "configure": (
        "configure",
        "configure_command",
        "Save the API key, URL and defaults to the config file (readable by you only).",
    ),
    "orbits": ("orbits", "orbits_group", "Orbits (workspaces) of the organization."),
    "collections": ("collections", "collections_group", "Collections of the orbit."),
    "artifacts": (
        "artifacts",
        "artifacts_group",
        "Artifacts (models, datasets, experiments) of the collection.",
    ),
    "tracks": (
        "track_admin",  # tracks.py, with update, delete and stages added
        "tracks_group",
        "Model versions and the stages (dev, staging, production) they are at.",
    ),
    "bucket-secrets": (
        "bucket_secrets",
        "bucket_secrets_group",
        "Bucket secrets (storage credentials) of the organization.",
    ),
    "cache": (
        "cache",
        "cache_group",
        "The shared model cache that `cached_path` and `download(cache=True)` fill.",
    ),
}


def load(name: str) -> click.Command | None:
    """The command `name` (its module imported now), or None for an unknown name."""
    spec = COMMANDS.get(name)
    if spec is None:
        return None
    command: click.Command = getattr(importlib.import_module(f".{spec[0]}", __name__), spec[1])
    return command
