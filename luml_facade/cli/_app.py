"""The `luml` root command: global options, the command groups, and error handling
(one message and a documented exit code, a traceback only with --debug)."""

from __future__ import annotations

import traceback
from typing import Any

import click

from .._errors import LumlAPIError
from .._version import __version__
from ._context import common_options, get_state
from ._exit import EXIT_CODES_HELP, CliError, ExitCode, exit_code_for, shell_message
from .commands import COMMANDS, load


def _shortened(text: str, limit: int) -> str:
    """`text` cut at a word to fit `limit` characters, with "..." (as click shortens help)."""
    if len(text) <= limit:
        return text
    return text[: limit - 3].rsplit(" ", 1)[0].rstrip(",;:") + "..."


class LumlGroup(click.Group):
    """A click group that turns errors into a message and an exit code, and imports a
    command's module only when that command runs (commands/__init__.py: COMMANDS)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return load(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of `luml --help`, from COMMANDS (no command module imported)."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, _shortened(spec[2], limit)) for name, spec in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        state = get_state(ctx)
        try:
            return super().invoke(ctx)
        except CliError as error:
            self._fail(ctx, error, error.message, error.code)
        except LumlAPIError as error:
            self._fail(ctx, error, shell_message(error), exit_code_for(error))
        except KeyboardInterrupt as error:
            self._fail(ctx, error, "interrupted", ExitCode.INTERRUPTED)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:
            message = f"unexpected {type(error).__name__}: {error} (rerun with --debug)"
            self._fail(ctx, error, message, ExitCode.UNEXPECTED)
        finally:
            state.close()

    @staticmethod
    def _fail(ctx: click.Context, error: BaseException, message: str, code: ExitCode) -> None:
        state = get_state(ctx)
        if state.debug:
            click.echo("".join(traceback.format_exception(error)), err=True, nl=False)
        state.output.error(message, int(code), type(error).__name__)
        ctx.exit(int(code))


@click.group(
    cls=LumlGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EXIT_CODES_HELP,
)
@click.version_option(__version__, "-V", "--version", prog_name="luml")
@common_options("collection")
def cli() -> None:
    """The LUML model registry from the shell and CI pipelines.

    \b
    Settings come from flags, then environment variables, then the config file
    written by `luml configure` ($LUML_CONFIG, default ~/.config/luml/config.toml):
      LUML_API_KEY       the API key (never accepted as a flag)
      LUML_BASE_URL      the API URL (default https://api.luml.ai)
      LUML_ORGANIZATION, LUML_ORBIT, LUML_COLLECTION
                         defaults, each a name or an id; one left out is picked
                         when there is exactly one candidate

    \b
    Examples:
      luml whoami
      luml artifacts upload model.luml --collection churn --tag prod
      luml artifacts list --json
      luml artifacts download "Churn v2" ./models/
      luml artifacts upload model.luml --track churn-model --stage production
      luml tracks download churn-model --stage production ./models/
      luml bucket-secrets check
    """
