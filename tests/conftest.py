"""Every test gets its own transfer journal and model cache directories (never the user's
cache)."""

from __future__ import annotations

from pathlib import Path

import pytest


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
