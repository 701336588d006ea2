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
from pathlib import Path
from typing import Any

import pytest

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
    report = await run(workspace.artifacts.repair_pending())  # and so does a repair

    assert report.repaired == []
    assert sorted(p.name for p in journal_dir.iterdir()) == [SET_ASIDE]
    aside = sorted(p.name.rsplit(".", 1)[0] for p in (journal_dir / SET_ASIDE).iterdir())
    assert aside == sorted(junk)
    assert open_journal_files(journal_dir) == []


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
