"""The upload flow: inspect the file, create the record, move the bytes, mark the outcome.

Whatever fails after the record exists (storage error, timeout, Ctrl-C, cancellation), the
artifact is marked `upload_failed` before the error reaches the caller. What the client cannot
settle in the moment (the create's answer lost, the API down, the process killed) stays in the
local journal (`journal.py`) and is settled by the next client call (`repair.py`).
"""

from __future__ import annotations

import builtins
import warnings
from collections.abc import Callable
from typing import Any

import httpx
from luml_openapi.models import ArtifactStatusUpdate

from .._errors import (
    APIConnectionError,
    APIStatusError,
    BadRequestError,
    ConfigurationError,
    FileUploadError,
    InvalidArgumentError,
)
from .._file_window import ChunkCheck, FileWindow
from .._flow import Flow, blocking, in_parallel
from ..calls import artifacts
from ..calls._route import Route
from ..calls.artifacts import fetch_artifact, set_status
from ..calls.bucket_secrets import fetch_multipart_urls
from ..storage import Backend, Token, backend_for
from ..types import (
    Artifact,
    ArtifactStatus,
    CreatedArtifact,
    MultiPartUploadDetails,
    PartDetails,
    UploadDetails,
)
from .inspect import CHECK_CHUNK, ArtifactFile, inspect_file
from .journal import Held
from .progress import BaseProgressHandler, call_handler, end_progress
from .repair import Recorder

Progress = Callable[[int], None]


def upload_artifact(
    path: Route,
    file_path: str,
    name: str | None,
    description: str | None,
    tags: builtins.list[str] | None,
    *,
    concurrency: int,
    progress: BaseProgressHandler,
    record: Recorder,
) -> Flow[Artifact]:
    """Upload a file as a new artifact and return it, marked `uploaded`.

    The transfer is recorded in the local journal from before the create call until its
    outcome is settled on the server, so whatever interrupts it, a later client repairs it.
    """
    info = yield from blocking(lambda: inspect_file(file_path))
    display_name = name or info.file_name
    # inline, not in a worker thread: a cancellation must never lose the held entry
    held = record.begin_upload(path, info, display_name)
    try:
        created = yield from _create(path, info, display_name, description, tags, held)
        uploaded = yield from _transfer(path, created, info, concurrency, progress, held)
    finally:
        if held is not None:
            held.release()  # a no-op once removed; otherwise a leftover for the next client
    return uploaded


def _create(
    path: Route,
    info: ArtifactFile,
    name: str,
    description: str | None,
    tags: builtins.list[str] | None,
    held: Held | None,
) -> Flow[CreatedArtifact]:
    try:
        created = yield from create_record(path, info, name, description, tags)
    except BaseException as error:
        if held is not None and nothing_created(error):
            held.remove()
        raise
    if held is not None:
        held.update(artifact_id=created.artifact.id, phase="created")
    return created


def nothing_created(error: BaseException) -> bool:
    """Whether a failed create certainly created nothing: the server answered with an error,
    or the request never left (bad argument, connection refused)."""
    if isinstance(error, APIStatusError | InvalidArgumentError | ConfigurationError):
        return True
    cause = error.__cause__
    return isinstance(error, APIConnectionError) and isinstance(
        cause, httpx.ConnectError | httpx.ConnectTimeout
    )


def _transfer(
    path: Route,
    created: CreatedArtifact,
    info: ArtifactFile,
    concurrency: int,
    progress: BaseProgressHandler,
    held: Held | None,
) -> Flow[Artifact]:
    """Move the bytes and mark the outcome; on any failure mark upload_failed first."""
    artifact_id = created.artifact.id
    try:
        call_handler(progress.start, "start", FileUploadError, info.file_name, info.size)
        yield from send_file(created.upload_details, info, concurrency, progress.update)
        if held is not None:
            held.update(phase="stored")
        uploaded: Artifact = yield from mark_uploaded(path, artifact_id)
    except BaseException as error:
        raised = _upload_error(error, info.file_name, artifact_id)
        marked = yield from mark_failed(path, artifact_id, raised, held)
        if marked and held is not None:
            held.remove()
        _finish(progress, raised)
        if raised is error:
            raise
        raise raised from error
    if held is not None:
        held.remove()
    _finish(progress, None)
    return uploaded


def _finish(progress: BaseProgressHandler, outcome: BaseException | None) -> None:
    """Call `progress.finish()` without letting it hide the real outcome: on a failure its
    error becomes a note on the real one; after a success, a warning."""
    try:
        end_progress(progress)
    except Exception as error:
        if outcome is not None:
            outcome.add_note(f"the progress handler's finish() raised too: {error!r}")
        else:
            warnings.warn(
                f"the upload succeeded, but the progress handler's finish() raised {error!r}",
                RuntimeWarning,
                stacklevel=2,  # pragma: no mutate
            )


def _upload_error(error: BaseException, file_name: str, artifact_id: str) -> BaseException:
    """What the caller sees: a FileUploadError, or Ctrl-C / cancellation as they are."""
    if isinstance(error, FileUploadError) or not isinstance(error, Exception):
        return error
    return FileUploadError(f"uploading {file_name} (artifact {artifact_id}) failed: {error}")


