"""The blob store: one read-only file per SHA-256, published only once verified.

Layout under the cache directory::

    blobs/<sha256>                 the verified file (read-only)
    blobs/.<sha256>.<random>.part  a download in flight (or left by a killed one)
    meta/<sha256>.json             the stat stamp taken when the blob was last verified
    used/<sha256>                  an empty file whose mtime is the blob's last use
    locks/<sha256>.lock            the blob's lock (see locks.py)

A blob whose stat (size, mtime, inode) still matches its stamp is trusted without reading it;
any other blob is hashed again before use, so a truncated, overwritten or bit-flipped file is
noticed on the next lookup (`verify` hashes every blob, for damage that leaves the stat as
it was).
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Iterator
from pathlib import Path

SHA256 = re.compile(r"[0-9a-f]{64}")
READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


class BlobState(enum.Enum):
    """What a lookup found for a blob."""

    OK = "ok"
    MISSING = "missing"
    CORRUPT = "corrupt"


def is_sha256(value: str) -> bool:
    return SHA256.fullmatch(value) is not None


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


class BlobStore:
    """The blobs of one cache directory (see the module docstring for the layout)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.blobs = root / "blobs"
        self.meta = root / "meta"
        self.used = root / "used"
        self.locks = root / "locks"

    def create(self) -> None:
        """Make the directories (a new cache is created on first use)."""
        for directory in (self.blobs, self.meta, self.used, self.locks):
            directory.mkdir(parents=True, exist_ok=True)

    def blob(self, sha256: str) -> Path:
        return self.blobs / sha256

    def lock_file(self, sha256: str) -> Path:
        return self.locks / f"{sha256}.lock"

    def hashes(self) -> list[str]:
        """The SHA-256 of every published blob."""
        if not self.blobs.is_dir():
            return []
        return sorted(entry.name for entry in self.blobs.iterdir() if is_sha256(entry.name))

    def leftovers(self, sha256: str | None = None) -> list[Path]:
        """Temporary files of downloads (of one blob, or of all) that are in flight or that
        a killed process left behind."""
        if not self.blobs.is_dir():
            return []
        pattern = f".{sha256 or '*'}.*.part"
        return sorted(self.blobs.glob(pattern))

    # state

    def check(self, sha256: str, size: int | None) -> BlobState:
        """Whether the blob is there and whole: trusted when its stat matches the stamp of
        its last verification, hashed again otherwise (call it holding the blob's lock)."""
        try:
            info = self.blob(sha256).stat()
        except FileNotFoundError:
            return BlobState.MISSING
        if size is not None and info.st_size != size:
            return BlobState.CORRUPT
        if self._stamp(sha256) == _stamp_of(info):
            return BlobState.OK
        return self.rehash(sha256)

    def rehash(self, sha256: str) -> BlobState:
        """Hash the blob; stamp it when it matches its name."""
        path = self.blob(sha256)
        try:
            digest = file_sha256(path)
        except FileNotFoundError:
            return BlobState.MISSING
        if digest != sha256:
            return BlobState.CORRUPT
        self._write_stamp(sha256)
        return BlobState.OK

    def _stamp(self, sha256: str) -> list[int] | None:
        try:
            stamp = json.loads((self.meta / f"{sha256}.json").read_text())["stat"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return stamp if isinstance(stamp, list) else None

    def _write_stamp(self, sha256: str) -> None:
        info = self.blob(sha256).stat()
        record = {"stat": _stamp_of(info), "verified_at": time.time()}
        write_atomically(self.meta / f"{sha256}.json", json.dumps(record).encode())

    # changes (each made holding the blob's lock)

    def publish(self, sha256: str) -> Path:
        """Seal a blob that was just renamed into place verified: read-only, stamped, used."""
        path = self.blob(sha256)
        path.chmod(READ_ONLY)
        self._write_stamp(sha256)
        self.touch(sha256)
        return path

    def discard(self, sha256: str) -> int:
        """Remove the blob, its stamp, its last-use mark and its leftover temporary files;
        returns the bytes freed."""
        freed = 0
        for path in [self.blob(sha256), *self.leftovers(sha256)]:
            with contextlib.suppress(FileNotFoundError):
                freed += path.stat().st_size
                path.chmod(stat.S_IWUSR | READ_ONLY)  # Windows refuses to delete read-only
                path.unlink()
        (self.meta / f"{sha256}.json").unlink(missing_ok=True)
        (self.used / sha256).unlink(missing_ok=True)
        return freed

    def clear_leftovers(self, sha256: str) -> None:
        for path in self.leftovers(sha256):
            path.unlink(missing_ok=True)

    def touch(self, sha256: str) -> None:
        """Mark the blob used now."""
        mark = self.used / sha256
        try:
            os.utime(mark)
        except FileNotFoundError:
            self.used.mkdir(parents=True, exist_ok=True)
            mark.touch()

    def last_used(self, sha256: str) -> float:
        """When the blob was last used (seconds since the epoch; 0 when never)."""
        for path in (self.used / sha256, self.blob(sha256)):
            with contextlib.suppress(FileNotFoundError):
                return path.stat().st_mtime
        return 0.0

    def size(self, sha256: str) -> int:
        try:
            return self.blob(sha256).stat().st_size
        except FileNotFoundError:
            return 0

    def place(self, sha256: str, target: Path) -> Path:
        """Put the blob at `target`: a hard link where the file system allows (it is then
        read-only like the blob), a copy otherwise; renamed into place, so `target` is
        never half-written."""
        source = self.blob(sha256)
        with contextlib.suppress(FileNotFoundError):
            if os.path.samefile(source, target):
                return target
        temp = target.parent / f".{target.name}.{secrets.token_hex(4)}.part"
        try:
            try:
                os.link(source, temp)
            except OSError:
                shutil.copyfile(source, temp)
            os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return target


def _stamp_of(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ino]


def walk_files(directory: Path) -> Iterator[Path]:
    """Every file below `directory` (none when it does not exist)."""
    if directory.is_dir():
        yield from (path for path in sorted(directory.rglob("*.json")) if path.is_file())
