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
from .._lookup import parse_uuid
from .._paging import collect, emit_all
from .._unset import given, given_list
from ..types import ArtifactType, SortOrder, Stage, Track, TracksList, TrackSortBy, adopt
from ._route import OrbitPath

MAX_PAGE = 100


def fetch_tracks_page(
    path: OrbitPath,
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
        **path.ids(),
        cursor=cursor or UNSET,
        limit=limit,
        sort_by=UNSET if sort_by is None else TrackSortBy(sort_by),
        order=SortOrder(order),
        search=search or UNSET,
        types=UNSET if types is None else [str(kind) for kind in types],
    )
    return adopt(TracksList, page)


def fetch_track(path: OrbitPath, track_id: str) -> Flow[Track]:
    """One track by id, with its stages (NotFoundError if absent)."""
    found = yield from call(get_track, **path.ids(track_id=track_id))
    return adopt(Track, found)


def find_tracks_named(path: OrbitPath, name: str) -> Flow[list[Track]]:
    """Every track whose name is exactly `name` (all pages searched)."""
    named: list[Track] = yield from collect(
        lambda cursor: fetch_tracks_page(path, cursor, search=name),
        lambda item: item.name == name,
    )
    return named


def create(
    path: OrbitPath,
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
    created = yield from call(create_track, idempotent=False, **path.ids(), body=body)
    return adopt(Track, created)


def update(
    path: OrbitPath,
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
            StageUpsert(name=stage_name, id=UNSET if stage_id is None else parse_uuid(stage_id))
            for stage_id, stage_name in stages
        ]
    body = TrackUpdate(
        name=given(name),
        description=given(description),
        tags=given_list(tags),
        stages=wanted,
    )
    updated = yield from call(update_track, **path.ids(track_id=track_id), body=body)
    return adopt(Track, updated)


def delete(path: OrbitPath, track_id: str) -> Flow[None]:
    """Delete a track with its stages and entries (the artifacts stay)."""
    yield from call(delete_track, **path.ids(track_id=track_id))


def fetch_stages(path: OrbitPath, track_id: str) -> Flow[list[Stage]]:
    """The track's stages, oldest first."""
    found = yield from call(list_track_stages, **path.ids(track_id=track_id))
    return [adopt(Stage, item) for item in found]


def emit_tracks(
    path: OrbitPath,
    *,
    limit: int = MAX_PAGE,
    sort_by: TrackSortBy | str | None = None,
    order: SortOrder | str = SortOrder.DESC,
    search: str | None = None,
    types: Sequence[ArtifactType | str] | None = None,
) -> Flow[None]:
    """Emit every track, page by page (for the lazy `list_all`)."""
    yield from emit_all(
        lambda cursor: fetch_tracks_page(
            path, cursor, limit=limit, sort_by=sort_by, order=order, search=search, types=types
        )
    )
