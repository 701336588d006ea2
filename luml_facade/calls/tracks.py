"""Track calls: pages, one track, create, update, delete, and the stage list."""

from __future__ import annotations

from collections.abc import Sequence

from luml_openapi.api.tracks import (
    create_track,
    delete_track,
    get_track,
    list_track_stages,
    list_tracks,
    update_track,
)
from luml_openapi.models import StageUpsert, TrackCreate, TrackUpdate
from luml_openapi.types import UNSET, Unset

from .._flow import Flow, call
from .._lookup import require_uuid
from .._paging import MAX_PAGE, collect, page_params
from .._unset import given, given_list
from ..types import ArtifactType, SortOrder, Stage, Track, TracksList, TrackSortBy, adopt
from ._route import Route


def fetch_page(
    route: Route,
    cursor: str | None,
    *,
    limit: int = MAX_PAGE,
    sort_by: TrackSortBy | str | None = None,
    order: SortOrder | str = SortOrder.DESC,
    search: str | None = None,
    types: Sequence[ArtifactType | str] | None = None,
) -> Flow[TracksList]:
    """One page of the orbit's tracks (`search`: a case-insensitive part of a name or tag)."""
    page = yield from call(
        list_tracks,
        **route.ids(),
        **page_params(cursor, limit, None if sort_by is None else TrackSortBy(sort_by), order),
        search=search or UNSET,
        types=UNSET if types is None else [str(kind) for kind in types],
    )
    return adopt(TracksList, page)


def fetch(route: Route, track_id: str) -> Flow[Track]:
    """One track by id, with its stages (NotFoundError if absent)."""
    found = yield from call(get_track, **route.ids(track_id=track_id))
    return adopt(Track, found)


def named(route: Route, name: str) -> Flow[list[Track]]:
    """Every track whose name is exactly `name` (all pages searched)."""
    named: list[Track] = yield from collect(
        lambda cursor: fetch_page(route, cursor, search=name),
        lambda item: item.name == name,
    )
    return named


def create(
    route: Route,
    name: str,
    artifact_type: ArtifactType | str,
    description: str | None,
    tags: Sequence[str] | None,
    stages: Sequence[str] | None,
) -> Flow[Track]:
    """A new track with these stages, in order (no stages when None)."""
    body = TrackCreate(
        name=name,
        artifact_type=ArtifactType(artifact_type),
        description=given(description),
        tags=given_list(tags),
        stages=given_list(stages),
    )
    created = yield from call(create_track, idempotent=False, **route.ids(), body=body)
    return adopt(Track, created)


def update(
    route: Route,
    track_id: str,
    *,
    name: str | None = None,
    description: str | None = None,
    tags: Sequence[str] | None = None,
    stages: Sequence[tuple[str | None, str]] | None = None,
) -> Flow[Track]:
    """Change the fields given; `stages` is the whole wanted list of (id or None, name)."""
    wanted: list[StageUpsert] | Unset = UNSET
    if stages is not None:
        wanted = [
            StageUpsert(
                name=stage_name, id=UNSET if stage_id is None else require_uuid("stage", stage_id)
            )
            for stage_id, stage_name in stages
        ]
    body = TrackUpdate(
        name=given(name),
        description=given(description),
        tags=given_list(tags),
        stages=wanted,
    )
    updated = yield from call(update_track, **route.ids(track_id=track_id), body=body)
    return adopt(Track, updated)


def delete(route: Route, track_id: str) -> Flow[None]:
    """Delete a track with its stages and entries (the artifacts stay)."""
    yield from call(delete_track, **route.ids(track_id=track_id))


def fetch_stages(route: Route, track_id: str) -> Flow[list[Stage]]:
    """The track's stages, oldest first."""
    found = yield from call(list_track_stages, **route.ids(track_id=track_id))
    return [adopt(Stage, item) for item in found]
