"""Artifact calls shared by the artifacts resource and the transfer flows."""

from __future__ import annotations

import builtins
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from luml_openapi.api.artifacts import get_artifact, list_artifacts, update_artifact
from luml_openapi.models import ArtifactStatusUpdate, ArtifactUpdate, FreeForm
from luml_openapi.types import UNSET

from .._arguments import choice, choices, integer, text
from .._errors import InvalidArgumentError
from .._flow import Flow, call
from .._lookup import require_uuid
from .._unset import given
from ..types import Artifact, ArtifactsList, ArtifactSortBy, ArtifactType, SortOrder, adopt


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


MAX_PAGE = 100


def artifact_types(
    types: Sequence[ArtifactType | str] | None, type: ArtifactType | str | None
) -> builtins.list[ArtifactType] | None:
    """The `types=` filter, also accepting the older single `type=` spelling."""
    kinds = choices(ArtifactType, types, "types")
    if type is not None:
        warnings.warn("type= is deprecated: pass types=[...]", DeprecationWarning, stacklevel=4)
        kinds = [*(kinds or []), choice(ArtifactType, type, "type")]
    return kinds


def fetch_artifacts_page(
    path: ArtifactPath,
    cursor: str | None,
    *,
    limit: int = MAX_PAGE,
    sort_by: ArtifactSortBy | str | None = None,
    order: SortOrder | str = SortOrder.DESC,
    types: builtins.list[ArtifactType] | None = None,
    search: str | None = None,
) -> Flow[ArtifactsList]:
    """One page of a collection's artifacts (the server lists per orbit, filtered here)."""
    if sort_by is not None and not isinstance(sort_by, str):
        raise InvalidArgumentError(
            f"sort_by must be a column ({', '.join(repr(m.value) for m in ArtifactSortBy)}) or "
            f"a metric key, got {sort_by!r}"
        )
    page = yield from call(
        list_artifacts,
        **path.of_orbit(),
        collection_ids=[path.collection_id],
        cursor=text(cursor, "start_after") or UNSET,
        limit=integer(limit, "limit", 1, MAX_PAGE),
        sort_by=UNSET if sort_by is None else str(getattr(sort_by, "value", sort_by)),
        order=choice(SortOrder, order, "order"),
        types=given(types),
        search=text(search, "search") or UNSET,
    )
    return adopt(ArtifactsList, page)
