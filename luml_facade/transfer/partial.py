"""The temporary file a download is written into, and the SHA-256 taken over it.

Connections write their bytes at their place in the file (positional writes). A hashing
thread computes the SHA-256 in file order side by side with the receiving:

- a chunk that lands exactly where the hash has got to is handed over in memory: the hashing
  thread hashes the connection's buffer, then gives it back (one stream, or the range at the
  front of a ranged download, never reads its bytes twice);
- bytes written ahead of the hash (the other ranges) are read back from the (page-cached)
  file when the hash reaches them.

Each connection owns at most `BUFFERS_PER_CONNECTION` buffers of `CHUNK` bytes and waits for
one to come back when all are with the hashing thread, so memory stays bounded and a slow
hash slows the receiving instead of piling up bytes.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import threading
import time
from collections import deque
from pathlib import Path

import attrs
import httpx

from .._errors import FileDownloadError
from .progress import BaseProgressHandler

MiB = 1 << 20
CHUNK = 1 * MiB
"""Bytes read from a connection at once (one buffer), and read back from the file at once."""
BUFFERS_PER_CONNECTION = 16
"""Buffers a connection may have: one being filled, the others with the hashing thread (at
three, a connection waited for the hash about 600 times per GiB on a busy 2-core machine;
at 16, under 100: a hash that falls behind for a moment no longer stalls the receiving)."""
MAX_HELD = 16 * MiB
"""Bytes the hashing thread holds in memory at most (chunks from a caller's httpx client)."""


CLEARLY_SLOW = 0.25
"""Below this share of a probe's `fast_rate` a stream stops at its first look."""
LONGER_LOOK = 4
"""How many times more bytes a second look at an undecided stream waits for."""


@attrs.frozen
class Probe:
    """Time a stream once `after` bytes have arrived. At `fast_rate` bytes per second or more
    it goes on to the end; below CLEARLY_SLOW of that it stops there (ConnectionTooSlow) and
    the rest is fetched in parallel ranges. In between (a middling connection, or a fast one
    that stalled for a moment) it is timed again once LONGER_LOOK times as many bytes have
    arrived, and then decided either way (`final`)."""

    after: int
    fast_rate: float
    final: bool = False


@attrs.define
class Span:
    """Bytes [start, end) of the file; `got` of them are on disk."""

    start: int
    end: int
    whole: bool = False
    """The whole file, fetched without a Range header the first time."""
    got: int = 0
    first_byte_at: float | None = None
    last_byte_at: float | None = None
    probe: Probe | None = None

    def stops_here(self) -> bool:
        """Whether the probe has timed this span as too slow (it is then cut short where
        it got to). A probe decides at its first look, or at its second (see Probe)."""
        probe = self.probe
        if probe is None or self.got < probe.after:
            return False
        rate = self.body_rate()
        if rate >= probe.fast_rate:
            self.probe = None
            return False
        if not probe.final and rate >= probe.fast_rate * CLEARLY_SLOW:
            self.probe = Probe(probe.after * LONGER_LOOK, probe.fast_rate, final=True)
            return False
        self.probe = None
        self.end = self.next_byte
        return True

    def body_rate(self) -> float:
        """Bytes per second of the body received so far (inf when too short to tell)."""
        if self.first_byte_at is None or self.last_byte_at is None:
            return float("inf")
        seconds = self.last_byte_at - self.first_byte_at
        return self.got / seconds if seconds > 0 else float("inf")

    @property
    def next_byte(self) -> int:
        return self.start + self.got

    @property
    def done(self) -> bool:
        return self.next_byte >= self.end

    def remaining(self) -> int:
        return self.end - self.next_byte


class RangeIgnored(Exception):
    """Storage answered a range request with the whole object (200)."""


class ConnectionTooSlow(Exception):
    """A probed stream stopped after its first part: the rest comes in parallel ranges."""


@attrs.frozen
class _Held:
    """A chunk the hashing thread hashes from memory; `owner` gets its buffer back."""

    offset: int
    chunk: memoryview
    owner: SpanSink | None


class PartialFile:
    """The temporary file beside the target: positional writes, and the SHA-256 in file
    order computed by a hashing thread while the bytes arrive (see the module docstring)."""

    def __init__(self, target: Path, size: int, progress: BaseProgressHandler) -> None:
        self.target = target
        self.size = size
        self.progress = progress
        self.temp = target.parent / f".{target.name}.{secrets.token_hex(4)}.part"
        self.fd: int | None = None
        self.spans: list[Span] = []
        self._changed = threading.Condition(threading.Lock())
        self.digest = hashlib.sha256()
        self._cursor = 0
        self._cursor_span = 0
        self._held: deque[_Held] = deque()
        self._held_end = 0
        self._held_bytes = 0
        self._generation = 0
        self._hasher: threading.Thread | None = None
        self._closing = False
        self._hash_error: BaseException | None = None

    def open(self, spans: list[Span]) -> None:
        """Create the file (exclusively) and size it; FileDownloadError says what to fix."""
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            self.fd = os.open(self.temp, flags, 0o644)
            _reserve_space(self.fd, self.size)
        except OSError as error:
            if error.errno == errno.ENOSPC:
                raise FileDownloadError(
                    f"not enough free space in {self.target.parent} for {self.size} bytes; "
                    "free some space or choose another directory"
                ) from error
            raise FileDownloadError(
                f"cannot write to {self.target.parent}: {error.strerror or error}; choose a "
                "directory you can write to"
            ) from error
        self.restart(spans)
        self._hasher = threading.Thread(target=self._hash_loop, name="luml-hash", daemon=True)
        self._hasher.start()

    def restart(self, spans: list[Span]) -> None:
        """Start over with these spans: nothing received yet, progress taken back."""
        with self._changed:
            taken_back = sum(span.got for span in self.spans)
            if taken_back:
                self.progress.update(-taken_back)
            for span in spans:
                span.got = 0
            self.spans = spans
            self.digest, self._cursor, self._cursor_span = hashlib.sha256(), 0, 0
            self._release_held()
            self._generation += 1
            self._changed.notify_all()

    @property
    def written(self) -> int:
        return sum(span.got for span in self.spans)

    def begin(self, span: Span, response: httpx.Response) -> None:
        """Called before a body is written into `span`."""
        if span.first_byte_at is None:
            span.first_byte_at = time.monotonic()
        if response.status_code == 206:
            if not _content_range_starts_at(response, span.next_byte):
                raise FileDownloadError("storage answered a range request from the wrong offset")
            return
        if not span.whole:
            raise RangeIgnored
        if span.got:  # a full answer to a resumed single stream: start the file over
            self.restart([span])

    def write(self, span: Span, chunk: memoryview, owner: SpanSink | None = None) -> None:
        """Write at the span's next byte; hand the chunk to the hashing thread when it lands
        where the hash has got to (then `owner` gets the buffer back once it is hashed)."""
        count = len(chunk)
        if span.got + count > span.end - span.start:
            raise FileDownloadError("storage sent more bytes than the artifact has")
        offset = span.next_byte
        _write_at(self._fd(), chunk, offset)
        with self._changed:
            span.got += count
            span.last_byte_at = time.monotonic()
            too_slow = span.stops_here()
            if offset == max(self._cursor, self._held_end) and self._held_bytes < MAX_HELD:
                self._held.append(_Held(offset, chunk, owner))
                self._held_end, self._held_bytes = offset + count, self._held_bytes + count
                if owner is not None:
                    owner.lent.add(id(chunk.obj))
            self._changed.notify_all()
        self.progress.update(count)
        if too_slow:
            raise ConnectionTooSlow

    def add_spans(self, spans: list[Span]) -> None:
        """Append spans covering the bytes after the last one."""
        with self._changed:
            self.spans = [*self.spans, *spans]
            self._changed.notify_all()

    def wait_for_buffer(self, owner: SpanSink) -> memoryview:
        """A buffer of `owner` that the hashing thread does not hold (waits for one)."""
        with self._changed:
            while True:
                if self._hash_error is not None or self._closing:
                    raise FileDownloadError("the download's hashing stopped")
                buffer = owner.free_buffer()
                if buffer is not None:
                    return buffer
                self._changed.wait()

    def _release_held(self) -> None:
        """Give every held buffer back (lock held)."""
        for held in self._held:
            if held.owner is not None:
                held.owner.lent.clear()
        self._held.clear()
        self._held_end = self._held_bytes = 0

    def _reachable(self) -> int:
        """The end of the written bytes that continue from the cursor (lock held)."""
        spans = self.spans
        while self._cursor_span < len(spans) and self._cursor >= spans[self._cursor_span].end:
            self._cursor_span += 1
        if self._cursor_span >= len(spans):
            return self._cursor
        span = spans[self._cursor_span]
        return span.next_byte if self._cursor >= span.start else self._cursor

    def _next_to_hash(self) -> _Held | int | None:
        """The held chunk at the cursor, or how many written bytes to read back (lock held;
        waits until there is something; None once the file is closing)."""
        while not self._closing:
            if self._held:
                return self._held[0]  # always at the cursor: see write()
            count = min(CHUNK, self._reachable() - self._cursor)
            if count > 0:
                return count
            self._changed.wait()
        return None

    def _hash_loop(self) -> None:
        """The hashing thread: hash what is written, in file order, until closed."""
        buffer = memoryview(bytearray(CHUNK))  # reused for the bytes read back
        try:
            while True:
                with self._changed:
                    work = self._next_to_hash()
                    if work is None:
                        return
                    generation, digest, start = self._generation, self.digest, self._cursor
                if isinstance(work, _Held):
                    data = work.chunk
                else:
                    data = _read_into(self._fd(), buffer[:work], start)
                    if not data:
                        raise FileDownloadError(
                            "the temporary file got shorter during the download"
                        )
                digest.update(data)
                with self._changed:
                    if generation == self._generation:
                        self._cursor += len(data)
                        if isinstance(work, _Held):
                            self._held.popleft()
                            self._held_bytes -= len(data)
                            if work.owner is not None:
                                work.owner.lent.discard(id(work.chunk.obj))
                    self._changed.notify_all()
        except BaseException as error:  # reported by finish_hash
            with self._changed:
                self._hash_error = error
                self._release_held()
                self._changed.notify_all()

    def finish_hash(self) -> str:
        """Wait until every byte is hashed; the hex digest."""
        with self._changed:
            while self._cursor < self.size and self._hash_error is None:
                self._changed.wait()
            if self._hash_error is not None:
                raise FileDownloadError(f"hashing the download failed: {self._hash_error}")
            return self.digest.hexdigest()

    def hashed_all(self) -> bool:
        return self._cursor == self.size

    def _fd(self) -> int:
        if self.fd is None:
            raise FileDownloadError("the temporary file is closed")
        return self.fd

    def commit(self) -> None:
        self._close()
        os.replace(self.temp, self.target)

    def discard(self) -> None:
        self._close()
        self.temp.unlink(missing_ok=True)

    def _close(self) -> None:
        with self._changed:
            self._closing = True
            self._release_held()
            self._changed.notify_all()
        if self._hasher is not None:
            self._hasher.join()
            self._hasher = None
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)


