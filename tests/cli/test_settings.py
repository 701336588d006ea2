"""Where settings come from (flags > environment > config file), `luml configure` and
`luml whoami`; the key is never printed (the Shell fixture checks every output)."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from .conftest import Shell


def stored(path: Path) -> dict[str, str]:
    return tomllib.loads(path.read_text())


def test_whoami_names_organization_orbit_and_collection(shell: Shell) -> None:
    me = shell.json("whoami", "--collection", "churn")
    assert me["base_url"] == shell.server.url
    assert me["api_key_source"] == "env:LUML_API_KEY"
    assert me["organization"]["name"] == shell.tenant.organization_name
    assert me["organization"]["source"] == "auto"
    assert (me["orbit"]["name"], me["orbit"]["source"]) == ("Models", "env:LUML_ORBIT")
    assert (me["collection"]["name"], me["collection"]["source"]) == ("churn", "flag")
    text = shell("whoami", "--collection", "churn").stdout
    assert "Collection:   churn (" in text and "[flag]" in text
    assert "API key:      set [env:LUML_API_KEY]" in text


def test_whoami_says_why_a_level_is_unresolved(shell: Shell) -> None:
    me = shell.json("whoami")
    assert me["collection"]["id"] is None
    reason = me["collection"]["reason"]
    assert "2 collections" in reason and "--collection or LUML_COLLECTION" in reason
    assert "setup_config" not in reason


def test_a_default_that_names_nothing_is_bad_input(shell: Shell) -> None:
    result = shell("artifacts", "list", "--collection", "nope")
    assert result.exit_code == 2
    assert "no collection 'nope'" in result.stderr and "churn" in result.stderr
    ambiguous = shell("artifacts", "list")
    assert ambiguous.exit_code == 2 and "--collection or LUML_COLLECTION" in ambiguous.stderr


def test_configure_from_flags_writes_a_private_file(shell: Shell) -> None:
    result = shell(
        "configure", "--orbit", "Models", "--collection", "churn", "--api-key-stdin",
        input=shell.tenant.api_key + "\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert str(shell.config_file) in result.stderr
    mode = stat.S_IMODE(shell.config_file.stat().st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(shell.config_file.parent.stat().st_mode) == 0o700
    assert stored(shell.config_file) == {
        "api_key": shell.tenant.api_key,
        "orbit": "Models",
        "collection": "churn",
    }
    # the key and defaults now come from the file
    me = shell.json("whoami", LUML_API_KEY=None)
    assert me["api_key_source"] == "config"
    assert (me["collection"]["name"], me["collection"]["source"]) == ("churn", "config")


def test_configure_keeps_what_is_not_given_and_clears_with_empty(shell: Shell) -> None:
    shell("configure", "--api-key-stdin", input="dfs_first\n")
    shell("configure", "--orbit", "Models", "--collection", "churn")
    assert stored(shell.config_file)["api_key"] == "dfs_first"
    shell("configure", "--collection", "")
    assert stored(shell.config_file) == {"api_key": "dfs_first", "orbit": "Models"}


def test_flags_beat_environment_beat_config_file(shell: Shell) -> None:
    shell("configure", "--collection", "nope-from-file")
    from_env = shell.json("whoami", LUML_COLLECTION="scratch")
    assert (from_env["collection"]["name"], from_env["collection"]["source"]) == (
        "scratch",
        "env:LUML_COLLECTION",
    )
    from_flag = shell.json("whoami", "--collection", "churn", LUML_COLLECTION="scratch")
    assert from_flag["collection"]["source"] == "flag"
    # a flag after the command wins over the same flag before it
    later = shell.json("--collection", "scratch", "whoami", "--collection", "churn")
    assert later["collection"]["name"] == "churn"
    assert shell("whoami").exit_code == 2  # the file's collection does not exist


def test_a_wrong_key_in_the_file_is_an_auth_error(shell: Shell) -> None:
    shell("configure", "--api-key-stdin", input="dfs_wrong\n")
    result = shell("orbits", "list", LUML_API_KEY=None)
    assert result.exit_code == 4
    assert "dfs_wrong" not in result.stdout + result.stderr


def test_configure_prompts_on_a_terminal_without_echoing_the_key(
    shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("luml_facade.cli.commands.configure.is_terminal", lambda stream: True)
    answers = [shell.tenant.api_key, shell.server.url, "", "Models", "churn"]
    result = shell("configure", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "API key" in result.stdout  # the prompt, without the key (checked by Shell)
    assert stored(shell.config_file) == {
        "api_key": shell.tenant.api_key,
        "base_url": shell.server.url,
        "orbit": "Models",
        "collection": "churn",
    }
    assert shell.json("artifacts", "list", LUML_API_KEY=None, LUML_BASE_URL=None) == []


def test_configure_without_a_terminal_or_options_refuses(shell: Shell) -> None:
    result = shell("configure")
    assert result.exit_code == 2 and "nothing to configure" in result.stderr
    assert not shell.config_file.exists()


def test_config_file_defaults_to_the_xdg_directory(shell: Shell, tmp_path: Path) -> None:
    xdg = tmp_path / "xdg"
    shell("configure", "--orbit", "Models", LUML_CONFIG=None, XDG_CONFIG_HOME=str(xdg))
    assert stored(xdg / "luml" / "config.toml") == {"orbit": "Models"}


def test_a_broken_config_file_is_bad_input(shell: Shell) -> None:
    shell.config_file.parent.mkdir(parents=True)
    shell.config_file.write_text("orbit = [unclosed")
    result = shell("whoami")
    assert result.exit_code == 2 and "not valid TOML" in result.stderr


def test_no_key_anywhere_is_an_auth_error(shell: Shell) -> None:
    result = shell("artifacts", "list", LUML_API_KEY=None)
    assert result.exit_code == 4
    assert "LUML_API_KEY" in result.stderr and "luml configure" in result.stderr


def test_a_key_in_a_file_others_can_read_is_warned_about(shell: Shell) -> None:
    shell("configure", "--api-key-stdin", input=shell.tenant.api_key + "\n")
    shell.config_file.chmod(0o644)
    result = shell("orbits", "list", LUML_API_KEY=None)
    assert result.exit_code == 0
    assert f"chmod 600 {shell.config_file}" in result.stderr
    shell.config_file.chmod(0o600)
    assert "chmod" not in shell("orbits", "list", LUML_API_KEY=None).stderr
