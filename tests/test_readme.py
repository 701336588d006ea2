"""Every ```python block of README.md runs against the local server, and passes mypy --strict.

Each block runs as its own program (`python -X dev`, in a scratch directory, with
LUML_API_KEY / LUML_BASE_URL pointing at a local server started as `luml-local-server` would
be: a ready tenant), in README order, and must exit 0 without a ResourceWarning. A block
preceded by `<!-- readme-test: pytest -->` is a test module and runs under pytest; one
preceded by `<!-- readme-test: skip (reason) -->` is only type-checked.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from luml_facade.testing import LocalLuml

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(
    r"(?:<!--\s*readme-test:\s*(?P<marker>[^>]*?)\s*-->\s*\n)?```python\n(?P<code>.*?)^```",
    re.DOTALL | re.MULTILINE,
)
TIMEOUT = 300


@dataclass(frozen=True)
class Block:
    """One ```python block: its code, its line in README.md and how it runs."""

    code: str
    line: int
    mode: str  # "run", "pytest" or "skip"

    @property
    def name(self) -> str:
        return f"readme_line_{self.line}"


def readme_blocks() -> list[Block]:
    text = README.read_text(encoding="utf-8")
    blocks = []
    for match in BLOCK.finditer(text):
        marker = (match["marker"] or "run").strip()
        mode = marker.split()[0]
        assert mode in ("run", "pytest", "skip"), f"unknown readme-test marker {marker!r}"
        line = text.count("\n", 0, match.start("code")) + 1
        blocks.append(Block(match["code"], line, mode))
    return blocks


BLOCKS = readme_blocks()


@pytest.fixture(scope="module")
def local_server() -> Iterator[LocalLuml]:
    """A server like `luml-local-server`'s: the ready tenant the README's names refer to."""
    with LocalLuml() as server:
        yield server


def run(command: list[str], cwd: Path, server: LocalLuml) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LUML_API_KEY": server.api_key,
        "LUML_BASE_URL": server.url,
        "PYTHONWARNINGS": "default",
    }
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


def test_the_readme_has_a_runnable_quick_start() -> None:
    assert BLOCKS[0].mode == "run"
    assert "LumlClient(" in BLOCKS[0].code
    assert any(block.mode == "pytest" for block in BLOCKS)


@pytest.mark.parametrize("block", BLOCKS, ids=[block.name for block in BLOCKS])
def test_readme_block_runs(block: Block, local_server: LocalLuml, tmp_path: Path) -> None:
    if block.mode == "skip":
        pytest.skip(f"README line {block.line}: marked skip (type-checked only)")
    if block.mode == "pytest":
        source = tmp_path / f"test_{block.name}.py"
        source.write_text(block.code, encoding="utf-8")
        command = [sys.executable, "-X", "dev", "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        result = run([*command, source.name], tmp_path, local_server)
    else:
        source = tmp_path / f"{block.name}.py"
        source.write_text(block.code, encoding="utf-8")
        result = run([sys.executable, "-X", "dev", source.name], tmp_path, local_server)
    report = f"README.md line {block.line}:\n{result.stdout}\n{result.stderr}"
    assert result.returncode == 0, report
    assert "ResourceWarning" not in result.stderr, report
    assert "Traceback" not in result.stderr, report


def test_readme_blocks_pass_mypy_strict(tmp_path: Path) -> None:
    for block in BLOCKS:
        prefix = "test_" if block.mode == "pytest" else ""
        (tmp_path / f"{prefix}{block.name}.py").write_text(block.code, encoding="utf-8")
    files = sorted(str(path) for path in tmp_path.glob("*.py"))
    command = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", *files]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
