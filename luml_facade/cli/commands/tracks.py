"""`luml tracks list|show|create|add|promote|download|remove`.

Tracks and stages are named by id or exact name. A version of a track (what `promote` and
`remove` take) is named by its entry id, its artifact's id or exact name, or its version
number (`3` or `v3`), tried in that order. `add` takes an artifact id, or a name or file name
looked up in the collection (--collection).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..._errors import ConflictError, FileDownloadError
from ..._lookup import parse_uuid
from ...types import ArtifactType, Stage, Track, TrackEntry, TrackSortBy
from .._context import State, common_options, get_state
from .._exit import CliError, ExitCode
from .._output import cell, human_size, plain, render_table
from ._columns import ENTRY_COLUMNS, ENTRY_DETAILS, TRACK_COLUMNS, TRACK_DETAILS
from ._listing import enum_choice, list_options, print_list
from ._placement import held_message, place, placement_options, plan
from .artifacts import find_artifact

if TYPE_CHECKING:
    from ..._client import LumlClient

_TRACK = "TRACK"
_VERSION = re.compile(r"[vV]?(\d+)")
_VERSION_HELP = "an entry id, an artifact id or name in the track, or a version such as v3"


def find_track(state: State, reference: str) -> Track:
    """The orbit's track `reference` names (id or exact name), or CliError (exit 3)."""
    found = state.client("orbit").tracks.get(reference)
    if found is None:
        raise CliError(
            f"no track {reference!r} in the orbit (list them with: luml tracks list)",
            ExitCode.NOT_FOUND,
        )
    return found


def track_versions(client: LumlClient, track: Track) -> list[TrackEntry]:
    """Every version (entry) of the track, newest first."""
    return list(client.tracks.list_all_artifacts(track.id, sort_by="version", order="desc"))


