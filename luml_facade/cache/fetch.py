"""The cache's lookups, as flows both clients run: an artifact's blob, a stage's blob, and
filling a target path from them.

Online, an artifact id already in the refs is served without a call (an artifact's file
never changes); a stage costs one call (the entry at the stage, by the ids the refs
remember) and a download only when its blob is missing. Offline, nothing but the refs and
the blobs is read, and NotCachedError says what is missing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from .._cache_settings import server_key
from .._errors import InternalServerError, NotFoundError
from .._flow import Flow, blocking
from .._lookup import parse_uuid
from ..calls import track_entries as entries
from ..calls._route import Route
from ..calls.artifacts import fetch_artifact
from ..transfer.download import download_artifact, download_plan, target_path
from ..transfer.progress import ProgressOption, default_progress
from ..types import Artifact, TrackEntry
from .errors import NotCachedError
from .locks import hold, release
from .refs import ArtifactRef, RefStore, Scope, StageRef
from .store import BlobState, BlobStore, is_sha256

if TYPE_CHECKING:
    from .._defaults import Defaults
    from .._session import Session
    from ..resources.artifacts import ArtifactResource
    from ..resources.tracks import TrackResource

T = TypeVar("T")
Deliver = Callable[[BlobStore, ArtifactRef], T]
FilePath = str | os.PathLike[str] | None


class Cache:
    """The cache one client call uses: the blob store, this server's refs, offline or not."""

    def __init__(self, session: Session[Any]) -> None:
        options = session.options
        self.root = options.cache.root()
        self.store = BlobStore(self.root)
        self.refs = RefStore(self.root, server_key(options.base_url))
        self.offline = options.cache.offline
        self.defaults: Defaults = session.defaults
        self.options = options

    def not_cached(self, what: str) -> NotCachedError:
        return NotCachedError(
            f"{what} is not in the cache {self.root} and the client is offline (LUML_OFFLINE "
            "or offline=True): run the same lookup once online to cache it"
        )

    def offline_scope(self, collection: str | None = None) -> Scope:
        """The defaults as far as they are known without a call: ids, else the names given."""
        defaults, requested = self.defaults, self.defaults._requested
        return Scope(
            defaults.organization_id or requested.organization,
            defaults.orbit_id or requested.orbit,
            collection or defaults.collection_id or requested.collection,
        )

    def aliases(
        self, organization_id: str, orbit_id: str, collection: tuple[str, str | None] | None
    ) -> dict[str, list[str]]:
        """The names a ref can be found by offline: those the defaults were given by and
        resolved to (for the levels the ref shares with them), and the collection's name."""
        defaults, requested = self.defaults, self.defaults._requested
        found: dict[str, set[str]] = {}
        for level, own, default in (
            ("organization", organization_id, defaults.organization_id),
            ("orbit", orbit_id, defaults.orbit_id),
            ("collection", collection and collection[0], defaults.collection_id),
        ):
            if own is not None and own == default:
                names = {getattr(requested, level), defaults.names.get(level)}
                found[level] = {name for name in names if name and name != own}
        if collection is not None and collection[1]:
            found.setdefault("collection", set()).add(collection[1])
        return {level: sorted(names) for level, names in found.items() if names}

    def download(self, ref: ArtifactRef, on_progress: ProgressOption) -> Callable[[], Flow[Any]]:
        """The flow that downloads the ref's artifact straight into its blob path."""
        path = Route(ref.organization_id, ref.orbit_id, ref.collection_id)
        options = self.options

        def flow() -> Flow[Any]:
            return download_artifact(
                path,
                ref.artifact_id,
                self.store.blob(ref.sha256),
                progress=default_progress(on_progress),
                policy=options.retry,
                plan=download_plan(None, options.max_concurrency),
            )

        return flow


