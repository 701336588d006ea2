"""The download flow: check the artifact, fetch its bytes into a temporary file beside the
target (one stream, or several byte ranges at once for big files), check the SHA-256 over
the whole file, then rename into place.

Ranged downloads (the s3transfer / AWS CRT technique): a plain GET of the whole file goes
first and is timed over its first `part_size` bytes. A fast connection (loopback, a fast
store) brings the whole file alone. A clearly slower one is stopped there (one in between is
timed again over four parts: a fast stream that stalled for a moment goes on), and the rest
is cut into
`part_size` ranges that `concurrency` connections each GET into their place in the file,
once the first range, fetched alone, shows that ranges are answered at a useful speed (a
store that reads the whole object for every range, such as stock moto, gets the rest in one
ranged GET instead).
A dropped range resumes on its own from the byte
where it stopped. The SHA-256 is taken in file order while the bytes arrive, with bounded
memory (see partial.py). Storage that ignores `Range` (answers 200) gets one plain stream.

A failed or cancelled download leaves nothing at the target path and no temporary file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import attrs
import httpx

from .._errors import FileDownloadError, InvalidArgumentError
from .._flow import Flow, Sleep, StreamToSink, blocking, in_parallel
from .._retry import RetryPolicy
from ..calls import artifacts
from ..calls._route import Route
from ..storage import describe_failure
from ..types import Artifact, ArtifactStatus
from .partial import ConnectionTooSlow, MiB, PartialFile, Probe, RangeIgnored, Span, SpanSink
from .progress import BaseProgressHandler, call_handler, end_progress

T = TypeVar("T")

DEFAULT_PART_SIZE = 16 * MiB
"""Byte range fetched per request in a ranged download (`part_size=`)."""
MIN_PART_SIZE = 1 * MiB
FAST_CONNECTION = 100 * MiB
"""Bytes per second at which one connection is fast enough to fetch the rest alone."""
RANGE_WORTH = 0.5
"""The share of the probed stream's speed the first range must reach (request to last byte)
for the rest to come in parallel ranges; below it the rest comes in one ranged GET."""


@attrs.frozen
class DownloadPlan:
    """How to fetch: one stream, timed over its first `part_size` bytes (and again over four
    when undecided, see partial.Probe); when that is slower than FAST_CONNECTION, the stream
    stops there and the rest comes in ranges of `part_size`
    over `concurrency` connections (concurrency 1, or a file no bigger than one part: one
    stream, untimed)."""

    part_size: int = DEFAULT_PART_SIZE
    concurrency: int = 8

    def first_span(self, size: int) -> Span:
        """The whole file, as one stream (probed when ranges may follow)."""
        ranged = self.concurrency > 1 and size > self.part_size
        probe = Probe(self.part_size, FAST_CONNECTION) if ranged else None
        return Span(0, size, whole=True, probe=probe)

    def spans_after(self, start: int, size: int) -> list[Span]:
        """Ranges covering [start, size), cut at multiples of `part_size`."""
        cuts = [start, *range((start // self.part_size + 1) * self.part_size, size, self.part_size)]
        return [Span(first, end) for first, end in zip(cuts, [*cuts[1:], size], strict=True)]


def download_plan(part_size: int | None, concurrency: int) -> DownloadPlan:
    """The plan for the given (validated) options."""
    size = DEFAULT_PART_SIZE if part_size is None else part_size
    if size < MIN_PART_SIZE:
        raise InvalidArgumentError(f"part_size must be at least {MIN_PART_SIZE} bytes, got {size}")
    return DownloadPlan(size, max(1, concurrency))


def safe_file_name(server_name: str, artifact_id: str) -> str:
    """The base name of a server-given file name: no directories, no traversal."""
    name = Path(server_name.replace("\\", "/")).name
    return name if name not in ("", "..") else f"artifact-{artifact_id}"  # Path drops "."


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
    route: Route,
    artifact_id: str,
    file_path: str | os.PathLike[str] | None,
    *,
    progress: BaseProgressHandler,
    policy: RetryPolicy,
    plan: DownloadPlan,
) -> Flow[Path]:
    """Download an artifact's file, verified against its SHA-256; returns where it landed."""
    artifact, url = yield from artifact_and_url(route, artifact_id)
    target = yield from blocking(lambda: target_path(file_path, artifact.file_name, artifact.id))
    sink = PartialFile(target, artifact.size, progress)  # its name is known before it exists
    call_handler(progress.start, "start", FileDownloadError, target.name, artifact.size)
    try:
        first = plan.first_span(artifact.size)
        yield from blocking(lambda: sink.open([first]))
        yield from fetch_spans(url, sink, first, plan, policy)
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
        end_progress(progress)
    return target


