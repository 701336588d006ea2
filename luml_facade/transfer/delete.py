"""The delete flow: get the delete URL (the server marks the artifact pending_deletion),
delete the stored object through it, then confirm the deletion with the server.

Whatever happens after the server marked the artifact, the caller gets a FileDeleteError that
says where things stand, and the artifact does not stay pending_deletion: it is marked
deletion_failed at once, or, when even that is impossible (API down, process killed), by the
next call of a client with this key on this machine (the transfer journal).
"""

from __future__ import annotations

import httpx
from luml_openapi.models import ArtifactStatusUpdate

from .._errors import APIStatusError, FileDeleteError, LumlAPIError
from .._flow import Flow, StorageRequest, storage
from ..calls import artifacts
from ..calls._route import Route
from ..calls.artifacts import set_status
from ..storage import GONE_CODES, describe_failure, storage_error
from .journal import Held
from .repair import Recorder

DELETED_STATUSES = frozenset({200, 202, 204})


def delete_artifact(path: Route, artifact_id: str, *, force: bool, record: Recorder) -> Flow[None]:
    """Delete the stored file and the record; with `force`, only the record, whatever its
    status. A failed storage delete marks the artifact deletion_failed and raises."""
    if force:
        yield from artifacts.force_delete(path, artifact_id)
        return
    held = record.begin_delete(path, artifact_id)  # inline: a cancellation can't lose it
    try:
        yield from _delete(path, artifact_id, held)
    finally:
        if held is not None:
            held.release()  # a no-op once removed; otherwise a leftover for the next client


def _delete(path: Route, artifact_id: str, held: Held | None) -> Flow[None]:
    try:
        url = yield from artifacts.delete_url(path, artifact_id)
    except APIStatusError:
        if held is not None:
            held.remove()  # the server answered: nothing was marked
        raise
    try:
        failure = yield from _delete_object(url)
    except BaseException as error:  # Ctrl-C, cancellation: settle the record first
        note = yield from _mark_failed(path, artifact_id, held)
        error.add_note(f"artifact {artifact_id}: the delete was interrupted; {note}")
        raise
    if failure:
        note = yield from _mark_failed(path, artifact_id, held)
        raise FileDeleteError(f"{failure}; {note}")
    if held is not None:
        held.update(phase="object_deleted")
    try:
        yield from artifacts.confirm_deletion(path, artifact_id)
    except LumlAPIError as error:
        raise FileDeleteError(
            f"the stored file of artifact {artifact_id} was deleted, but the server did not "
            f"confirm the deletion ({error}); the record is removed by the next call of a "
            "luml-facade client with this API key on this machine, or call delete() again"
        ) from error
    if held is not None:
        held.remove()


def _mark_failed(path: Route, artifact_id: str, held: Held | None) -> Flow[str]:
    """Mark the artifact deletion_failed; returns what the caller should be told."""
    try:
        yield from set_status(path, artifact_id, ArtifactStatusUpdate.DELETION_FAILED)
    except Exception as error:
        if held is None:
            later = (
                "the local transfer journal is not usable, so nothing marks it by itself: "
                "call delete() again"
            )
        else:
            later = (
                "the next call of a luml-facade client with this API key on this machine checks "
                "its record and, if it is still pending_deletion, marks it deletion_failed; "
                "then call delete() again"
            )
        return f"marking artifact {artifact_id} deletion_failed failed too ({error}): {later}"
    if held is not None:
        held.remove()
    return f"artifact {artifact_id} was marked deletion_failed: call delete() again to retry"


def _delete_object(url: str) -> Flow[str]:
    """Delete the object; returns what went wrong, or "" when it is gone."""
    try:
        response = yield from storage(StorageRequest("DELETE", url))
    except httpx.TransportError as error:
        return f"deleting the stored file failed: {type(error).__name__}: {error}"
    if response.status_code in DELETED_STATUSES:
        return ""
    code, _ = storage_error(response.content)
    if response.status_code == 404 and code in GONE_CODES:
        return ""  # already gone
    failure = describe_failure(response, "deleting the stored file")
    if response.status_code == 404:
        failure += " (the stored file may still exist: check the bucket and its secret)"
    return failure
