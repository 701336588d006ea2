"""The download flow: check the artifact, fetch its bytes into a temporary file beside the
target (one stream, or several byte ranges at once for big files), check the SHA-256 over
the whole file, then rename into place.

Ranged downloads (the s3transfer / AWS CRT technique): the file is cut into `part_size`
ranges, `concurrency` connections each GET one range into its place in the file (positional
writes, one reused buffer per connection, so memory stays bounded). The first range is
fetched alone and timed: when one connection is fast (loopback, a fast store), it fetches the
rest as one more range instead. A dropped range resumes
on its own from the byte where it stopped. The hash is computed in file order while the
ranges arrive: bytes at the hashing cursor are hashed as they are written, bytes ahead of it
are read back from the (page-cached) file when the cursor reaches them. Storage that ignores
`Range` (answers 200) gets one plain stream instead.

A failed or cancelled download leaves nothing at the target path and no temporary file.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import httpx
from luml_openapi.api.artifacts import get_artifact_download_url

from .._errors import FileDownloadError, InvalidArgumentError
from .._flow import Flow, Sleep, StreamToSink, blocking, call, in_parallel
from .._retry import RetryPolicy
from ..resources._artifact_calls import ArtifactPath, fetch_artifact
from ..types import Artifact, ArtifactStatus
from .progress import BaseProgressHandler
from .storage import describe_failure

MiB = 1 << 20
DEFAULT_PART_SIZE = 16 * MiB
"""Byte range fetched per request in a ranged download (`part_size=`)."""
MIN_PART_SIZE = 1 * MiB
HASH_READ = 1 * MiB
FAST_CONNECTION = 100 * MiB
"""Bytes per second at which one connection is fast enough to fetch the rest alone."""


@attrs.frozen
class DownloadPlan:
    """How to fetch: ranges of `part_size` over `concurrency` connections, or one stream
    (concurrency 1, or a file no bigger than one part)."""

    part_size: int = DEFAULT_PART_SIZE
    concurrency: int = 8

    def spans(self, size: int) -> list[Span]:
        if self.concurrency <= 1 or size <= self.part_size:
            return [Span(0, size, whole=True)]
        return [
            Span(start, min(start + self.part_size, size))
            for start in range(0, size, self.part_size)
        ]


def download_plan(part_size: int | None, concurrency: int) -> DownloadPlan:
    """The plan for the given (validated) options."""
    size = DEFAULT_PART_SIZE if part_size is None else part_size
    if size < MIN_PART_SIZE:
        raise InvalidArgumentError(f"part_size must be at least {MIN_PART_SIZE} bytes, got {size}")
    return DownloadPlan(size, max(1, concurrency))


def safe_file_name(server_name: str, artifact_id: str) -> str:
    """The base name of a server-given file name: no directories, no traversal."""
    name = Path(server_name.replace("\\", "/")).name
    return name if name not in ("", ".", "..") else f"artifact-{artifact_id}"


def target_path(
    file_path: str | os.PathLike[str] | None, server_name: str, artifact_id: str
) -> Path:
    """Where the download lands: `file_path`, inside it when it is a directory (a path ending
    in a separator always names a directory and is created if missing), or the artifact's
    (sanitised) file name in the current directory."""
    name = safe_file_name(server_name, artifact_id)
    if file_path is None:
        return Path.cwd() / name
    text = os.fspath(file_path)
    target = Path(text)
    if text.endswith(("/", os.sep)):
        _make_directory(target)
        return target / name
    if target.is_dir():
        return target / name
    if not target.parent.is_dir():
        raise FileDownloadError(
            f"cannot save to {target}: directory {target.parent} does not exist "
            "(end the path with / to have it created)"
        )
    return target


def _make_directory(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileDownloadError(
            f"cannot create directory {directory}: {error.strerror or error}"
        ) from error


@attrs.define
class Span:
    """Bytes [start, end) of the file; `got` of them are on disk."""

    start: int
    end: int
    whole: bool = False
    got: int = 0
    first_byte_at: float | None = None
    last_byte_at: float | None = None

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


class PartialFile:
    """The temporary file beside the target: positional writes, and a SHA-256 in file order
    computed by a hashing thread that reads back (from the page cache) what the connections
    have written. Receiving and hashing so run side by side, not one after the other."""

    def __init__(self, target: Path, size: int, progress: BaseProgressHandler) -> None:
        self.target = target
        self.size = size
        self.progress = progress
        self.temp = target.parent / f".{target.name}.{secrets.token_hex(4)}.part"
        self.fd: int | None = None
        self.spans: list[Span] = []
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self.digest = hashlib.sha256()
        self._cursor = 0
        self._cursor_span = 0
        self._generation = 0
        self._hasher: threading.Thread | None = None
        self._closing = False
        self._hash_error: BaseException | None = None

    def open(self, spans: list[Span]) -> None:
        """Create the file (exclusively) and size it; FileDownloadError says what to fix."""
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            self.fd = os.open(self.temp, flags, 0o644)
            if len(spans) > 1:
                os.ftruncate(self.fd, self.size)
        except OSError as error:
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

    def write(self, span: Span, chunk: memoryview) -> None:
        """Write at the span's next byte and tell the hashing thread."""
        count = len(chunk)
        if span.got + count > span.end - span.start:
            raise FileDownloadError("storage sent more bytes than the artifact has")
        _write_at(self._fd(), chunk, span.next_byte)
        with self._changed:
            span.got += count
            span.last_byte_at = time.monotonic()
            self._changed.notify_all()
        self.progress.update(count)

    def merge_rest(self, first: Span) -> Span:
        """Replace every span after `first` by one span covering them all."""
        with self._changed:
            rest = self.spans[self.spans.index(first) + 1 :]
            tail = Span(rest[0].start, rest[-1].end)
            self.spans = [*self.spans[: len(self.spans) - len(rest)], tail]
            return tail

    def _reachable(self) -> int:
        """The end of the written bytes that continue from the cursor (lock held)."""
        spans = self.spans
        while self._cursor_span < len(spans) and self._cursor >= spans[self._cursor_span].end:
            self._cursor_span += 1
        if self._cursor_span >= len(spans):
            return self._cursor
        span = spans[self._cursor_span]
        return span.next_byte if self._cursor >= span.start else self._cursor

    def _hash_loop(self) -> None:
        """The hashing thread: hash what is written, in file order, until closed."""
        buffer = memoryview(bytearray(HASH_READ))  # reused: no 1 MiB allocation per read
        try:
            while True:
                with self._changed:
                    while not self._closing and self._reachable() <= self._cursor:
                        self._changed.wait()
                    if self._closing:
                        return
                    generation, digest, start = self._generation, self.digest, self._cursor
                    count = min(HASH_READ, self._reachable() - start)
                data = _read_into(self._fd(), buffer[:count], start)
                if not data:
                    raise FileDownloadError("the temporary file got shorter during the download")
                digest.update(data)
                with self._changed:
                    if generation == self._generation:
                        self._cursor += len(data)
                        self._changed.notify_all()
        except BaseException as error:  # reported by finish_hash
            with self._changed:
                self._hash_error = error
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
            self._changed.notify_all()
        if self._hasher is not None:
            self._hasher.join()
            self._hasher = None
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)


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


