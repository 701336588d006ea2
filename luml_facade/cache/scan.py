"""What the cache holds: each blob with its size, last use, and the artifacts and stages
whose refs point to it."""

from __future__ import annotations

import datetime
from pathlib import Path

import attrs

from .refs import ArtifactRef, RefStore, StageRef
from .store import BlobStore


@attrs.frozen(kw_only=True)
class CachedBlob:
    """One cached file."""

    sha256: str
    size: int
    last_used: datetime.datetime
    path: Path
    artifacts: list[ArtifactRef] = attrs.field(factory=list)
    stages: list[StageRef] = attrs.field(factory=list)

    def describe(self) -> str:
        """The artifacts and stages that resolve to this blob, for people."""
        names = {ref.name or ref.file_name for ref in self.artifacts}
        stages = {f"{ref.track_name}@{ref.stage_name}" for ref in self.stages}
        return ", ".join(sorted(names) + sorted(stages)) or "-"


@attrs.frozen(kw_only=True)
class CacheInfo:
    """The whole cache (`ModelCache.scan()`): blobs, newest use first."""

    root: Path
    blobs: list[CachedBlob]
    leftovers: list[Path]
    """Temporary files of downloads in flight or killed (prune removes the killed ones)."""

    @property
    def size(self) -> int:
        return sum(blob.size for blob in self.blobs)


def scan(store: BlobStore, refs: RefStore) -> CacheInfo:
    artifacts, stages = refs.artifacts(), refs.stages()
    blobs = [
        CachedBlob(
            sha256=sha256,
            size=store.size(sha256),
            last_used=_when(store.last_used(sha256)),
            path=store.blob(sha256),
            artifacts=[ref for ref in artifacts if ref.sha256 == sha256],
            stages=[ref for ref in stages if ref.sha256 == sha256],
        )
        for sha256 in store.hashes()
    ]
    blobs.sort(key=lambda blob: blob.last_used, reverse=True)
    return CacheInfo(root=store.root, blobs=blobs, leftovers=store.leftovers())


def _when(timestamp: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC)
