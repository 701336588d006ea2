"""`luml tracks update|delete` and `luml tracks stages list|add|rename|remove`.

Added to the `tracks` group (commands/tracks.py); everything goes through the facade's
`tracks` resource. Stages keep the versions at them: `tracks.update(stages=[...])` keeps every
stage still listed, so adding or renaming one never moves a version.
"""

from __future__ import annotations

import click

from .._context import common_options, get_state
from .._exit import CliError, ExitCode
from .._output import plain
from ._changes import confirm_delete, new_tags
from ._columns import TRACK_DETAILS
from ._placement import has_stage, missing_stage
from .tracks import find_track, tracks_group

_TRACK = "TRACK"


@tracks_group.command("update")
@click.argument("track", metavar=_TRACK)
@click.option("--name", help="New name.")
@click.option("--description", help="New description.")
@click.option("--tag", "tags", multiple=True, help="Replace the tags with these (repeatable).")
@click.option("--clear-tags", is_flag=True, help="Remove every tag.")
@common_options("orbit")
def update_track(
    track: str,
    name: str | None,
    description: str | None,
    tags: tuple[str, ...],
    clear_tags: bool,
) -> None:
    """Change a track's name, description or tags; prints the result.

    Stages have their own commands: luml tracks stages add|rename|remove.
    """
    wanted_tags = new_tags(name, description, tags, clear_tags)
    state = get_state()
    found = find_track(state, track)
    updated = state.client("orbit").tracks.update(
        found.id, name=name, description=description, tags=wanted_tags
    )
    state.output.item(updated, TRACK_DETAILS)


@tracks_group.command("delete")
@click.argument("track", metavar=_TRACK)
@click.option("-y", "--yes", is_flag=True, help="Do not ask for confirmation.")
@common_options("orbit")
def delete_track(track: str, yes: bool) -> None:
    """Delete a track with its stages and version history (the artifacts stay).

    Asks for confirmation on a terminal; without one (CI), pass --yes.
    """
    state = get_state()
    found = find_track(state, track)
    label = f"{found.name} ({found.id}, {found.total_entries} versions)"
    confirm_delete("track", label, yes)
    state.client("orbit").tracks.delete(found.id)
    state.output.data({"id": found.id, "deleted": True}, f"Deleted track {label}", found.id)


@tracks_group.group("stages")
def stages_group() -> None:
    """The stages of a track (dev, staging, production, ...), in order."""


@stages_group.command("list")
@click.argument("track", metavar=_TRACK)
@common_options("orbit")
def list_stages(track: str) -> None:
    """List a track's stages, oldest first, and whether a version is at each."""
    state = get_state()
    found = find_track(state, track)
    stages = state.client("orbit").tracks.list_stages(found.id)
    columns = [
        ("ID", lambda stage: stage.id),
        ("NAME", lambda stage: stage.name),
        ("IN USE", lambda stage: "yes" if stage.is_used else "no"),
    ]
    state.output.items("stage", stages, columns)


@stages_group.command("add")
@click.argument("track", metavar=_TRACK)
@click.argument("stages", metavar="STAGE...", nargs=-1, required=True)
@common_options("orbit")
def add_stages(track: str, stages: tuple[str, ...]) -> None:
    """Add stages at the end of a track's stages; prints the track.

    Example: luml tracks stages add churn-model staging production
    """
    state = get_state()
    found = find_track(state, track)
    existing = [stage.name for stage in found.stages]
    repeated = [stage for stage in stages if stage in existing]
    if repeated:
        raise CliError(f"track {found.name!r} already has the stage {repeated[0]!r}")
    updated = state.client("orbit").tracks.update(found.id, stages=[*existing, *stages])
    state.output.item(updated, TRACK_DETAILS)


@stages_group.command("rename")
@click.argument("track", metavar=_TRACK)
@click.argument("stage", metavar="STAGE")
@click.argument("new_name", metavar="NEW_NAME")
@common_options("orbit")
def rename_stage(track: str, stage: str, new_name: str) -> None:
    """Rename a stage (the version at it stays); prints the track."""
    state = get_state()
    found = find_track(state, track)
    if not has_stage(found, stage):
        raise missing_stage(found, stage)
    wanted = [
        {"id": item.id, "name": new_name if stage in (item.id, item.name) else item.name}
        for item in found.stages
    ]
    updated = state.client("orbit").tracks.update(found.id, stages=wanted)
    state.output.item(updated, TRACK_DETAILS)


@stages_group.command("remove")
@click.argument("track", metavar=_TRACK)
@click.argument("stage", metavar="STAGE")
@common_options("orbit")
def remove_stage(track: str, stage: str) -> None:
    """Remove a stage from a track. A stage a version is at is refused (exit 2): move the
    version first (luml tracks promote) or remove it (luml tracks remove)."""
    state = get_state()
    found = find_track(state, track)
    if not has_stage(found, stage):
        raise missing_stage(found, stage)
    kept = [item.name for item in found.stages if stage not in (item.id, item.name)]
    holder = state.client("orbit").tracks.get_artifact_by_stage(found.id, stage)
    if holder is not None:
        raise CliError(
            f"stage {stage!r} of track {found.name!r} holds v{holder.version}: move it first "
            f"with: luml tracks promote {found.name} v{holder.version} --stage OTHER_STAGE, "
            f"or remove it with: luml tracks remove {found.name} v{holder.version}",
            ExitCode.BAD_INPUT,
        )
    updated = state.client("orbit").tracks.update(found.id, stages=kept)
    state.output.data(
        plain(updated), f"Removed stage {stage!r} from track {found.name}", quiet_text=found.id
    )
