"""`luml artifacts list|get|upload|download|update|delete`.

Artifacts are named by id, exact name or exact file name wherever a command takes one.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..._errors import FileDownloadError
from ...types import Artifact, ArtifactSortBy, ArtifactType
from .._context import State, common_options, get_state
from .._exit import CliError, ExitCode
from .._output import human_size, plain
from ._changes import confirm_delete, new_tags
from ._columns import ARTIFACT_COLUMNS, ARTIFACT_DETAILS
from ._listing import list_options, print_list
from ._placement import place, placement_options, plan

_REF = "NAME|ID"


def find_artifact(state: State, reference: str) -> Artifact:
    """The artifact of the default collection that `reference` names, or CliError (exit 3)."""
    found = state.client("collection").artifacts.get(reference)
    if found is None:
        raise CliError(
            f"no artifact {reference!r} in the collection (list them with: luml artifacts list)",
            ExitCode.NOT_FOUND,
        )
    return found


@click.group("artifacts")
def artifacts_group() -> None:
    """Artifacts (models, datasets, experiments) of the collection."""


@artifacts_group.command("list")
@list_options(
    search_help="Only artifacts whose name contains this text.",
    types=ArtifactType,
    types_help="Only artifacts of this type (repeatable).",
    sort_by=click.option(
        "--sort-by",
        metavar="COLUMN|METRIC",
        help=f"A column ({', '.join(column.value for column in ArtifactSortBy)}) or a metric key.",
    ),
)
@common_options("collection")
def list_artifacts(
    search: str | None, types: tuple[str, ...], sort_by: str | None, order: str, limit: int | None
) -> None:
    """List the collection's artifacts (every page)."""
    artifacts = get_state().client("collection").artifacts
    print_list(
        "artifact",
        artifacts.list_all,
        ARTIFACT_COLUMNS,
        search=search,
        types=types,
        sort_by=sort_by,
        order=order,
        limit=limit,
    )


@artifacts_group.command("get")
@click.argument("artifact", metavar=_REF)
@common_options("collection")
def get_artifact(artifact: str) -> None:
    """Show one artifact. Exit 3 if it does not exist."""
    state = get_state()
    state.output.item(find_artifact(state, artifact), ARTIFACT_DETAILS)


@artifacts_group.command("upload")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--name", help="Artifact name (default: the file name).")
@click.option("--description", help="Free text.")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@placement_options(track_option=True)
@common_options("collection")
def upload_artifact(
    file: Path,
    name: str | None,
    description: str | None,
    tags: tuple[str, ...],
    track: str | None,
    stage: str | None,
    create_track: bool,
    create_stage: bool,
    force: bool,
) -> None:
    """Upload a model file (.luml, .fnnx, .pyfnx, .dfs or .tar) to the collection,
    and with --track add it to that track as its next version (at --stage).

    The file's manifest and metrics are read locally, the bytes go straight to the
    organization's bucket, and the artifact is marked uploaded (or upload_failed, exit 5).
    The track and stage are checked before the upload: a missing one is exit 3 naming the
    command that makes it (or pass --create-track / --create-stage), a stage another
    version holds is exit 2 unless --force. Prints the new artifact (--json: with
    `track_entry`; --quiet: its id).

    \b
    Example:
      luml artifacts upload model.luml --track churn-model --stage production --create-track
    """
    if track is None and (stage or create_track or create_stage or force):
        raise CliError("--stage, --create-track, --create-stage and --force need --track")
    state = get_state()
    output = state.output
    planned = None
    if track is not None:
        planned = plan(
            state, track, stage, create_track=create_track, create_stage=create_stage, force=force
        )
    uploaded = state.client("collection").artifacts.upload(
        file, name, description, list(tags) or None, on_progress=output.progress()
    )
    if planned is None:
        output.item(uploaded, ARTIFACT_DETAILS)
        return
    entry = place(state, planned, uploaded.id, uploaded.type)
    at = f" at {entry.stage_name}" if entry.stage_name else ""
    output.item_with(
        uploaded,
        ARTIFACT_DETAILS,
        extra={"track_entry": plain(entry)},
        note=f"Added to track {planned.track_name} as v{entry.version}{at}",
    )


@artifacts_group.command("download")
@click.argument("artifact", metavar=_REF)
@click.argument("destination", type=click.Path(), required=False)
@click.option("--overwrite", is_flag=True, help="Replace an existing file.")
@common_options("collection")
def download_artifact(artifact: str, destination: str | None, overwrite: bool) -> None:
    """Download an artifact's file, verified against its SHA-256.

    DESTINATION is a file or a directory (ending in "/" it is created if missing; default:
    the artifact's file name in the current directory). Nothing is left behind when the
    download fails (exit 5). Prints the path.
    """
    state = get_state()
    output = state.output
    found = find_artifact(state, artifact)
    if destination is not None and destination.endswith(("/", os.sep)):
        Path(destination).mkdir(parents=True, exist_ok=True)
    try:
        from ...transfer.download import target_path

        target = target_path(destination, found.file_name, found.id)
    except FileDownloadError as error:  # a destination that cannot be used: bad input
        raise CliError(error.message) from None
    if target.exists() and not overwrite:
        raise CliError(f"{target} already exists: pass --overwrite to replace it")
    path = (
        state.client("collection")
        .artifacts.download(found.id, target, on_progress=output.progress())
        .absolute()
    )
    data = {"id": found.id, "path": str(path), "size": found.size, "file_hash": found.file_hash}
    output.data(data, f"Saved {path} ({human_size(found.size)})", quiet_text=str(path))


@artifacts_group.command("update")
@click.argument("artifact", metavar=_REF)
@click.option("--name", help="New name.")
@click.option("--description", help="New description.")
@click.option("--tag", "tags", multiple=True, help="Replace the tags with these (repeatable).")
@click.option("--clear-tags", is_flag=True, help="Remove every tag.")
@common_options("collection")
def update_artifact(
    artifact: str,
    name: str | None,
    description: str | None,
    tags: tuple[str, ...],
    clear_tags: bool,
) -> None:
    """Change an artifact's name, description or tags; prints the result."""
    wanted_tags = new_tags(name, description, tags, clear_tags)
    state = get_state()
    found = find_artifact(state, artifact)
    updated = state.client("collection").artifacts.update(
        found.id, name=name, description=description, tags=wanted_tags
    )
    state.output.item(updated, ARTIFACT_DETAILS)


@artifacts_group.command("delete")
@click.argument("artifact", metavar=_REF)
@click.option("-y", "--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--force", is_flag=True, help="Remove only the record (the stored file stays).")
@common_options("collection")
def delete_artifact(artifact: str, yes: bool, force: bool) -> None:
    """Delete an artifact: its stored file, then its record. Irreversible.

    Asks for confirmation on a terminal; without one (CI), pass --yes.
    """
    state = get_state()
    found = find_artifact(state, artifact)
    label = f"{found.name or found.file_name} ({found.id})"
    confirm_delete("artifact", label, yes)
    state.client("collection").artifacts.delete(found.id, force=force)
    state.output.data({"id": found.id, "deleted": True}, f"Deleted artifact {label}", found.id)