def mark_uploaded(path: Route, artifact_id: str) -> Flow[Artifact]:
    """Mark the artifact uploaded. If the server says it already is (the answer to an earlier
    attempt was lost), that is success too."""
    try:
        return (yield from set_status(path, artifact_id, ArtifactStatusUpdate.UPLOADED))
    except BadRequestError:
        current = yield from fetch_artifact(path, artifact_id)
        if current.status != ArtifactStatus.UPLOADED:
            raise
        return current


def create_record(
    path: Route,
    info: ArtifactFile,
    name: str,
    description: str | None,
    tags: builtins.list[str] | None,
) -> Flow[CreatedArtifact]:
    """Create the artifact record (pending_upload) for an inspected file."""
    created: CreatedArtifact = yield from artifacts.create(
        path,
        file_name=info.file_name,
        name=name,
        description=description,
        extra_values=info.extra_values,
        manifest=info.manifest,
        file_hash=info.file_hash,
        file_index=info.file_index,
        size=info.size,
        tags=tags,
    )
    return created


def mark_failed(
    path: Route, artifact_id: str, cause: BaseException, held: Held | None
) -> Flow[bool]:
    """Mark the artifact upload_failed; True when the server holds that outcome. If it could
    not be marked, say on the original error what will happen to it (the journal entry stays
    for a repair)."""
    try:
        yield from set_status(path, artifact_id, ArtifactStatusUpdate.UPLOAD_FAILED)
    except Exception as error:  # the original failure is what the caller must see
        cause.add_note(
            f"artifact {artifact_id} could not be marked upload_failed now ({error}); "
            + _what_happens_next(held)
        )
        return False
    return True


def _what_happens_next(held: Held | None) -> str:
    """What settles an upload whose outcome could not be recorded on the server."""
    if held is None:
        return (
            "the local transfer journal is not usable, so nothing marks it by itself: call "
            "luml.artifacts.repair_pending() later, which marks it upload_failed"
        )
    if held.entry.phase == "stored":
        outcome = "uploaded (every byte of the file was stored)"
    else:
        outcome = "upload_failed (upload the file again)"
    return (
        "the next call of a luml-facade client with this API key on this machine checks its "
        f"record and, if it is still pending_upload, marks it {outcome}; if it is no longer "
        "pending_upload it is left as it is (luml.artifacts.repair_pending() does this now)"
    )


def send_file(
    details: UploadDetails, info: ArtifactFile, concurrency: int, on_progress: Progress
) -> Flow[None]:
    """Move the file's bytes as the upload details say: whole, or in parts sent in parallel
    and then completed (the backend of `details.type` knows how)."""
    backend = backend_for(details.type)
    if not details.multipart:
        window = FileWindow(info.path, 0, info.size, on_progress, _check(info))
        yield from backend.send(_url(details), window, "uploading the file")
        return
    upload_id = yield from backend.start(details.url)
    urls = yield from _part_urls(details, info, upload_id)
    tokens = yield from in_parallel(
        [_part_sender(backend, part, info, on_progress) for part in urls.parts], concurrency
    )
    yield from backend.complete(_url(urls, "complete_url"), tokens)


def _part_urls(
    details: UploadDetails, info: ArtifactFile, upload_id: str | None
) -> Flow[MultiPartUploadDetails]:
    if details.bucket_secret_id is None or details.bucket_location is None:
        raise FileUploadError("the server's upload details name no bucket for the multipart upload")
    urls = yield from fetch_multipart_urls(
        details.bucket_secret_id, details.bucket_location, info.size, upload_id
    )
    _check_coverage(urls.parts, info.size)
    return urls


def _check_coverage(parts: builtins.list[PartDetails], size: int) -> None:
    """The parts must cover the file exactly, in order, with no gap or overlap."""
    expected_start = 0
    for part in sorted(parts, key=lambda part: part.part_number):
        if part.start_byte != expected_start or part.end_byte < part.start_byte:
            raise FileUploadError(
                f"the server's part {part.part_number} does not continue the previous one"
            )
        expected_start = part.end_byte + 1
    if expected_start != size:
        raise FileUploadError(f"the server's parts cover {expected_start} of {size} bytes")


def _part_sender(
    backend: Backend, part: PartDetails, info: ArtifactFile, on_progress: Progress
) -> Callable[[], Flow[Token]]:
    def send_part() -> Flow[Token]:
        size = part.end_byte - part.start_byte + 1
        window = FileWindow(info.path, part.start_byte, size, on_progress, _check(info))
        return (yield from backend.send_part(part.part_number, part.url, window))

    return send_part


def _check(info: ArtifactFile) -> ChunkCheck | None:
    if not info.chunk_crcs:
        return None
    return ChunkCheck(info.file_name, info.size, info.chunk_crcs, CHECK_CHUNK)


def _url(details: Any, field: str = "url") -> str:
    url = getattr(details, field)
    if not url:
        raise FileUploadError(f"the server's upload details have no {field}")
    return str(url)
