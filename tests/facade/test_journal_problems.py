"""A problem with the transfer journal never fails a call: a torn entry is dropped (with a
warning), and an unusable journal directory only loses the later repair."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from luml_facade import ArtifactStatus

from .conftest import run, write_artifact


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
    assert torn.name in moved[0]
    assert "Unterminated string" in moved[0]  # the reason, from the JSON parser


async def test_an_unusable_journal_directory_does_not_stop_an_upload(
    workspace: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    not_a_directory = tmp_path / "journal-is-a-file"
    not_a_directory.write_text("")
    monkeypatch.setenv("LUML_JOURNAL_DIR", str(not_a_directory))
    caplog.set_level(logging.WARNING, logger="luml_facade")

    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))

    assert artifact.status == ArtifactStatus.UPLOADED
    assert any("is not usable" in r.getMessage() for r in caplog.records)
