"""A small local journal of transfers in flight, so a later client can repair what an
interrupted one left behind (an artifact `pending_upload` or `pending_deletion`).

One JSON file per transfer in a user cache directory (`LUML_JOURNAL_DIR` overrides it).
The file is created under a temporary name and renamed into place, and its owner holds an
exclusive `flock` on it while the transfer runs: an entry nobody holds a lock on is a
leftover (its process died, or its cleanup could not reach the API). Several processes can
share the directory: whoever repairs an entry holds its lock while doing so, then deletes it.

Entries carry ids, names, the file hash and a fingerprint of the API key (never the key).
No I/O here happens on the event loop: the flows call it through `blocking(...)`.

Whatever else lands in the directory (a file that is not an entry, an entry this version
can't read) is moved into its `set-aside/` subdirectory, with a warning: it never stops a
sweep, and is never taken for a transfer.
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


SET_ASIDE = "set-aside"
"""The subdirectory unreadable files of the journal directory are moved into."""
MAX_ENTRY_BYTES = 64 * 1024
"""An entry is a few hundred bytes: a bigger file is not one (and is not read)."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat()  # pragma: no mutate


def moment(text: str) -> datetime:
    """An entry's ISO 8601 timestamp as an aware datetime (UTC when it names no zone);
    ValueError (or TypeError) when it is not one."""
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _timestamp(_instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        moment(value)


_TEXT = attrs.validators.instance_of(str)
_MAYBE_TEXT = attrs.validators.optional(_TEXT)


def _whole_number(_instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError(f"{attribute.name} must be an integer, got {value!r}")


@attrs.define
class Entry:
    """What is known about one transfer in flight (every field checked when read back)."""

    kind: str = attrs.field(validator=attrs.validators.in_(("upload", "delete")))
    base_url: str = attrs.field(validator=_TEXT)
    key: str = attrs.field(validator=_TEXT)
    organization_id: str = attrs.field(validator=_TEXT)
    orbit_id: str = attrs.field(validator=_TEXT)
    collection_id: str = attrs.field(validator=_TEXT)
    # upload: creating, created, stored; delete: deleting, object_deleted
    phase: str = attrs.field(validator=_TEXT)
    artifact_id: str | None = attrs.field(default=None, validator=_MAYBE_TEXT)
    name: str | None = attrs.field(default=None, validator=_MAYBE_TEXT)
    file_name: str | None = attrs.field(default=None, validator=_MAYBE_TEXT)
    file_hash: str | None = attrs.field(default=None, validator=_MAYBE_TEXT)
    size: int | None = attrs.field(default=None, validator=_whole_number)
    started: str = attrs.field(factory=now_iso, validator=[_TEXT, _timestamp])
    pid: int = attrs.field(factory=os.getpid, validator=_whole_number)
    # when a repair last looked for its record and found none
    checked: str | None = attrs.field(default=None, validator=[_MAYBE_TEXT, _timestamp])

    def started_at(self) -> datetime:
        return moment(self.started)

    def to_json(self) -> bytes:
        return json.dumps({"version": 1, **attrs.asdict(self)}, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Entry:
        """Read an entry back. Raises ValueError or TypeError for anything that is not one
        (not a JSON object, a field missing or of the wrong type, a timestamp not ISO 8601)."""
        raw = json.loads(data)
        if not isinstance(raw, dict):
            raise ValueError(f"a journal entry is a JSON object, not {type(raw).__name__}")
        names = {field.name for field in attrs.fields(cls)}
        return cls(**{key: value for key, value in raw.items() if key in names})


class Held:
    """An entry file this process holds the lock of (its owner, or a repairer)."""

    def __init__(self, path: Path, fd: int, entry: Entry) -> None:
        self.path = path
        self.fd = fd
        self.entry = entry

    def update(self, **changes: Any) -> None:
        """Record progress (phase, artifact id) in place: one write of the whole entry, padded
        with spaces to the old length (never truncated first), so a process reading it at the
        same moment (`live_entries`) never sees an empty or half-written entry."""
        self.entry = attrs.evolve(self.entry, **changes)
        data = self.entry.to_json()
        try:
            old_size = os.fstat(self.fd).st_size
            os.pwrite(self.fd, data.ljust(old_size), 0)
        except OSError as error:  # the transfer goes on; only a later repair knows less
            logger.warning("could not update transfer journal entry %s: %s", self.path, error)

    def remove(self) -> None:
        """The transfer is settled: forget it."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.release()

    def release(self) -> None:
        """Stop holding the entry (it stays, for a later client to repair)."""
        if self.fd < 0:  # pragma: no mutate
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
        name = f"{entry.kind}-{uuid.uuid4().hex}.json"
        temporary = self.directory / f".{name}.tmp"
        final = self.directory / name
        fd = -1
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
            _lock(fd, block=True)  # pragma: no mutate
            _write_all(fd, entry.to_json())
            os.replace(temporary, final)
        except OSError as error:  # a full or read-only disk: leave neither fd nor file behind
            if fd >= 0:  # pragma: no mutate
                os.close(fd)
                _unlink(temporary)
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
            entry = _read_entry(fd)
            if fcntl is None and entry.pid != os.getpid() and not _old(entry):  # pragma: no cover
                os.close(fd)
                return None
        except Unreadable as error:  # not an entry, or one this version can't read
            self._set_aside(path, error)
            os.close(fd)  # after the move: nobody else claims it meanwhile
            return None
        except OSError:
            os.close(fd)
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
                found.append(_read_entry(fd))
            except (OSError, Unreadable):  # gone, or held but not an entry: nothing to guard
                continue
            finally:
                os.close(fd)
        return found

    def _set_aside(self, path: Path, error: Unreadable) -> None:
        """Move an unreadable file out of the way (into `set-aside/`), keeping it for a look."""
        aside = self.directory / SET_ASIDE
        try:
            aside.mkdir(exist_ok=True)
            os.replace(path, aside / f"{path.name}.{uuid.uuid4().hex[:8]}")
        except OSError as move_error:
            logger.warning("cannot set aside journal file %s: %s", path, move_error)
            return
        logger.warning(
            "set aside journal file %s (not a luml-facade transfer entry: %s) in %s",
            path.name,
            error,
            aside,
        )


class Unreadable(Exception):
    """A file of the journal directory is not an entry this version can read."""


def _read_entry(fd: int) -> Entry:
    """The entry in an open file; Unreadable for anything else (OSError if unreadable)."""
    size = os.fstat(fd).st_size
    if size > MAX_ENTRY_BYTES:
        raise Unreadable(f"{size} bytes, more than any entry")
    data = os.pread(fd, size, 0)
    try:
        return Entry.from_json(data)
    except (ValueError, TypeError, RecursionError) as error:  # foreign or damaged content
        raise Unreadable(f"{type(error).__name__}: {error}") from None


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


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