class SpanSink:
    """The sink a driver streams one span's body into: it lends the driver buffers to read
    into (`buffer()`), and writes what was read (`write()`)."""

    def __init__(self, file: PartialFile, span: Span) -> None:
        self.file = file
        self.span = span
        self.buffers: list[bytearray] = []
        self.lent: set[int] = set()
        """ids of the buffers the hashing thread holds (changed under the file's lock)."""

    def begin(self, response: httpx.Response) -> None:
        self.file.begin(self.span, response)

    def buffer(self) -> memoryview:
        """A buffer to read the next chunk into; `write()` gets a prefix of it."""
        return self.file.wait_for_buffer(self)

    def free_buffer(self) -> memoryview | None:
        """One of this sink's buffers not held by the hashing thread (a new one while fewer
        than BUFFERS_PER_CONNECTION exist), or None (the file's lock held)."""
        for buffer in self.buffers:
            if id(buffer) not in self.lent:
                return memoryview(buffer)
        if len(self.buffers) < BUFFERS_PER_CONNECTION:
            self.buffers.append(bytearray(CHUNK))
            return memoryview(self.buffers[-1])
        return None

    def write(self, chunk: memoryview) -> None:
        lent_by_us = any(chunk.obj is buffer for buffer in self.buffers)
        self.file.write(self.span, chunk, self if lent_by_us else None)


