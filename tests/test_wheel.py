"""The built wheel, installed without extras into a fresh venv next to a user's own project.

What a user meets first: `pip install luml-facade` must not break their pytest run, the
local server's command and fixtures must say what to install, and `build_artifact` must work
without the testing extra. The wheel must carry its licence and its plugin module.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALL_HINT = "pip install 'luml-facade[testing]'"
TIMEOUT = 600

USER_TESTS = """
def test_unrelated_to_luml():
    assert sum([1, 2]) == 3
"""

USER_TESTS_WITH_FIXTURE = """
def test_wants_the_local_server(luml_server):
    pass
"""

ARTIFACT_CHECK = """
from luml_facade.testing import build_artifact
from luml_facade.transfer.inspect import inspect_file

info = inspect_file(build_artifact("first.luml", metrics={"F1": 0.5}))
assert info.manifest["artifact_type"] == "model", info.manifest
assert info.extra_values == {"F1": 0.5}, info.extra_values
print("artifact ok")
"""


@dataclass(frozen=True)
class CoreInstall:
    wheel: Path
    bin: Path
    project: Path

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, cwd=self.project, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )


def checked(command: list[str], cwd: Path) -> None:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def core_install(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CoreInstall]:
    """The wheel built from this checkout, installed (no extras) with pytest in a fresh venv."""
    scratch = tmp_path_factory.mktemp("wheel")
    dist = scratch / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    checked([*pip, "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)], scratch)
    wheel = next(dist.glob("luml_facade-*.whl"))
    env_dir = scratch / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    user_pip = [str(bin_dir / "python"), "-m", "pip", "--disable-pip-version-check"]
    checked([*user_pip, "install", "--quiet", str(wheel), "pytest"], scratch)
    project = scratch / "user-project"
    project.mkdir()
    (project / "test_user.py").write_text(USER_TESTS, encoding="utf-8")
    yield CoreInstall(wheel, bin_dir, project)


def test_wheel_carries_the_licence_and_the_plugin(core_install: CoreInstall) -> None:
    with zipfile.ZipFile(core_install.wheel) as wheel:
        names = wheel.namelist()
        entry_points = next(name for name in names if name.endswith("entry_points.txt"))
        assert "luml_facade = luml_facade_pytest" in wheel.read(entry_points).decode()
        licence = next(name for name in names if name.endswith("/LICENSE"))
        assert "Apache License" in wheel.read(licence).decode()
    assert "luml_facade_pytest.py" in names
    assert "luml_facade/testing/openapi.yaml" in names


def test_a_users_pytest_run_is_untouched(core_install: CoreInstall) -> None:
    result = core_install.run(
        str(core_install.bin / "python"), "-m", "pytest", "-q", "test_user.py"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
    assert "Error while loading plugin" not in result.stdout + result.stderr


def test_fixtures_name_the_install_command(core_install: CoreInstall) -> None:
    (core_install.project / "test_fixture.py").write_text(USER_TESTS_WITH_FIXTURE, "utf-8")
    try:
        result = core_install.run(
            str(core_install.bin / "python"), "-m", "pytest", "-q", "test_fixture.py"
        )
    finally:
        (core_install.project / "test_fixture.py").unlink()
    assert result.returncode == 1, result.stdout + result.stderr
    assert INSTALL_HINT in result.stdout


def test_local_server_command_names_the_install_command(core_install: CoreInstall) -> None:
    result = core_install.run(str(core_install.bin / "luml-local-server"))
    assert result.returncode == 2
    assert INSTALL_HINT in result.stderr
    assert "Traceback" not in result.stderr


def test_build_artifact_works_on_a_core_install(core_install: CoreInstall) -> None:
    result = core_install.run(str(core_install.bin / "python"), "-c", ARTIFACT_CHECK)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "artifact ok" in result.stdout
