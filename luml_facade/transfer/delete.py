"""The delete flow: get the delete URL (the server marks the artifact pending_deletion),
delete the stored object through it, then confirm the deletion with the server."""

from __future__ import annotations

import httpx
from luml_openapi.api.artifacts import (
    delete_artifact as confirm_deletion,
)
from luml_openapi.api.artifacts import (
    force_delete_artifact,
    get_artifact_delete_url,
)
from luml_openapi.models import ArtifactStatusUpdate

from .._errors import FileDeleteError
from .._flow import Flow, StorageRequest, call, storage
from ..resources._artifact_calls import ArtifactPath, set_status
from .storage import describe_failure

GONE_STATUSES = frozenset({200, 202, 204, 404})  # 404: the object is already gone


def delete_artifact(path: ArtifactPath, artifact_id: str, *, force: bool) -> Flow[None]:
    """Delete the stored file and the record; with `force`, only the record, whatever its
    status. A failed storage delete marks the artifact deletion_failed and raises."""
    target = path.of_artifact(artifact_id)
    if force:
        yield from call(force_delete_artifact, **target)
        return
    answer = yield from call(get_artifact_delete_url, **target)
    failure = yield from _delete_object(answer.url)
    if failure:
        yield from set_status(path, artifact_id, ArtifactStatusUpdate.DELETION_FAILED)
        raise FileDeleteError(f"{failure}; artifact {artifact_id} was marked deletion_failed")
    yield from call(confirm_deletion, **target)


def _delete_object(url: str) -> Flow[str]:
    """Delete the object; returns what went wrong, or "" when it is gone."""
    try:
        response = yield from storage(StorageRequest("DELETE", url))
    except httpx.TransportError as error:
        return f"deleting the stored file failed: {error}"
    if response.status_code in GONE_STATUSES:
        return ""
    return describe_failure(response, "deleting the stored file")
