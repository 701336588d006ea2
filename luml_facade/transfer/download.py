"""The download flow: stream to a temporary file beside the target, resume a dropped
connection with a Range request, check the SHA-256, then rename into place.

A failed download leaves nothing at the target path (and no temporary file either).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import IO

import httpx
from luml_openapi.api.artifacts import get_artifact_download_url

from .._errors import FileDownloadError
from .._flow import Flow, Sleep, StreamToSink, blocking, call
from .._retry import RetryPolicy
from ..resources._artifact_calls import ArtifactPath, fetch_artifact
from .progress import BaseProgressHandler
from .storage import describe_failure


def safe_file_name(server_name: str, artifact_id: str) -> str:
    """The base name of a server-given file name: no directories, no traversal."""
    name = Path(server_name.replace("\\", "/")).name
    return name if name not in ("", ".", "..") else f"artifact-{artifact_id}"


def target_path(
    file_path: str | os.PathLike[str] | None, server_name: str, artifact_id: str
) -> Path:
    """Where the download lands: `file_path`, inside it when it is a directory, or the
    artifact's (sanitised) file name in the current directory."""
    name = safe_file_name(server_name, artifact_id)
    if file_path is None:
        return Path.cwd() / name
    target = Path(file_path)
    if target.is_dir():
        return target / name
    if not target.parent.is_dir():
        raise FileDownloadError(
            f"cannot save to {target}: directory {target.parent} does not exist"
        )
    return target


class PartialFile:
    """A temporary file beside the target that hashes what is written and reports progress."""

    def __init__(self, target: Path, progress: BaseProgressHandler) -> None:
        self.target = target
        self.progress = progress
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
        self.temp = Path(name)
        self.handle: IO[bytes] = os.fdopen(handle, "wb")
        self.digest = hashlib.sha256()
        self.written = 0

    def begin(self, response: httpx.Response) -> None:
        """Called before a body is written: a full (200) answer starts the file over."""
        if response.status_code == 200 and self.written:
            self.progress.update(-self.written)
            self.handle.seek(0)
            self.handle.truncate()
            self.digest, self.written = hashlib.sha256(), 0
        elif response.status_code == 206 and not _starts_at(response, self.written):
            raise FileDownloadError("storage answered the resumed download from the wrong offset")

    def write(self, chunk: bytes) -> None:
        self.handle.write(chunk)
        self.digest.update(chunk)
        self.written += len(chunk)
        self.progress.update(len(chunk))

    def commit(self) -> None:
        self.handle.close()
        os.replace(self.temp, self.target)

    def discard(self) -> None:
        self.handle.close()
        self.temp.unlink(missing_ok=True)


def _starts_at(response: httpx.Response, offset: int) -> bool:
    content_range: str = response.headers.get("content-range", "")
    return content_range.startswith(f"bytes {offset}-")


def download_artifact(
    path: ArtifactPath,
    artifact_id: str,
    file_path: str | os.PathLike[str] | None,
    *,
    progress: BaseProgressHandler,
    policy: RetryPolicy,
) -> Flow[Path]:
    """Download an artifact's file, verified against its SHA-256; returns where it landed."""
    artifact = yield from fetch_artifact(path, artifact_id)
    answer = yield from call(get_artifact_download_url, **path.of_artifact(artifact_id))
    sink = yield from blocking(
        lambda: PartialFile(target_path(file_path, artifact.file_name, artifact.id), progress)
    )
    target = sink.target
    progress.start(target.name, artifact.size)
    try:
        yield from fetch_into(answer.url, sink, artifact.size, policy)
        if sink.digest.hexdigest() != artifact.file_hash:
            raise FileDownloadError(
                f"{artifact.file_name}: the downloaded bytes do not match the artifact's SHA-256 "
                f"({sink.digest.hexdigest()} != {artifact.file_hash}); nothing was saved"
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


def fetch_into(url: str, sink: PartialFile, size: int, policy: RetryPolicy) -> Flow[None]:
    """GET the object into `sink`, resuming with Range after a dropped connection.

    A retry that follows progress starts at once with a fresh retry budget; one that follows
    no progress waits as the retry policy says, and gives up when it says so.
    """
    attempt = 0
    while True:
        start = sink.written
        headers = {"Range": f"bytes={start}-"} if start else {}
        try:
            response = yield StreamToSink(url, headers, sink)
        except httpx.TransportError as error:
            delay = policy.delay_after_error(attempt, error, idempotent=True)
            if delay is None:
                raise
        else:
            if response.is_success and sink.written >= size:
                break
            delay = _delay_after_answer(policy, attempt, response)
        if sink.written > start:
            attempt, delay = 0, 0.0
        else:
            attempt += 1
        yield Sleep(delay)
    if sink.written != size:
        raise FileDownloadError(f"storage sent {sink.written} bytes, the artifact has {size}")


def _delay_after_answer(policy: RetryPolicy, attempt: int, response: httpx.Response) -> float:
    """How long to wait after an answer that did not finish the download (or raise)."""
    if response.is_success:  # the body ended early without an error
        delay = policy.delay_after_error(
            attempt, httpx.ReadError("body ended early"), idempotent=True
        )
    else:
        delay = policy.delay_after_status(
            attempt, response.status_code, response.headers, idempotent=True
        )
    if delay is None:
        raise FileDownloadError(describe_failure(response, "downloading the file"))
    return delay
