"""`luml --help` lists the commands from commands.COMMANDS without importing them, and what
it says of each is the command's own help."""

from __future__ import annotations

import subprocess
import sys

import pytest

from luml_facade.cli.commands import COMMANDS, load

PROBE = """
import sys
from click.testing import CliRunner
from luml_facade.cli._app import cli
result = CliRunner().invoke(cli, sys.argv[1:])
assert result.exit_code == 0, result.output
loaded = sorted(name for name in sys.modules if name.startswith(("luml_facade", "httpx")))
print(" ".join(loaded))
"""


def modules_after(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_listed_help_is_the_commands_own(name: str) -> None:
    command = load(name)
    assert command is not None and command.name == name
    assert COMMANDS[name][2] == command.get_short_help_str(limit=1000)


def test_help_imports_no_command_module_nor_the_client() -> None:
    loaded = modules_after("--help")
    assert not {name for name in loaded if name.startswith("luml_facade.cli.commands.")}
    assert not loaded & {"luml_facade._client", "luml_facade.types", "httpx"}


def test_a_command_imports_only_its_own_module() -> None:
    loaded = modules_after("whoami", "--help")
    commands = {name for name in loaded if name.startswith("luml_facade.cli.commands.")}
    assert commands == {"luml_facade.cli.commands.whoami"}
    assert load("no-such-command") is None