@attrs.frozen
class SpanSink:
    """The sink a driver streams one span's body into."""

    file: PartialFile
    span: Span

    def begin(self, response: httpx.Response) -> None:
        self.file.begin(self.span, response)

    def write(self, chunk: memoryview) -> None:
        self.file.write(self.span, chunk)


def _content_range_starts_at(response: httpx.Response, offset: int) -> bool:
    content_range: str = response.headers.get("content-range", "")
    return content_range.startswith(f"bytes {offset}-")


def check_downloadable(artifact: Artifact) -> None:
    """Only an `uploaded` artifact has a complete file in storage; say what to do instead."""
    status = str(artifact.status)
    if status == ArtifactStatus.UPLOADED:
        return
    advice = {
        ArtifactStatus.PENDING_UPLOAD: "its upload has not finished; download it once the "
        "artifact is uploaded",
        ArtifactStatus.UPLOAD_FAILED: "its upload failed, so storage has no complete file; "
        "upload the file again",
        ArtifactStatus.PENDING_DELETION: "it is being deleted",
        ArtifactStatus.DELETION_FAILED: "its deletion failed and its file may be gone; "
        "delete it again (force=True removes the record)",
    }.get(status, "only uploaded artifacts can be downloaded")  # type: ignore[call-overload]
    raise FileDownloadError(
        f"artifact {artifact.name!r} ({artifact.id}) is {status}: {advice}; nothing was saved"
    )


