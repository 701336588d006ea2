"""A small local journal of transfers in flight, so a later client can repair what an
interrupted one left behind (an artifact `pending_upload` or `pending_deletion`).

One JSON file per transfer in a user cache directory (`LUML_JOURNAL_DIR` overrides it).
The file is created under a temporary name and renamed into place, and its owner holds an
exclusive `flock` on it while the transfer runs: an entry nobody holds a lock on is a
leftover (its process died, or its cleanup could not reach the API). Several processes can
share the directory: whoever repairs an entry holds its lock while doing so, then deletes it.

Entries carry ids, names, the file hash and a fingerprint of the API key (never the key).
No I/O here happens on the event loop: the flows call it through `blocking(...)`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs

fcntl: Any
try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows: only this process's own leftovers are seen
    fcntl = None

logger = logging.getLogger("luml_facade")

JOURNAL_ENV = "LUML_JOURNAL_DIR"
_live_in_this_process: set[str] = set()  # entry names whose owner in this process still runs
_live_lock = threading.Lock()


def journal_dir() -> Path:
    """Where entries live: $LUML_JOURNAL_DIR, else the user cache directory."""
    override = os.environ.get(JOURNAL_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":  # pragma: no cover
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":  # pragma: no cover
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "luml-facade" / "journal"


def key_fingerprint(api_key: str) -> str:
    """A short one-way fingerprint of the key: which entries this key may repair."""
    return hashlib.sha256(b"luml-facade journal\0" + api_key.encode()).hexdigest()[:16]


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


@attrs.define
class Entry:
    """What is known about one transfer in flight."""

    kind: str  # "upload" or "delete"
    base_url: str
    key: str
    organization_id: str
    orbit_id: str
    collection_id: str
    phase: str  # upload: creating, created, stored; delete: deleting, object_deleted
    artifact_id: str | None = None
    name: str | None = None
    file_name: str | None = None
    file_hash: str | None = None
    size: int | None = None
    started: str = attrs.field(factory=now_iso)
    pid: int = attrs.field(factory=os.getpid)
    checked: str | None = None  # when a repair last looked for its record and found none

    def started_at(self) -> datetime:
        return datetime.fromisoformat(self.started)

    def to_json(self) -> bytes:
        return json.dumps({"version": 1, **attrs.asdict(self)}, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Entry:
        raw = json.loads(data)
        raw.pop("version", None)
        names = {field.name for field in attrs.fields(cls)}
        return cls(**{key: value for key, value in raw.items() if key in names})


class Held:
    """An entry file this process holds the lock of (its owner, or a repairer)."""

    def __init__(self, path: Path, fd: int, entry: Entry) -> None:
        self.path = path
        self.fd = fd
        self.entry = entry

    def update(self, **changes: Any) -> None:
        """Record progress (phase, artifact id) in place."""
        self.entry = attrs.evolve(self.entry, **changes)
        data = self.entry.to_json()
        try:
            os.ftruncate(self.fd, 0)
            os.pwrite(self.fd, data, 0)
        except OSError as error:  # the transfer goes on; only a later repair knows less
            logger.warning("could not update transfer journal entry %s: %s", self.path, error)

    def remove(self) -> None:
        """The transfer is settled: forget it."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.release()

    def release(self) -> None:
        """Stop holding the entry (it stays, for a later client to repair)."""
        if self.fd < 0:
            return
        with _live_lock:
            _live_in_this_process.discard(self.path.name)
        os.close(self.fd)
        self.fd = -1


class Journal:
    """The journal directory; every method degrades to "no journal" if it is unusable."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or journal_dir()

    def begin(self, entry: Entry) -> Held | None:
        """Create and hold a new entry; None (with a warning logged) if the directory is not
        writable: the transfer still runs, only the later repair is lost."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            name = f"{entry.kind}-{uuid.uuid4().hex}.json"
            temporary = self.directory / f".{name}.tmp"
            fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
            _lock(fd, block=True)
            os.write(fd, entry.to_json())
            final = self.directory / name
            os.replace(temporary, final)
        except OSError as error:
            logger.warning("transfer journal %s is not usable: %s", self.directory, error)
            return None
        with _live_lock:
            _live_in_this_process.add(name)
        return Held(final, fd, entry)

    def entries(self) -> Iterator[Path]:
        """Paths of the entries present now (cheap: one directory listing)."""
        try:
            names = sorted(os.listdir(self.directory))
        except OSError:
            return
        for name in names:
            if name.endswith(".json") and not name.startswith("."):
                yield self.directory / name

    def claim(self, path: Path) -> Held | None:
        """Hold a leftover entry to repair it; None if its owner still runs (or it is gone,
        or another client is repairing it)."""
        with _live_lock:
            if path.name in _live_in_this_process:
                return None
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            return None
        try:
            if not _lock(fd, block=False) or os.fstat(fd).st_nlink == 0:
                os.close(fd)
                return None
            entry = Entry.from_json(_read_all(fd))
            if fcntl is None and entry.pid != os.getpid() and not _old(entry):  # pragma: no cover
                os.close(fd)
                return None
        except (OSError, ValueError, TypeError) as error:  # torn or foreign file
            os.close(fd)
            logger.warning("dropping unreadable journal entry %s (%s)", path.name, error)
            _unlink(path)
            return None
        with _live_lock:
            _live_in_this_process.add(path.name)
        return Held(path, fd, entry)

    def live_entries(self, exclude: Path | None = None) -> list[Entry]:
        """Entries whose owner still runs (held by someone): what must not be repaired."""
        found: list[Entry] = []
        for path in self.entries():
            if path == exclude:
                continue
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                if _lock(fd, block=False, shared=True):
                    with _live_lock:
                        live_here = path.name in _live_in_this_process
                    if not live_here:
                        continue
                found.append(Entry.from_json(_read_all(fd)))
            except (OSError, ValueError, TypeError):
                continue
            finally:
                os.close(fd)
        return found


def _lock(fd: int, *, block: bool, shared: bool = False) -> bool:
    if fcntl is None:  # pragma: no cover
        return True
    flags = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    if not block:
        flags |= fcntl.LOCK_NB
    try:
        fcntl.flock(fd, flags)
    except BlockingIOError:
        return False
    return True


def _old(entry: Entry) -> bool:
    """Without file locks (Windows): another process's entry counts as a leftover after a day."""
    return (datetime.now(UTC) - entry.started_at()).days >= 1


def _read_all(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    return os.pread(fd, size, 0)


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
