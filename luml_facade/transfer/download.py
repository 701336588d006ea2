"""The download flow: check the artifact, fetch its bytes into a temporary file beside the
target (one stream, or several byte ranges at once for big files), check the SHA-256 over
the whole file, then rename into place.

Ranged downloads (the s3transfer / AWS CRT technique): the file is cut into `part_size`
ranges, `concurrency` connections each GET one range into its place in the file. The first
range is fetched alone and timed: when one connection is fast (loopback, a fast store), it
fetches the rest as one more range instead. A dropped range resumes on its own from the byte
where it stopped. The SHA-256 is taken in file order while the bytes arrive, with bounded
memory (see partial.py). Storage that ignores `Range` (answers 200) gets one plain stream.

A failed or cancelled download leaves nothing at the target path and no temporary file.
"""

from __future__ import annotations

import os
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
from .partial import PartialFile, RangeIgnored, Span, SpanSink
from .progress import BaseProgressHandler
from .storage import describe_failure

MiB = 1 << 20
DEFAULT_PART_SIZE = 16 * MiB
"""Byte range fetched per request in a ranged download (`part_size=`)."""
MIN_PART_SIZE = 1 * MiB
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
