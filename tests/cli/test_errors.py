"""Help texts, exit codes, error messages (no tracebacks unless --debug), JSON errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from luml_facade import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BaseProgressHandler,
    ConfigurationError,
    ConflictError,
    FileDeleteError,
    FileDownloadError,
    FileError,
    FileUploadError,
    InternalServerError,
    InvalidArgumentError,
    LumlAPIError,
    MultipleResourcesFoundError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    SilentProgressHandler,
    TqdmProgressHandler,
    UnprocessableEntityError,
)
from luml_facade.cli._app import cli
from luml_facade.cli._exit import ExitCode, exit_code_for, for_the_shell
from luml_facade.cli._output import Output
from luml_facade.testing import Fault

from .conftest import Shell

COMMANDS = [
    ["whoami"],
    ["configure"],
    ["orbits", "list"],
    ["orbits", "get"],
    ["collections", "list"],
    ["collections", "get"],
    ["artifacts", "list"],
    ["artifacts", "get"],
    ["artifacts", "upload"],
    ["artifacts", "download"],
    ["artifacts", "update"],
    ["artifacts", "delete"],
    ["tracks", "list"],
    ["tracks", "show"],
    ["tracks", "create"],
    ["tracks", "add"],
    ["tracks", "promote"],
    ["tracks", "download"],
    ["tracks", "remove"],
    ["tracks", "update"],
    ["tracks", "delete"],
    ["tracks", "stages", "list"],
    ["tracks", "stages", "add"],
    ["tracks", "stages", "rename"],
    ["tracks", "stages", "remove"],
    ["bucket-secrets", "list"],
    ["cache", "ls"],
    ["cache", "prune"],
    ["cache", "verify"],
    ["bucket-secrets", "check"],
]


def test_root_help_lists_commands_settings_and_exit_codes() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    words = ("whoami", "configure", "orbits", "collections", "artifacts", "tracks")
    for word in (*words, "bucket-secrets", "LUML_API_KEY"):
        assert word in result.stdout
    for code in ExitCode:
        if code != ExitCode.INTERRUPTED:
            assert f"  {int(code)}  " in result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: cli {' '.join(command)}")
    assert len(result.stdout.splitlines()) > 4


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("luml, version ")


def test_usage_errors_exit_2(shell: Shell) -> None:
    assert shell("artifacts", "frobnicate").exit_code == 2
    assert shell("artifacts", "get").exit_code == 2  # missing argument
    assert shell("artifacts", "list", "--limit", "0").exit_code == 2
    assert shell("artifacts", "list", "--type", "pizza").exit_code == 2


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (NotFoundError("x", status_code=404), ExitCode.NOT_FOUND),
        (AuthenticationError("x", status_code=401), ExitCode.AUTH),
        (PermissionDeniedError("x", status_code=403), ExitCode.AUTH),
        (BadRequestError("x", status_code=400), ExitCode.BAD_INPUT),
        (ConflictError("x", status_code=409), ExitCode.BAD_INPUT),
        (UnprocessableEntityError("x", status_code=422), ExitCode.BAD_INPUT),
        (InvalidArgumentError("x"), ExitCode.BAD_INPUT),
        (MultipleResourcesFoundError("x"), ExitCode.BAD_INPUT),
        (ConfigurationError("x"), ExitCode.BAD_INPUT),
        (FileError("x"), ExitCode.BAD_INPUT),
        (FileUploadError("x"), ExitCode.TRANSFER_FAILED),
        (FileDownloadError("x"), ExitCode.TRANSFER_FAILED),
        (FileDeleteError("x"), ExitCode.TRANSFER_FAILED),
        (RateLimitError("x", status_code=429), ExitCode.UNAVAILABLE),
        (InternalServerError("x", status_code=503), ExitCode.UNAVAILABLE),
        (APIConnectionError("x"), ExitCode.UNAVAILABLE),
        (APITimeoutError("x"), ExitCode.UNAVAILABLE),
        (LumlAPIError("x"), ExitCode.UNEXPECTED),
    ],
)
def test_every_facade_error_has_an_exit_code(error: LumlAPIError, code: ExitCode) -> None:
    assert exit_code_for(error) == code


def test_python_advice_is_told_as_flags() -> None:
    message = (
        "no default orbit: organization 'O' has no orbits yet. Pass orbit=... or set it with "
        "setup_config(orbit=...)"
    )
    assert for_the_shell(message) == (
        "no default orbit: organization 'O' has no orbits yet; set --orbit or LUML_ORBIT"
    )


def test_server_errors_exit_6_without_a_traceback(shell: Shell) -> None:
    shell.server.faults.add(Fault(target="api", method="GET", status=500))
    result = shell("orbits", "list")
    assert result.exit_code == 6
    assert result.stderr.startswith("Error: 500")
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback_and_http_log_but_keeps_the_exit_code(shell: Shell) -> None:
    shell.server.faults.add(Fault(target="api", method="GET", status=500))
    result = shell("--debug", "orbits", "list")
    assert result.exit_code == 6
    assert "Traceback (most recent call last)" in result.stderr
    assert "InternalServerError" in result.stderr
    assert "luml_facade" in result.stderr  # the facade's log lines
    quiet_again = shell("orbits", "list")  # the log handler went away with the invocation
    assert "luml_facade" not in quiet_again.stderr


def test_errors_are_json_on_stderr_with_json(shell: Shell) -> None:
    result = shell("artifacts", "get", "nope", "--collection", "churn", "--json")
    assert result.exit_code == 3
    assert result.stdout == ""
    error = json.loads(result.stderr)["error"]
    assert error == {
        "type": "CliError",
        "message": "no artifact 'nope' in the collection (list them with: luml artifacts list)",
        "exit_code": 3,
    }


def test_an_unreachable_base_url_is_bad_input(shell: Shell) -> None:
    result = shell("orbits", "list", "--base-url", "ftp://example.invalid")
    assert result.exit_code == 2 and "http://" in result.stderr


def test_an_unexpected_error_exits_1_with_one_line(
    shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("luml_facade.cli.commands.orbits.get_state", broken)
    result = shell("orbits", "list")
    assert result.exit_code == 1
    assert result.stderr == "Error: unexpected RuntimeError: boom (rerun with --debug)\n"


class _CtrlC(BaseProgressHandler):
    def on_chunk(self, done: int, total: int) -> None:
        raise KeyboardInterrupt

    def finish(self) -> None:
        pass


def test_ctrl_c_during_an_upload_exits_130_and_marks_it_failed(
    shell: Shell, model_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Output, "progress", lambda self: _CtrlC())
    result = shell("artifacts", "upload", str(model_file), "--collection", "churn")
    assert result.exit_code == 130
    assert result.stderr == "Error: interrupted\n"
    [artifact] = shell.json("artifacts", "list", "--collection", "churn")
    assert artifact["status"] == "upload_failed"


def test_progress_bars_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("luml_facade.cli._output.is_terminal", lambda stream: False)
    assert isinstance(Output().progress(), SilentProgressHandler)
    monkeypatch.setattr("luml_facade.cli._output.is_terminal", lambda stream: True)
    assert isinstance(Output().progress(), TqdmProgressHandler)
    assert isinstance(Output(quiet=True).progress(), SilentProgressHandler)
