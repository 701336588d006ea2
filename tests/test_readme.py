"""Every ```python block of README.md runs against the local server, and passes mypy --strict.

Each block runs as its own program (`python -X dev`, in a scratch directory, with the
LUML_API_KEY / LUML_BASE_URL that a `luml-local-server` started for this module prints), in
README order, and must exit 0 without a ResourceWarning. A block
preceded by `<!-- readme-test: pytest -->` is a test module and runs under pytest; one
preceded by `<!-- readme-test: skip (reason) -->` is only type-checked.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

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


@dataclass(frozen=True)
class LocalServer:
    """A running `luml-local-server` and the two variables its banner says to export."""

    env: dict[str, str]


def server_command() -> list[str]:
    script = Path(sys.executable).parent / "luml-local-server"
    return [str(script)] if script.exists() else [sys.executable, "-m", "luml_facade.testing"]


@pytest.fixture(scope="module")
def local_server() -> Iterator[LocalServer]:
    """`luml-local-server` as a user starts it; the README's blocks get what it prints."""
    process = subprocess.Popen(server_command(), stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        exports: dict[str, str] = {}
        for line in process.stdout:
            if line.strip().startswith("export "):
                name, _, value = line.strip().removeprefix("export ").partition("=")
                exports[name] = value
            if line.startswith("Press Ctrl-C"):
                break
        assert set(exports) == {"LUML_BASE_URL", "LUML_API_KEY"}, exports
        yield LocalServer(exports)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def run(command: list[str], cwd: Path, server: LocalServer) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **server.env, "PYTHONWARNINGS": "default"}
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


def test_the_readme_has_a_runnable_quick_start() -> None:
    assert BLOCKS[0].mode == "run"
    assert "LumlClient(" in BLOCKS[0].code
    assert any(block.mode == "pytest" for block in BLOCKS)


@pytest.mark.parametrize("block", BLOCKS, ids=[block.name for block in BLOCKS])
def test_readme_block_runs(block: Block, local_server: LocalServer, tmp_path: Path) -> None:
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
