"""A problem with the transfer journal never fails a call: a torn entry is dropped (with a
warning), and an unusable journal directory only loses the later repair."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pytest

from luml_facade import APIConnectionError, ArtifactStatus, FileDeleteError, FileUploadError
from luml_facade.testing import Fault, LocalLuml

from .conftest import run, write_artifact


def unusable_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """LUML_JOURNAL_DIR names a file: the journal cannot be used."""
    not_a_directory = tmp_path / "journal-is-a-file"
    not_a_directory.write_text("")
    monkeypatch.setenv("LUML_JOURNAL_DIR", str(not_a_directory))


async def test_a_torn_journal_entry_is_set_aside_and_the_call_goes_on(
    luml: Any, journal_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    torn = journal_dir / "upload-0123456789abcdef.json"
    torn.write_bytes(b'{"kind": "upl')
    caplog.set_level(logging.WARNING, logger="luml_facade")

    assert await run(luml.orbits.list()) == []

    assert not torn.exists()
    (kept,) = (journal_dir / "set-aside").glob(f"{torn.name}.*")  # kept for a look
    assert kept.read_bytes() == b'{"kind": "upl'
    moved = [r.getMessage() for r in caplog.records if "set aside journal file" in r.getMessage()]
    assert len(moved) == 1
    assert moved[0].startswith(f"set aside journal file {torn.name} (not a luml-facade transfer")
    assert "Unterminated string" in moved[0]  # the reason, from the JSON parser
    assert moved[0].endswith(f") in {journal_dir / 'set-aside'}")  # where to look


async def test_a_torn_entry_that_cannot_be_set_aside_never_stops_the_call(
    luml: Any, journal_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    torn = journal_dir / "upload-0123456789abcdef.json"
    torn.write_bytes(b'{"kind": "upl')
    (journal_dir / "set-aside").write_text("a file where the directory goes")
    caplog.set_level(logging.WARNING, logger="luml_facade")

    assert await run(luml.orbits.list()) == []

    assert torn.read_bytes() == b'{"kind": "upl'  # left where it was
    warned = [r.getMessage() for r in caplog.records if "cannot set aside" in r.getMessage()]
    assert len(warned) == 1
    assert warned[0].startswith(f"cannot set aside journal file {torn}: [Errno 17] File exists")


async def test_an_unusable_journal_directory_does_not_stop_an_upload(
    workspace: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    unusable_journal(tmp_path, monkeypatch)
    caplog.set_level(logging.WARNING, logger="luml_facade")

    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))

    assert artifact.status == ArtifactStatus.UPLOADED
    not_a_directory = tmp_path / "journal-is-a-file"
    assert [r.getMessage() for r in caplog.records] == [
        f"transfer journal {not_a_directory} is not usable: [Errno 17] File exists: "
        f"'{not_a_directory}'"
    ]
    os.fstat(1)  # standard output is still open: nothing but the journal's own file is closed


async def test_a_failed_delete_without_a_journal_says_to_call_delete_again(
    workspace: Any,
    luml_server: LocalLuml,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Storage and the status update both failing: with no journal to finish it later, the
    error says so and names the fix."""
    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))
    unusable_journal(tmp_path, monkeypatch)
    luml_server.faults.add(Fault(target="storage", method="DELETE", status=500, times=100))
    luml_server.faults.add(Fault(target="api", method="PATCH", status=503, times=100))

    with pytest.raises(FileDeleteError) as raised:
        await run(workspace.artifacts.delete(artifact.id))

    message = str(raised.value)
    assert "deletion_failed failed too (503: " in message
    assert message.endswith(
        "): the local transfer journal is not usable, so nothing marks it by itself: "
        "call delete() again"
    )


async def test_a_failed_upload_without_a_journal_says_to_repair_later(
    workspace: Any,
    luml_server: LocalLuml,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unusable_journal(tmp_path, monkeypatch)
    luml_server.faults.add(Fault(target="storage", method="PUT", status=500, times=100))
    luml_server.faults.add(Fault(target="api", method="PATCH", status=503, times=100))

    with pytest.raises(FileUploadError) as raised:
        await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))

    assert raised.value.__notes__[-1].endswith(
        "the local transfer journal is not usable, so nothing marks it by itself: call "
        "luml.artifacts.repair_pending() later, which marks it upload_failed"
    )


async def test_a_new_journal_directory_is_made_and_its_entries_are_private(
    workspace: Any,
    luml_server: LocalLuml,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A journal directory that does not exist yet is made, parents and all; an entry (it
    names the key's fingerprint and the artifact) is readable by its owner only."""
    directory = tmp_path / "not" / "yet"
    monkeypatch.setenv("LUML_JOURNAL_DIR", str(directory))
    caplog.set_level(logging.WARNING, logger="luml_facade")
    luml_server.faults.add(Fault(target="api", method="POST", drop_after_bytes=3))

    with pytest.raises(APIConnectionError):
        await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))

    [entry] = directory.glob("upload-*.json")  # the lost create, left for the next call
    assert entry.stat().st_mode & 0o777 == 0o600
    assert caplog.records == []
