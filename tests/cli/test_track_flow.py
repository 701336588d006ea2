"""`luml artifacts upload FILE --track T --stage S` (the upload-and-stage flow in one command),
`luml tracks update|delete|stages ...`, errors that name the next command, and `metrics` in
--json, against the local server."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Shell, write_artifact

ONE_COMMAND = ("artifacts", "upload", "--collection", "churn", "--track", "churn-model")


def artifact_names(shell: Shell) -> list[str]:
    return [item["name"] for item in shell.json("artifacts", "list", "--collection", "churn")]


def test_upload_onto_a_new_tracks_stage_in_one_command_then_download(
    shell: Shell, model_file: Path
) -> None:
    uploaded = shell.json(*ONE_COMMAND, str(model_file), "--stage", "production", "--create-track")
    entry = uploaded["track_entry"]
    assert (entry["version"], entry["stage_name"]) == (1, "production")
    assert entry["artifact_id"] == uploaded["id"]
    assert uploaded["metrics"] == uploaded["extra_values"] == {"F1": 0.9}

    downloaded = shell("tracks", "download", "churn-model", "--stage", "production", "back/")
    assert downloaded.exit_code == 0, downloaded.stderr
    assert (shell.workdir / "back" / "churn.luml").read_bytes() == model_file.read_bytes()

    text = shell(*ONE_COMMAND, str(model_file), "--name", "v2.luml", "--stage", "production")
    assert text.exit_code == 2  # production is taken: nothing uploaded
    assert text.stderr == (
        "Error: stage 'production' of track 'churn-model' holds v1 (churn.luml): "
        "pass --force to take it\n"
    )
    assert artifact_names(shell) == ["churn.luml"]
    forced = shell(
        *ONE_COMMAND, str(model_file), "--name", "v2.luml", "--stage", "production", "--force"
    )
    assert forced.exit_code == 0, forced.stderr
    assert forced.stdout.endswith("Added to track churn-model as v2 at production\n")
    show = shell.json("tracks", "show", "churn-model")
    held = {stage["name"]: stage["entry"]["version"] for stage in show["stages"]}
    assert held == {"production": 2}


def test_a_missing_track_or_stage_names_the_command_and_uploads_nothing(
    shell: Shell, model_file: Path
) -> None:
    missing = shell(*ONE_COMMAND, str(model_file), "--stage", "production")
    assert missing.exit_code == 3
    assert missing.stderr == (
        "Error: no track 'churn-model' in the orbit; create it with: "
        "luml tracks create churn-model --stage production (or pass --create-track)\n"
    )
    assert artifact_names(shell) == []

    assert shell("tracks", "create", "churn-model", "-q").exit_code == 0  # no stages
    no_stage = shell(*ONE_COMMAND, str(model_file), "--stage", "production")
    assert no_stage.exit_code == 3
    assert no_stage.stderr == (
        "Error: track 'churn-model' has no stage 'production' (it has no stages yet); add it "
        "with: luml tracks stages add churn-model production (or pass --create-stage)\n"
    )
    assert artifact_names(shell) == []
    assert shell("tracks", "stages", "add", "churn-model", "production", "-q").exit_code == 0

    added = shell.json(*ONE_COMMAND, str(model_file), "--stage", "production")
    assert added["track_entry"]["stage_name"] == "production"
    other = write_artifact(shell.workdir / "other.luml")
    created = shell.json(*ONE_COMMAND, str(other), "--stage", "dev", "--create-stage")
    assert (created["track_entry"]["version"], created["track_entry"]["stage_name"]) == (2, "dev")
    stages = shell.json("tracks", "stages", "list", "churn-model")
    assert [(stage["name"], stage["is_used"]) for stage in stages] == [
        ("production", True),
        ("dev", True),
    ]

    alone = shell("artifacts", "upload", str(model_file), "--stage", "production")
    assert alone.exit_code == 2 and "need --track" in alone.stderr


def test_tracks_add_creates_what_it_is_asked_to(shell: Shell, model_file: Path) -> None:
    artifact_id = shell.json("artifacts", "upload", str(model_file), "--collection", "churn")["id"]
    entry = shell.json(
        "tracks", "add", "fraud-model", artifact_id, "--stage", "production", "--create-track"
    )
    assert (entry["version"], entry["stage_name"]) == (1, "production")
    track = shell.json("tracks", "show", "fraud-model")
    assert track["artifact_type"] == "model"
    assert [stage["name"] for stage in track["stages"]] == ["production"]


def test_update_delete_and_stage_management(shell: Shell, model_file: Path) -> None:
    shell.json("tracks", "create", "churn-model", "--stage", "dev", "--stage", "staging")
    updated = shell.json(
        "tracks", "update", "churn-model", "--name", "churn", "--description", "d", "--tag", "a"
    )
    assert (updated["name"], updated["description"], updated["tags"]) == ("churn", "d", ["a"])
    assert shell("tracks", "update", "churn").exit_code == 2  # nothing to change

    shell.json(*ONE_COMMAND[:-1], "churn", str(model_file), "--stage", "dev")
    renamed = shell.json("tracks", "stages", "rename", "churn", "dev", "development")
    assert [stage["name"] for stage in renamed["stages"]] == ["development", "staging"]
    assert shell.json("tracks", "show", "churn")["stages"][0]["entry"]["version"] == 1

    held = shell("tracks", "stages", "remove", "churn", "development")
    assert held.exit_code == 2
    assert held.stderr == (
        "Error: stage 'development' of track 'churn' holds v1: move it first with: "
        "luml tracks promote churn v1 --stage OTHER_STAGE, or remove it with: "
        "luml tracks remove churn v1\n"
    )
    removed = shell("tracks", "stages", "remove", "churn", "staging")
    assert removed.exit_code == 0 and removed.stdout == "Removed stage 'staging' from track churn\n"
    repeated = shell("tracks", "stages", "add", "churn", "development")
    assert repeated.exit_code == 2

    refused = shell("tracks", "delete", "churn")  # no terminal, no --yes
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    deleted = shell.json("tracks", "delete", "churn", "--yes")
    assert deleted["deleted"] is True
    assert shell.json("tracks", "list") == []
    assert artifact_names(shell) == ["churn.luml"]  # the artifact stays


def test_not_found_reads_the_same_from_the_facade_and_the_cli(
    shell: Shell, model_file: Path
) -> None:
    shell.json(*ONE_COMMAND, str(model_file), "--stage", "dev", "--create-track")
    from_facade = shell("tracks", "download", "churn-model", "--stage", "prod")
    assert from_facade.exit_code == 3
    assert (
        from_facade.stderr
        == "Error: track 'churn-model' has no stage 'prod'; its stages are 'dev'\n"
    )
    from_cli = shell("tracks", "show", "nope")
    assert from_cli.stderr.startswith("Error: no track 'nope'")
    secret = shell("bucket-secrets", "check", "nope")
    assert secret.stderr.startswith("Error: no bucket secret 'nope'")
    for result in (from_facade, from_cli, secret):
        assert "404" not in result.stderr


def test_json_artifacts_carry_metrics(shell: Shell, model_file: Path) -> None:
    shell.json("artifacts", "upload", str(model_file), "--collection", "churn")
    got = shell.json("artifacts", "get", "churn.luml", "--collection", "churn")
    assert got["metrics"] == got["extra_values"] == {"F1": 0.9}
    (listed,) = shell.json("artifacts", "list", "--collection", "churn")
    assert listed["metrics"] == {"F1": 0.9}


def test_track_delete_asks_on_a_terminal(shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("luml_facade.cli.commands._changes.is_terminal", lambda stream: True)
    shell.json("tracks", "create", "churn-model")
    declined = shell("tracks", "delete", "churn-model", input="n\n")
    assert declined.exit_code != 0 and "Delete track churn-model" in declined.stderr
    assert [track["name"] for track in shell.json("tracks", "list")] == ["churn-model"]
    assert shell("tracks", "delete", "churn-model", input="y\n").exit_code == 0
    assert shell.json("tracks", "list") == []
