"""Signals while a transfer is in flight, in a real child process (LumlClient or
AsyncLumlClient): SIGINT (Ctrl-C) and SIGTERM, each sent while the server holds back the
answer to one request of the transfer (the create, each storage request, each status
update). Synchronised on the server's hold (`Hold.reached`), never on sleeps.

What must hold after the client's next call (any call; here `artifacts.list()`): no artifact
`pending_upload` or `pending_deletion`; an `uploaded` artifact's stored bytes are the file;
no record deleted while its object is still stored.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from luml_facade.testing import Fault, Hold, LocalLuml, Tenant

from ._server_view import defaults_of
from .conftest import run, write_artifact

CHILD = Path(__file__).with_name("_child.py")
MiB = 1024 * 1024
ARTIFACTS = "/artifacts"

# (name, operation, payload size, hold: target, method, path fragment)
UPLOAD_POINTS = [
    ("create", "upload", 4096, "api", "POST", ARTIFACTS),
    ("put", "upload", 4096, "storage", "PUT", None),
    ("mark-uploaded", "upload", 4096, "api", "PATCH", ARTIFACTS),
    ("multipart-create", "upload", 9 * MiB, "api", "POST", ARTIFACTS),
    ("initiate", "upload", 9 * MiB, "storage", "POST", "uploads"),
    ("part-urls", "upload", 9 * MiB, "api", "POST", "/upload/multipart"),
    ("part", "upload", 9 * MiB, "storage", "PUT", "partNumber="),
    ("complete", "upload", 9 * MiB, "storage", "POST", "uploadId="),
    ("multipart-mark-uploaded", "upload", 9 * MiB, "api", "PATCH", ARTIFACTS),
]
DELETE_POINTS = [
    ("delete-url", "delete", 4096, "api", "GET", "/delete-url"),
    ("storage-delete", "delete", 4096, "storage", "DELETE", None),
    ("confirm", "delete", 4096, "api", "DELETE", ARTIFACTS),
]
SIGNALS = {"sigint": signal.SIGINT, "sigterm": signal.SIGTERM}


def start_child(
    kind: str, operation: str, server: LocalLuml, tenant: Tenant, ids: tuple[str, ...], target: str
) -> subprocess.Popen[str]:
    command = [sys.executable, str(CHILD), kind, operation, server.url, tenant.api_key, *ids]
    return subprocess.Popen(
        [*command, target], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def interrupt(child: subprocess.Popen[str], hold: Hold, signum: int) -> str:
    """Signal the child while the held request is in flight; return what it printed."""
    if not hold.reached.wait(60):
        child.kill()
        out, err = child.communicate()
        pytest.fail(f"the held request never arrived: {out} {err}")
    os.kill(child.pid, signum)
    hold.release.set()
    out, err = child.communicate(timeout=120)
    return out + err


def status_text(item: Any) -> str:
    return str(getattr(item.status, "value", item.status))


@pytest.mark.parametrize("signame", list(SIGNALS))
@pytest.mark.parametrize(
    ("point", "operation", "payload", "target", "method", "fragment"),
    UPLOAD_POINTS + DELETE_POINTS,
    ids=[point[0] for point in UPLOAD_POINTS + DELETE_POINTS],
)
async def test_a_signal_mid_transfer_leaves_nothing_pending(
    workspace: Any,
    client_kind: str,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    signame: str,
    point: str,
    operation: str,
    payload: int,
    target: Any,
    method: str,
    fragment: str | None,
) -> None:
    path = write_artifact(tmp_path / "model.luml", payload_size=payload)
    ids = await defaults_of(workspace)
    subject = str(path)
    uploaded = None
    if operation == "delete":
        uploaded = await run(workspace.artifacts.upload(path))
        subject = uploaded.id
    hold = Hold()
    luml_server.faults.add(Fault(target=target, method=method, path_contains=fragment, hold=hold))

    child = start_child(client_kind, operation, luml_server, luml_tenant, ids, subject)
    output = interrupt(child, hold, SIGNALS[signame])
    luml_server.faults.clear()

    assert child.returncode != 0 or "ok" in output  # the transfer did not silently vanish
    page = await run(workspace.artifacts.list())  # the client's next call
    statuses = {item.id: status_text(item) for item in page.items}
    assert not [s for s in statuses.values() if s.startswith("pending")], (point, statuses, output)
    for item in page.items:
        stored = luml_server.stored_object(luml_tenant.bucket_name, item.bucket_location)
        if status_text(item) == "uploaded":
            assert stored == path.read_bytes()
    if uploaded is not None and uploaded.id not in statuses:  # the record was deleted
        assert luml_server.stored_object(luml_tenant.bucket_name, uploaded.bucket_location) is None
