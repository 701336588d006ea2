"""Two Ctrl-C in quick succession during a sync parallel transfer, in a real child process:
the first while a part's answer is held back by the server, the second as soon as the child
announces it is handling the first (its SIGINT handler prints before raising). Synchronised
on the server's hold and the child's output, never on sleeps.

What must hold: the process ends promptly (the held part is released only after it ended,
so a child that waits for its workers hangs until the test gives up), and after the
client's next call nothing is left pending.
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

from .conftest import run, write_artifact
from .test_signals import defaults_of, status_text

CHILD = Path(__file__).with_name("_double_interrupt_child.py")
MiB = 1024 * 1024
ENDS_WITHIN = 60  # seconds: far more than a prompt exit needs, far less than the hold lasts


def expect_line(child: subprocess.Popen[str], wanted: str) -> None:
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == wanted, f"expected {wanted!r}, got {line!r}"


@pytest.mark.parametrize("client_kind", ["sync"])  # the async client has no thread pool
async def test_two_ctrl_c_end_a_parallel_upload_promptly(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "model.luml", payload_size=12 * MiB)
    ids = await defaults_of(workspace)
    hold = Hold(timeout=600)
    luml_server.faults.add(
        Fault(target="storage", method="PUT", path_contains="partNumber=", hold=hold)
    )
    command = [sys.executable, str(CHILD), luml_server.url, luml_tenant.api_key, *ids, str(path)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert hold.reached.wait(60), "the held part never arrived"
        os.kill(child.pid, signal.SIGINT)
        expect_line(child, "sigint 1")
        os.kill(child.pid, signal.SIGINT)
        try:
            out, err = child.communicate(timeout=ENDS_WITHIN)
        except subprocess.TimeoutExpired:
            child.kill()
            out, err = child.communicate()
            pytest.fail(f"a second Ctrl-C did not end the process: {out} {err[-3000:]}")
    finally:
        hold.release.set()
        luml_server.faults.clear()
        if child.poll() is None:
            child.kill()
            child.communicate()

    assert out.splitlines()[-1] == "KeyboardInterrupt", out + err
    assert "release unlocked lock" not in err
    assert child.returncode != 0
    page = await run(workspace.artifacts.list())  # the client's next call
    assert [status_text(item) for item in page.items] == ["upload_failed"], out + err
