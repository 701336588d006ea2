"""The transfer journal under hostile conditions: a repair run while another process's
upload waits for its create answer, files in the journal directory that are not entries (or
entries with unreadable fields), and a full file system when an entry begins. Both clients,
local server.

What must hold: a sweep never touches a transfer whose owner is alive, whatever its age;
nothing in the directory stops a sweep, and what isn't an entry is set aside, not read as one;
no journal file descriptor is left open and no temporary file is left behind.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from luml_facade.testing import Fault, Hold, LocalLuml, Tenant
from luml_facade.transfer import journal as journal_module
from luml_facade.transfer.journal import SET_ASIDE, key_fingerprint

from .conftest import run, write_artifact
from .test_nothing_lost import ARTIFACTS, raw_statuses, statuses
from .test_signals import CHILD, defaults_of


def open_journal_fds(directory: Path) -> list[str]:
    """Files of the journal directory this process holds open."""
    found = []
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if target.startswith(str(directory)):
            found.append(target)
    return found


async def test_repair_pending_leaves_an_upload_waiting_for_its_create_answer_alone(
    workspace: Any, client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    """Another process's create was processed but its answer is held back (its journal
    entry has no artifact id yet): repair_pending(older_than=0) must leave the record alone,
    and the upload then finishes `uploaded`."""
    path = write_artifact(tmp_path / "m.luml")
    ids = await defaults_of(workspace)
    hold = Hold(timeout=120)
    luml_server.faults.add(Fault(target="api", method="POST", path_contains=ARTIFACTS, hold=hold))
    command = [sys.executable, str(CHILD), client_kind, "upload", luml_server.url]
    child = subprocess.Popen(
        [*command, luml_tenant.api_key, *ids, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert hold.reached.wait(60)
        assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_upload"]
        report = await run(workspace.artifacts.repair_pending(older_than=timedelta(0)))
        assert report.repaired == []
        assert [action.reason for action in report.skipped] == [
            "a transfer on this machine still runs"
        ]
    finally:
        hold.release.set()
        out, _ = child.communicate(timeout=120)
    assert out.strip() == "ok"
    assert await statuses(workspace) == ["uploaded"]


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
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path, journal_dir: Path
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

    assert await statuses(workspace) == ["upload_failed"]  # the next call got past the junk
    report = await run(workspace.artifacts.repair_pending())  # and so does a repair

    assert report.repaired == []
    assert sorted(p.name for p in journal_dir.iterdir()) == [SET_ASIDE]
    aside = sorted(p.name.rsplit(".", 1)[0] for p in (journal_dir / SET_ASIDE).iterdir())
    assert aside == sorted(junk)
    assert open_journal_fds(journal_dir) == []


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
    assert open_journal_fds(journal_dir) == []
