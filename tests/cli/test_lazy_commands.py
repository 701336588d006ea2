"""`luml --help` lists the commands from commands.COMMANDS without importing them, and what
it says of each is the command's own help; `luml whoami` loads only what its calls use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from luml_facade.cli.commands import COMMANDS, load

from .conftest import SETTING_VARIABLES, Shell

PROBE = """
import sys
from click.testing import CliRunner
from luml_facade.cli._app import cli
result = CliRunner().invoke(cli, sys.argv[1:])
assert result.exit_code == 0, result.output
print(" ".join(sorted(sys.modules)))
"""


def modules_after(*args: str, env: dict[str, str] | None = None) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
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


def test_whoami_loads_only_what_its_calls_use(shell: Shell, tmp_path: Path) -> None:
    """`luml whoami` lists and reads organizations, orbits and collections: it loads no storage
    transport (urllib3), no asyncio, no transfer machinery beyond the journal's (empty)
    directory check, no cache, and no endpoint that creates, changes or deletes anything."""
    env = {key: value for key, value in os.environ.items() if key not in SETTING_VARIABLES}
    env.update({key: value for key, value in shell.env.items() if value is not None})
    env["LUML_JOURNAL_DIR"] = str(tmp_path / "journal")  # no leftover transfer to repair
    loaded = modules_after("whoami", env=env)
    assert "luml_openapi.api.organizations.list_my_organizations" in loaded  # it did call
    assert not loaded & {"urllib3", "asyncio", "luml_facade._storage_client"}
    assert {name for name in loaded if name.startswith("luml_facade.transfer")} <= {
        "luml_facade.transfer",
        "luml_facade.transfer.journal",
    }
    assert not {
        name for name in loaded if name.startswith(("luml_facade.cache", "luml_facade.storage"))
    }
    endpoints = {name.rsplit(".", 1)[-1] for name in loaded if name.startswith("luml_openapi.api.")}
    assert not {name for name in endpoints if name.startswith(("create_", "update_", "delete_"))}
    assert not {name for name in loaded if name.startswith("luml_openapi.api.artifacts")}
