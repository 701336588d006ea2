"""Artifact calls shared by the artifacts resource and the transfer flows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from luml_openapi.api.artifacts import get_artifact, update_artifact
from luml_openapi.models import ArtifactStatusUpdate, ArtifactUpdate, FreeForm

from .._flow import Flow, call
from .._lookup import require_uuid
from ..types import Artifact, adopt


def free_form(values: Mapping[str, Any]) -> FreeForm:
    model = FreeForm()
    model.additional_properties = dict(values)
    return model


class ArtifactPath:
    """The ids locating an artifact route: organization, orbit and collection."""

    def __init__(self, organization_id: str, orbit_id: str, collection_id: str) -> None:
        self.organization_id = require_uuid("organization", organization_id)
        self.orbit_id = require_uuid("orbit", orbit_id)
        self.collection_id = require_uuid("collection", collection_id)

    def of_orbit(self) -> dict[str, Any]:
        return {"organization_id": self.organization_id, "orbit_id": self.orbit_id}

    def of_collection(self) -> dict[str, Any]:
        return {**self.of_orbit(), "collection_id": self.collection_id}

    def of_artifact(self, artifact_id: str) -> dict[str, Any]:
        return {**self.of_collection(), "artifact_id": require_uuid("artifact", artifact_id)}


def fetch_artifact(path: ArtifactPath, artifact_id: str) -> Flow[Artifact]:
    """One artifact by id (NotFoundError if absent)."""
    found = yield from call(get_artifact, **path.of_artifact(artifact_id))
    return adopt(Artifact, found)


def set_status(
    path: ArtifactPath, artifact_id: str, status: ArtifactStatusUpdate
) -> Flow[Artifact]:
    """Move an artifact to `status` (uploaded, upload_failed or deletion_failed)."""
    updated = yield from call(
        update_artifact, **path.of_artifact(artifact_id), body=ArtifactUpdate(status=status)
    )
    return adopt(Artifact, updated)
