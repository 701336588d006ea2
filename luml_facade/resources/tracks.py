"""Tracks of the default orbit (`luml.tracks`): the versions of a model and the stages
("dev", "staging", "production") they are promoted through."""

from __future__ import annotations

import builtins
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from .._checks import Rule
from .._errors import InternalServerError, InvalidArgumentError, NotFoundError
from .._flow import Flow
from .._lookup import parse_uuid
from .._paging import MAX_PAGE, collect
from .._session import Items, M, Resource, every_page, operation, paged
from ..cache.fetch import blob_path, cached_stage, into
from ..calls import track_entries as entries
from ..calls import tracks
from ..calls._resolve import find, require
from ..calls._route import Route
from ..transfer.progress import ProgressOption
from ..types import (
    ArtifactType,
    SortOrder,
    Stage,
    Track,
    TrackEntriesList,
    TrackEntry,
    TrackEntrySortBy,
    TracksList,
    TrackSortBy,
)
from .artifacts import ArtifactResource

StageSpec = str | Stage | Mapping[str, Any]
"""A stage in `tracks.update(stages=[...])`: a name, a Stage, or {"id": ..., "name": ...}."""


def wanted_stages(track: Track, stages: Sequence[StageSpec]) -> list[tuple[str | None, str]]:
    """The (id or None, name) list the server wants: a name that exists keeps that stage, a new
    name adds one, a Stage or {"id", "name"} keeps (and may rename) the stage with that id."""
    by_name = {stage.name: stage.id for stage in track.stages}
    wanted: list[tuple[str | None, str]] = []
    for item in stages:
        if isinstance(item, str):
            wanted.append((by_name.get(item), item))
            continue
        if isinstance(item, Mapping):
            stage_id, name = item.get("id"), item.get("name")
        else:
            stage_id, name = getattr(item, "id", None), getattr(item, "name", None)
        if not isinstance(name, str) or not name.strip():
            raise InvalidArgumentError(
                f"stages must hold names, Stage objects or {{'id': ..., 'name': ...}} with a "
                f"name that is not empty; got {item!r}"
            )
        wanted.append((None if stage_id is None else str(stage_id), name))
    return wanted


def stage_of(track: Track, value: str) -> Stage:
    """The track's stage whose id or name is `value`; NotFoundError naming the stages there
    are otherwise."""
    for stage in track.stages:
        if value in (stage.id, stage.name):
            return stage
    existing = ", ".join(repr(stage.name) for stage in track.stages)
    raise NotFoundError(
        f"track {track.name!r} has no stage {value!r}; "
        + (f"its stages are {existing}" if existing else "it has no stages"),
        status_code=404,
    )


