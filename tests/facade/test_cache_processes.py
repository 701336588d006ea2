"""The shared cache across processes: 32 processes started together make one transfer, and
a downloader killed with SIGKILL leaves nothing that blocks (or lingers after) the next fetch.
Synchronised on the server's hold and request log, never on sleeps."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from luml_facade import LumlClient, SilentProgressHandler
from luml_facade.cache import ModelCache
from luml_facade.testing import Fault, Hold, LocalLuml, Tenant

from .conftest import write_artifact

CHILD = Path(__file__).with_name("_cache_child.py")
PROCESSES = 32
DEFAULTS = {"organization": "Test Organization", "orbit": "Models", "collection": "main"}


@pytest.fixture
def uploaded(luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path) -> Any:
    """An artifact (1 MiB) in the tenant's collection "main" of orbit "Models"."""
    with LumlClient(api_key=luml_tenant.api_key, base_url=luml_server.url) as luml:
        orbit = luml.orbits.create("Models", luml_tenant.bucket_secret_id)
        luml.setup_config(orbit=orbit.id)
        luml.collections.create("main collection", "main", "mixed")
        luml.setup_config(orbit=orbit.id, collection="main")
        file = write_artifact(tmp_path / "model.luml", payload_size=1024 * 1024)
        return luml.artifacts.upload(file, on_progress=False)


def start(kind: str, server: LocalLuml, tenant: Tenant, artifact_id: str) -> subprocess.Popen[str]:
    command = [sys.executable, str(CHILD), kind, server.url, tenant.api_key, *DEFAULTS.values()]
    return subprocess.Popen(
        [*command, artifact_id], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def object_gets(server: LocalLuml) -> int:
    return sum(
        1 for seen in server.requests_seen if seen.target == "storage" and seen.method == "GET"
    )


def record_gets(server: LocalLuml, artifact_id: str) -> int:
    return sum(
        1
        for seen in server.requests_seen
        if seen.target == "api" and seen.method == "GET" and seen.path.endswith(artifact_id)
    )


def test_32_processes_started_together_make_one_transfer(
    luml_server: LocalLuml, luml_tenant: Tenant, uploaded: Any
) -> None:
    hold = Hold(timeout=600)
    luml_server.requests_seen.clear()
    luml_server.faults.add(Fault(target="storage", method="GET", hold=hold))
    children = [
        start("sync" if index % 2 else "async", luml_server, luml_tenant, uploaded.id)
        for index in range(PROCESSES)
    ]
    try:
        assert hold.reached.wait(300), "no child started the download"
        # Each child reads the artifact's record before taking the blob's lock (the one
        # downloading reads it once more): once all have, every other child is waiting on
        # the lock or past it while the one transfer is held.
        deadline = time.monotonic() + 300
        while record_gets(luml_server, uploaded.id) < PROCESSES + 1:
            if time.monotonic() > deadline or any(child.poll() is not None for child in children):
                break
            hold.reached.wait(0.05)  # polls the request log; the hold is already reached
        hold.release.set()
        outputs = [child.communicate(timeout=600) for child in children]
    finally:
        hold.release.set()
        for child in children:
            child.kill()
    paths = {out.splitlines()[-1] for out, _ in outputs}
    assert all(child.returncode == 0 for child in children), outputs
    assert len(paths) == 1
    assert hashlib.sha256(Path(paths.pop()).read_bytes()).hexdigest() == uploaded.file_hash
    assert object_gets(luml_server) == 1


def test_a_sigkilled_downloader_blocks_nothing(
    luml_server: LocalLuml, luml_tenant: Tenant, uploaded: Any, model_cache_dir: Path
) -> None:
    hold = Hold(timeout=600)
    luml_server.faults.add(Fault(target="storage", method="GET", hold=hold))
    child = start("sync", luml_server, luml_tenant, uploaded.id)
    try:
        assert hold.reached.wait(120), child.communicate(timeout=60)
        leftovers = list((model_cache_dir / "blobs").glob(".*.part"))
        assert len(leftovers) == 1  # the download in flight
        assert ModelCache(model_cache_dir).prune(max_size=0).freed == 0  # in use: not touched
        assert leftovers[0].exists()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        hold.release.set()
        child.kill()
    luml_server.requests_seen.clear()
    with LumlClient(api_key=luml_tenant.api_key, base_url=luml_server.url, **DEFAULTS) as luml:
        path = luml.artifacts.cached_path(uploaded.id, on_progress=SilentProgressHandler())
    assert hashlib.sha256(path.read_bytes()).hexdigest() == uploaded.file_hash
    assert object_gets(luml_server) == 1
    assert list((model_cache_dir / "blobs").glob(".*.part")) == []  # the killed one's file is gone
