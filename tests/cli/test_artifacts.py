"""`luml artifacts ...`, `luml orbits ...`, `luml collections ...` against the local server."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from luml_facade.testing import Fault

from .conftest import Shell, write_artifact

ARTIFACT_FIELDS = {
    "id", "collection_id", "name", "file_name", "description", "extra_values", "manifest",
    "file_hash", "file_index", "bucket_location", "size", "unique_identifier", "status", "type",
    "tags", "created_by_user", "collection_name", "created_at", "updated_at", "metrics",
}  # fmt: skip


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upload_list_get_download_round_trip(shell: Shell, model_file: Path) -> None:
    uploaded = shell.json(
        "artifacts", "upload", str(model_file), "--collection", "churn", "--tag", "prod"
    )
    assert uploaded["name"] == "churn.luml"
    assert uploaded["status"] == "uploaded"
    assert uploaded["tags"] == ["prod"]
    assert uploaded["extra_values"] == {"F1": 0.9}
    assert uploaded["file_hash"] == sha256(model_file)

    listed = shell.json("artifacts", "list", "--collection", "churn")
    assert [item["id"] for item in listed] == [uploaded["id"]]
    assert set(listed[0]) == ARTIFACT_FIELDS  # scripts rely on these names

    by_name = shell.json("artifacts", "get", "churn.luml", "--collection", "churn")
    by_id = shell.json("artifacts", "get", uploaded["id"], "--collection", "churn")
    assert by_name["id"] == by_id["id"] == uploaded["id"]

    result = shell("artifacts", "download", "churn.luml", "out/", "--collection", "churn")
    assert result.exit_code == 0, result.stderr
    saved = shell.workdir / "out" / "churn.luml"
    assert saved.read_bytes() == model_file.read_bytes()
    assert str(saved) in result.stdout


def test_tables_for_people(shell: Shell, model_file: Path) -> None:
    shell("artifacts", "upload", str(model_file), "--collection", "churn", "--name", "Churn v2")
    listed = shell("--collection", "churn", "artifacts", "list")
    assert listed.exit_code == 0
    header, row = listed.stdout.splitlines()
    assert header.split() == ["ID", "NAME", "TYPE", "STATUS", "SIZE", "TAGS", "CREATED"]
    assert "Churn v2" in row and "uploaded" in row
    details = shell("artifacts", "get", "Churn v2", "--collection", "churn").stdout
    assert "Name:        Churn v2" in details
    assert 'Metrics:     {"F1": 0.9}' in details


def test_quiet_prints_ids_and_paths_only(shell: Shell, model_file: Path) -> None:
    uploaded = shell("-q", "artifacts", "upload", str(model_file), "--collection", "churn")
    artifact_id = uploaded.stdout.strip()
    assert uploaded.exit_code == 0 and len(artifact_id) == 36
    assert uploaded.stderr == ""
    listed = shell("artifacts", "list", "-q", "--collection", "churn")
    assert listed.stdout.split() == [artifact_id]
    downloaded = shell("artifacts", "download", artifact_id, "-q", "--collection", "churn")
    assert downloaded.stdout.strip() == str(shell.workdir / "churn.luml")


def test_list_filters_and_limits(shell: Shell, tmp_path: Path) -> None:
    for index in range(3):
        path = write_artifact(tmp_path / f"m{index}.luml", f1=index / 10)
        shell("artifacts", "upload", str(path), "--collection", "churn")
    best = shell.json(
        "artifacts", "list", "--collection", "churn", "--sort-by", "F1", "--limit", "2"
    )
    assert [item["name"] for item in best] == ["m2.luml", "m1.luml"]
    found = shell.json("artifacts", "list", "--collection", "churn", "--search", "m0")
    assert [item["name"] for item in found] == ["m0.luml"]
    empty = shell("artifacts", "list", "--collection", "scratch")
    assert empty.exit_code == 0 and empty.stdout == "" and "No artifacts." in empty.stderr


def test_update_changes_only_what_is_given(shell: Shell, model_file: Path) -> None:
    shell("artifacts", "upload", str(model_file), "--collection", "churn", "--tag", "a")
    updated = shell.json(
        "artifacts", "update", "churn.luml", "--collection", "churn",
        "--name", "Churn v3", "--tag", "prod", "--tag", "eu",
    )  # fmt: skip
    assert (updated["name"], updated["tags"]) == ("Churn v3", ["prod", "eu"])
    cleared = shell.json("artifacts", "update", "Churn v3", "--collection", "churn", "--clear-tags")
    assert cleared["tags"] in ([], None)
    assert cleared["name"] == "Churn v3"
    nothing = shell("artifacts", "update", "Churn v3", "--collection", "churn")
    assert nothing.exit_code == 2 and "nothing to change" in nothing.stderr


def test_delete_needs_yes_without_a_terminal(shell: Shell, model_file: Path) -> None:
    shell("artifacts", "upload", str(model_file), "--collection", "churn")
    refused = shell("artifacts", "delete", "churn.luml", "--collection", "churn")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert len(shell.json("artifacts", "list", "--collection", "churn")) == 1

    deleted = shell.json("artifacts", "delete", "churn.luml", "--yes", "--collection", "churn")
    assert deleted["deleted"] is True
    assert shell.json("artifacts", "list", "--collection", "churn") == []
    again = shell("artifacts", "delete", deleted["id"], "--yes", "--collection", "churn")
    assert again.exit_code == 3


def test_delete_asks_on_a_terminal(
    shell: Shell, model_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("luml_facade.cli.commands._changes.is_terminal", lambda stream: True)
    shell("artifacts", "upload", str(model_file), "--collection", "churn")
    declined = shell("artifacts", "delete", "churn.luml", "--collection", "churn", input="n\n")
    assert declined.exit_code != 0
    assert "Delete artifact churn.luml" in declined.stderr
    assert len(shell.json("artifacts", "list", "--collection", "churn")) == 1
    accepted = shell("artifacts", "delete", "churn.luml", "--collection", "churn", input="y\n")
    assert accepted.exit_code == 0, accepted.stderr
    assert shell.json("artifacts", "list", "--collection", "churn") == []


def test_download_does_not_overwrite_unless_asked(shell: Shell, model_file: Path) -> None:
    shell("artifacts", "upload", str(model_file), "--collection", "churn")
    existing = shell.workdir / "churn.luml"
    existing.write_bytes(b"keep me")
    refused = shell("artifacts", "download", "churn.luml", "--collection", "churn")
    assert refused.exit_code == 2 and "--overwrite" in refused.stderr
    assert existing.read_bytes() == b"keep me"
    replaced = shell("artifacts", "download", "churn.luml", "--overwrite", "--collection", "churn")
    assert replaced.exit_code == 0
    assert existing.read_bytes() == model_file.read_bytes()


def test_a_destination_in_a_missing_directory_is_bad_input(shell: Shell, model_file: Path) -> None:
    shell("artifacts", "upload", str(model_file), "--collection", "churn")
    result = shell("artifacts", "download", "churn.luml", "no/such/dir", "--collection", "churn")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_a_failed_upload_exits_5(shell: Shell, model_file: Path) -> None:
    shell.server.faults.add(Fault(target="storage", method="PUT", status=403))
    result = shell("artifacts", "upload", str(model_file), "--collection", "churn")
    assert result.exit_code == 5, result.stderr
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr
    [artifact] = shell.json("artifacts", "list", "--collection", "churn")
    assert artifact["status"] == "upload_failed"


def test_a_failed_download_exits_5_and_leaves_nothing(shell: Shell, model_file: Path) -> None:
    shell("artifacts", "upload", str(model_file), "--collection", "churn")
    shell.server.faults.add(Fault(target="storage", method="GET", status=403))
    result = shell("artifacts", "download", "churn.luml", "--collection", "churn")
    assert result.exit_code == 5, result.stderr
    assert list(shell.workdir.iterdir()) == []


def test_an_unusable_file_is_bad_input(shell: Shell, tmp_path: Path) -> None:
    not_an_archive = tmp_path / "model.luml"
    not_an_archive.write_text("hello")
    for path in (not_an_archive, tmp_path / "missing.luml"):
        result = shell("artifacts", "upload", str(path), "--collection", "churn")
        assert result.exit_code == 2, result.stderr
    assert shell.json("artifacts", "list", "--collection", "churn") == []


def test_unknown_artifact_is_not_found(shell: Shell) -> None:
    for command in ("get", "download", "delete"):
        result = shell("artifacts", command, "nope", "--collection", "churn", "--yes")
        if command != "delete":
            result = shell("artifacts", command, "nope", "--collection", "churn")
        assert result.exit_code == 3, (command, result.stderr)
        assert "no artifact 'nope'" in result.stderr


def test_orbits_and_collections(shell: Shell) -> None:
    [orbit] = [item for item in shell.json("orbits", "list") if item["name"] == "Models"]
    assert shell.json("orbits", "get")["id"] == orbit["id"]
    assert shell.json("orbits", "get", "Models")["id"] == orbit["id"]
    assert shell("orbits", "get", "Nope").exit_code == 3

    collections = shell.json("collections", "list")
    assert sorted(item["name"] for item in collections) == ["churn", "scratch"]
    models = shell.json("collections", "list", "--type", "model")
    assert [item["name"] for item in models] == ["churn"]
    churn = shell.json("collections", "get", "churn")
    assert churn["type"] == "model" and churn["orbit_id"] == orbit["id"]
    assert shell.json("collections", "get", "--collection", churn["id"])["name"] == "churn"
    assert shell("collections", "get", "Nope").exit_code == 3
    table = shell("collections", "list", "--sort-by", "name", "--order", "asc").stdout
    assert [line.split()[1] for line in table.splitlines()[1:]] == ["churn", "scratch"]
