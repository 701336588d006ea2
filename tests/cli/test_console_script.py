"""The installed `luml` console script, run in a subprocess as a user or a CI job would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SETTING_VARIABLES, Shell


def luml_script() -> str:
    script = shutil.which("luml", path=str(Path(sys.executable).parent))
    if script is None:  # `make install` (pip install -e '.[dev]') installs it
        pytest.fail(
            f"the luml console script is not installed next to {sys.executable}: run "
            "`make install` (or pip install -e '.[cli]') first",
            pytrace=False,
        )
    return script


def run(shell: Shell, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in SETTING_VARIABLES}
    env.update({key: value for key, value in shell.env.items() if value is not None})
    env["LUML_COLLECTION"] = "churn"
    completed = subprocess.run(
        [luml_script(), *args],
        env=env,
        cwd=shell.workdir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shell.tenant.api_key not in completed.stdout + completed.stderr
    return completed


def test_upload_and_download_back_through_the_console_script(
    shell: Shell, model_file: Path
) -> None:
    uploaded = run(shell, "artifacts", "upload", str(model_file), "--quiet")
    assert uploaded.returncode == 0, uploaded.stderr
    assert uploaded.stderr == ""  # no progress bar when stderr is not a terminal
    artifact_id = uploaded.stdout.strip()

    downloaded = run(shell, "artifacts", "download", artifact_id, "back/", "--json")
    assert downloaded.returncode == 0, downloaded.stderr
    path = Path(json.loads(downloaded.stdout)["path"])
    assert path == shell.workdir / "back" / "churn.luml"
    assert path.read_bytes() == model_file.read_bytes()

    missing = run(shell, "artifacts", "get", "no-such-model")
    assert missing.returncode == 3
    assert missing.stderr == (
        "Error: no artifact 'no-such-model' in the collection "
        "(list them with: luml artifacts list)\n"
    )


def test_upload_add_to_production_and_download_by_stage_through_the_console_script(
    shell: Shell, model_file: Path
) -> None:
    """The acceptance flow as a CI job runs it: three commands, the same bytes back."""
    shell.json("tracks", "create", "churn-model", "--stage", "dev", "--stage", "production")
    uploaded = run(shell, "artifacts", "upload", str(model_file), "-q")
    assert uploaded.returncode == 0, uploaded.stderr
    added = run(shell, "tracks", "add", "churn-model", uploaded.stdout.strip(), "-q",
                "--stage", "production")  # fmt: skip
    assert added.returncode == 0, added.stderr
    downloaded = run(shell, "tracks", "download", "churn-model", "--stage", "production", "out/")
    assert downloaded.returncode == 0, downloaded.stderr
    assert (shell.workdir / "out" / "churn.luml").read_bytes() == model_file.read_bytes()

    empty = run(shell, "tracks", "download", "churn-model", "--stage", "dev")
    assert empty.returncode == 3
    assert "holds no version" in empty.stderr and "Traceback" not in empty.stderr
