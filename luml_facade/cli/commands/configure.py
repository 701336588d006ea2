"""`luml configure`: write the config file (owner-only), prompting on a terminal."""

from __future__ import annotations

import sys

import click

from .._exit import CliError
from .._output import is_terminal
from .._settings import SCOPES, config_path, read_config, write_config

_PROMPTS = {
    "base_url": "API URL",
    "organization": "Default organization (name or id, empty: pick the only one)",
    "orbit": "Default orbit (name or id, empty: pick the only one)",
    "collection": "Default collection (name or id, empty: pick the only one)",
}


def _default_base_url() -> str:
    from ..._options import DEFAULT_BASE_URL  # _options imports httpx: only when asked

    return DEFAULT_BASE_URL


def _read_key_from_stdin() -> str:
    key = sys.stdin.readline().strip()
    if not key:
        raise CliError("--api-key-stdin: standard input held no API key")
    return key


def _prompt_for_everything(values: dict[str, str]) -> None:
    hint = " (empty: keep the current one)" if values.get("api_key") else ""
    key = click.prompt(f"API key{hint}", hide_input=True, default="", show_default=False)
    if key.strip():
        values["api_key"] = key.strip()
    values["base_url"] = click.prompt(
        _PROMPTS["base_url"], default=values.get("base_url") or _default_base_url()
    ).strip()
    for level in SCOPES:
        values[level] = click.prompt(
            _PROMPTS[level], default=values.get(level, ""), show_default=bool(values.get(level))
        ).strip()


@click.command("configure")
@click.option("--base-url", metavar="URL", help="LUML API URL.")
@click.option("--organization", metavar="NAME|ID", help="Default organization ('' clears).")
@click.option("--orbit", metavar="NAME|ID", help="Default orbit ('' clears).")
@click.option("--collection", metavar="NAME|ID", help="Default collection ('' clears).")
@click.option(
    "--api-key-stdin",
    is_flag=True,
    help="Read the API key from standard input (e.g. piped from a secret store).",
)
def configure_command(
    base_url: str | None,
    organization: str | None,
    orbit: str | None,
    collection: str | None,
    api_key_stdin: bool,
) -> None:
    """Save the API key, URL and defaults to the config file (readable by you only).

    \b
    On a terminal without options it asks for each value (the key is not echoed).
    Otherwise only the options given change; the key comes from --api-key-stdin:
      secret-tool lookup luml key | luml configure --api-key-stdin --orbit Models
    The file is $LUML_CONFIG, default ~/.config/luml/config.toml ($XDG_CONFIG_HOME).
    """
    path = config_path()
    values = read_config(path)
    given = {
        "base_url": base_url,
        "organization": organization,
        "orbit": orbit,
        "collection": collection,
    }
    if api_key_stdin:
        values["api_key"] = _read_key_from_stdin()
    if all(value is None for value in given.values()) and not api_key_stdin:
        if not is_terminal(sys.stdin):
            raise CliError(
                "nothing to configure: pass options (see --help), or run it on a terminal"
            )
        _prompt_for_everything(values)
    for name, value in given.items():
        if value is not None:
            values[name] = value.strip()
    write_config(path, values)
    saved = ", ".join(name for name in values if values[name]) or "nothing"
    click.echo(f"Saved {saved} to {path} (mode 0600).", err=True)
