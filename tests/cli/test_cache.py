"""`luml cache ls|prune|verify` on a cache the facade filled from the local server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from luml_facade import LumlClient

from .conftest import Shell


@pytest.fixture
def cached(shell: Shell, model_file: Path, tmp_path: Path) -> tuple[Shell, Path, str]:
    """The shell with LUML_CACHE_DIR set, and one artifact cached by stage: (shell, blob, hash)."""
    cache_dir = tmp_path / "cache"
    shell.env["LUML_CACHE_DIR"] = str(cache_dir)
    with LumlClient(
        api_key=shell.tenant.api_key,
        base_url=shell.server.url,
        orbit="Models",
        collection="churn",
        cache_dir=cache_dir,
    ) as luml:
        artifact = luml.artifacts.upload(model_file, name="Churn v1", on_progress=False)
        luml.tracks.create("churn-model", "model", stages=["production"])
        luml.tracks.add_artifact("churn-model", artifact.id, stage="production")
        blob = luml.tracks.cached_path_by_stage("churn-model", "production", on_progress=False)
    return shell, blob, artifact.file_hash


def test_ls_lists_files_with_their_artifacts_and_stages(cached: tuple[Shell, Path, str]) -> None:
    shell, blob, sha256 = cached
    table = shell("cache", "ls")
    assert table.exit_code == 0, table.stderr
    assert sha256[:12] in table.stdout and "Churn v1, churn-model@production" in table.stdout
    data = shell.json("cache", "ls")
    assert [item["sha256"] for item in data["blobs"]] == [sha256]
    assert data["blobs"][0]["path"] == str(blob) and data["size"] == blob.stat().st_size
    assert shell("cache", "ls", "--quiet").stdout.strip() == str(blob)


def test_verify_removes_a_damaged_file_and_exits_5(cached: tuple[Shell, Path, str]) -> None:
    shell, blob, sha256 = cached
    assert shell("cache", "verify").exit_code == 0
    blob.chmod(0o644)
    blob.write_bytes(b"damaged")
    result = shell("cache", "verify")
    assert result.exit_code == 5 and f"Damaged, removed: {sha256}" in result.stdout
    assert not blob.exists()


def test_prune_by_age_and_size(cached: tuple[Shell, Path, str], tmp_path: Path) -> None:
    shell, blob, sha256 = cached
    assert shell("cache", "prune").exit_code == 2  # says which option to give
    assert shell("cache", "prune", "--older-than", "soon").exit_code == 2
    assert shell.json("cache", "prune", "--older-than", "1d")["removed"] == []
    os.utime(tmp_path / "cache" / "used" / sha256, (1, 1))  # unused for decades
    dry = shell("cache", "prune", "--older-than", "30d", "--dry-run")
    assert "Would remove 1 files" in dry.stdout and blob.exists()
    result = shell.json("cache", "prune", "--max-size", "0")
    assert [item["sha256"] for item in result["removed"]] == [sha256] and not blob.exists()
    assert "No cached files" in shell("cache", "ls").stdout
