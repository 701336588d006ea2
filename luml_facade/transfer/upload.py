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
from luml_openapi.api.artifacts import create_artifact
from luml_openapi.models import ArtifactCreate, ArtifactStatusUpdate, FileIndex

from .._errors import (
    APIConnectionError,
    APIStatusError,
    BadRequestError,
    ConfigurationError,
    FileUploadError,
    InvalidArgumentError,
)
from .._flow import Flow, StorageRequest, blocking, call, in_parallel, storage
from .._version import __version__
from ..resources._artifact_calls import ArtifactPath, fetch_artifact, free_form, set_status
from ..resources.bucket_secrets import fetch_multipart_urls
from ..types import (
    Artifact,
    ArtifactStatus,
    CreatedArtifact,
    MultiPartUploadDetails,
    PartDetails,
    UploadDetails,
    adopt,
)
from ._window import ChunkCheck, FileWindow
from .inspect import CHECK_CHUNK, ArtifactFile, inspect_file
from .journal import Held
from .progress import BaseProgressHandler, call_handler
from .repair import Recorder
from .storage import (
    AZURE_BLOCK_BLOB,
    azure_block_id,
    block_list_body,
    check_completed,
    complete_multipart_body,
    describe_failure,
    etag_from,
    upload_id_from,
)

Progress = Callable[[int], None]


def upload_artifact(
    path: ArtifactPath,
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
    path: ArtifactPath,
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
    path: ArtifactPath,
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
        progress.finish()
    except Exception as error:
        if outcome is not None:
            outcome.add_note(f"the progress handler's finish() raised too: {error!r}")
        else:
            warnings.warn(
                f"the upload succeeded, but the progress handler's finish() raised {error!r}",
                RuntimeWarning,
                stacklevel=2,
            )


def _upload_error(error: BaseException, file_name: str, artifact_id: str) -> BaseException:
    """What the caller sees: a FileUploadError, or Ctrl-C / cancellation as they are."""
    if isinstance(error, FileUploadError) or not isinstance(error, Exception):
        return error
    return FileUploadError(f"uploading {file_name} (artifact {artifact_id}) failed: {error}")


def mark_uploaded(path: ArtifactPath, artifact_id: str) -> Flow[Artifact]:
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
    path: ArtifactPath,
    info: ArtifactFile,
    name: str,
    description: str | None,
    tags: builtins.list[str] | None,
) -> Flow[CreatedArtifact]:
    """Create the artifact record (pending_upload) for an inspected file."""
    index = FileIndex()
    index.additional_properties = {key: list(span) for key, span in info.file_index.items()}
    body = ArtifactCreate(
        file_name=info.file_name,
        name=name,
        description=description,
        extra_values=free_form(info.extra_values),
        manifest=free_form(info.manifest),
        file_hash=info.file_hash,
        file_index=index,
        size=info.size,
        tags=tags,
    )
    created = yield from call(create_artifact, idempotent=False, **path.of_collection(), body=body)
    return adopt(CreatedArtifact, created)


def mark_failed(
    path: ArtifactPath, artifact_id: str, cause: BaseException, held: Held | None
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
    """Move the file's bytes as the upload details say (S3 or Azure, whole or in parts)."""
    kind = getattr(details.type, "value", details.type)
    if kind not in ("s3", "azure"):
        raise FileUploadError(
            f"the server asked for a {kind!r} upload, which luml-facade {__version__} does not "
            "support: upgrade luml-facade"
        )
    if details.multipart and kind == "s3":
        yield from s3_multipart(details, info, concurrency, on_progress)
    elif details.multipart:
        yield from azure_blocks(details, info, concurrency, on_progress)
    else:
        extra = AZURE_BLOCK_BLOB if kind == "azure" else {}
        yield from put_window(
            _url(details),
            FileWindow(info.path, 0, info.size, on_progress, _check(info)),
            extra,
            "uploading the file",
        )


def put_window(url: str, window: FileWindow, extra: dict[str, str], action: str) -> Flow[Any]:
    """PUT a window of the file (streamed, explicit Content-Length); returns the answer."""
    headers = {"Content-Length": str(window.size), **extra}
    response = yield from storage(StorageRequest("PUT", url, headers, window))
    if not response.is_success:
        raise FileUploadError(describe_failure(response, action))
    return response


def s3_multipart(
    details: UploadDetails, info: ArtifactFile, concurrency: int, on_progress: Progress
) -> Flow[None]:
    """Initiate, upload the parts in parallel, complete with the ordered ETags."""
    # Initiating is retried like any idempotent request: if a lost answer means S3 did start
    # an upload, that abandoned upload id holds no parts (parts go only to the id we got) and
    # can never be completed, so it cannot overwrite the object; it costs nothing but an
    # entry that the bucket's AbortIncompleteMultipartUpload lifecycle rule clears.
    started = yield from storage(StorageRequest("POST", _url(details)))
    upload_id = upload_id_from(started)
    urls = yield from _part_urls(details, info, upload_id)
    etags = yield from in_parallel(
        [_part_uploader(part, info, on_progress, {}, with_etag=True) for part in urls.parts],
        concurrency,
    )
    body = complete_multipart_body(etags)
    headers = {"Content-Type": "application/xml"}
    response = yield from storage(StorageRequest("POST", _url(urls, "complete_url"), headers, body))
    check_completed(response)


def azure_blocks(
    details: UploadDetails, info: ArtifactFile, concurrency: int, on_progress: Progress
) -> Flow[None]:
    """Put every block in parallel, then commit the block list in order."""
    urls = yield from _part_urls(details, info, None)
    yield from in_parallel(
        [
            _part_uploader(part, info, on_progress, AZURE_BLOCK_BLOB, with_etag=False)
            for part in urls.parts
        ],
        concurrency,
    )
    block_ids = [
        azure_block_id(part.url) for part in sorted(urls.parts, key=lambda part: part.part_number)
    ]
    headers = {"Content-Type": "application/xml"}
    response = yield from storage(
        StorageRequest("PUT", _url(urls, "complete_url"), headers, block_list_body(block_ids))
    )
    if not response.is_success:
        raise FileUploadError(describe_failure(response, "committing the block list"))


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


def _part_uploader(
    part: PartDetails,
    info: ArtifactFile,
    on_progress: Progress,
    extra: dict[str, str],
    *,
    with_etag: bool,
) -> Callable[[], Flow[tuple[int, str]]]:
    def upload_part() -> Flow[tuple[int, str]]:
        window = FileWindow(
            info.path,
            part.start_byte,
            part.end_byte - part.start_byte + 1,
            on_progress,
            _check(info),
        )
        response = yield from put_window(
            part.url, window, extra, f"uploading part {part.part_number}"
        )
        return part.part_number, etag_from(response, part.part_number) if with_etag else ""

    return upload_part


def _check(info: ArtifactFile) -> ChunkCheck | None:
    if not info.chunk_crcs:
        return None
    return ChunkCheck(info.file_name, info.size, info.chunk_crcs, CHECK_CHUNK)


def _url(details: Any, field: str = "url") -> str:
    url = getattr(details, field)
    if not url:
        raise FileUploadError(f"the server's upload details have no {field}")
    return str(url)
