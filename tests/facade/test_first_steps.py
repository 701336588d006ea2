"""What a first-time user touches: build_artifact's files upload with their metrics, and the
progress bar is on on a terminal, off with on_progress=False, forced with on_progress=True."""

from __future__ import annotations

import json
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest

from luml_facade import ArtifactStatus, ArtifactType
from luml_facade.testing import build_artifact
from luml_facade.transfer.inspect import inspect_file

from .conftest import collect, run


def test_build_artifact_writes_what_the_client_reads(tmp_path: Path) -> None:
    weights = tmp_path / "weights.bin"
    weights.write_bytes(b"w" * 5000)
    path = build_artifact(
        tmp_path / "churn.luml",
        artifact_type="dataset",
        metrics={"rows": 10, "F1": 0.5},
        files={"data/a.bin": b"abc", "data/weights.bin": weights},
        description="test data",
    )
    info = inspect_file(path)
    assert info.manifest["artifact_type"] == "dataset"
    assert info.manifest["name"] == "churn"
    assert info.manifest["description"] == "test data"
    assert {"producer_name", "producer_version", "producer_tags", "variant", "payload"} <= set(
        info.manifest
    )
    assert info.extra_values == {"rows": 10, "F1": 0.5}
    assert set(info.file_index) == {"manifest.json", "meta.json", "data/a.bin", "data/weights.bin"}
    with tarfile.open(path) as archive:
        meta = json.loads(archive.extractfile("meta.json").read())  # type: ignore[union-attr]
        assert meta[0]["producer_tags"] == ["dataforce.studio::registry_metrics:v1"]
        assert archive.extractfile("data/weights.bin").read() == b"w" * 5000  # type: ignore[union-attr]


def test_build_artifact_defaults(tmp_path: Path) -> None:
    info = inspect_file(build_artifact(tmp_path / "m.luml"))
    assert info.manifest["artifact_type"] == "model"
    assert info.extra_values == {}
    assert "meta.json" not in info.file_index


async def test_built_artifacts_upload_with_metrics_and_sort(workspace: Any, tmp_path: Path) -> None:
    for version, score in ((1, 0.7), (2, 0.9)):
        path = build_artifact(tmp_path / f"churn.v{version}.luml", metrics={"F1": score})
        artifact = await run(workspace.artifacts.upload(path, on_progress=False))
        assert artifact.status is ArtifactStatus.UPLOADED
        assert artifact.type is ArtifactType.MODEL
        assert artifact.metrics == {"F1": score}
    best = await collect(workspace.artifacts.list_all(sort_by="F1", order="desc"))
    assert [item.name for item in best] == ["churn.v2.luml", "churn.v1.luml"]


@pytest.mark.parametrize(("on_progress", "bar"), [(None, True), (False, False), (True, True)])
async def test_progress_on_a_terminal(
    workspace: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    on_progress: bool | None,
    bar: bool,
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    path = build_artifact(tmp_path / "shown.luml")
    await run(workspace.artifacts.upload(path, on_progress=on_progress))
    assert ("shown.luml" in capsys.readouterr().err) is bar


async def test_progress_forced_off_a_terminal(
    workspace: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = build_artifact(tmp_path / "forced.luml")
    artifact = await run(workspace.artifacts.upload(path, on_progress=False))
    await run(workspace.artifacts.download(artifact.id, tmp_path / "a.luml", on_progress=True))
    assert "a.luml" in capsys.readouterr().err
    await run(workspace.artifacts.download(artifact.id, tmp_path / "b.luml"))
    assert "b.luml" not in capsys.readouterr().err
