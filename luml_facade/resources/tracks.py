"""Tracks of the default orbit (`luml.tracks`): the versions of a model and the stages
("dev", "staging", "production") they are promoted through."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from .._errors import InvalidArgumentError
from .._flow import Flow
from .._session import Items, M, operation, paged
from ..calls import tracks
from ..calls.tracks import MAX_PAGE
from ..types import ArtifactType, SortOrder, Stage, Track, TracksList, TrackSortBy
from ._track_entries import TrackEntryMethods
from ._track_lookup import find_track

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
        if not isinstance(name, str):
            raise InvalidArgumentError(
                f"stages items are names, Stage objects or {{'id': ..., 'name': ...}}; got {item!r}"
            )
        wanted.append((None if stage_id is None else str(stage_id), name))
    return wanted


class TrackResource(TrackEntryMethods[M]):
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
        kind = _artifact_type(artifact_type)
        path = yield from self._orbit_path()
        return (yield from tracks.create(path, name, kind, description, tags, stages))

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
        path = yield from self._orbit_path()
        return (yield from find_track(path, track_value))

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
        path = yield from self._orbit_path()
        return (
            yield from tracks.fetch_tracks_page(
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

        def flow() -> Flow[None]:
            path = yield from self._orbit_path()
            yield from tracks.emit_tracks(
                path, limit=limit, sort_by=sort_by, order=order, search=search, types=types
            )

        return Items(flow())

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


def _artifact_type(value: ArtifactType | str) -> ArtifactType:
    try:
        return ArtifactType(value)
    except ValueError:
        known = ", ".join(repr(str(kind)) for kind in ArtifactType)
        raise InvalidArgumentError(f"artifact_type must be one of {known}, got {value!r}") from None
