"""The whole job with luml_facade, end to end, on the built-in local LUML server.

Run it with `make demo` (or `python examples/quickstart.py`): no LUML account, no cloud
bucket. It starts the local server (API + S3 on 127.0.0.1, with a ready organization, bucket
and orbit), then, with the facade only: finds the defaults, creates a collection, sets the
defaults by name, builds and uploads a small model with metrics (with a progress bar),
forces a multipart upload of a larger dataset, lists with auto-paging and metric sorting,
gets by name, downloads and verifies, updates, and deletes.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

from luml_facade import (
    ArtifactStatus,
    CollectionType,
    LumlClient,
    TqdmProgressHandler,
)
from luml_facade.testing import LocalLuml, build_artifact

MIB = 1024 * 1024


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(MIB), b""):
            digest.update(block)
    return digest.hexdigest()


def step(text: str) -> None:
    print(f"\n== {text}", flush=True)


def run_demo(server: LocalLuml, workdir: Path) -> None:
    with LumlClient(api_key=server.api_key, base_url=server.url) as luml:
        step("Defaults: the server's only organization and orbit are found by themselves")
        organization = luml.organizations.get()
        assert organization is not None
        secret = luml.bucket_secrets.list()[0]
        (orbit,) = luml.orbits.list()
        print(f"organization {organization.name!r}, bucket {secret.bucket_name!r}")
        print(f"orbit {orbit.name!r} (the real server allows one orbit per organization)")

        step("Create a collection, and make the defaults explicit (by name)")
        collection = luml.collections.create(
            "Models and data of the quickstart", "quickstart", CollectionType.MIXED, tags=["demo"]
        )
        luml.setup_config(organization=organization.name, orbit=orbit.name, collection="quickstart")
        print(f"orbit {orbit.id}, collection {collection.id}")

        step("Upload a small model with metrics (one presigned PUT)")
        model_file = build_artifact(
            workdir / "churn.v1.luml",
            metrics={"F1": 0.91, "AUC": 0.95},
            files={"model/weights.bin": os.urandom(3 * MIB)},
        )
        model = luml.artifacts.upload(
            model_file,
            description="Churn classifier",
            tags=["demo"],
            on_progress=TqdmProgressHandler(file=sys.stdout),
        )
        print(f"{model.name}: {model.status.value}, metrics {model.metrics}")

        step("Upload a larger dataset: multipart, parts in parallel")
        dataset_file = build_artifact(
            workdir / "features.luml",
            artifact_type="dataset",
            metrics={"rows": 1e6},
            files={"data/features.bin": os.urandom(24 * MIB)},
        )
        dataset = luml.artifacts.upload(
            dataset_file, on_progress=TqdmProgressHandler(file=sys.stdout)
        )
        part_puts = sum(1 for seen in server.requests_seen if "partNumber=" in seen.path)
        print(f"{dataset.name}: {dataset.status.value}, {dataset.size} bytes in {part_puts} parts")

        step("More models, then list them all with auto-paging, best F1 first")
        for version, score in ((2, 0.87), (3, 0.93)):
            path = build_artifact(workdir / f"churn.v{version}.luml", metrics={"F1": score})
            luml.artifacts.upload(path, on_progress=False)
        for artifact in luml.artifacts.list_all(sort_by="F1", order="desc", limit=2):
            print(f"  {artifact.name:<18} {artifact.type.value:<8} F1={artifact.metrics.get('F1')}")

        step("Get by name, download and verify")
        found = luml.artifacts.get("churn.v1.luml")
        assert found is not None and found.id == model.id
        downloaded = luml.artifacts.download(found.id, workdir / "downloaded.luml")
        assert sha256(downloaded) == sha256(model_file) == found.file_hash
        print(f"downloaded to {downloaded}: SHA-256 verified")

        step("Update")
        updated = luml.artifacts.update(
            model.id, description="Churn classifier, verified", tags=["demo", "verified"]
        )
        print(f"{updated.name}: {updated.description!r}, tags {updated.tags}")

        step("Delete (stored file, then record)")
        luml.artifacts.delete(dataset.id)
        assert luml.artifacts.get(dataset.id) is None
        assert server.stored_object(secret.bucket_name, dataset.bucket_location) is None
        remaining = [artifact.name for artifact in luml.artifacts.list_all()]
        assert all(luml.artifacts.get(name).status is ArtifactStatus.UPLOADED for name in remaining)
        print(f"deleted {dataset.name}; remaining: {', '.join(sorted(remaining))}")


def main() -> int:
    with LocalLuml(multipart_threshold=16 * MIB, part_size=5 * MIB) as server:
        print(f"Local LUML server: API {server.url}, storage {server.storage_url}")
        with tempfile.TemporaryDirectory(prefix="luml-quickstart-") as scratch:
            run_demo(server, Path(scratch))
    print("\nQuickstart finished: every step passed.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
