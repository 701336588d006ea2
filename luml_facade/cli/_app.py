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
from .commands import COMMANDS


class LumlGroup(click.Group):
    """A click group that turns errors into a message and an exit code."""

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


for _command in COMMANDS:
    cli.add_command(_command)
