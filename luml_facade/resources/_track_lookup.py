"""Finding a track by id or exact name, and one of its stages by id or name."""

from __future__ import annotations

from .._errors import NotFoundError
from .._flow import Flow
from .._lookup import parse_uuid, pick
from .._session import M
from ..calls import tracks
from ..calls._route import OrbitPath
from ..types import Stage, Track
from ._scoped import InOrbit


def find_track(path: OrbitPath, value: str) -> Flow[Track | None]:
    """The track whose id is `value`, else the one named exactly `value` (every page
    searched); None when nothing matches, MultipleResourcesFoundError for several."""
    if parse_uuid(value) is not None:
        try:
            return (yield from tracks.fetch_track(path, value))
        except NotFoundError:
            pass
    named = yield from tracks.find_tracks_named(path, value)
    return pick("track", value, named)


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


class TrackLookup(InOrbit[M]):
    """Track and stage resolution shared by the track methods."""

    def _track(self, value: str) -> Flow[tuple[OrbitPath, Track]]:
        """The orbit path and the track `value` names (id or exact name)."""
        path = yield from self._orbit_path()
        found = yield from find_track(path, value)
        if found is None:
            raise NotFoundError(f"no track {value!r} in the orbit", status_code=404)
        return path, found

    def _track_id(self, value: str) -> Flow[tuple[OrbitPath, str]]:
        """The orbit path and the id of the track `value` names (an id is used as given)."""
        if parse_uuid(value) is not None:
            path = yield from self._orbit_path()
            return path, value
        path, track = yield from self._track(value)
        return path, track.id
