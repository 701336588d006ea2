"""Artifact calls (routes under a collection): records, pages, status changes, presigned URLs,
deletion. The artifacts resource and the transfer flows build on these."""

from __future__ import annotations

import builtins
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from luml_openapi.api.artifacts import (
    create_artifact,
    delete_artifact,
    force_delete_artifact,
    get_artifact,
    get_artifact_delete_url,
    get_artifact_download_url,
    list_artifacts,
    update_artifact,
)
from luml_openapi.models import (
    ArtifactCreate,
    ArtifactStatusUpdate,
    ArtifactUpdate,
    FileIndex,
    FreeForm,
    LumlArtifactManifest,
    Manifest,
)
from luml_openapi.types import UNSET

from .._checks import choice, choices
from .._errors import InvalidArgumentError
from .._flow import Flow, call
from .._paging import MAX_PAGE, collect, page_params
from .._unset import given, given_list
from ..types import (
    Artifact,
    ArtifactsList,
    ArtifactSortBy,
    ArtifactType,
    CreatedArtifact,
    SortOrder,
    adopt,
)
from ._maps import as_map
from ._route import Route


def free_form(values: Mapping[str, Any]) -> FreeForm:
    """The generated free-form model holding `values`."""
    return as_map(FreeForm, values)


LUML_MANIFEST_FIELDS = (
    "artifact_type",
    "variant",
    "producer_name",
    "producer_version",
    "producer_tags",
    "payload",
)
LEGACY_MANIFEST_FIELDS = (
    "variant",
    "producer_name",
    "producer_version",
    "producer_tags",
    "inputs",
    "outputs",
    "dynamic_attributes",
    "env_vars",
)


def manifest_form(values: Mapping[str, Any]) -> LumlArtifactManifest | Manifest:
    """The manifest as the server takes it: a LUML manifest (it has ``artifact_type``) or the
    older model manifest; every key is kept.

    Raises InvalidArgumentError naming the fields the server would refuse it without.
    Example: manifest_form(json.loads(manifest_json))
    """
    data = dict(values)
    luml = "artifact_type" in data
    wanted = LUML_MANIFEST_FIELDS if luml else LEGACY_MANIFEST_FIELDS
    missing = [name for name in wanted if name not in data]
    if missing:
        kind = "a LUML manifest" if luml else "a manifest without artifact_type"
        raise InvalidArgumentError(
            f"manifest lacks {', '.join(missing)}: {kind} needs {', '.join(wanted)} "
            "(build the file with luml_facade.testing.build_artifact or the LUML SDK)"
        )
    try:
        return LumlArtifactManifest.from_dict(data) if luml else Manifest.from_dict(data)
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise InvalidArgumentError(f"manifest fields have the wrong types: {exc}") from exc


def fetch_artifact(route: Route, artifact_id: str) -> Flow[Artifact]:
    """One artifact by id (NotFoundError if absent)."""
    found = yield from call(get_artifact, **route.ids(artifact_id=artifact_id))
    return adopt(Artifact, found)


def set_status(route: Route, artifact_id: str, status: ArtifactStatusUpdate) -> Flow[Artifact]:
    """Move an artifact to `status` (uploaded, upload_failed or deletion_failed)."""
    return (yield from update(route, artifact_id, status=status))


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
    route: Route,
    cursor: str | None,
    *,
    limit: int = MAX_PAGE,
    sort_by: ArtifactSortBy | str | None = None,
    order: SortOrder | str = SortOrder.DESC,
    types: Sequence[ArtifactType] | None = None,
    search: str | None = None,
) -> Flow[ArtifactsList]:
    """One page of a collection's artifacts (the server lists per orbit, filtered here);
    `sort_by` is a column or any metric key."""
    column = None if sort_by is None else str(getattr(sort_by, "value", sort_by))
    page = yield from call(
        list_artifacts,
        **route.in_orbit().ids(),
        collection_ids=[route.collection_id],
        **page_params(cursor, limit, column, order),
        types=given_list(types),
        search=search or UNSET,
    )
    return adopt(ArtifactsList, page)


def named(route: Route, name: str) -> Flow[builtins.list[Artifact]]:
    """Every artifact of the collection named exactly `name` (all pages searched)."""
    found: builtins.list[Artifact] = yield from collect(
        lambda cursor: fetch_artifacts_page(route, cursor, search=name),
        lambda item: item.name == name,
    )
    return found


def with_file_name(route: Route, file_name: str) -> Flow[builtins.list[Artifact]]:
    """Every artifact of the collection whose file is named exactly `file_name`."""
    found: builtins.list[Artifact] = yield from collect(
        lambda cursor: fetch_artifacts_page(route, cursor),
        lambda item: item.file_name == file_name,
    )
    return found


def create(
    route: Route,
    *,
    file_name: str,
    name: str,
    description: str | None,
    extra_values: Mapping[str, Any],
    manifest: Mapping[str, Any],
    file_hash: str,
    file_index: Mapping[str, Sequence[int]],
    size: int,
    tags: Sequence[str] | None,
) -> Flow[CreatedArtifact]:
    """A new artifact record (pending_upload) and where to upload its file."""
    spans = {key: [int(span[0]), int(span[1])] for key, span in file_index.items()}
    body = ArtifactCreate(
        file_name=file_name,
        name=name,
        description=given(description),
        extra_values=free_form(extra_values),
        manifest=manifest_form(manifest),
        file_hash=file_hash,
        file_index=as_map(FileIndex, spans),
        size=size,
        tags=given_list(tags),
    )
    created = yield from call(create_artifact, idempotent=False, **route.ids(), body=body)
    return adopt(CreatedArtifact, created)


def update(
    route: Route,
    artifact_id: str,
    *,
    name: str | None = None,
    description: str | None = None,
    tags: Sequence[str] | None = None,
    status: ArtifactStatusUpdate | None = None,
) -> Flow[Artifact]:
    """Change only the fields given."""
    body = ArtifactUpdate(
        name=given(name),
        description=given(description),
        tags=given_list(tags),
        status=given(status),
    )
    updated = yield from call(update_artifact, **route.ids(artifact_id=artifact_id), body=body)
    return adopt(Artifact, updated)


def download_url(route: Route, artifact_id: str) -> Flow[str]:
    """A presigned URL that downloads the artifact's file."""
    answer = yield from call(get_artifact_download_url, **route.ids(artifact_id=artifact_id))
    return str(answer.url)


def delete_url(route: Route, artifact_id: str) -> Flow[str]:
    """A presigned URL that deletes the artifact's file (the server marks the artifact
    pending_deletion when it hands it out)."""
    answer = yield from call(get_artifact_delete_url, **route.ids(artifact_id=artifact_id))
    return str(answer.url)


def confirm_deletion(route: Route, artifact_id: str) -> Flow[None]:
    """Tell the server the stored file is gone: the record is removed."""
    yield from call(delete_artifact, **route.ids(artifact_id=artifact_id))


def force_delete(route: Route, artifact_id: str) -> Flow[None]:
    """Remove the record whatever its status (the stored file stays)."""
    yield from call(force_delete_artifact, **route.ids(artifact_id=artifact_id))
