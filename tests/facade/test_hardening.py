"""What a user is told when things go wrong in odd ways: an upload whose outcome could not be
recorded says what will happen to it, a broken progress handler is reported the same way on
downloads as on uploads. Both clients, local server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from luml_facade import FileDownloadError, FileUploadError
from luml_facade.testing import Fault, LocalLuml, Tenant

from .conftest import run, write_artifact
from .test_nothing_lost import ARTIFACTS, raw_statuses, statuses
from .test_transfers import Recorder


@pytest.mark.parametrize(
    ("storage_fails", "settled"),
    [(True, "upload_failed"), (False, "uploaded")],
    ids=["bytes-not-stored", "bytes-stored"],
)
async def test_an_unrecorded_outcome_says_what_the_next_call_will_do(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    storage_fails: bool,
    settled: str,
) -> None:
    """The status update is refused (503) after the bytes were, or were not, stored: the
    note says the next call checks the record and marks it what it then does."""
    path = write_artifact(tmp_path / "m.luml")
    if storage_fails:
        luml_server.faults.add(Fault(target="storage", method="PUT", status=500, times=100))
    luml_server.faults.add(
        Fault(target="api", method="PATCH", path_contains=ARTIFACTS, status=503, times=100)
    )

    with pytest.raises(FileUploadError) as raised:
        await run(workspace.artifacts.upload(path))

    [note] = raised.value.__notes__
    assert "could not be marked upload_failed now" in note
    assert f"checks its record and, if it is still pending_upload, marks it {settled}" in note
    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_upload"]
    luml_server.faults.clear()
    assert await statuses(workspace) == [settled]  # what the note said


async def test_a_download_whose_progress_start_raises_says_fix_the_handler(
    workspace: Any, tmp_path: Path
) -> None:
    class Broken(Recorder):
        def start(self, file_name: str, total: int) -> None:
            raise ValueError("bar broke")

    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))
    target = tmp_path / "out"
    target.mkdir()

    with pytest.raises(FileDownloadError, match=r"start\(\) raised ValueError\('bar broke'\): fix"):
        await run(workspace.artifacts.download(artifact.id, target, on_progress=Broken()))
    assert list(target.iterdir()) == []