def download_artifact(
    path: ArtifactPath,
    artifact_id: str,
    file_path: str | os.PathLike[str] | None,
    *,
    progress: BaseProgressHandler,
    policy: RetryPolicy,
    plan: DownloadPlan,
) -> Flow[Path]:
    """Download an artifact's file, verified against its SHA-256; returns where it landed."""
    artifact = yield from fetch_artifact(path, artifact_id)
    check_downloadable(artifact)
    answer = yield from call(get_artifact_download_url, **path.of_artifact(artifact_id))
    target = yield from blocking(lambda: target_path(file_path, artifact.file_name, artifact.id))
    sink = PartialFile(target, artifact.size, progress)  # its name is known before it exists
    progress.start(target.name, artifact.size)
    try:
        spans = plan.spans(artifact.size)
        yield from blocking(lambda: sink.open(spans))
        yield from fetch_spans(answer.url, sink, spans, plan.concurrency, policy)
        digest = yield from blocking(sink.finish_hash)
        if not sink.hashed_all() or digest != artifact.file_hash:
            raise FileDownloadError(
                f"{artifact.file_name}: the downloaded bytes do not match the artifact's SHA-256 "
                f"({digest} != {artifact.file_hash}); nothing was saved"
            )
        yield from blocking(sink.commit)
    except BaseException as error:
        yield from blocking(sink.discard)
        if isinstance(error, Exception) and not isinstance(error, FileDownloadError):
            raise FileDownloadError(f"downloading {artifact.file_name} failed: {error}") from error
        raise
    finally:
        progress.finish()
    return target


def fetch_spans(
    url: str, sink: PartialFile, spans: list[Span], concurrency: int, policy: RetryPolicy
) -> Flow[None]:
    """Fetch every span; fall back to one stream when storage ignores Range.

    The first range goes alone and is timed (its body only, so a store that is slow to
    answer is not mistaken for a slow connection). A connection that brought it at
    FAST_CONNECTION or more fetches the rest alone too: extra connections would only add
    requests (and, on a store that reads the whole object per range request, such as moto,
    a lot of work). A slower one gets company: the other ranges, `concurrency` at once.
    """
    first = spans[0]
    try:
        yield from fetch_span(url, sink, first, policy)
        if len(spans) == 1:
            return
        if first.body_rate() >= FAST_CONNECTION:
            yield from fetch_span(url, sink, sink.merge_rest(first), policy)
            return
        fetchers = [_span_fetcher(url, sink, span, policy) for span in spans[1:]]
        yield from in_parallel(fetchers, concurrency)
    except RangeIgnored:
        whole = Span(0, sink.size, whole=True)
        yield from blocking(lambda: sink.restart([whole]))
        yield from fetch_span(url, sink, whole, policy)


def _span_fetcher(
    url: str, sink: PartialFile, span: Span, policy: RetryPolicy
) -> Callable[[], Flow[None]]:
    return lambda: fetch_span(url, sink, span, policy)


def fetch_span(url: str, sink: PartialFile, span: Span, policy: RetryPolicy) -> Flow[None]:
    """GET one span into the file, resuming with Range after a dropped connection.

    A retry that follows progress starts at once with a fresh retry budget; one that follows
    no progress waits as the retry policy says, and gives up when it says so.
    """
    attempt = 0
    target = SpanSink(sink, span)
    while not span.done:
        start = span.got
        try:
            response = yield StreamToSink(url, _range_header(span), target)
        except httpx.TransportError as error:
            delay = policy.delay_after_error(attempt, error, idempotent=True)
            if delay is None:
                raise
        else:
            if response.is_success and span.remaining() == 0:
                break
            delay = _delay_after_answer(policy, attempt, response)
        if span.got > start:
            attempt, delay = 0, 0.0
        else:
            attempt += 1
        yield Sleep(delay)
    if span.got != span.end - span.start:
        raise FileDownloadError(
            f"storage sent {span.got} bytes of range {span.start}-{span.end - 1}"
        )


def _range_header(span: Span) -> dict[str, str]:
    """No Range for a fresh single stream (works with any storage); else the missing bytes."""
    if span.whole and span.got == 0:
        return {}
    last = "" if span.whole else str(span.end - 1)
    return {"Range": f"bytes={span.next_byte}-{last}"}


def _delay_after_answer(policy: RetryPolicy, attempt: int, response: httpx.Response) -> float:
    """How long to wait after an answer that did not finish the span (or raise)."""
    if response.is_success:  # the body ended early without an error
        delay = policy.delay_after_error(
            attempt, httpx.ReadError("body ended early"), idempotent=True
        )
    else:
        delay = policy.delay_after_status(
            attempt, response.status_code, response.headers, idempotent=True
        )
    if delay is None:
        raise FileDownloadError(_storage_refusal(response))
    return delay


def _storage_refusal(response: httpx.Response) -> str:
    message = describe_failure(response, "downloading the file")
    if response.status_code == 404:
        message += (
            " (the artifact is marked uploaded but storage has no file for it: the object was "
            "removed from the bucket outside LUML)"
        )
    return message
