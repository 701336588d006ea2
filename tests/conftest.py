"""Every test gets its own transfer journal and model cache directories (never the user's
cache); the Hypothesis profile of the property-based sweeps (tests/facade/test_sweep.py,
tests/cli/test_sweep.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Examples per swept (method, argument): few, and the same each run, in `make test`;
# LUML_SWEEP_EXAMPLES=200 for a long, random run.
_LONG_SWEEP = os.environ.get("LUML_SWEEP_EXAMPLES")
settings.register_profile(
    "sweep",
    max_examples=int(_LONG_SWEEP or 3),
    derandomize=not _LONG_SWEEP,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(autouse=True)
def journal_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """LUML_JOURNAL_DIR for this test: a fresh directory (subprocesses inherit it)."""
    directory = tmp_path_factory.mktemp("journal")
    monkeypatch.setenv("LUML_JOURNAL_DIR", str(directory))
    return directory


@pytest.fixture(autouse=True)
def model_cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """LUML_CACHE_DIR for this test: a fresh directory (subprocesses inherit it); online."""
    directory = tmp_path_factory.mktemp("model-cache")
    monkeypatch.setenv("LUML_CACHE_DIR", str(directory))
    monkeypatch.delenv("LUML_OFFLINE", raising=False)
    return directory
