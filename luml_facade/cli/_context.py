"""The state of one `luml` invocation: flags, settings, output and the facade client, plus
the option decorators every command shares.

Options such as `--json` or `--orbit` are accepted both before the command
(`luml --json artifacts list`) and after it (`luml artifacts list --json`); the later one wins.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs
import click

from ._output import Output
from ._settings import SCOPES, Settings, is_private, resolve

if TYPE_CHECKING:  # imported on first use: `luml --help` does not load the client
    from .._client import LumlClient

F = TypeVar("F", bound=Callable[..., Any])
Scope = Literal["organization", "orbit", "collection"]

_META_KEY = "luml_facade.cli.state"
_SWITCHES = ("json", "quiet", "debug")
_LOGGER = logging.getLogger("luml_facade")


@attrs.define
class State:
    """Everything one invocation was told, and the client it opened (closed at the end)."""

    flags: dict[str, str] = attrs.field(factory=dict)
    json: bool = False
    quiet: bool = False
    debug: bool = False
    _settings: Settings | None = None
    _clients: dict[str, LumlClient] = attrs.field(factory=dict)
    _log_handler: logging.Handler | None = None

    @property
    def output(self) -> Output:
        return Output(json=self.json, quiet=self.quiet)

    def settings(self) -> Settings:
        """Flags, then environment, then the config file (read once)."""
        if self._settings is None:
            self._settings = resolve(self.flags, config_file=None)
            path = self._settings.config_file
            if self._settings.api_key_source == "config" and not is_private(path):
                click.echo(
                    f"Warning: {path} holds your API key and others may read it: chmod 600 {path}",
                    err=True,
                )
        return self._settings

    def client(self, scope: Scope) -> LumlClient:
        """A facade client with the defaults a command of `scope` needs (deeper levels are
        left out, so a stale default collection does not break `luml orbits list`).

        Raises CliError (auth) without a key, and the facade's ConfigurationError when a
        default names nothing.
        """
        if scope not in self._clients:
            settings = self.settings()
            key = settings.require_key()
            depth = SCOPES.index(scope)
            from .._client import LumlClient
            from .._options import KeyFrom

            self._clients[scope] = LumlClient(
                api_key=KeyFrom(key.reveal(), key.source),
                base_url=settings.base_url.value,
                organization=settings.organization.value,
                orbit=settings.orbit.value if depth >= 1 else None,
                collection=settings.collection.value if depth >= 2 else None,
            )
        return self._clients[scope]

    def log_to_stderr(self) -> None:
        """Send the facade's log (never the key, never URL signatures) to stderr."""
        if self._log_handler is None:
            self._log_handler = _EchoHandler()
            _LOGGER.addHandler(self._log_handler)
            _LOGGER.setLevel(logging.DEBUG)

    def close(self) -> None:
        """Close the client and stop logging (the end of the invocation)."""
        for client in self._clients.values():
            client.close()
        self._clients.clear()
        if self._log_handler is not None:
            _LOGGER.removeHandler(self._log_handler)
            _LOGGER.setLevel(logging.NOTSET)
            self._log_handler = None


class _EchoHandler(logging.Handler):
    """Log records as `LEVEL logger: message` lines on the current stderr."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(self.format(record), err=True)


def get_state(ctx: click.Context | None = None) -> State:
    """This invocation's state (shared by the group and command contexts)."""
    ctx = ctx or click.get_current_context()
    state = ctx.meta.get(_META_KEY)
    if state is None:
        state = ctx.meta[_META_KEY] = State()
    assert isinstance(state, State)
    return state


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is None or value is False or param.name is None:
        return
    state = get_state(ctx)
    if param.name in _SWITCHES:
        setattr(state, param.name, True)
        if param.name == "debug":
            state.log_to_stderr()
    else:
        state.flags[param.name] = str(value)


def _option(*names: str, help: str, **options: Any) -> Callable[[F], F]:
    return click.option(*names, help=help, expose_value=False, callback=_remember, **options)


_SCOPE_HELP = {
    "organization": "Organization name or id [env LUML_ORGANIZATION].",
    "orbit": "Orbit name or id [env LUML_ORBIT].",
    "collection": "Collection name or id [env LUML_COLLECTION].",
}


def common_options(scope: Scope | None = None) -> Callable[[F], F]:
    """Add --json/--quiet/--debug, and (for a `scope`) --base-url and the defaults down to it.

    Example:
        @click.command()
        @common_options("orbit")
        def list_collections() -> None: ...
    """

    def decorate(function: F) -> F:
        levels = () if scope is None else SCOPES[: SCOPES.index(scope) + 1]
        for level in reversed(levels):
            function = _option(f"--{level}", metavar="NAME|ID", help=_SCOPE_HELP[level])(function)
        if scope is not None:
            function = _option(
                "--base-url", metavar="URL", help="LUML API URL [env LUML_BASE_URL]."
            )(function)
        function = _option("--debug", is_flag=True, help="Show tracebacks and HTTP logs.")(function)
        function = _option(
            "-q", "--quiet", is_flag=True, help="Print only ids (or paths); no progress bars."
        )(function)
        return _option("--json", is_flag=True, help="Print JSON (stable field names).")(function)

    return decorate