def obtain(
    cache: Cache,
    ref: ArtifactRef,
    download: Callable[[], Flow[Any]] | None,
    deliver: Deliver[T],
) -> Flow[T]:
    """Make sure the blob is whole (downloading it when missing or damaged, unless offline),
    then `deliver` it, all holding the blob's lock: one download per blob, however many
    processes ask at once, and no prune while it is used."""
    store, sha256 = cache.store, ref.sha256
    yield from blocking(store.create)
    lock = yield from hold(store.lock_file(sha256))
    try:
        state = yield from blocking(lambda: store.check(sha256, ref.size))
        if state is BlobState.OK:
            yield from blocking(lambda: store.touch(sha256))
        else:
            yield from blocking(lambda: store.discard(sha256))
            if download is None:
                damaged = " (its cached file was damaged and was removed)"
                raise cache.not_cached(
                    f"artifact {ref.name or ref.artifact_id!r}"
                    + (damaged if state is BlobState.CORRUPT else "")
                )
            yield from download()
            yield from blocking(lambda: store.publish(sha256))
        return (yield from blocking(lambda: deliver(store, ref)))
    finally:
        yield from release(lock)


def blob_path(store: BlobStore, ref: ArtifactRef) -> Path:
    """Deliver the blob itself (what `cached_path` returns)."""
    return store.blob(ref.sha256)


def into(file_path: FilePath) -> Deliver[Path]:
    """Deliver the blob to `file_path` (a file or a directory, as `download` takes it)."""

    def deliver(store: BlobStore, ref: ArtifactRef) -> Path:
        target = target_path(file_path, ref.file_name, ref.artifact_id)
        return store.place(ref.sha256, target)

    return deliver


def artifact_ref(
    cache: Cache, record: Artifact, organization_id: str, orbit_id: str
) -> ArtifactRef:
    """The ref of an artifact record (NotFoundError when it has no SHA-256 to key it by)."""
    if not is_sha256(record.file_hash.lower()):
        raise NotFoundError(
            f"artifact {record.name!r} has no SHA-256 file hash; it cannot be cached",
            status_code=404,
        )
    return ArtifactRef(
        server=cache.refs.server or "",
        organization_id=organization_id,
        orbit_id=orbit_id,
        collection_id=record.collection_id,
        artifact_id=record.id,
        name=record.name,
        file_name=record.file_name,
        sha256=record.file_hash.lower(),
        size=record.size,
        aliases=cache.aliases(
            organization_id, orbit_id, (record.collection_id, record.collection_name)
        ),
    )


def cached_artifact(
    resource: ArtifactResource[Any],
    artifact: str | Artifact,
    collection_id: str | None,
    on_progress: ProgressOption,
    deliver: Deliver[T],
) -> Flow[T]:
    """An artifact's blob (by Artifact, id, or offline also exact name), delivered."""
    cache = Cache(resource._session)
    value = artifact.id if isinstance(artifact, Artifact) else artifact
    if cache.offline:
        ref = yield from blocking(
            lambda: cache.refs.find_artifact(cache.offline_scope(collection_id), value)
        )
        if ref is None and isinstance(artifact, Artifact):  # the record says which blob
            ref = artifact_ref(cache, artifact, "", "")
        if ref is None:
            raise cache.not_cached(f"artifact {value!r}")
        return (yield from obtain(cache, ref, None, deliver))
    if isinstance(artifact, Artifact):
        collection_id = artifact.collection_id
    path = yield from resource._path(collection_id)
    organization_id, orbit_id = str(path.organization_id), str(path.orbit_id)
    ref = None
    if parse_uuid(value) is not None:  # an artifact's file never changes: no call needed
        scope = Scope(organization_id, orbit_id)
        ref = yield from blocking(lambda: cache.refs.find_artifact(scope, value))
    if ref is None:
        record = yield from _record(resource, path, artifact)
        ref = artifact_ref(cache, record, organization_id, orbit_id)
    result = yield from obtain(cache, ref, cache.download(ref, on_progress), deliver)
    yield from blocking(lambda: cache.refs.save(attrs.evolve(ref, resolved_at=time.time())))
    return result


def _record(
    resource: ArtifactResource[Any], path: Route, artifact: str | Artifact
) -> Flow[Artifact]:
    if isinstance(artifact, Artifact):
        return artifact
    if parse_uuid(artifact) is not None:
        return (yield from fetch_artifact(path, artifact))
    found = yield from type(resource).get.__wrapped__(
        resource, artifact, collection_id=str(path.collection_id)
    )
    if found is None:
        raise NotFoundError(f"no artifact {artifact!r} in the collection", status_code=404)
    return found


