"""Putting an artifact on a track (at a stage): what `luml artifacts upload --track` and
`luml tracks add` share.

Everything that can be checked is checked before anything changes: a missing track or stage
fails with the command that makes it (or is made, with --create-track / --create-stage), and
a stage another version holds fails unless --force. Only then is the file uploaded, the track
or stage created, and the artifact added; through the public facade API only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import click

from ...types import ArtifactType, Track, TrackEntry
from .._context import State
from .._exit import CliError, ExitCode

F = TypeVar("F", bound=Callable[..., Any])


def placement_options(track_option: bool) -> Callable[[F], F]:
    """--stage, --create-track, --create-stage and --force (and --track when asked)."""

    def decorate(command: F) -> F:
        options = [
            click.option(
                "--force", is_flag=True, help="Take the stage from the version holding it."
            ),
            click.option(
                "--create-stage",
                is_flag=True,
                help="Add the stage to the track (last) when it has none of that name.",
            ),
            click.option(
                "--create-track",
                is_flag=True,
                help="Create the track (with the stage) when it does not exist.",
            ),
            click.option("--stage", help="Put the new version at this stage (e.g. production)."),
        ]
        if track_option:
            options.append(
                click.option("--track", help="Add the artifact to this track (id or name).")
            )
        for option in options:
            command = option(command)
        return command

    return decorate


@attrs.frozen
class Placement:
    """Where a new version goes: the track (None: to be created), the stage, and what to do."""

    track_name: str
    track: Track | None
    stage: str | None
    create_stage: bool
    holder: TrackEntry | None


def has_stage(track: Track, stage: str) -> bool:
    return any(stage in (item.id, item.name) for item in track.stages)


def missing_track(name: str, stage: str | None) -> CliError:
    stage_flag = f" --stage {stage}" if stage else " --stage production"
    return CliError(
        f"no track {name!r} in the orbit; create it with: luml tracks create {name}{stage_flag} "
        "(or pass --create-track)",
        ExitCode.NOT_FOUND,
    )


def missing_stage(track: Track, stage: str) -> CliError:
    names = ", ".join(item.name for item in track.stages)
    which = f"its stages: {names}" if names else "it has no stages yet"
    return CliError(
        f"track {track.name!r} has no stage {stage!r} ({which}); add it with: "
        f"luml tracks stages add {track.name} {stage} (or pass --create-stage)",
        ExitCode.NOT_FOUND,
    )


def held_message(track: Track, stage: str, holder: TrackEntry) -> str:
    name = f" ({holder.artifact_name})" if holder.artifact_name else ""
    return (
        f"stage {stage!r} of track {track.name!r} holds v{holder.version}{name}: "
        "pass --force to take it"
    )


def plan(
    state: State,
    track: str,
    stage: str | None,
    *,
    create_track: bool,
    create_stage: bool,
    force: bool,
) -> Placement:
    """Check that the artifact can go on `track` at `stage`, changing nothing.

    Raises CliError naming the command to run: no such track (exit 3, unless create_track),
    no such stage (exit 3, unless create_stage or the track is to be created), the stage is
    held by another version (exit 2, unless force).
    """
    tracks = state.client("orbit").tracks
    found = tracks.get(track)
    if found is None:
        if not create_track:
            raise missing_track(track, stage)
        return Placement(track, None, stage, False, None)
    if stage is None:
        return Placement(found.name, found, None, False, None)
    if not has_stage(found, stage):
        if not create_stage:
            raise missing_stage(found, stage)
        return Placement(found.name, found, stage, True, None)
    holder = tracks.get_artifact_by_stage(found.id, stage)
    if holder is not None and not force:
        raise CliError(held_message(found, stage, holder))
    return Placement(found.name, found, stage, False, holder)


def place(state: State, placement: Placement, artifact_id: str, artifact_type: Any) -> TrackEntry:
    """Create what `placement` says is missing, then add the artifact (at the stage)."""
    tracks = state.client("orbit").tracks
    stage = placement.stage
    track = placement.track
    if track is None:
        kind = artifact_type if artifact_type is not None else ArtifactType.MODEL
        stages = [stage] if stage else None
        track = tracks.create(placement.track_name, kind, stages=stages)
    elif stage is not None and placement.create_stage:
        track = tracks.update(track.id, stages=[*(item.name for item in track.stages), stage])
    if stage is None or placement.holder is None:
        return tracks.add_artifact(track.id, artifact_id, stage=stage)
    entry = tracks.add_artifact(track.id, artifact_id)  # the stage is taken: move it (--force)
    return tracks.update_artifact(track.id, entry.id, stage, force=True)
