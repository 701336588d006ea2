"""A property-based sweep (Hypothesis) over every `luml` command against the local server:
each argument and value-taking option in turn gets a hostile value (empty, oversize, a
non-UUID, a well-formed id or a name of nothing, an unknown choice, odd characters) while
the others are plausible. Commands are found by walking the click groups, so a new command
is swept without touching this file.

The property: the exit code is a documented one other than 1 ("unexpected": a bug), the
error is one line (no traceback), the key never shows (checked by `Shell`), and nothing is
left pending. Examples per (command, parameter): LUML_SWEEP_EXAMPLES (tests/conftest.py; default 3).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luml_facade.cli._app import cli
from luml_facade.cli._exit import ExitCode

from .conftest import Shell, write_artifact

DOCUMENTED = {int(code) for code in ExitCode} - {int(ExitCode.UNEXPECTED)}


def leaf_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[Any]:
    context = click.Context(group)  # the top group loads its commands lazily: ask it
    for name in sorted(group.list_commands(context)):
        command = group.get_command(context, name)
        assert command is not None, name
        if isinstance(command, click.Group):
            yield from leaf_commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


COMMANDS = dict(leaf_commands(cli))
assert len(COMMANDS) > 20, COMMANDS  # a sweep that finds no command would pass vacuously


def cases() -> list[Any]:
    found = []
    for path, command in COMMANDS.items():
        names = [
            parameter.name
            for parameter in command.params
            if parameter.expose_value and not getattr(parameter, "is_flag", False)
        ]
        for name in names or ["-"]:
            found.append(pytest.param(path, name, id=f"{' '.join(path)}:{name}"))
    return found


def hostile() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(
            ["", " ", "x" * 300, "x" * 20_000, "not-a-uuid", "bogus", "-", "..", "0", "-1"]
        ),
        st.uuids().map(str),
        st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=12),
    )


def arguments(
    command: click.Command, attacked: str, value: str, model: Path, target: Path
) -> list[str]:
    """The command line: the attacked parameter gets `value`, required ones a plausible
    value (an existing file, a directory, a name of nothing)."""
    line: list[str] = []
    for parameter in command.params:
        if not parameter.expose_value or getattr(parameter, "is_flag", False):
            continue
        name = parameter.name or ""
        if name == attacked:
            given = value
        elif parameter.required:
            given = plausible(name, model, target)
        else:
            continue
        if isinstance(parameter, click.Argument):
            line.append(given)
        else:
            line += [parameter.opts[-1], given]
    return line


def plausible(name: str, model: Path, target: Path) -> str:
    if name == "file":
        return str(model)
    if name == "destination":
        return str(target)
    if name == "stage":
        return "production"
    return f"sweep-{uuid.uuid4().hex[:8]}"


@pytest.mark.parametrize(("path", "attacked"), cases())
@settings(settings.get_profile("sweep"))
@given(value=hostile())
def test_every_command_with_a_hostile_argument(
    shell: Shell, tmp_path: Path, path: tuple[str, ...], attacked: str, value: str
) -> None:
    model = tmp_path / "model.luml"
    if not model.exists():
        write_artifact(model, payload_size=64)
    target = tmp_path / f"out-{uuid.uuid4().hex[:6]}"
    target.mkdir()
    line = [*path, *arguments(COMMANDS[path], attacked, value, model, target)]
    result = shell(*line, "--collection", "scratch", "--yes") if path[-1] == "delete" else None
    if result is None:
        result = shell(*line)
    described = f"luml {' '.join(line)[:200]} -> {result.exit_code}: {result.stderr[-500:]}"
    assert result.exit_code in DOCUMENTED, described
    assert "Traceback" not in result.stderr, described
    with shell.client() as luml:
        statuses = [
            str(getattr(item.status, "value", item.status))
            for collection in ("churn", "scratch")
            for item in luml.artifacts.list(collection_id=_collection_id(luml, collection)).items
        ]
    assert not [status for status in statuses if status.startswith("pending")], described


def _collection_id(luml: Any, name: str) -> str:
    luml.setup_config(orbit="Models")
    found = luml.collections.get(name)
    assert found is not None
    return str(found.id)
