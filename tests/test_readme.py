"""Every ```python block of README.md and of the docs pages runs against the local server.

Each block runs as its own program (`python -X dev`, in a scratch directory, with the
LUML_API_KEY / LUML_BASE_URL that a `luml-local-server` started for this module prints), in
page order, twice in the same directory against the same server: both runs must exit 0
without a ResourceWarning, and afterwards no two artifacts of the default collection and no
two tracks share a name (re-running an example must not pile up names the CLI then refuses as
ambiguous). A block preceded by `<!-- docs-test: pytest -->` (or `readme-test: pytest`) is a
test module and runs under pytest. Every block also passes mypy --strict.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(
    r"(?:<!--\s*(?:readme|docs)-test:\s*(?P<marker>[^>]*?)\s*-->\s*\n)?"
    r"```python\n(?P<code>.*?)^```",
    re.DOTALL | re.MULTILINE,
)
TIMEOUT = 300
RUNS = 2
# What a block must print (stdout or stderr), by a line of its code: an example whose point is
# its output must show it as written (the progress handler logs through logging).
EXPECTED_OUTPUT = {
    "class LogProgress(BaseProgressHandler):": "progress.luml: done",
    'print("production model at", path)': "production model at models/model.v3.luml",
}


@dataclass(frozen=True)
class Block:
    """One ```python block: its code, its page and line, and how it runs."""

    code: str
    page: str
    line: int
    mode: str  # "run" or "pytest"

    @property
    def name(self) -> str:
        stem = re.sub(r"\W", "_", self.page.removesuffix(".md"))
        return f"{stem}_line_{self.line}"


def page_blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    blocks = []
    for match in BLOCK.finditer(text):
        marker = (match["marker"] or "run").strip()
        mode = marker.split()[0]
        assert mode in ("run", "pytest"), f"{page}: unknown docs-test marker {marker!r}"
        line = text.count("\n", 0, match.start("code")) + 1
        blocks.append(Block(match["code"], str(page.relative_to(ROOT)), line, mode))
    return blocks


BLOCKS = [block for page in PAGES for block in page_blocks(page)]


@dataclass(frozen=True)
class LocalServer:
    """A running `luml-local-server` and the two variables its banner says to export."""

    env: dict[str, str]


def server_command() -> list[str]:
    script = Path(sys.executable).parent / "luml-local-server"
    return [str(script)] if script.exists() else [sys.executable, "-m", "luml_facade.testing"]


@pytest.fixture(scope="module")
def local_server() -> Iterator[LocalServer]:
    """`luml-local-server` as a user starts it; the blocks get what it prints."""
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


NAMES = """
import json
from luml_facade import LumlClient
with LumlClient(organization="My Org", orbit="Default Orbit", collection="churn") as luml:
    print(json.dumps({
        "artifacts": [item.name for item in luml.artifacts.list_all()],
        "tracks": [track.name for track in luml.tracks.list_all()],
    }))
"""


def repeated_names(server: LocalServer, cwd: Path) -> dict[str, list[str]]:
    """Names that more than one artifact of "churn" (or more than one track) carries."""
    result = run([sys.executable, "-c", NAMES], cwd, server)
    assert result.returncode == 0, result.stderr
    names = json.loads(result.stdout)
    return {
        kind: sorted(name for name, count in Counter(found).items() if count > 1)
        for kind, found in names.items()
    }


def test_the_readme_has_a_runnable_quick_start() -> None:
    readme = [block for block in BLOCKS if block.page == "README.md"]
    assert readme[0].mode == "run"
    assert "LumlClient(" in readme[0].code
    assert any(block.mode == "pytest" for block in BLOCKS)


@pytest.mark.parametrize("block", BLOCKS, ids=[block.name for block in BLOCKS])
def test_docs_block_runs_twice(block: Block, local_server: LocalServer, tmp_path: Path) -> None:
    if block.mode == "pytest":
        source = tmp_path / f"test_{block.name}.py"
        command = [sys.executable, "-X", "dev", "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        command.append(source.name)
    else:
        source = tmp_path / f"{block.name}.py"
        command = [sys.executable, "-X", "dev", source.name]
    source.write_text(block.code, encoding="utf-8")
    for attempt in range(1, RUNS + 1):
        result = run(command, tmp_path, local_server)
        report = f"{block.page} line {block.line}, run {attempt}:\n{result.stdout}\n{result.stderr}"
        assert result.returncode == 0, report
        assert "ResourceWarning" not in result.stderr, report
        assert "Traceback" not in result.stderr, report
        for line, printed in EXPECTED_OUTPUT.items():
            if line in block.code:
                assert printed in result.stdout + result.stderr, report
    assert repeated_names(local_server, tmp_path) == {"artifacts": [], "tracks": []}, (
        f"{block.page} line {block.line} leaves names that repeat when it is run again"
    )


def test_docs_blocks_pass_mypy_strict(tmp_path: Path) -> None:
    for block in BLOCKS:
        prefix = "test_" if block.mode == "pytest" else ""
        (tmp_path / f"{prefix}{block.name}.py").write_text(block.code, encoding="utf-8")
    files = sorted(str(path) for path in tmp_path.glob("*.py"))
    command = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", *files]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
