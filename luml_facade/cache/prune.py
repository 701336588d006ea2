"""Removing blobs: those unused for a while, the least recently used beyond a size, or one
by hash. A blob is removed only holding its lock (taken without waiting), so a blob that a
process is downloading, checking or copying is skipped, never removed under it."""

from __future__ import annotations

import datetime

import attrs

from .locks import try_lock
from .refs import RefStore
from .scan import CachedBlob, scan
from .store import BlobStore


@attrs.frozen(kw_only=True)
class PruneReport:
    """What `prune` did: blobs removed, blobs skipped because a process was using them,
    bytes freed (including temporary files killed downloads left)."""

    removed: list[CachedBlob]
    busy: list[CachedBlob]
    freed: int
    dry_run: bool = False


def choose(
    blobs: list[CachedBlob], older_than: datetime.timedelta | None, max_size: int | None
) -> list[CachedBlob]:
    """The blobs to remove, least recently used first: those unused for longer than
    `older_than`, then more until the rest fits in `max_size` bytes."""
    oldest_first = sorted(blobs, key=lambda blob: blob.last_used)
    now = datetime.datetime.now(datetime.UTC)
    chosen = [
        blob
        for blob in oldest_first
        if older_than is not None and now - blob.last_used > older_than
    ]
    if max_size is not None:
        kept = sum(blob.size for blob in oldest_first) - sum(blob.size for blob in chosen)
        for blob in oldest_first:
            if kept <= max_size:
                break
            if blob not in chosen:
                chosen.append(blob)
                kept -= blob.size
    return chosen


def prune(
    store: BlobStore,
    refs: RefStore,
    *,
    older_than: datetime.timedelta | None = None,
    max_size: int | None = None,
    dry_run: bool = False,
) -> PruneReport:
    """Remove the chosen blobs (see `choose`) that no process is using, and their refs."""
    chosen = choose(scan(store, refs).blobs, older_than, max_size)
    freed = 0 if dry_run else _clear_killed_downloads(store)
    removed, busy = [], []
    for blob in chosen:
        if dry_run:
            removed.append(blob)
            continue
        done = remove(store, refs, blob.sha256, unused_since=blob.last_used.timestamp())
        if done is None:
            busy.append(blob)
        else:
            removed.append(blob)
            freed += done
    return PruneReport(removed=removed, busy=busy, freed=freed, dry_run=dry_run)


def remove(
    store: BlobStore, refs: RefStore, sha256: str, *, unused_since: float | None = None
) -> int | None:
    """Remove one blob and the refs that point to it; the bytes freed, or None when a
    process holds the blob (or, with `unused_since`, used it after that time)."""
    lock = try_lock(store.lock_file(sha256))
    if lock is None:
        return None
    try:
        if unused_since is not None and store.last_used(sha256) > unused_since:
            return None  # used since it was chosen
        freed = store.discard(sha256)
        _forget(refs, sha256)
        return freed
    finally:
        lock.release()


def _forget(refs: RefStore, sha256: str) -> None:
    for artifact in refs.artifacts():
        if artifact.sha256 == sha256:
            refs.remove(artifact)
    for stage in refs.stages():
        if stage.sha256 == sha256:
            refs.remove(stage)


def _clear_killed_downloads(store: BlobStore) -> int:
    """Remove temporary files of downloads whose process is gone (their lock is free)."""
    freed = 0
    for sha256 in {path.name.split(".")[1] for path in store.leftovers()}:
        lock = try_lock(store.lock_file(sha256))
        if lock is None:
            continue  # a download in flight
        try:
            for path in store.leftovers(sha256):
                freed += path.stat().st_size
                path.unlink(missing_ok=True)
        finally:
            lock.release()
    return freed
