"""`luml whoami`: which API, key, organization, orbit and collection the settings resolve to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..._errors import ConfigurationError
from .._context import common_options, get_state
from .._exit import for_the_shell
from .._settings import SCOPES, Settings


def _level(kind: str, settings: Settings, fetch: Callable[[], Any]) -> dict[str, Any]:
    """One level's id and name, where its setting came from, or why nothing was chosen."""
    source = settings.scope(kind).source or "auto"
    try:
        found = fetch()
    except ConfigurationError as error:
        reason = for_the_shell(error.message)
        return {"id": None, "name": None, "source": source, "reason": reason}
    if found is None:
        return {"id": None, "name": None, "source": source, "reason": "not found"}
    return {"id": found.id, "name": found.name, "source": source}


def _line(label: str, level: dict[str, Any]) -> str:
    if level["id"] is None:
        return f"{label:<14}- ({level['reason']})"
    return f"{label:<14}{level['name']} ({level['id']}) [{level['source']}]"


@click.command("whoami")
@common_options("collection")
def whoami_command() -> None:
    """Show the API, the key's origin, and the organization, orbit and collection that
    commands will use (and where each setting came from). The key itself is never shown."""
    state = get_state()
    settings = state.settings()
    client = state.client("collection")
    fetchers: dict[str, Callable[[], Any]] = {
        "organization": client.organizations.get,
        "orbit": client.orbits.get,
        "collection": client.collections.get,
    }
    levels = {kind: _level(kind, settings, fetchers[kind]) for kind in SCOPES}
    data = {
        "base_url": client.base_url,
        "api_key_source": settings.api_key_source,
        "config_file": str(settings.config_file),
        **levels,
    }
    text = "\n".join(
        [
            f"{'API:':<14}{client.base_url}",
            f"{'API key:':<14}set [{settings.api_key_source}]",
            *(_line(f"{kind.title()}:", levels[kind]) for kind in SCOPES),
            f"{'Config file:':<14}{settings.config_file}"
            + ("" if settings.config_file.exists() else " (none)"),
        ]
    )
    state.output.data(data, text, quiet_text=levels["collection"]["id"] or "")