class TrackResource(Resource[M]):
    """Tracks of the default orbit (`luml.tracks`).

    A track holds the versions of one model (or dataset): each artifact added becomes the next
    version, and stages such as "dev", "staging" and "production" mark which version serves
    where. Tracks and stages are named by id or exact name, artifacts and entries by id.

    Example:
        luml = LumlClient(api_key="luml_your_key", organization="My Org", orbit="Default Orbit")
        track = luml.tracks.create("churn-model", "model", stages=["dev", "production"])
        entry = luml.tracks.add_artifact(track.id, artifact.id, stage="dev")
        luml.tracks.update_artifact(track.id, entry.id, "production", force=True)
        path = luml.tracks.download_by_stage("churn-model", "production")
    """

    arguments: ClassVar[Mapping[str, Rule]] = {
        "entry_ids": Rule(uuid=True, empty=False, min_items=1)
    }

    @operation
    def create(
        self,
        name: str,
        artifact_type: ArtifactType | str,
        description: str | None = None,
        tags: builtins.list[str] | None = None,
        stages: builtins.list[str] | None = None,
    ) -> Flow[Track]:
        """Create a track in the default orbit.

        Arguments:
            name: The track's name (names need not be unique; a unique one is easier to use).
            artifact_type: The type of artifact it holds: ArtifactType.MODEL, "model",
                "dataset", ... (a plain string works).
            description: Free text.
            tags: Tags for searching.
            stages: Stage names in order, e.g. ["dev", "staging", "production"]; none by
                default (add some later with `update(stages=...)`).

        Returns:
            Track: with its stages (oldest first), `next_version` 1 and `total_entries` 0.

        Raises:
            ConflictError: a stage name is repeated.
            InvalidArgumentError: `artifact_type` is not a known type.
            ConfigurationError: no default orbit is chosen.

        Example:
            track = luml.tracks.create(
                "churn-model", ArtifactType.MODEL, stages=["dev", "staging", "production"]
            )

        Example response:
            Track(id='0199c455-21ee-74c6-b747-19a82f1a1e67', name='churn-model',
                  orbit_id='0199c455-21ed-7aba-9fe5-5231611220de',
                  artifact_type=<ArtifactType.MODEL: 'model'>, description=None, tags=None,
                  stages=[Stage(name='dev', is_used=False, ...), ...],
                  next_version=1, total_entries=0, created_at=datetime(...), updated_at=None)
        """
        path = yield from self._defaults.orbit_route()
        return (yield from tracks.create(path, name, artifact_type, description, tags, stages))

    @operation
    def get(self, track_value: str) -> Flow[Track | None]:
        """Get a track by id or exact (case-sensitive) name, with its stages.

        Arguments:
            track_value: The track's id or exact name; every page of tracks is searched.

        Returns:
            Track, or None when no track has that id or name.

        Raises:
            MultipleResourcesFoundError: several tracks have that name (pass the id).

        Example:
            track = luml.tracks.get("churn-model")
            print([stage.name for stage in track.stages])
        """
        path = yield from self._defaults.orbit_route()
        return (
            yield from find(
                "track",
                track_value,
                lambda: tracks.named(path, track_value),
                lambda track_id: tracks.fetch(path, track_id),
            )
        )

    @operation
    def list(
        self,
        *,
        start_after: str | None = None,
        limit: int = MAX_PAGE,
        sort_by: TrackSortBy | str | None = None,
        order: SortOrder | str = SortOrder.DESC,
        search: str | None = None,
        types: Sequence[ArtifactType | str] | None = None,
    ) -> Flow[TracksList]:
        """One page of the default orbit's tracks.

        Arguments:
            start_after: The `cursor` of the previous page (valid with the same `sort_by` and
                `order` only).
            limit: Tracks per page, 1..100.
            sort_by: created_at (default), name, description or total_entries.
            order: "desc" (default) or "asc".
            search: A case-insensitive part of a track's name or of one of its tags.
            types: Only tracks of these artifact types.

        Returns:
            TracksList: `items` and the `cursor` of the next page (None on the last).

        Raises:
            InvalidArgumentError: an unknown sort column, order or type, or a limit out of
                range.
            ConfigurationError: no orbit is chosen.

        Example:
            page = luml.tracks.list(sort_by="name", order="asc", search="churn")
            while True:
                for track in page.items:
                    print(track.name, track.total_entries)
                if page.cursor is None:
                    break
                page = luml.tracks.list(sort_by="name", order="asc", start_after=page.cursor)
        """
        path = yield from self._defaults.orbit_route()
        return (
            yield from tracks.fetch_page(
                path,
                start_after,
                limit=limit,
                sort_by=sort_by,
                order=order,
                search=search,
                types=types,
            )
        )

    @paged
    def list_all(
        self,
        *,
        limit: int = MAX_PAGE,
        sort_by: TrackSortBy | str | None = None,
        order: SortOrder | str = SortOrder.DESC,
        search: str | None = None,
        types: Sequence[ArtifactType | str] | None = None,
    ) -> Items[Track]:
        """Every track of the default orbit, fetched page by page as you iterate (`async for`
        on the async client).

        Arguments:
            limit: Tracks per request, 1..100.
            sort_by: As in `list`.
            order: As in `list`.
            search: As in `list`.
            types: As in `list`.

        Returns:
            An iterator of Track (an async iterator on AsyncLumlClient).

        Raises:
            InvalidArgumentError: as in `list` (when iteration starts).
            ConfigurationError: no orbit is chosen.

        Example:
            for track in luml.tracks.list_all(types=["model"]):
                print(track.name)
        """

        return every_page(
            self._defaults.orbit_route(),
            lambda path, cursor: tracks.fetch_page(
                path,
                cursor,
                limit=limit,
                sort_by=sort_by,
                order=order,
                search=search,
                types=types,
            ),
        )

    @operation
    def update(
        self,
        track: str,
        name: str | None = None,
        description: str | None = None,
        tags: builtins.list[str] | None = None,
        stages: Sequence[StageSpec] | None = None,
    ) -> Flow[Track]:
        """Update a track; only the arguments given change.

        `stages` is the whole list of stages the track should have, in order: a name that
        exists keeps that stage (and the version at it), a new name adds a stage, a stage left
        out is deleted. To rename, pass the Stage with a new name (`attrs.evolve(stage,
        name="prod")`) or `{"id": stage.id, "name": "prod"}`.

        Arguments:
            track: The id or exact name of the track.
            name: A new name.
            description: A new description.
            tags: The new tags (replacing the old ones).
            stages: The wanted stages (see above).

        Returns:
            Track: the updated track.

        Raises:
            NotFoundError: the track does not exist.
            ConflictError: a stage to delete holds a version, or two stages share a name.

        Example:
            luml.tracks.update("churn-model", stages=["dev", "staging", "production"])
        """
        path, found = yield from self._track(track)
        wanted = None if stages is None else wanted_stages(found, stages)
        return (
            yield from tracks.update(
                path, found.id, name=name, description=description, tags=tags, stages=wanted
            )
        )

    @operation
    def delete(self, track: str) -> Flow[None]:
        """Delete a track with its stages and version history. The artifacts stay.

        Arguments:
            track: The id or exact name of the track.

        Raises:
            NotFoundError: the track does not exist.

        Example:
            luml.tracks.delete("churn-model")
        """
        path, track_id = yield from self._track_id(track)
        yield from tracks.delete(path, track_id)

    @operation
    def list_stages(self, track: str) -> Flow[builtins.list[Stage]]:
        """The stages of a track, oldest first; `is_used` marks those holding a version.

        Arguments:
            track: The id or exact name of the track.

        Returns:
            list[Stage] (empty when the track has none).

        Raises:
            NotFoundError: the track does not exist.

        Example:
            for stage in luml.tracks.list_stages("churn-model"):
                print(stage.name, stage.is_used)
        """
        path, track_id = yield from self._track_id(track)
        return (yield from tracks.fetch_stages(path, track_id))

    @operation
    def add_artifact(self, track: str, artifact: str, stage: str | None = None) -> Flow[TrackEntry]:
        """Add an artifact to a track as its next version, optionally straight into a stage.

        Versions count up from 1 per track and are never reused.

        Arguments:
            track: The id or exact name of the track.
            artifact: The id of an artifact of the orbit, of the track's artifact type.
            stage: A stage of the track, by id or name, to put the new version at; it must be
                empty (move the holder first, or use `update_artifact(..., force=True)`).

        Returns:
            TrackEntry: the new version (`version`, `stage_name`, `artifact_name`, ...).

        Raises:
            NotFoundError: the track, the stage (the message lists the track's stages) or the
                artifact does not exist.
            BadRequestError: the artifact's type is not the track's.
            ConflictError: the artifact is already in the track, or the stage is taken.
            UnprocessableEntityError: the artifact belongs to another orbit.

        Example:
            artifact = luml.artifacts.upload("churn.luml")
            entry = luml.tracks.add_artifact("churn-model", artifact.id, stage="dev")
            print(entry.version, entry.stage_name)  # 3 dev
        """
        path, track_id, stage_id = yield from self._with_stage(track, stage)
        return (yield from entries.create(path, track_id, artifact, stage_id))

    @operation
    def list_artifacts(
        self,
        track: str,
        stage: str | None = None,
        *,
        start_after: str | None = None,
        limit: int = MAX_PAGE,
        sort_by: TrackEntrySortBy | str | None = None,
        order: SortOrder | str = SortOrder.DESC,
    ) -> Flow[TrackEntriesList]:
        """One page of a track's versions (entries), optionally only those at one stage.

        Arguments:
            track: The id or exact name of the track.
            stage: Only the entries at this stage (id or name).
            start_after: The `cursor` of the previous page (a cursor is valid for the same
                `sort_by` and `order` only).
            limit: Entries per page, 1..100.
            sort_by: version, created_at (default), artifact_name, description or stage.
            order: "desc" (default) or "asc".

        Returns:
            TrackEntriesList: `items` and the `cursor` of the next page (None on the last).

        Raises:
            NotFoundError: the track or the stage does not exist.

        Example:
            page = luml.tracks.list_artifacts("churn-model", sort_by="version", order="asc")
            for entry in page.items:
                print(entry.version, entry.artifact_name, entry.stage_name)
        """
        path, track_id, stage_id = yield from self._with_stage(track, stage)
        return (
            yield from entries.fetch_page(
                path,
                track_id,
                start_after,
                limit=limit,
                sort_by=sort_by,
                order=order,
                stage_id=stage_id,
            )
        )

    @paged
    def list_all_artifacts(
        self,
        track: str,
        stage: str | None = None,
        *,
        limit: int = MAX_PAGE,
        sort_by: TrackEntrySortBy | str | None = None,
        order: SortOrder | str = SortOrder.DESC,
    ) -> Items[TrackEntry]:
        """Every version of a track (or of one stage), fetched page by page as you iterate
        (`async for` on the async client).

        Arguments:
            track: The id or exact name of the track.
            stage: Only the entries at this stage (id or name).
            limit: Entries per request, 1..100.
            sort_by: version, created_at (default), artifact_name, description or stage.
            order: "desc" (default) or "asc".

        Returns:
            An iterator of TrackEntry (an async iterator on AsyncLumlClient).

        Raises:
            NotFoundError: the track or the stage does not exist (raised on iteration).

        Example:
            for entry in luml.tracks.list_all_artifacts("churn-model", sort_by="version"):
                print(entry.version, entry.stage_name)
        """

        return every_page(
            self._with_stage(track, stage),
            lambda where, cursor: entries.fetch_page(
                where[0],
                where[1],
                cursor,
                limit=limit,
                sort_by=sort_by,
                order=order,
                stage_id=where[2],
            ),
        )

    @operation
    def get_artifact(self, track: str, entry_id: str) -> Flow[TrackEntry]:
        """One version of a track, by its entry id (not the artifact's id).

        Arguments:
            track: The id or exact name of the track.
            entry_id: The entry's id (`TrackEntry.id`).

        Returns:
            TrackEntry.

        Raises:
            NotFoundError: the track has no such entry (the server answers an unknown entry id
                with a 500; the client checks the track's entries and reports it as absent).

        Example:
            entry = luml.tracks.get_artifact("churn-model", entry.id)
        """
        path, track_id = yield from self._track_id(track)
        try:
            return (yield from entries.fetch_entry(path, track_id, entry_id))
        except InternalServerError:
            if (yield from self._has_entry(path, track_id, entry_id)):
                raise
        raise NotFoundError(f"track {track!r} has no entry {entry_id}", status_code=404)

    def _has_entry(self, path: Route, track_id: str, entry_id: str) -> Flow[bool]:
        found = yield from collect(
            lambda cursor: entries.fetch_page(path, track_id, cursor),
            lambda item: item.id == entry_id,
        )
        return bool(found)

    @operation
    def get_artifact_by_stage(self, track: str, stage: str) -> Flow[TrackEntry | None]:
        """The version a stage holds now ("what is in production?").

        Arguments:
            track: The id or exact name of the track.
            stage: The stage, by id or name.

        Returns:
            TrackEntry, or None when no version is at the stage.

        Raises:
            NotFoundError: the track or the stage does not exist (the message lists the
                track's stages).

        Example:
            live = luml.tracks.get_artifact_by_stage("churn-model", "production")
            if live is not None:
                print(live.version, live.artifact_id)
        """
        path, found = yield from self._track(track)
        return (yield from self._entry_at(path, found, stage_of(found, stage)))

    def _entry_at(self, path: Route, track: Track, stage: Stage) -> Flow[TrackEntry | None]:
        if not stage.is_used:
            return None
        try:
            return (yield from entries.fetch_entry_at(path, track.id, stage.id))
        except InternalServerError:  # the server's answer for an empty stage
            stages = yield from tracks.fetch_stages(path, track.id)
            if any(item.id == stage.id and item.is_used for item in stages):
                raise
            return None

    @operation
    def update_artifact(
        self, track: str, entry_id: str, stage: str | None = None, force: bool = False
    ) -> Flow[TrackEntry]:
        """Move a version to a stage (promote it), or take it off its stage.

        A stage holds one version at a time: moving into a stage another version holds needs
        `force=True`, which takes the stage from that version.

        Arguments:
            track: The id or exact name of the track.
            entry_id: The entry's id (`TrackEntry.id`).
            stage: The target stage, by id or name; None takes the entry off its stage.
            force: Take the stage from the version holding it.

        Returns:
            TrackEntry: the moved entry.

        Raises:
            NotFoundError: the track, the stage or the entry does not exist.
            ConflictError: the stage is held by another version and `force` is false.

        Example:
            luml.tracks.update_artifact("churn-model", entry.id, "production", force=True)
        """
        path, track_id, stage_id = yield from self._with_stage(track, stage)
        return (yield from entries.move(path, track_id, entry_id, stage_id, force=force))

    @operation
    def remove_artifact(self, track: str, entry_id: str) -> Flow[None]:
        """Remove one version from a track. The artifact stays; its version number is not reused.

        Arguments:
            track: The id or exact name of the track.
            entry_id: The entry's id (`TrackEntry.id`).

        Raises:
            NotFoundError: the track has no such entry.

        Example:
            luml.tracks.remove_artifact("churn-model", entry.id)
        """
        path, track_id = yield from self._track_id(track)
        yield from entries.delete(path, track_id, entry_id)

    @operation
    def remove_batch_artifacts(self, track: str, entry_ids: Sequence[str]) -> Flow[None]:
        """Remove several versions from a track in one request (the artifacts stay).

        Ids that are not entries of the track are skipped.

        Arguments:
            track: The id or exact name of the track.
            entry_ids: Entry ids (`TrackEntry.id`); at least one.

        Raises:
            NotFoundError: the track does not exist.
            InvalidArgumentError: `entry_ids` is empty or holds something that is not an id.

        Example:
            old = [e.id for e in luml.tracks.list_all_artifacts("churn-model") if e.version < 3]
            luml.tracks.remove_batch_artifacts("churn-model", old)
        """
        path, track_id = yield from self._track_id(track)
        yield from entries.delete_many(path, track_id, builtins.list(entry_ids))

    @operation
    def download_by_stage(
        self,
        track: str,
        stage: str,
        file_path: str | os.PathLike[str] | None = None,
        *,
        on_progress: ProgressOption = None,
        cache: bool = False,
    ) -> Flow[Path]:
        """Download the artifact a stage holds ("fetch whatever is in production").

        The same download as `artifacts.download`: verified against the artifact's SHA-256,
        written to a temporary file and renamed into place only once verified.

        Arguments:
            track: The id or exact name of the track.
            stage: The stage, by id or name.
            file_path: A file or a directory; by default the artifact's file name in the
                current directory.
            on_progress: As for `artifacts.download` (False: none; default: a bar on a terminal).
            cache: Fill the target from the shared cache (see `cached_path_by_stage`): a hard
                link where the file system allows (read-only), a copy otherwise.

        Returns:
            Path: where the file was saved.

        Raises:
            NotFoundError: the track or the stage does not exist, or no version is at the stage.
            FileDownloadError: the download failed or did not verify (nothing is left behind).

        Example:
            path = luml.tracks.download_by_stage("churn-model", "production", "/srv/models/")
        """
        if cache:
            return (yield from cached_stage(self, track, stage, on_progress, into(file_path)))
        _, _, _, entry = yield from self._stage_entry(track, stage)
        artifacts = ArtifactResource(self._session)
        return (
            yield from ArtifactResource.download.__wrapped__(
                artifacts,
                entry.artifact_id,
                file_path,
                collection_id=entry.artifact_collection_id,
                on_progress=on_progress,
            )
        )

    @operation
    def cached_path_by_stage(
        self, track: str, stage: str, *, on_progress: ProgressOption = None
    ) -> Flow[Path]:
        """The path, in the shared cache, of the artifact a stage holds ("the production
        model"), downloaded only when it is not cached yet.

        Online this costs one small call (the entry at the stage) once the stage was looked
        up before, and notices a stage that moved to another version; offline (LUML_OFFLINE=1
        or `offline=True`) it answers from the cache alone. Any number of processes may ask
        at once: one downloads. The file is read-only. See docs/cache.md.

        Arguments:
            track: The id or exact name of the track.
            stage: The stage, by id or name.
            on_progress: Progress of a download, as for `artifacts.download`.

        Returns:
            Path: the cached file.

        Raises:
            NotFoundError: the track or the stage does not exist, or no version is at it.
            NotCachedError: offline, and the stage was never looked up online here.
            FileDownloadError: the download failed or did not verify.

        Example:
            model_file = luml.tracks.cached_path_by_stage("churn-model", "production")
        """
        return (yield from cached_stage(self, track, stage, on_progress, blob_path))

    def _stage_entry(self, track: str, stage: str) -> Flow[tuple[Route, Track, Stage, TrackEntry]]:
        """The orbit route, track, stage and the entry at it (NotFoundError for none)."""
        path, found = yield from self._track(track)
        chosen = stage_of(found, stage)
        entry = yield from self._entry_at(path, found, chosen)
        if entry is None:
            raise NotFoundError(
                f"stage {chosen.name!r} of track {found.name!r} holds no version", status_code=404
            )
        return path, found, chosen, entry

    def _with_stage(self, track: str, stage: str | None) -> Flow[tuple[Route, str, str | None]]:
        """The orbit path, the track's id and the stage's id (None when no stage is given); the
        track is fetched only when a stage must be found in it."""
        if stage is None:
            path, track_id = yield from self._track_id(track)
            return path, track_id, None
        path, found = yield from self._track(track)
        return path, found.id, stage_of(found, stage).id

    def _track(self, value: str) -> Flow[tuple[Route, Track]]:
        """The orbit path and the track `value` names (id or exact name)."""
        path = yield from self._defaults.orbit_route()
        found = yield from require(
            "track",
            value,
            "the orbit",
            lambda: tracks.named(path, value),
            lambda track_id: tracks.fetch(path, track_id),
            searched=True,
        )
        return path, found

    def _track_id(self, value: str) -> Flow[tuple[Route, str]]:
        """The orbit path and the id of the track `value` names (an id is used as given)."""
        if parse_uuid(value) is not None:
            path = yield from self._defaults.orbit_route()
            return path, value
        path, track = yield from self._track(value)
        return path, track.id
