"""`luml tracks ...` against the local server: the upload-add-download flow, every command
with --json, tables, --quiet, and the exit codes of what names nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from luml_facade.testing import Fault

from .conftest import Shell, write_artifact

TRACK_FIELDS = {
    "id", "name", "orbit_id", "artifact_type", "description", "tags", "stages", "next_version",
    "total_entries", "created_at", "updated_at",
}  # fmt: skip
STAGE_FIELDS = {"id", "track_id", "name", "is_used", "created_at", "updated_at"}
ENTRY_FIELDS = {
    "id", "track_id", "artifact_id", "version", "stage_id", "stage_name", "artifact_name",
    "artifact_description", "artifact_collection_id", "added_by", "created_at", "updated_at",
}  # fmt: skip
STAGES = ["--stage", "dev", "--stage", "staging", "--stage", "production"]


@pytest.fixture
def track(shell: Shell) -> str:
    """A model track "churn-model" with stages dev, staging, production; returns its id."""
    created = shell.json("tracks", "create", "churn-model", "--type", "model", *STAGES)
    return str(created["id"])


def upload(shell: Shell, path: Path) -> str:
    result = shell("artifacts", "upload", str(path), "-q", "--collection", "churn")
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


def test_upload_add_to_production_and_download_by_stage_in_three_commands(
    shell: Shell, track: str, model_file: Path
) -> None:
    """The acceptance flow: three commands, and the bytes come back identical."""
    uploaded = shell("artifacts", "upload", str(model_file), "--collection", "churn")
    assert uploaded.exit_code == 0, uploaded.stderr
    added = shell(
        "tracks", "add", "churn-model", "churn.luml", "--stage", "production",
        "--collection", "churn",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    downloaded = shell("tracks", "download", "churn-model", "--stage", "production", "back/")
    assert downloaded.exit_code == 0, downloaded.stderr
    saved = shell.workdir / "back" / "churn.luml"
    assert saved.read_bytes() == model_file.read_bytes()
    assert f"Saved {saved}" in downloaded.stdout
    assert "churn-model v1 at production" in downloaded.stdout


def test_create_list_and_show_with_json(shell: Shell, track: str, tmp_path: Path) -> None:
    created = shell.json("tracks", "show", track)
    assert set(created) == TRACK_FIELDS | {"versions"}
    assert [stage["name"] for stage in created["stages"]] == ["dev", "staging", "production"]
    assert set(created["stages"][0]) == STAGE_FIELDS | {"entry"}
    assert created["versions"] == [] and created["artifact_type"] == "model"

    first = upload(shell, write_artifact(tmp_path / "a.luml"))
    second = upload(shell, write_artifact(tmp_path / "b.luml"))
    shell.json("tracks", "add", "churn-model", first, "--stage", "production")
    entry = shell.json("tracks", "add", track, second, "--stage", "dev")
    assert set(entry) == ENTRY_FIELDS
    assert (entry["version"], entry["stage_name"], entry["artifact_id"]) == (2, "dev", second)

    listed = shell.json("tracks", "list")
    assert [item["name"] for item in listed] == ["churn-model"]
    assert set(listed[0]) == TRACK_FIELDS and listed[0]["total_entries"] == 2

    shown = shell.json("tracks", "show", "churn-model")
    at = {stage["name"]: stage["entry"] for stage in shown["stages"]}
    assert at["staging"] is None
    assert (at["dev"]["version"], at["dev"]["artifact_id"]) == (2, second)
    assert (at["production"]["version"], at["production"]["artifact_name"]) == (1, "a.luml")
    assert [item["version"] for item in shown["versions"]] == [2, 1]
    assert set(shown["versions"][0]) == ENTRY_FIELDS


def test_tables_and_quiet(shell: Shell, track: str, model_file: Path) -> None:
    artifact_id = upload(shell, model_file)
    added = shell("tracks", "add", "churn-model", artifact_id, "--stage", "staging", "-q")
    entry_id = added.stdout.strip()
    assert added.exit_code == 0 and len(entry_id) == 36 and added.stderr == ""

    listed = shell("tracks", "list")
    header, row = listed.stdout.splitlines()
    assert header.split() == ["ID", "NAME", "TYPE", "STAGES", "VERSIONS", "CREATED"]
    assert "churn-model" in row and "dev,staging,production" in row
    assert shell("tracks", "list", "-q").stdout.split() == [track]

    shown = shell("tracks", "show", "churn-model").stdout
    assert "Name:         churn-model" in shown
    stage_rows = {line.split()[0]: line.split()[1:] for line in shown.splitlines() if line}
    assert stage_rows["staging"][:2] == ["v1", "churn.luml"]
    assert stage_rows["production"] == ["-", "-", "-"]
    assert entry_id in shown  # the versions table has the entry ids remove/promote take
    assert shell("tracks", "show", "churn-model", "-q").stdout.strip() == track

    empty = shell("tracks", "list", "--search", "nothing-like-this")
    assert empty.exit_code == 0 and empty.stdout == "" and "No tracks." in empty.stderr


def test_promote_by_version_artifact_name_or_entry_id_and_force(
    shell: Shell, track: str, tmp_path: Path
) -> None:
    old = upload(shell, write_artifact(tmp_path / "old.luml"))
    new = upload(shell, write_artifact(tmp_path / "new.luml"))
    shell.json("tracks", "add", "churn-model", old, "--stage", "production")
    entry = shell.json("tracks", "add", "churn-model", new, "--stage", "dev")

    moved = shell.json("tracks", "promote", "churn-model", "v2", "--stage", "staging")
    assert (moved["id"], moved["stage_name"]) == (entry["id"], "staging")

    held = shell("tracks", "promote", "churn-model", "new.luml", "--stage", "production")
    assert held.exit_code == 2
    assert held.stderr == (
        "Error: stage 'production' of track 'churn-model' holds v1 (old.luml): "
        "pass --force to take it\n"
    )
    forced = shell.json(
        "tracks", "promote", "churn-model", entry["id"], "--stage", "production", "--force"
    )
    assert forced["stage_name"] == "production"
    shown = shell.json("tracks", "show", "churn-model")
    assert {item["version"]: item["stage_name"] for item in shown["versions"]} == {
        2: "production",
        1: None,
    }
    by_artifact_id = shell.json("tracks", "promote", "churn-model", old, "--stage", "dev")
    assert (by_artifact_id["version"], by_artifact_id["stage_name"]) == (1, "dev")
    by_number = shell("tracks", "promote", "churn-model", "1", "--stage", "staging", "-q")
    assert by_number.exit_code == 0 and by_number.stdout.strip() != entry["id"]


def test_download_by_stage_reports_what_it_saved(
    shell: Shell, track: str, model_file: Path
) -> None:
    artifact_id = upload(shell, model_file)
    entry = shell.json("tracks", "add", "churn-model", artifact_id, "--stage", "production")
    saved = shell.json("tracks", "download", "churn-model", "--stage", "production", "m.luml")
    assert saved == {
        "id": artifact_id,
        "path": str(shell.workdir / "m.luml"),
        "size": model_file.stat().st_size,
        "file_hash": saved["file_hash"],
        "track_id": track,
        "stage": "production",
        "version": 1,
        "entry_id": entry["id"],
    }
    assert (shell.workdir / "m.luml").read_bytes() == model_file.read_bytes()

    again = shell("tracks", "download", "churn-model", "--stage", "production", "m.luml")
    assert again.exit_code == 2 and "--overwrite" in again.stderr
    quiet = shell(
        "tracks", "download", track, "--stage", "production", "m.luml", "--overwrite", "-q"
    )
    assert quiet.exit_code == 0 and quiet.stdout.strip() == str(shell.workdir / "m.luml")


def test_remove_a_version(shell: Shell, track: str, tmp_path: Path) -> None:
    first = upload(shell, write_artifact(tmp_path / "a.luml"))
    second = upload(shell, write_artifact(tmp_path / "b.luml"))
    one = shell.json("tracks", "add", "churn-model", first)
    shell.json("tracks", "add", "churn-model", second)
    removed = shell.json("tracks", "remove", "churn-model", one["id"])
    assert removed == {"id": one["id"], "track_id": track, "version": 1, "removed": True}
    text = shell("tracks", "remove", "churn-model", "b.luml")
    assert text.exit_code == 0 and text.stdout == "Removed v2 (b.luml) from track churn-model\n"
    assert shell.json("tracks", "show", "churn-model")["versions"] == []
    assert len(shell.json("artifacts", "list", "--collection", "churn")) == 2  # artifacts stay


def test_what_names_nothing_exits_3_with_a_clear_message(
    shell: Shell, track: str, model_file: Path
) -> None:
    for command in (
        ["tracks", "show", "no-such-track"],
        ["tracks", "promote", "no-such-track", "v1", "--stage", "dev"],
        ["tracks", "download", "no-such-track", "--stage", "production"],
        ["tracks", "remove", "no-such-track", "v1"],
    ):
        result = shell(*command)
        assert result.exit_code == 3, command
        assert result.stderr == (
            "Error: no track 'no-such-track' in the orbit (list them with: luml tracks list)\n"
        )
    adding = shell("tracks", "add", "no-such-track", "x", "--stage", "production")
    assert adding.exit_code == 3
    assert adding.stderr == (
        "Error: no track 'no-such-track' in the orbit; create it with: "
        "luml tracks create no-such-track --stage production (or pass --create-track)\n"
    )

    empty = shell("tracks", "download", "churn-model", "--stage", "production", "--json")
    assert empty.exit_code == 3 and empty.stdout == ""
    assert json.loads(empty.stderr)["error"]["message"] == (
        "stage 'production' of track 'churn-model' holds no version "
        "(put one there with `luml tracks add` or `luml tracks promote`)"
    )
    assert list(shell.workdir.iterdir()) == []

    artifact_id = upload(shell, model_file)
    stage = shell("tracks", "add", "churn-model", artifact_id, "--stage", "prod")
    assert stage.exit_code == 3
    assert stage.stderr == (
        "Error: track 'churn-model' has no stage 'prod' (its stages: dev, staging, production); "
        "add it with: luml tracks stages add churn-model prod (or pass --create-stage)\n"
    )
    download = shell("tracks", "download", "churn-model", "--stage", "prod")
    assert download.exit_code == 3 and "no stage 'prod'" in download.stderr

    version = shell("tracks", "promote", "churn-model", "v7", "--stage", "dev")
    assert version.exit_code == 3
    assert version.stderr.startswith("Error: track 'churn-model' has no version 'v7'")
    missing_artifact = shell("tracks", "add", "churn-model", "nope.luml", "--collection", "churn")
    assert missing_artifact.exit_code == 3
    assert missing_artifact.stderr == (
        "Error: no artifact 'nope.luml' in the collection (list them with: luml artifacts list)\n"
    )


def test_bad_input_exits_2(shell: Shell, track: str, model_file: Path) -> None:
    artifact_id = upload(shell, model_file)
    shell.json("tracks", "add", "churn-model", artifact_id)
    assert shell("tracks", "add", "churn-model", artifact_id).exit_code == 2  # already in it
    assert shell("tracks", "create", "x", "--type", "pizza").exit_code == 2
    assert shell("tracks", "promote", "churn-model", "v1").exit_code == 2  # --stage required
    assert shell("tracks", "download", "churn-model").exit_code == 2
    twice = shell("tracks", "create", "dup", "--stage", "dev", "--stage", "dev")
    assert twice.exit_code == 2


def test_a_failed_download_exits_5_and_leaves_nothing(
    shell: Shell, track: str, model_file: Path
) -> None:
    artifact_id = upload(shell, model_file)
    shell.json("tracks", "add", "churn-model", artifact_id, "--stage", "production")
    shell.server.faults.add(Fault(target="storage", method="GET", status=403, times=20))
    result = shell("tracks", "download", "churn-model", "--stage", "production")
    assert result.exit_code == 5
    assert "Traceback" not in result.stderr
    assert list(shell.workdir.iterdir()) == []
