"""The entry half of `luml.tracks`: the versions of a track, moving them between stages, and
fetching what a stage holds."""

from __future__ import annotations

import builtins
import os
from collections.abc import Sequence
from pathlib import Path

from .._errors import InternalServerError, InvalidArgumentError, NotFoundError
from .._flow import Flow
from .._paging import collect, emit_all
from .._session import Items, M, operation, paged
from ..calls import track_entries as entries
from ..calls import tracks
from ..calls._route import OrbitPath
from ..calls.track_entries import MAX_PAGE
from ..transfer.progress import BaseProgressHandler
from ..types import SortOrder, Stage, Track, TrackEntriesList, TrackEntry, TrackEntrySortBy
from ._track_lookup import TrackLookup, stage_of
from .artifacts import ArtifactResource


class TrackEntryMethods(TrackLookup[M]):
    """Entry methods of TrackResource (see `luml.tracks`)."""

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
            yield from entries.fetch_entries_page(
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

        def flow() -> Flow[None]:
            path, track_id, stage_id = yield from self._with_stage(track, stage)
            yield from emit_all(
                lambda cursor: entries.fetch_entries_page(
                    path,
                    track_id,
                    cursor,
                    limit=limit,
                    sort_by=sort_by,
                    order=order,
                    stage_id=stage_id,
                )
            )

        return Items(flow())

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

    def _has_entry(self, path: OrbitPath, track_id: str, entry_id: str) -> Flow[bool]:
        found = yield from collect(
            lambda cursor: entries.fetch_entries_page(path, track_id, cursor),
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

    def _entry_at(self, path: OrbitPath, track: Track, stage: Stage) -> Flow[TrackEntry | None]:
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
        if not entry_ids:
            raise InvalidArgumentError("entry_ids must hold at least one entry id")
        path, track_id = yield from self._track_id(track)
        yield from entries.delete_many(path, track_id, builtins.list(entry_ids))

    @operation
    def download_by_stage(
        self,
        track: str,
        stage: str,
        file_path: str | os.PathLike[str] | None = None,
        *,
        on_progress: BaseProgressHandler | None = None,
    ) -> Flow[Path]:
        """Download the artifact a stage holds ("fetch whatever is in production").

        The same download as `artifacts.download`: verified against the artifact's SHA-256,
        written to a temporary file and renamed into place only once verified.

        Arguments:
            track: The id or exact name of the track.
            stage: The stage, by id or name.
            file_path: A file or a directory; by default the artifact's file name in the
                current directory.
            on_progress: A progress handler (a bar is shown on a terminal by default).

        Returns:
            Path: where the file was saved.

        Raises:
            NotFoundError: the track or the stage does not exist, or no version is at the stage.
            FileDownloadError: the download failed or did not verify (nothing is left behind).

        Example:
            path = luml.tracks.download_by_stage("churn-model", "production", "/srv/models/")
        """
        path, found = yield from self._track(track)
        chosen = stage_of(found, stage)
        entry = yield from self._entry_at(path, found, chosen)
        if entry is None:
            raise NotFoundError(
                f"stage {chosen.name!r} of track {found.name!r} holds no version", status_code=404
            )
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

    def _with_stage(self, track: str, stage: str | None) -> Flow[tuple[OrbitPath, str, str | None]]:
        """The orbit path, the track's id and the stage's id (None when no stage is given); the
        track is fetched only when a stage must be found in it."""
        if stage is None:
            path, track_id = yield from self._track_id(track)
            return path, track_id, None
        path, found = yield from self._track(track)
        return path, found.id, stage_of(found, stage).id
