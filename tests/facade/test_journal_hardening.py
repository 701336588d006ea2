"""The transfer journal under hostile conditions: files in the journal directory that are
not entries (or entries with unreadable fields), and a full file system when an entry
begins. Both clients, local server. (A repair while another process's upload waits for its
create answer: test_nothing_lost.py; many processes at once: test_journal_processes.py.)

What must hold: a sweep never touches a transfer whose owner is alive, whatever its age;
nothing in the directory stops a sweep, and what isn't an entry is set aside, not read as one;
no journal file descriptor is left open and no temporary file is left behind.
"""

from __future__ import annotations

import errno
import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from luml_facade import FileUploadError
from luml_facade.testing import Fault, LocalLuml, Tenant
from luml_facade.transfer import journal as journal_module
from luml_facade.transfer.journal import SET_ASIDE, key_fingerprint

from ._repair_child import open_journal_files
from .conftest import run, write_artifact
from .test_nothing_lost import ARTIFACTS, raw_statuses, statuses


def foreign_files(owned: dict[str, Any]) -> dict[str, bytes]:
    """Files that are not entries this version can read; `owned` is a valid entry's fields
    for this client's key, varied into entries with unreadable fields. The names sort before
    any real entry's, so a sweep meets them first."""
    entry = {"version": 1, **owned}
    return {
        "upload-!0-null.json": b"null",
        "upload-!1-number.json": b"42",
        "upload-!2-string.json": b'"upload"',
        "upload-!3-list.json": b"[]",
        "upload-!4-not-json.json": b"{torn",
        "upload-!5-not-utf8.json": b"\xff\xfe\x00",
        "upload-!6-deep.json": b"[" * 100_000,
        "upload-!7-empty.json": b"",
        "upload-!8-started-words.json": json.dumps({**entry, "started": "yesterday"}).encode(),
        "upload-!9-started-integer.json": json.dumps({**entry, "started": 1_700_000_000}).encode(),
        "upload-!a-size-text.json": json.dumps({**entry, "size": "big"}).encode(),
        "upload-!b-kind-unknown.json": json.dumps({**entry, "kind": "rename"}).encode(),
        "upload-!c-missing-fields.json": json.dumps({"version": 1, "kind": "upload"}).encode(),
        "delete-!d-checked-integer.json": json.dumps({**entry, "checked": 5}).encode(),
    }


