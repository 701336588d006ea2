"""A small, valid LUML artifact file for tests and first steps (standard library only).

A LUML artifact is an uncompressed tar archive with a ``manifest.json`` at the top (what it
is: type, variant, producer) and any other members (the payload). Metrics travel in a
``meta.json`` entry tagged ``dataforce.studio::registry_metrics:v1``; the LUML clients turn
them into the artifact's ``extra_values``, which the registry shows and sorts by.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._version import __version__

REGISTRY_METRICS_TAG = "dataforce.studio::registry_metrics:v1"
PRODUCER_NAME = "luml-facade.testing"
DEFAULT_FILES: Mapping[str, bytes] = {"model/weights.bin": b"\x00" * 1024}

Metric = int | float | str | bool


def build_artifact(
    path: str | os.PathLike[str],
    *,
    artifact_type: str = "model",
    metrics: Mapping[str, Metric] | None = None,
    files: Mapping[str, bytes | str | os.PathLike[str]] | None = None,
    name: str | None = None,
    description: str | None = None,
    version: str | None = None,
    variant: str = "pipeline",
    payload: Mapping[str, Any] | None = None,
) -> Path:
    """Write a valid LUML artifact file and return its path.

    Arguments:
        path: where to write it; the extension says the format (.luml, .fnnx, .pyfnx, .dfs,
            .tar are what the clients accept).
        artifact_type: "model", "dataset" or "experiment" (the collection must accept it).
        metrics: name -> value, shown as the artifact's metrics (sortable with `sort_by=`).
        files: archive member name -> bytes, or a path to a file to stream into the archive
            (default: a 1 KiB `model/weights.bin`).
        name: the manifest's name (default: the file name's stem).
        description: the manifest's description.
        version: the manifest's version.
        variant: the manifest's variant.
        payload: the manifest's payload.

    The file is a stand-in for tests and first steps, not a runnable model: real models come
    from luml-sdk (e.g. `luml.integrations.sklearn.save_sklearn`) or fnnx.

    Example:
        build_artifact("model.luml", metrics={"F1": 0.91})
        build_artifact("big.luml", files={"data.bin": "/data/big.bin"}, artifact_type="dataset")
    """
    target = Path(path)
    manifest = artifact_manifest(
        artifact_type,
        name=name if name is not None else target.stem,
        description=description,
        version=version,
        variant=variant,
        payload=payload,
    )
    with tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as archive:
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
        if metrics:
            _add_bytes(archive, "meta.json", json.dumps([_metrics_entry(metrics)]).encode())
        for member, content in (DEFAULT_FILES if files is None else files).items():
            if isinstance(content, bytes):
                _add_bytes(archive, member, content)
            else:
                archive.add(os.fspath(content), arcname=member, recursive=False)
    return target


def artifact_manifest(
    artifact_type: str = "model",
    *,
    name: str | None = None,
    description: str | None = None,
    version: str | None = None,
    variant: str = "pipeline",
    payload: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A LUML manifest with every field the server requires (for raw create requests).

    Example:
        body["manifest"] = artifact_manifest("dataset")
    """
    return {
        "artifact_type": artifact_type,
        "variant": variant,
        "name": name,
        "description": description,
        "version": version,
        "producer_name": PRODUCER_NAME,
        "producer_version": __version__,
        "producer_tags": [],
        "payload": dict(payload or {}),
    }


def _metrics_entry(metrics: Mapping[str, Metric]) -> dict[str, Any]:
    return {
        "id": "registry_metrics",
        "producer": PRODUCER_NAME,
        "producer_version": __version__,
        "producer_tags": [REGISTRY_METRICS_TAG],
        "payload": {"metrics": dict(metrics)},
    }


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))
