"""The transfer journal shared by many processes with one API key: uploaders paused at each
step of an upload (create answer, storage PUT, mark-uploaded answer), some of them
SIGKILLed there, while two repairer processes run `repair_pending(older_than=0)` at the same
moment, and one more upload runs through. Every pause is the server's hold (`Hold.reached`),
every repair round a command on the repairer's stdin: nothing waits on time.

What must hold: no live upload is failed (each one that was not killed ends `uploaded`);
a killed upload ends `upload_failed`, or `uploaded` when the server had already applied its
mark-uploaded; the journal directory ends empty; no process holds a journal file open.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from luml_facade.testing import Fault, Hold, LocalLuml, Tenant

from ._repair_child import open_journal_files
from .conftest import run, write_artifact
from .test_signals import CHILD, defaults_of, status_text

REPAIRER = Path(__file__).with_name("_repair_child.py")
ARTIFACTS = "/artifacts"

# uploader: (where its upload is held, killed there?, status it must end in)
UPLOADERS = {
    "live-create": (("api", "POST", ARTIFACTS), False, "uploaded"),
    "killed-create": (("api", "POST", ARTIFACTS), True, "upload_failed"),
    "live-put": (("storage", "PUT", None), False, "uploaded"),
    "killed-put": (("storage", "PUT", None), True, "upload_failed"),
    "killed-marked": (("api", "PATCH", ARTIFACTS), True, "uploaded"),  # server applied it
    "unheld": (None, False, "uploaded"),
}


class Repairer:
    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def go(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()

    def answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.process.kill()
            _, err = self.process.communicate()
            pytest.fail(f"the repairer died: {err[-3000:]}")
        answer: dict[str, Any] = json.loads(line)
        assert answer["open"] == [], "a repairer holds journal files open"
        return answer

    def close(self) -> None:
        _, err = self.process.communicate(timeout=120)  # closes stdin: the repairer ends
        assert self.process.returncode == 0, err[-3000:]


@pytest.mark.parametrize("client_kind", ["sync"])  # the children are sync clients
async def test_uploaders_killers_and_repairers_share_one_journal(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    journal_dir: Path,
) -> None:
    ids = await defaults_of(workspace)
    base = [luml_server.url, luml_tenant.api_key, *ids]
    repairers = [Repairer([sys.executable, str(REPAIRER), *base]) for _ in range(2)]
    uploaders: dict[str, subprocess.Popen[str]] = {}
    holds: dict[str, Hold] = {}
    try:
        for name, (point, _, _) in UPLOADERS.items():
            if point is None:
                continue
            target, method, fragment = point
            holds[name] = Hold(timeout=300)
            luml_server.faults.add(
                Fault(target=target, method=method, path_contains=fragment, hold=holds[name])
            )
            path = write_artifact(tmp_path / f"{name}.luml", payload_size=1000 + len(name))
            uploaders[name] = subprocess.Popen(
                [sys.executable, str(CHILD), "sync", "upload", *base, str(path)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            assert holds[name].reached.wait(60), f"{name} never reached its hold"
        for name, (_, killed, _) in UPLOADERS.items():
            if killed:
                uploaders[name].send_signal(signal.SIGKILL)
                uploaders[name].communicate()
                holds[name].release.set()  # frees the server's thread; the child is gone

        # both repairers at once, and one more upload running through meanwhile
        unheld = write_artifact(tmp_path / "unheld.luml", payload_size=999)
        for repairer in repairers:
            repairer.go()
        uploaders["unheld"] = subprocess.Popen(
            [sys.executable, str(CHILD), "sync", "upload", *base, str(unheld)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        rounds = [repairer.answer() for repairer in repairers]

        # the live uploads, held all along, were left alone; now they finish
        for name, (_, killed, _) in UPLOADERS.items():
            if name in holds and not killed:
                holds[name].release.set()
        for name, (_, killed, _) in UPLOADERS.items():
            if not killed:
                out, err = uploaders[name].communicate(timeout=120)
                assert out.strip() == "ok", (name, out, err[-3000:])

        for repairer in repairers:  # a last round: nothing left to do
            repairer.go()
        last = [repairer.answer() for repairer in repairers]
    finally:
        for hold in holds.values():
            hold.release.set()
        luml_server.faults.clear()
        for process in uploaders.values():
            if process.poll() is None:
                process.kill()
                process.communicate()
        for repairer in repairers:
            repairer.close()

    page = await run(workspace.artifacts.list())
    found = {item.name: status_text(item) for item in page.items}
    assert found == {f"{name}.luml": status for name, (_, _, status) in UPLOADERS.items()}
    failed_by_repair = {
        artifact_id for answer in rounds + last for artifact_id in answer["repaired"]
    }
    live = {item.id for item in page.items if not UPLOADERS[item.name[:-5]][1]}
    assert not failed_by_repair & live, "a repairer failed a live upload"
    assert all(answer["repaired"] == {} for answer in last)
    assert sorted(os.listdir(journal_dir)) == []
    assert open_journal_files(journal_dir) == []
