"""ModelCache: the cache in Python (what `luml cache ls|prune|verify` run)."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from .._cache_settings import CacheSettings
from .prune import PruneReport, prune, remove
from .refs import RefStore
from .scan import CacheInfo, scan
from .store import BlobStore
from .verify import VerifyReport, verify


class ModelCache:
    """The shared cache of a directory: list, prune, verify, remove.

    Arguments:
        cache_dir: default: LUML_CACHE_DIR, else the user cache directory (the clients'
            default too).

    Example:
        cache = ModelCache()
        for blob in cache.scan().blobs:
            print(blob.sha256[:12], blob.size, blob.last_used, blob.describe())
        cache.prune(older_than=datetime.timedelta(days=30), max_size=20 * 2**30)
    """

    def __init__(self, cache_dir: str | os.PathLike[str] | None = None) -> None:
        self.root: Path = CacheSettings.from_arguments(cache_dir, None).root()
        self._store = BlobStore(self.root)
        self._refs = RefStore(self.root)

    def scan(self) -> CacheInfo:
        """Every cached blob (newest use first) with the artifacts and stages pointing to it."""
        return scan(self._store, self._refs)

    def prune(
        self,
        *,
        older_than: datetime.timedelta | None = None,
        max_size: int | None = None,
        dry_run: bool = False,
    ) -> PruneReport:
        """Remove blobs unused for longer than `older_than`, then the least recently used
        until the rest fits in `max_size` bytes; also temporary files of killed downloads.

        A blob a process is downloading, checking or copying (its lock is held) is skipped
        and listed in `busy`. A process that already has a blob open keeps reading it (on
        POSIX file systems); the next lookup of a removed blob downloads it again.
        """
        return prune(
            self._store, self._refs, older_than=older_than, max_size=max_size, dry_run=dry_run
        )

    def verify(self) -> VerifyReport:
        """Hash every blob; remove damaged ones (the next online lookup fetches them again)."""
        return verify(self._store)

    def remove(self, sha256: str) -> bool:
        """Remove one blob and its refs; False when a process is using it."""
        return remove(self._store, self._refs, sha256) is not None