def cached_stage(
    resource: TrackResource[Any],
    track: str,
    stage: str,
    on_progress: ProgressOption,
    deliver: Deliver[T],
) -> Flow[T]:
    """The blob of the artifact a track's stage holds, delivered: one call online (the
    entry at the stage), none offline."""
    cache = Cache(resource._session)
    if cache.offline:
        remembered = yield from blocking(
            lambda: cache.refs.find_stage(cache.offline_scope(), track, stage)
        )
        if remembered is None:
            raise cache.not_cached(f"stage {stage!r} of track {track!r}")
        offline_ref = _artifact_of(cache, remembered)
        return (yield from obtain(cache, offline_ref, None, deliver))
    path = yield from resource._defaults.orbit_route()
    organization_id, orbit_id = str(path.organization_id), str(path.orbit_id)
    scope = Scope(organization_id, orbit_id)
    known = yield from blocking(lambda: cache.refs.find_stage(scope, track, stage))
    stage_ref = yield from _current(resource, cache, path, known, track, stage)
    ref: ArtifactRef | None = yield from blocking(lambda: _known_artifact(cache, stage_ref))
    if ref is None:
        collection = stage_ref.collection_id or (yield from resource._defaults.collection())
        artifact_path = Route(organization_id, orbit_id, collection)
        record = yield from fetch_artifact(artifact_path, stage_ref.artifact_id)
        ref = artifact_ref(cache, record, organization_id, orbit_id)
    result = yield from obtain(cache, ref, cache.download(ref, on_progress), deliver)
    stage_ref = attrs.evolve(
        stage_ref,
        collection_id=ref.collection_id,
        file_name=ref.file_name,
        sha256=ref.sha256,
        size=ref.size,
    )
    yield from blocking(lambda: cache.refs.save_all([ref, stage_ref]))
    return result


def _current(
    resource: TrackResource[Any],
    cache: Cache,
    path: Route,
    known: StageRef | None,
    track: str,
    stage: str,
) -> Flow[StageRef]:
    """What the stage holds now, as a stage ref (its blob fields filled in later): one call
    by the ids a previous lookup remembered, else a full lookup by id or name."""
    if known is not None:
        try:
            entry = yield from entries.fetch_entry_at(path, known.track_id, known.stage_id)
        except (NotFoundError, InternalServerError):  # gone, renamed or emptied: look again
            pass
        else:
            return _stage_ref(known, entry)
    _, found, chosen, entry = yield from resource._stage_entry(track, stage)
    organization_id, orbit_id = str(path.organization_id), str(path.orbit_id)
    return StageRef(
        server=cache.refs.server or "",
        organization_id=organization_id,
        orbit_id=orbit_id,
        collection_id=entry.artifact_collection_id or "",
        artifact_id=entry.artifact_id,
        file_name="",  # the blob's fields are filled in once the artifact is known
        sha256="",
        size=0,
        aliases=cache.aliases(organization_id, orbit_id, None),
        track_id=found.id,
        track_name=found.name,
        stage_id=chosen.id,
        stage_name=chosen.name,
    )


def _stage_ref(ref: StageRef, entry: TrackEntry) -> StageRef:
    if entry.artifact_id == ref.artifact_id:
        return attrs.evolve(ref, resolved_at=time.time())
    return attrs.evolve(
        ref,
        artifact_id=entry.artifact_id,
        collection_id=entry.artifact_collection_id or "",
        sha256="",
        size=0,
        resolved_at=time.time(),
    )


def _known_artifact(cache: Cache, stage_ref: StageRef) -> ArtifactRef | None:
    """The artifact ref of the stage's artifact, when a lookup saved one."""
    found = cache.refs.artifact_by_id(stage_ref.artifact_id)
    if found is None or found.organization_id != stage_ref.organization_id:
        return None
    return found


def _artifact_of(cache: Cache, stage_ref: StageRef) -> ArtifactRef:
    """Offline: the artifact a stage ref points to (its own blob fields suffice)."""
    return _known_artifact(cache, stage_ref) or stage_ref.artifact()
