"""The README's first command runs examples/quickstart.py: it must keep working."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

QUICKSTART = Path(__file__).resolve().parent.parent / "examples" / "quickstart.py"


def test_quickstart_runs_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    namespace = runpy.run_path(str(QUICKSTART))
    assert namespace["main"]() == 0
    output = capsys.readouterr().out
    assert "SHA-256 verified" in output
    assert "Quickstart finished: every step passed." in output
