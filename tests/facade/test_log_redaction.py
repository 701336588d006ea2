"""The `luml_facade` logger shows storage hosts and paths, never a presigned URL's query string
(it carries the signature): read from the records a transfer logs at DEBUG."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from luml_facade.testing import Fault, LocalLuml

from .conftest import run, write_artifact

MiB = 1024 * 1024


def signed_queries(server: LocalLuml) -> set[str]:
    """The query strings of the presigned storage URLs the client used."""
    return {
        seen.path.split("?", 1)[1]
        for seen in server.requests_seen
        if seen.target == "storage" and "?" in seen.path
    }


def facade_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "luml_facade"]


@pytest.mark.parametrize("payload", [4096, 9 * MiB], ids=["single", "multipart"])
async def test_transfer_logs_never_show_query_strings(
    workspace: Any,
    luml_server: LocalLuml,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    payload: int,
) -> None:
    path = write_artifact(tmp_path / "model.luml", payload_size=payload)
    luml_server.requests_seen.clear()
    caplog.set_level(logging.DEBUG, logger="luml_facade")
    # one retried storage answer, so the retry's log line is among the records too
    luml_server.faults.add(Fault(target="storage", method="PUT", status=503, retry_after="0"))

    artifact = await run(workspace.artifacts.upload(path))
    await run(workspace.artifacts.download(artifact.id, tmp_path / "copy.luml"))
    await run(workspace.artifacts.delete(artifact.id))

    queries = signed_queries(luml_server)
    assert any("Signature=" in query for query in queries)  # the URLs were presigned
    messages = facade_messages(caplog)
    storage_lines = [line for line in messages if line.startswith("storage ")]
    assert {line.split()[1] for line in storage_lines} >= {"PUT", "GET", "DELETE"}
    assert any(luml_server.storage_url in line for line in storage_lines)  # host and path
    assert any("retrying after HTTP 503" in line for line in messages)
    for line in messages:
        assert "?" not in line, line
        assert not any(query in line for query in queries), line
