"""An interruption at every step of an upload and of a delete, in-process: the driver is
made to interrupt the k-th instruction it performs (every k until the transfer completes):
task cancellation on AsyncLumlClient, KeyboardInterrupt (what Ctrl-C raises) on the main
thread of LumlClient. After the client's next call nothing may be pending, an `uploaded`
artifact's stored bytes must be the file, and no record may be gone while its object stays.
"""

from __future__ import annotations

import asyncio
import random
import threading
from pathlib import Path
from typing import Any

import pytest

from luml_facade._driver import AsyncDriver, SyncDriver
from luml_facade.testing import LocalLuml, Tenant

from .conftest import collect, make_client, run, write_artifact

MiB = 1024 * 1024
TURNS = 5000


class Interrupter:
    """Counts the instructions the drivers perform and interrupts the k-th."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.target = 0
        self.count = 0
        self.fired = False
        sync_perform, async_perform = SyncDriver._perform, AsyncDriver._perform
        interrupter = self

        def perform_sync(driver: SyncDriver, instruction: Any) -> Any:
            if threading.current_thread() is threading.main_thread() and interrupter.tick():
                raise KeyboardInterrupt
            return sync_perform(driver, instruction)

        async def perform_async(driver: AsyncDriver, instruction: Any) -> Any:
            if interrupter.tick():
                task = asyncio.current_task()
                assert task is not None
                task.cancel()
            return await async_perform(driver, instruction)

        monkeypatch.setattr(SyncDriver, "_perform", perform_sync)
        monkeypatch.setattr(AsyncDriver, "_perform", perform_async)

    def arm(self, target: int) -> None:
        self.target, self.count, self.fired = target, 0, False

    def disarm(self) -> None:
        self.target = 0

    def tick(self) -> bool:
        if not self.target:
            return False
        self.count += 1
        if self.count == self.target:
            self.fired = True
            return True
        return False


def status_text(item: Any) -> str:
    return str(getattr(item.status, "value", item.status))


async def interrupted_call(interrupter: Interrupter, k: int, call: Any) -> bool:
    """Run `call` with the k-th instruction interrupted; True if it was interrupted. An
    interruption must reach the caller (Ctrl-C as KeyboardInterrupt, cancellation as
    CancelledError), and a call that was not interrupted must not raise one."""
    interrupter.arm(k)
    propagated = False
    try:
        await run(call())
    except (KeyboardInterrupt, asyncio.CancelledError):
        propagated = True
    finally:
        interrupter.disarm()
    assert propagated == interrupter.fired, (k, "fired" if interrupter.fired else "not fired")
    return interrupter.fired


async def check_nothing_pending(
    luml: Any, server: LocalLuml, tenant: Tenant, path: Path, k: int
) -> list[Any]:
    page = await run(luml.artifacts.list())  # the client's next call
    statuses = [status_text(item) for item in page.items]
    assert not [s for s in statuses if s.startswith("pending")], (k, statuses)
    for item in page.items:
        if status_text(item) == "uploaded":
            assert server.stored_object(tenant.bucket_name, item.bucket_location) == (
                path.read_bytes()
            )
    return list(page.items)


@pytest.mark.parametrize("payload", [4096, 9 * MiB], ids=["single", "multipart"])
async def test_an_upload_interrupted_at_every_step(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    payload: int,
) -> None:
    path = write_artifact(tmp_path / "m.luml", payload_size=payload)
    interrupter = Interrupter(monkeypatch)
    k = 0
    while True:
        k += 1
        fired = await interrupted_call(interrupter, k, lambda: workspace.artifacts.upload(path))
        await check_nothing_pending(workspace, luml_server, luml_tenant, path, k)
        if not fired:
            break
    assert k > 6  # every step of the transfer was tried (7 for a single PUT)
    report_scenarios(f"upload-{payload}", k - 1)


async def test_a_delete_interrupted_at_every_step(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_artifact(tmp_path / "m.luml")
    interrupter = Interrupter(monkeypatch)
    k = 0
    while True:
        k += 1
        artifact = await run(workspace.artifacts.upload(path))
        fired = await interrupted_call(
            interrupter, k, lambda artifact=artifact: workspace.artifacts.delete(artifact.id)
        )
        items = await check_nothing_pending(workspace, luml_server, luml_tenant, path, k)
        if artifact.id not in {item.id for item in items}:
            stored = luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location)
            assert stored is None, k
        else:
            await run(workspace.artifacts.delete(artifact.id))  # a retry finishes it
        if not fired:
            break
    assert k > 4
    report_scenarios("delete", k - 1)


def report_scenarios(name: str, count: int) -> None:
    print(f"interrupted {name} at {count} points")  # shown with -s


async def test_150_cancellations_at_random_points(
    luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    """The issue's measure: 150 task cancellations at random points of uploads (seeded; the
    point is a number of event-loop turns, not a time). After the next call nothing is
    pending and every `uploaded` artifact holds the file's bytes."""
    luml = make_client("async", luml_server, luml_tenant)
    await luml.orbits.create("Models", luml_tenant.bucket_secret_id)
    await luml.setup_config(orbit="Models")
    await luml.collections.create("c", "main", "mixed")
    await luml.setup_config(orbit="Models", collection="main")
    path = write_artifact(tmp_path / "m.luml", payload_size=64 * 1024)
    loop = asyncio.get_running_loop()
    rng = random.Random(150)
    cancelled = 0
    requested: list[bool] = []  # per upload: whether task.cancel() was accepted
    for _ in range(150):
        task = asyncio.ensure_future(luml.artifacts.upload(path))
        requested.append(False)

        def cancel_after(turns: int, task: asyncio.Future[Any] = task) -> None:
            if task.done():
                return
            if turns == 0:
                requested[-1] = task.cancel()
            else:
                loop.call_soon(cancel_after, turns - 1)

        loop.call_soon(cancel_after, rng.randrange(0, TURNS))
        try:
            await task
        except asyncio.CancelledError:
            cancelled += 1
        # a cancellation that reached the task propagated to whoever awaits it
        assert task.cancelled() == requested[-1], len(requested)

    items = await collect(luml.artifacts.list_all())  # the next call
    statuses = [status_text(item) for item in items]
    assert not [s for s in statuses if s.startswith("pending")], statuses
    for item in items:
        if status_text(item) == "uploaded":
            stored = luml_server.stored_object(luml_tenant.bucket_name, item.bucket_location)
            assert stored == path.read_bytes()
    assert cancelled >= 30
    print(sorted(statuses).count("uploaded"), "uploaded")
    report_scenarios("upload (random cancellations)", cancelled)
    await luml.aclose()
