"""The command line where a new user trips: a config file that is not UTF-8, a refused key
(which must say where it came from), Ctrl-C's exit code in the help and the CLI page
(docs/cli.md)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from luml_facade.cli._app import cli
from luml_facade.cli._exit import ExitCode

from .conftest import Shell

CLI_PAGE = Path(__file__).parents[2] / "docs" / "cli.md"


def test_a_config_file_that_is_not_utf8_is_bad_input_naming_the_file(shell: Shell) -> None:
    shell.config_file.parent.mkdir(parents=True)
    shell.config_file.write_bytes(b'orbit = "Mod\xe8les"\n')  # Latin-1, as an old editor saves
    result = shell("whoami")
    assert result.exit_code == 2, result.stderr
    assert str(shell.config_file) in result.stderr
    assert "not UTF-8" in result.stderr and "unexpected" not in result.stderr


def test_a_refused_key_from_the_environment_says_so(shell: Shell) -> None:
    result = shell("orbits", "list", LUML_API_KEY="dfs_wrong_key_from_env")
    assert result.exit_code == 4
    assert "the API key from the LUML_API_KEY environment variable" in result.stderr
    assert "api_key argument" not in result.stderr


def test_a_refused_key_from_the_config_file_names_the_file(shell: Shell) -> None:
    shell("configure", "--api-key-stdin", input="dfs_wrong_key_in_file\n")
    result = shell("orbits", "list", LUML_API_KEY=None)
    assert result.exit_code == 4
    assert f"the API key from the config file {shell.config_file}" in result.stderr
    assert "api_key argument" not in result.stderr


def test_every_exit_code_is_in_the_help_and_the_cli_page() -> None:
    help_text = CliRunner().invoke(cli, ["--help"]).stdout
    table = re.findall(r"^\s*\| (\d+) \|", CLI_PAGE.read_text(), flags=re.MULTILINE)
    for code in ExitCode:
        assert re.search(rf"^\s+{int(code)}\s+\w", help_text, flags=re.MULTILINE), code
        assert str(int(code)) in table, code