def artifact_and_url(route: Route, artifact_id: str) -> Flow[tuple[Artifact, str]]:
    """The artifact's record and a download URL, asked for at once (one round trip before
    the bytes start, not two). The record's own error comes first, then check_downloadable's;
    the URL's error counts only for an artifact that can be downloaded."""
    both: list[Any] = yield from in_parallel(
        [
            lambda: artifacts.fetch_artifact(route, artifact_id),
            lambda: _kept_error(artifacts.download_url(route, artifact_id)),
        ],
        2,
    )
    record: Artifact = both[0]
    answer: str | Exception = both[1]
    check_downloadable(record)
    if isinstance(answer, Exception):
        raise answer
    return record, answer


def _kept_error(flow: Flow[T]) -> Flow[T | Exception]:
    """The flow's result, or the exception it raised (returned, not raised)."""
    try:
        return (yield from flow)
    except Exception as error:
        return error


def fetch_spans(
    url: str, sink: PartialFile, first: Span, plan: DownloadPlan, policy: RetryPolicy
) -> Flow[None]:
    """Fetch the file: one plain GET first, timed over its first part (body only, so a store
    that is slow to answer is not mistaken for a slow connection). A connection that keeps
    up FAST_CONNECTION fetches the whole file: on loopback or a fast store, extra connections
    would only add requests (and, on a store that reads the whole object for every request,
    such as moto, a lot of work). A slower one is stopped after its first part; the next
    part is fetched alone and timed from its request, and when ranges pay (`ranges_pay`) the
    rest comes in ranges, `plan.concurrency` at once, else in one ranged GET. Storage that
    ignores Range gets one plain stream of the whole file instead.
    """
    try:
        yield from fetch_span(url, sink, first, policy)
        return
    except ConnectionTooSlow:
        pass
    try:
        rest = plan.spans_after(first.end, sink.size)
        trial, others = rest[0], rest[1:]
        yield from blocking(lambda: sink.add_spans([trial]))
        started = time.monotonic()
        yield from fetch_span(url, sink, trial, policy)
        if others and not ranges_pay(trial, time.monotonic() - started, first):
            others = [Span(trial.end, sink.size)]  # the rest in one ranged GET
        yield from blocking(lambda: sink.add_spans(others))
        fetchers = [_span_fetcher(url, sink, span, policy) for span in others]
        yield from in_parallel(fetchers, plan.concurrency)
    except RangeIgnored:
        whole = Span(0, sink.size, whole=True)
        yield from blocking(lambda: sink.restart([whole]))
        yield from fetch_span(url, sink, whole, policy)


def ranges_pay(trial: Span, seconds: float, first: Span) -> bool:
    """Whether parallel ranges are worth it: the first range, timed from its request (so a
    store that is slow to answer ranges counts), ran at RANGE_WORTH of the probed stream's
    speed or more. Stock moto reads the whole object for every GET, so there a range of a big
    file answers slowly, and parallel ranges would be slower than one stream."""
    rate = (trial.end - trial.start) / seconds if seconds > 0 else float("inf")
    return rate >= RANGE_WORTH * first.body_rate()


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
    if span.remaining():  # never, unless a change above breaks the loop: fail, do not hang
        raise FileDownloadError(
            f"storage sent {span.got} bytes of {span.start}-{span.end - 1}"  # pragma: no mutate
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