async def test_files_that_are_not_entries_are_set_aside_and_never_stop_a_sweep(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    journal_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Behind a directory of junk, a real leftover (a create whose answer was lost) is still
    repaired by the next call; the junk is moved into set-aside/, no journal fd stays open."""
    path = write_artifact(tmp_path / "model.luml")
    luml_server.faults.add(
        Fault(target="api", method="POST", path_contains=ARTIFACTS, drop_after_bytes=3)
    )
    with pytest.raises(Exception, match="could not reach the LUML API"):
        await run(workspace.artifacts.upload(path))
    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_upload"]
    [leftover] = journal_dir.glob("upload-*.json")
    owned = json.loads(leftover.read_bytes())
    owned.pop("version")
    assert owned["key"] == key_fingerprint(luml_tenant.api_key)
    junk = foreign_files(owned)
    for name, content in junk.items():
        (journal_dir / name).write_bytes(content)
    hidden = journal_dir / "._upload-macos-resource-fork.json"  # a file macOS adds beside one
    hidden.write_bytes(b"\x00\x05\x16\x07")

    caplog.set_level(logging.WARNING, logger="luml_facade")
    assert await statuses(workspace) == ["upload_failed"]  # the next call got past the junk
    reasons = {
        r.args[0]: str(r.args[1]) for r in caplog.records if str(r.msg).startswith("set aside")
    }
    assert reasons["upload-!0-null.json"] == (
        "ValueError: a journal entry is a JSON object, not NoneType"
    )
    assert (
        reasons["upload-!3-list.json"] == "ValueError: a journal entry is a JSON object, not list"
    )
    assert reasons["upload-!5-not-utf8.json"].startswith("UnicodeDecodeError: ")
    assert reasons["upload-!6-deep.json"] == "100000 bytes, more than any entry"
    assert reasons["upload-!a-size-text.json"] == "TypeError: size must be an integer, got 'big'"
    report = await run(workspace.artifacts.repair_pending())  # and so does a repair

    assert report.repaired == []
    assert sorted(p.name for p in journal_dir.iterdir()) == [hidden.name, SET_ASIDE]  # left alone
    aside = sorted(p.name.rsplit(".", 1)[0] for p in (journal_dir / SET_ASIDE).iterdir())
    assert aside == sorted(junk)
    assert open_journal_files(journal_dir) == []


@pytest.mark.parametrize("other", ["key", "base_url"])
async def test_another_clients_entry_is_left_alone_and_never_stops_a_sweep(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path, journal_dir: Path, other: str
) -> None:
    """An entry of another key or server (it sorts first) is neither repaired nor removed, and
    this client's own leftover behind it is still repaired by the next call."""
    path = write_artifact(tmp_path / "model.luml")
    luml_server.faults.add(
        Fault(target="api", method="POST", path_contains=ARTIFACTS, drop_after_bytes=3)
    )
    with pytest.raises(Exception, match="could not reach the LUML API"):
        await run(workspace.artifacts.upload(path))
    [leftover] = journal_dir.glob("upload-*.json")
    theirs = json.loads(leftover.read_bytes())
    theirs[other] = key_fingerprint("another key") if other == "key" else "https://other.example"
    foreign = journal_dir / "upload-!another-client.json"
    foreign.write_text(json.dumps(theirs))

    assert await statuses(workspace) == ["upload_failed"]  # ours, behind theirs, was repaired
    assert sorted(journal_dir.iterdir()) == [foreign]
    assert json.loads(foreign.read_text()) == theirs


async def leftovers_of_failed_marks(
    workspace: Any, server: LocalLuml, tmp_path: Path, journal_dir: Path, *names: str
) -> dict[str, Path]:
    """Upload a file of each name while the server refuses every status update (503): the
    journal keeps an entry for each stored file. Returns the entries by file name."""
    mark = Fault(target="api", method="PATCH", path_contains=ARTIFACTS, status=503, times=100)
    server.faults.add(mark)
    for name in names:
        with pytest.raises(FileUploadError):
            await run(workspace.artifacts.upload(write_artifact(tmp_path / name)))
    server.faults.clear()
    return {json.loads(path.read_bytes())["file_name"]: path for path in journal_dir.iterdir()}


async def test_a_sweep_that_cannot_reach_the_api_keeps_the_entry_and_says_why(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    journal_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The next call's sweep meets a dropped API connection: the call still works, the entry
    stays for later, and the log says why; the call after that repairs it."""
    [leftover] = (
        await leftovers_of_failed_marks(workspace, luml_server, tmp_path, journal_dir, "m.luml")
    ).values()
    artifact_id = json.loads(leftover.read_bytes())["artifact_id"]
    luml_server.faults.add(
        Fault(target="api", method="GET", path_contains=artifact_id, drop_after_bytes=3, times=99)
    )
    caplog.set_level(logging.INFO, logger="luml_facade")

    await run(workspace.orbits.list())  # the call itself does not need that artifact

    assert list(journal_dir.glob("upload-*.json")) == [leftover]
    [said] = [r.getMessage() for r in caplog.records if "not repaired yet" in r.getMessage()]
    assert said.startswith(
        "leftover transfers not repaired yet (API unreachable: could not reach the LUML API"
    )
    luml_server.faults.clear()
    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_upload"]
    assert await statuses(workspace) == ["uploaded"]  # settled by the next call
    assert list(journal_dir.glob("upload-*.json")) == []


async def test_an_entry_the_server_refuses_to_settle_never_stops_a_sweep(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    journal_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Two leftovers; the server refuses to mark the first (400): it stays for later, with a
    log line naming it and why, and the second is settled by the same sweep."""
    entries = await leftovers_of_failed_marks(
        workspace, luml_server, tmp_path, journal_dir, "first.luml", "second.luml"
    )
    refused = entries["first.luml"].rename(journal_dir / "upload-!refused.json")  # sorts first
    refused_id = json.loads(refused.read_bytes())["artifact_id"]
    refusal = b'{"detail": "Invalid status transition"}'
    luml_server.faults.add(
        Fault(
            target="api",
            method="PATCH",
            path_contains=refused_id,
            status=400,
            body=refusal,
            times=99,
        )
    )
    caplog.set_level(logging.INFO, logger="luml_facade")

    await run(workspace.orbits.list())

    assert sorted(journal_dir.iterdir()) == [refused]
    [said] = [r.getMessage() for r in caplog.records if "not repaired yet" in r.getMessage()]
    assert said.startswith("leftover transfer upload-!refused.json not repaired yet: ")
    assert "Invalid status transition" in said
    luml_server.faults.clear()
    assert sorted(await raw_statuses(workspace, luml_server, luml_tenant)) == [
        "pending_upload",
        "uploaded",
    ]


async def test_a_full_file_system_leaves_no_fd_and_no_temporary_entry(
    workspace: Any, tmp_path: Path, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing a new entry fails with ENOSPC (12 uploads): each upload still works without a
    journal, and neither an fd nor a `.upload-*.json.tmp` file is left per upload."""
    real_write = os.write

    def full(fd: int, data: Any) -> int:
        if ".json.tmp" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    path = write_artifact(tmp_path / "m.luml")
    with monkeypatch.context() as patch:
        patch.setattr(journal_module.os, "write", full)
        for _ in range(12):
            await run(workspace.artifacts.upload(path))

    assert await statuses(workspace) == ["uploaded"] * 12
    assert list(journal_dir.iterdir()) == []
    assert open_journal_files(journal_dir) == []


async def test_an_entry_that_cannot_be_updated_leaves_the_upload_going_and_says_which(
    workspace: Any,
    tmp_path: Path,
    journal_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Recording progress in the entry fails with ENOSPC: the upload still succeeds, and a
    warning names the entry and the reason (a later repair would know less)."""

    def full(fd: int, data: bytes, offset: int) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    path = write_artifact(tmp_path / "m.luml")
    caplog.set_level(logging.WARNING, logger="luml_facade")
    with monkeypatch.context() as patch:
        patch.setattr(journal_module.os, "pwrite", full)
        await run(workspace.artifacts.upload(path))

    assert await statuses(workspace) == ["uploaded"]
    said = [r.getMessage() for r in caplog.records if r.name.startswith("luml_facade")]
    assert said
    for message in said:
        entry, reason = message.removeprefix("could not update transfer journal entry ").split(
            ": ", 1
        )
        assert Path(entry).parent == journal_dir
        assert Path(entry).name.startswith("upload-")
        assert reason == "[Errno 28] No space left on device"
    assert list(journal_dir.iterdir()) == []


def test_the_key_fingerprint_is_the_one_earlier_versions_wrote() -> None:
    """Entries carry a fingerprint of the key, not the key; changing how it is made would
    orphan the entries a previous version of the client left behind."""
    assert key_fingerprint("dfs_example-key") == "785cfd952f3397f2"


@pytest.mark.parametrize(
    ("written", "instant"),
    [
        ("2026-12-03T10:00:00", datetime(2026, 12, 3, 10, tzinfo=UTC)),  # no zone: UTC
        ("2026-12-03T12:00:00+02:00", datetime(2026, 12, 3, 10, tzinfo=UTC)),
        ("2026-12-03T10:00:00+00:00", datetime(2026, 12, 3, 10, tzinfo=UTC)),
    ],
)
def test_entry_timestamps_are_read_as_instants(written: str, instant: datetime) -> None:
    read = journal_module.moment(written)

    assert read == instant
    assert read.tzinfo is not None  # comparable with the clock's aware times


def test_the_journal_lives_in_the_user_cache_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """$LUML_JOURNAL_DIR when set, else $XDG_CACHE_HOME/luml-facade/journal, else
    ~/.cache/luml-facade/journal (Linux; an empty variable counts as unset)."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv(journal_module.JOURNAL_ENV, "")
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    assert journal_module.journal_dir() == tmp_path / "home" / ".cache" / "luml-facade" / "journal"

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert journal_module.journal_dir() == tmp_path / "cache" / "luml-facade" / "journal"

    monkeypatch.setenv(journal_module.JOURNAL_ENV, str(tmp_path / "mine"))
    assert journal_module.journal_dir() == tmp_path / "mine"
