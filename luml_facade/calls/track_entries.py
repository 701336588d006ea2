"""Track entry calls: the versions of a track and the stages they are at."""

from __future__ import annotations

from collections.abc import Sequence

from luml_openapi.api.track_entries import (
    create_track_entry,
    delete_track_entries,
    delete_track_entry,
    get_track_entry,
    get_track_entry_by_stage,
    list_track_entries,
    update_track_entry,
)
from luml_openapi.models import TrackEntriesDelete, TrackEntryCreate, TrackEntryUpdate
from luml_openapi.types import UNSET

from .._flow import Flow, call
from .._lookup import require_uuid
from .._paging import MAX_PAGE, page_params
from ..types import SortOrder, TrackEntriesList, TrackEntry, TrackEntrySortBy, adopt
from ._route import Route


def fetch_page(
    route: Route,
    track_id: str,
    cursor: str | None,
    *,
    limit: int = MAX_PAGE,
    sort_by: TrackEntrySortBy | str | None = None,
    order: SortOrder | str = SortOrder.DESC,
    stage_id: str | None = None,
) -> Flow[TrackEntriesList]:
    """One page of the track's entries (only those at `stage_id`, when given)."""
    page = yield from call(
        list_track_entries,
        **route.ids(track_id=track_id),
        **page_params(cursor, limit, None if sort_by is None else TrackEntrySortBy(sort_by), order),
        stage=UNSET if stage_id is None else require_uuid("stage", stage_id),
    )
    return adopt(TrackEntriesList, page)


def fetch_entry(route: Route, track_id: str, entry_id: str) -> Flow[TrackEntry]:
    """One entry of the track by id."""
    found = yield from call(get_track_entry, **route.ids(track_id=track_id, entry_id=entry_id))
    return adopt(TrackEntry, found)


def fetch_entry_at(route: Route, track_id: str, stage_id: str) -> Flow[TrackEntry]:
    """The entry at a stage (the server fails with a 500 when the stage is empty)."""
    found = yield from call(
        get_track_entry_by_stage,
        **route.ids(track_id=track_id),
        stage_id=require_uuid("stage", stage_id),
    )
    return adopt(TrackEntry, found)


def create(route: Route, track_id: str, artifact_id: str, stage_id: str | None) -> Flow[TrackEntry]:
    """Add an artifact as the track's next version, at `stage_id` when given."""
    body = TrackEntryCreate(
        artifact_id=require_uuid("artifact", artifact_id),
        stage_id=UNSET if stage_id is None else require_uuid("stage", stage_id),
    )
    created = yield from call(
        create_track_entry, idempotent=False, **route.ids(track_id=track_id), body=body
    )
    return adopt(TrackEntry, created)


def move(
    route: Route, track_id: str, entry_id: str, stage_id: str | None, *, force: bool
) -> Flow[TrackEntry]:
    """Put the entry at `stage_id` (None: off every stage); `force` takes it from its holder."""
    body = TrackEntryUpdate(stage_id=None if stage_id is None else require_uuid("stage", stage_id))
    moved = yield from call(
        update_track_entry,
        **route.ids(track_id=track_id, entry_id=entry_id),
        body=body,
        force=force,
    )
    return adopt(TrackEntry, moved)


def delete(route: Route, track_id: str, entry_id: str) -> Flow[None]:
    """Remove one entry (the artifact stays)."""
    yield from call(delete_track_entry, **route.ids(track_id=track_id, entry_id=entry_id))


def delete_many(route: Route, track_id: str, entry_ids: Sequence[str]) -> Flow[None]:
    """Remove several entries in one request (ids not in the track are skipped by the server)."""
    body = TrackEntriesDelete(entry_ids=[require_uuid("entry", value) for value in entry_ids])
    yield from call(delete_track_entries, **route.ids(track_id=track_id), body=body)