def find_version(entries: Iterable[TrackEntry], track: Track, reference: str) -> TrackEntry:
    """The version `reference` names: entry id, artifact id, artifact name, then version number.

    Raises CliError: nothing matches (exit 3), or several artifacts share the name (exit 2).
    """
    entries = list(entries)
    number = _VERSION.fullmatch(reference)
    tests: list[Callable[[TrackEntry], bool]] = [
        lambda entry: reference in (entry.id, entry.artifact_id),
        lambda entry: entry.artifact_name == reference,
        lambda entry: number is not None and entry.version == int(number[1]),
    ]
    for test in tests:
        matches = [entry for entry in entries if test(entry)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            versions = ", ".join(f"v{entry.version}" for entry in matches)
            raise CliError(
                f"{len(matches)} versions of track {track.name!r} are named {reference!r} "
                f"({versions}): name one by version or entry id"
            )
    raise CliError(
        f"track {track.name!r} has no version {reference!r} ({_VERSION_HELP})", ExitCode.NOT_FOUND
    )


@click.group("tracks")
def tracks_group() -> None:
    """Model versions and the stages (dev, staging, production) they are at.

    \b
    Tracks and stages are named by id or exact name. A version (for promote and
    remove) is named by its entry id, its artifact's id or name, or its number (v3).
    """


@tracks_group.command("list")
@list_options(
    search_help="Only tracks whose name or a tag contains this text.",
    types=ArtifactType,
    types_help="Only tracks of this artifact type (repeatable).",
    sort_by=click.option("--sort-by", type=enum_choice(TrackSortBy)),
)
@common_options("orbit")
def list_tracks(
    search: str | None, types: tuple[str, ...], sort_by: str | None, order: str, limit: int | None
) -> None:
    """List the orbit's tracks (every page) with their stages."""
    tracks = get_state().client("orbit").tracks
    print_list(
        "track",
        tracks.list_all,
        TRACK_COLUMNS,
        search=search,
        types=types,
        sort_by=sort_by,
        order=order,
        limit=limit,
    )


@tracks_group.command("show")
@click.argument("track", metavar=_TRACK)
@common_options("orbit")
def show_track(track: str) -> None:
    """Show a track: each stage with the version at it, then every version (newest first).

    With --json: the track's fields, each stage with an `entry` (the version at it, or
    null), and `versions`. Exit 3 if the track does not exist.
    """
    state = get_state()
    found = find_track(state, track)
    versions = track_versions(state.client("orbit"), found)
    at_stage = {entry.stage_id: entry for entry in versions if entry.stage_id is not None}
    stages = [(stage, at_stage.get(stage.id)) for stage in found.stages]
    data = {
        **plain(found),
        "stages": [{**plain(stage), "entry": plain(entry)} for stage, entry in stages],
        "versions": plain(versions),
    }
    state.output.data(data, _show_text(found, stages, versions), quiet_text=found.id)


def _show_text(
    track: Track, stages: list[tuple[Stage, TrackEntry | None]], versions: list[TrackEntry]
) -> str:
    width = max(len(header) for header, _ in TRACK_DETAILS)
    lines = [f"{header + ':':<{width + 1}} {cell(get(track))}" for header, get in TRACK_DETAILS]
    if stages:
        rows = [
            [
                stage.name,
                cell(None if entry is None else f"v{entry.version}"),
                cell(None if entry is None else entry.artifact_name),
                cell(None if entry is None else entry.artifact_id),
            ]
            for stage, entry in stages
        ]
        lines += ["", render_table(["STAGE", "VERSION", "ARTIFACT", "ARTIFACT ID"], rows)]
    if versions:
        rows = [[cell(get(entry)) for _, get in ENTRY_COLUMNS] for entry in versions]
        lines += ["", render_table([header for header, _ in ENTRY_COLUMNS], rows)]
    else:
        lines += ["", "No versions yet: luml tracks add TRACK ARTIFACT [--stage STAGE]"]
    return "\n".join(lines)


@tracks_group.command("create")
@click.argument("name")
@click.option(
    "--type",
    "artifact_type",
    type=enum_choice(ArtifactType),
    default=ArtifactType.MODEL.value,
    show_default=True,
    help="The type of artifact the track holds.",
)
@click.option(
    "--stage", "stages", multiple=True, help="A stage, in order (repeatable): dev, staging, ..."
)
@click.option("--description", help="Free text.")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@common_options("orbit")
def create_track(
    name: str,
    artifact_type: str,
    stages: tuple[str, ...],
    description: str | None,
    tags: tuple[str, ...],
) -> None:
    """Create a track in the orbit; prints it (--quiet: its id).

    Example: luml tracks create churn-model --stage dev --stage staging --stage production
    """
    state = get_state()
    created = state.client("orbit").tracks.create(
        name, artifact_type, description, list(tags) or None, list(stages) or None
    )
    state.output.item(created, TRACK_DETAILS)
    if not created.stages:
        state.output.note(
            f"No stages yet: add some with: luml tracks stages add {name} dev staging production"
        )


@tracks_group.command("add")
@click.argument("track", metavar=_TRACK)
@click.argument("artifact", metavar="ARTIFACT")
@placement_options(track_option=False)
@common_options("collection")
def add_to_track(
    track: str,
    artifact: str,
    stage: str | None,
    create_track: bool,
    create_stage: bool,
    force: bool,
) -> None:
    """Add an artifact to a track as its next version, optionally at a stage.

    ARTIFACT is an artifact id (any collection of the orbit), or a name or file name
    looked up in the collection (--collection). Prints the new version (--quiet: the
    entry id). A missing track or stage is exit 3 (the message names the command that
    makes it; --create-track / --create-stage make it here); a stage another version
    holds is exit 2 unless --force.
    """
    state = get_state()
    planned = plan(
        state, track, stage, create_track=create_track, create_stage=create_stage, force=force
    )
    if parse_uuid(artifact) is not None:
        artifact_id, artifact_type = artifact, None
    else:
        found = find_artifact(state, artifact)
        artifact_id, artifact_type = found.id, found.type
    entry = place(state, planned, artifact_id, artifact_type)
    state.output.item(entry, ENTRY_DETAILS)


@tracks_group.command("promote")
@click.argument("track", metavar=_TRACK)
@click.argument("version", metavar="VERSION")
@click.option("--stage", required=True, help="The stage to move the version to.")
@click.option("--force", is_flag=True, help="Take the stage from the version holding it.")
@common_options("orbit")
def promote_version(track: str, version: str, stage: str, force: bool) -> None:
    """Move a version of a track to a stage (e.g. production).

    VERSION is an entry id, an artifact id or exact name in the track, or a version
    number (3 or v3). A stage holds one version: when another holds it, pass --force
    (else exit 2). Prints the moved version (--quiet: the entry id).
    """
    state = get_state()
    client = state.client("orbit")
    found = find_track(state, track)
    versions = track_versions(client, found)
    chosen = find_version(versions, found, version)
    target = next((item for item in found.stages if stage in (item.id, item.name)), None)
    holder = (
        None
        if target is None
        else next(
            (item for item in versions if item.stage_id == target.id and item.id != chosen.id), None
        )
    )
    if holder is not None and not force:
        raise CliError(held_message(found, stage, holder))
    try:
        moved = client.tracks.update_artifact(found.id, chosen.id, stage, force=force)
    except ConflictError as error:  # taken since we looked
        raise CliError(f"{error.message} Pass --force to take the stage.") from None
    state.output.item(moved, ENTRY_DETAILS)


@tracks_group.command("download")
@click.argument("track", metavar=_TRACK)
@click.argument("destination", type=click.Path(), required=False)
@click.option("--stage", required=True, help="The stage whose version to download.")
@click.option("--overwrite", is_flag=True, help="Replace an existing file.")
@common_options("orbit")
def download_stage(track: str, destination: str | None, stage: str, overwrite: bool) -> None:
    """Download the artifact a stage holds ("whatever is in production"), SHA-256 verified.

    DESTINATION is a file or a directory (ending in "/" it is created if missing; default:
    the artifact's file name in the current directory). Exit 3 when the track or the
    stage does not exist or the stage is empty, 5 when the download fails (nothing is
    left behind). Prints the path.
    """
    state = get_state()
    output = state.output
    client = state.client("orbit")
    found = find_track(state, track)
    entry = client.tracks.get_artifact_by_stage(found.id, stage)
    if entry is None:
        raise CliError(
            f"stage {stage!r} of track {found.name!r} holds no version "
            f"(put one there with `luml tracks add` or `luml tracks promote`)",
            ExitCode.NOT_FOUND,
        )
    artifact = client.artifacts.get(entry.artifact_id, collection_id=entry.artifact_collection_id)
    if artifact is None:
        raise CliError(f"the artifact of v{entry.version} is gone", ExitCode.NOT_FOUND)
    if destination is not None and destination.endswith(("/", os.sep)):
        Path(destination).mkdir(parents=True, exist_ok=True)
    try:
        from ...transfer.download import target_path

        target = target_path(destination, artifact.file_name, artifact.id)
    except FileDownloadError as error:  # a destination that cannot be used: bad input
        raise CliError(error.message) from None
    if target.exists() and not overwrite:
        raise CliError(f"{target} already exists: pass --overwrite to replace it")
    path = client.tracks.download_by_stage(
        found.id, stage, target, on_progress=output.progress()
    ).absolute()
    data = {
        "id": artifact.id,
        "path": str(path),
        "size": artifact.size,
        "file_hash": artifact.file_hash,
        "track_id": found.id,
        "stage": entry.stage_name,
        "version": entry.version,
        "entry_id": entry.id,
    }
    text = f"Saved {path} ({human_size(artifact.size)}): {found.name} v{entry.version} at {stage}"
    output.data(data, text, quiet_text=str(path))


@tracks_group.command("remove")
@click.argument("track", metavar=_TRACK)
@click.argument("version", metavar="VERSION")
@common_options("orbit")
def remove_version(track: str, version: str) -> None:
    """Remove a version from a track (the artifact itself stays; the number is not reused).

    VERSION is an entry id, an artifact id or exact name in the track, or a version
    number (3 or v3).
    """
    state = get_state()
    client = state.client("orbit")
    found = find_track(state, track)
    chosen = find_version(track_versions(client, found), found, version)
    client.tracks.remove_artifact(found.id, chosen.id)
    label = f"v{chosen.version}" + (f" ({chosen.artifact_name})" if chosen.artifact_name else "")
    data = {"id": chosen.id, "track_id": found.id, "version": chosen.version, "removed": True}
    state.output.data(data, f"Removed {label} from track {found.name}", chosen.id)