def _reserve_space(fd: int, size: int) -> None:
    """Give the file its final size, with its disk space claimed up front where the file
    system can (a full disk fails before any byte is fetched, and writes then need no block
    allocation); a sparse file elsewhere."""
    if size == 0:
        return
    if hasattr(os, "posix_fallocate"):
        try:
            os.posix_fallocate(fd, 0, size)
            return
        except OSError as error:
            if error.errno == errno.ENOSPC:
                raise
    os.ftruncate(fd, size)


_seek_lock = threading.Lock()  # only where os.pwrite/os.pread are missing (Windows)


def _write_at(fd: int, chunk: memoryview, offset: int) -> None:
    """Write all of `chunk` at `offset` (positional: ranges write side by side)."""
    while chunk:
        if hasattr(os, "pwrite"):
            written = os.pwrite(fd, chunk, offset)
        else:  # pragma: no cover - Windows
            with _seek_lock:
                os.lseek(fd, offset, os.SEEK_SET)
                written = os.write(fd, chunk)
        chunk, offset = chunk[written:], offset + written


def _read_into(fd: int, buffer: memoryview, offset: int) -> memoryview:
    """Read up to len(buffer) bytes at `offset` into `buffer`; the part filled."""
    if hasattr(os, "preadv"):
        return buffer[: os.preadv(fd, [buffer], offset)]
    data = _read_at(fd, len(buffer), offset)  # pragma: no cover - no preadv
    buffer[: len(data)] = data
    return buffer[: len(data)]


def _read_at(fd: int, count: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, count, offset)
    with _seek_lock:  # pragma: no cover - Windows
        os.lseek(fd, offset, os.SEEK_SET)
        return os.read(fd, count)


def _content_range_starts_at(response: httpx.Response, offset: int) -> bool:
    content_range: str = response.headers.get("content-range", "")
    return content_range.startswith(f"bytes {offset}-")
