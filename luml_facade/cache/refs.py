"""The refs store: which blob an artifact, and a track's stage, resolved to last.

One small JSON file per ref, written atomically, in a directory per server (its host and
port), so processes never see a half-written ref::

    refs/<server>/artifacts/<organization>/<orbit>/<collection>/<artifact>.json
    refs/<server>/stages/<organization>/<orbit>/<track>/<stage>.json

Each ref keeps the ids and also the names it was reached by (`aliases`), so offline lookups
answer to the same names and ids as online ones.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from .._errors import MultipleResourcesFoundError
from .store import walk_files, write_atomically

R = TypeVar("R", "ArtifactRef", "StageRef")
LEVELS = ("organization", "orbit", "collection")


@attrs.frozen(kw_only=True)
class Ref:
    """What every ref holds: where the artifact is, and its blob."""

    server: str
    organization_id: str
    orbit_id: str
    collection_id: str
    artifact_id: str
    file_name: str
    sha256: str
    size: int
    resolved_at: float = attrs.field(factory=time.time)
    aliases: dict[str, list[str]] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class ArtifactRef(Ref):
    """An artifact and its blob: (organization, orbit, collection, artifact id) -> SHA-256."""

    name: str | None

    def relative(self) -> Path:
        return Path(
            self.server,
            "artifacts",
            self.organization_id,
            self.orbit_id,
            self.collection_id,
            f"{self.artifact_id}.json",
        )

    def matches(self, value: str) -> bool:
        return value in (self.artifact_id, self.name)


@attrs.frozen(kw_only=True)
class StageRef(Ref):
    """A track's stage and the artifact (and blob) it held when last resolved."""

    track_id: str
    track_name: str
    stage_id: str
    stage_name: str

    def relative(self) -> Path:
        return Path(
            self.server,
            "stages",
            self.organization_id,
            self.orbit_id,
            self.track_id,
            f"{self.stage_id}.json",
        )

    def artifact(self) -> ArtifactRef:
        """The artifact ref this stage ref implies (without the artifact's name)."""
        shared = {field.name: getattr(self, field.name) for field in attrs.fields(Ref)}
        return ArtifactRef(name=None, **shared)

    def matches(self, track: str, stage: str) -> bool:
        return track in (self.track_id, self.track_name) and stage in (
            self.stage_id,
            self.stage_name,
        )


@attrs.frozen
class Scope:
    """Where a lookup looks: per level (organization, orbit, collection) an id, a name the
    client was given, or None for any."""

    organization: str | None = None
    orbit: str | None = None
    collection: str | None = None

    def admits(self, ref: ArtifactRef | StageRef) -> bool:
        for level in LEVELS:
            wanted = getattr(self, level)
            if wanted is None or (level == "collection" and isinstance(ref, StageRef)):
                continue
            known = [getattr(ref, f"{level}_id"), *ref.aliases.get(level, [])]
            if wanted not in known:
                return False
        return True

    def aliases(self) -> dict[str, list[str]]:
        """The names (not ids) this scope was given, to remember in a ref."""
        return {level: [value] for level in LEVELS if (value := getattr(self, level)) is not None}


class RefStore:
    """The refs under one cache directory (`server` narrows lookups to one server)."""

    def __init__(self, root: Path, server: str | None = None) -> None:
        self.directory = root / "refs"
        self.server = server

    def save(self, ref: ArtifactRef | StageRef) -> None:
        """Write the ref, keeping the names an earlier lookup reached it by."""
        path = self.directory / ref.relative()
        before: ArtifactRef | StageRef | None = (
            _load(path, ArtifactRef) if isinstance(ref, ArtifactRef) else _load(path, StageRef)
        )
        if before is not None:
            ref = attrs.evolve(ref, aliases=_merged(before.aliases, ref.aliases))
        write_atomically(path, json.dumps(attrs.asdict(ref)).encode())

    def save_all(self, refs: Iterable[ArtifactRef | StageRef]) -> None:
        for ref in refs:
            self.save(ref)

    def remove(self, ref: ArtifactRef | StageRef) -> None:
        (self.directory / ref.relative()).unlink(missing_ok=True)

    def artifacts(self) -> list[ArtifactRef]:
        return list(self._read("artifacts", ArtifactRef))

    def stages(self) -> list[StageRef]:
        return list(self._read("stages", StageRef))

    def _read(self, kind: str, ref_type: type[R]) -> Iterator[R]:
        servers = [self.server] if self.server else _children(self.directory)
        for server in servers:
            for path in walk_files(self.directory / server / kind):
                ref = _load(path, ref_type)
                if ref is not None:
                    yield ref

    def find_artifact(self, scope: Scope, value: str) -> ArtifactRef | None:
        """The artifact ref with this id (or name) in the scope."""
        found = [ref for ref in self.artifacts() if ref.matches(value) and scope.admits(ref)]
        return _one("artifact", value, found, lambda ref: ref.artifact_id)

    def find_stage(self, scope: Scope, track: str, stage: str) -> StageRef | None:
        """The ref of this track's stage (each by id or name) in the scope."""
        found = [ref for ref in self.stages() if ref.matches(track, stage) and scope.admits(ref)]
        return _one(f"stage {stage!r} of track", track, found, lambda ref: ref.track_id)

    def artifact_by_id(self, artifact_id: str) -> ArtifactRef | None:
        found = [ref for ref in self.artifacts() if ref.artifact_id == artifact_id]
        return found[0] if found else None


def _children(directory: Path) -> Iterable[str]:
    if not directory.is_dir():
        return []
    return sorted(entry.name for entry in directory.iterdir() if entry.is_dir())


def _load(path: Path, ref_type: type[R]) -> R | None:
    """A ref from its file; None for one that cannot be read (it is simply not used)."""
    try:
        data: dict[str, Any] = json.loads(path.read_text())
        return ref_type(**data)
    except (OSError, ValueError, TypeError):
        return None


def _merged(old: dict[str, list[str]], new: dict[str, list[str]]) -> dict[str, list[str]]:
    return {level: sorted({*old.get(level, []), *new.get(level, [])}) for level in {*old, *new}}


def _one(kind: str, value: str, found: Sequence[R], key: Any) -> R | None:
    """The newest ref when all found name one object; MultipleResourcesFoundError when the
    value names several (pass an id, or set the organization and orbit)."""
    if not found:
        return None
    newest = max(found, key=lambda ref: ref.resolved_at)
    if len({key(ref) for ref in found}) > 1:
        raise MultipleResourcesFoundError(
            f"{len({key(ref) for ref in found})} cached {kind}s match {value!r}: pass an id, "
            "or set the organization and orbit"
        )
    return newest
