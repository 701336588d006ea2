"""Nothing lost: what an interrupted or failing transfer leaves behind is settled, by the
failing call itself or by the client's next call (the transfer journal), and
`artifacts.repair_pending()` settles what no journal knows. Both clients, local server."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from luml_facade import (
    APIConnectionError,
    ArtifactStatus,
    BadRequestError,
    FileDeleteError,
    FileUploadError,
    RepairReport,
)
from luml_facade.testing import Fault, Hold, LocalLuml, Tenant, artifact_manifest

from ._server_view import defaults_of, raw_statuses
from .conftest import run, write_artifact
from .test_signals import CHILD
from .test_transfers import Recorder

MiB = 1024 * 1024
ARTIFACTS = "/artifacts"
NO_SUCH_BUCKET = b"<Error><Code>NoSuchBucket</Code><Message>no bucket</Message></Error>"


async def statuses(luml: Any) -> list[str]:
    """Statuses after a facade call (the client's next call)."""
    page = await run(luml.artifacts.list())
    return sorted(str(getattr(item.status, "value", item.status)) for item in page.items)


def journal_names(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.glob("*.json"))


# uploads


async def test_a_lost_answer_to_create_is_repaired_by_the_next_call(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    journal_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = write_artifact(tmp_path / "model.luml")
    luml_server.faults.add(
        Fault(target="api", method="POST", path_contains=ARTIFACTS, drop_after_bytes=3)
    )

    with pytest.raises(APIConnectionError, match="could not reach the LUML API at http"):
        await run(workspace.artifacts.upload(path))

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_upload"]
    assert len(journal_names(journal_dir)) == 1
    caplog.set_level(logging.WARNING, logger="luml_facade")
    assert await statuses(workspace) == ["upload_failed"]  # the next call repaired it
    assert journal_names(journal_dir) == []
    assert [r.getMessage().split(" (model.luml) ")[1] for r in caplog.records] == [
        "was left pending_upload by an interrupted transfer; now upload_failed: the answer to "
        "its create call was lost (interrupted): upload the file again"
    ]


async def test_a_refused_create_leaves_nothing_for_the_next_call(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path, journal_dir: Path
) -> None:
    """The server answered the create with an error: nothing was made, so nothing is left in
    the journal for a later call to look for."""
    refused = b'{"detail": "Collection is full"}'
    luml_server.faults.add(
        Fault(target="api", method="POST", path_contains=ARTIFACTS, status=400, body=refused)
    )
    with pytest.raises(BadRequestError, match="Collection is full"):
        await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))
    assert journal_names(journal_dir) == []
    assert await statuses(workspace) == []


async def test_a_lost_create_is_told_from_another_record_of_the_same_name(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    """The repair fails only the record the lost create made: a pending record of the same
    name and size, made just before, with other bytes (its own caller's raw create), is left
    alone."""
    path = write_artifact(tmp_path / "model.luml")
    size = path.stat().st_size
    other = await run(
        workspace.artifacts.create(
            None, "model.luml", {}, artifact_manifest("model"), "0" * 64, {}, size, "model.luml"
        )
    )
    luml_server.faults.add(
        Fault(target="api", method="POST", path_contains=ARTIFACTS, drop_after_bytes=3)
    )
    with pytest.raises(APIConnectionError):
        await run(workspace.artifacts.upload(path))

    assert await statuses(workspace) == ["pending_upload", "upload_failed"]
    assert (await run(workspace.artifacts.get(other.artifact.id))).status == "pending_upload"


async def test_progress_start_raising_marks_upload_failed(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    class Broken(Recorder):
        def start(self, file_name: str, total: int) -> None:
            raise ValueError("bar broke")

    with pytest.raises(FileUploadError, match=r"start\(\) raised ValueError\('bar broke'\)"):
        await run(
            workspace.artifacts.upload(write_artifact(tmp_path / "m.luml"), on_progress=Broken())
        )

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["upload_failed"]


async def test_progress_finish_raising_never_hides_the_outcome(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    class Broken(Recorder):
        def finish(self) -> None:
            raise RuntimeError("finish broke")

    path = write_artifact(tmp_path / "m.luml")
    with pytest.warns(RuntimeWarning, match="upload succeeded.*finish broke"):
        artifact = await run(workspace.artifacts.upload(path, on_progress=Broken()))
    assert artifact.status == ArtifactStatus.UPLOADED

    luml_server.faults.add(Fault(target="storage", method="PUT", status=500, times=100))
    with pytest.raises(FileUploadError, match="HTTP 500") as raised:
        await run(workspace.artifacts.upload(path, name="second", on_progress=Broken()))
    assert any("finish() raised too" in note for note in raised.value.__notes__)
    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["upload_failed", "uploaded"]


async def test_api_unreachable_at_failure_is_repaired_by_the_next_call(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = write_artifact(tmp_path / "m.luml")
    luml_server.faults.add(Fault(target="storage", method="PUT", status=500, times=100))
    luml_server.faults.add(
        Fault(target="api", method="PATCH", path_contains=ARTIFACTS, status=503, times=100)
    )

    with pytest.raises(FileUploadError) as raised:
        await run(workspace.artifacts.upload(path))

    assert raised.value.__notes__[-1].endswith(
        "the next call of a luml-facade client with this API key on this machine checks its "
        "record and, if it is still pending_upload, marks it upload_failed (upload the file "
        "again); if it is no longer pending_upload it is left as it is "
        "(luml.artifacts.repair_pending() does this now)"
    )
    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_upload"]
    luml_server.faults.clear()  # the API is back
    caplog.set_level(logging.WARNING, logger="luml_facade")
    assert await statuses(workspace) == ["upload_failed"]
    assert [r.getMessage().split(" (m.luml) ")[1] for r in caplog.records] == [
        "was left pending_upload by an interrupted transfer; now upload_failed: its upload was "
        "interrupted before every byte was stored: upload the file again"
    ]


async def test_stored_bytes_whose_status_was_lost_are_reported_uploaded(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "m.luml")
    luml_server.faults.add(
        Fault(target="api", method="PATCH", path_contains=ARTIFACTS, status=503, times=100)
    )

    with pytest.raises(FileUploadError):
        await run(workspace.artifacts.upload(path))

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_upload"]
    luml_server.faults.clear()
    report = await run(workspace.artifacts.repair_pending(older_than=timedelta(hours=1)))
    assert isinstance(report, RepairReport)
    assert [(a.before, a.after, a.reason) for a in report.repaired] == [
        (
            "pending_upload",
            "uploaded",
            "every byte was stored before the client stopped; marked uploaded",
        )
    ]
    artifact = await run(workspace.artifacts.get(report.repaired[0].artifact_id))
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location) == (
        path.read_bytes()
    )


async def test_a_refused_mark_leaves_the_leftover_for_a_later_call(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path, journal_dir: Path
) -> None:
    """Stored bytes whose mark was lost: when the next call's mark is refused (400) while the
    record is still pending, the journal keeps the leftover and a later call settles it."""
    mark = Fault(target="api", method="PATCH", path_contains=ARTIFACTS, status=503, times=100)
    luml_server.faults.add(mark)
    with pytest.raises(FileUploadError):
        await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))
    luml_server.faults.clear()
    refused = b'{"detail": "Invalid status transition"}'
    luml_server.faults.add(
        Fault(target="api", method="PATCH", path_contains=ARTIFACTS, status=400, body=refused)
    )

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_upload"]
    await run(workspace.orbits.list())  # its sweep is refused
    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_upload"]
    assert len(journal_names(journal_dir)) == 1
    assert await statuses(workspace) == ["uploaded"]  # the fault was used up: settled


@pytest.mark.parametrize("change", ["one byte", "shorter"])
@pytest.mark.parametrize("payload", [3 * MiB, 12 * MiB], ids=["single", "multipart"])
async def test_a_file_changed_after_hashing_is_never_stored(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    payload: int,
    change: str,
) -> None:
    path = write_artifact(tmp_path / "m.luml", payload_size=payload)

    class Rewrite(Recorder):
        def start(self, file_name: str, total: int) -> None:
            super().start(file_name, total)
            data = bytearray(path.read_bytes())
            if change == "one byte":
                data[-2 * MiB] ^= 0xFF  # same size, one byte different, in the last chunks
            else:
                del data[-MiB - 1 :]  # cut inside the last hashed chunks
            path.write_bytes(bytes(data))

    with pytest.raises(FileUploadError, match=r"m\.luml changed while it was being uploaded"):
        await run(workspace.artifacts.upload(path, on_progress=Rewrite()))

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["upload_failed"]
    page = await run(workspace.artifacts.list())
    location = page.items[0].bucket_location
    assert luml_server.stored_object(luml_tenant.bucket_name, location) is None


def part_layout(ranges: list[tuple[int, int]]) -> bytes:
    """A canned answer of the part URLs endpoint: one part per (first, last) byte range; the
    URLs lead nowhere (nothing listens on loopback port 9)."""
    parts = [
        {
            "part_number": number,
            "url": f"http://127.0.0.1:9/part-{number}",
            "start_byte": first,
            "end_byte": last,
            "part_size": last - first + 1,
        }
        for number, (first, last) in enumerate(ranges, 1)
    ]
    return json.dumps(
        {"type": "s3", "upload_id": "u", "parts": parts, "complete_url": "http://127.0.0.1:9/c"}
    ).encode()


def answer_part_urls_with(server: LocalLuml, ranges: list[tuple[int, int]]) -> None:
    server.faults.add(
        Fault(target="api", path_contains="upload/multipart", status=200, body=part_layout(ranges))
    )


@pytest.mark.parametrize(
    ("layout", "refusal"),
    [
        ("overlapping", "the server's part 2 does not continue the previous one"),
        ("with a gap", "the server's part 2 does not continue the previous one"),
        ("with an empty part", "the server's part 2 does not continue the previous one"),
        ("short", r"the server's parts cover \d+ of \d+ bytes"),
    ],
)
async def test_a_part_layout_that_does_not_cover_the_file_is_refused(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    layout: str,
    refusal: str,
) -> None:
    path = write_artifact(tmp_path / "big.luml", payload_size=9 * MiB)
    last = path.stat().st_size - 1
    answer_part_urls_with(
        luml_server,
        {
            "overlapping": [(0, 5 * MiB), (5 * MiB, last)],
            "with a gap": [(0, 5 * MiB), (5 * MiB + 2, last)],
            "with an empty part": [(0, 5 * MiB), (5 * MiB + 1, 5 * MiB), (5 * MiB + 1, last)],
            "short": [(0, 5 * MiB), (5 * MiB + 1, last - 1)],
        }[layout],
    )

    with pytest.raises(FileUploadError, match=refusal):
        await run(workspace.artifacts.upload(path))

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["upload_failed"]


async def test_a_one_byte_last_part_is_a_layout_like_any_other(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    """The layout is accepted, so the upload goes on to send its parts (to the canned URLs,
    which refuse the connection: the failure is the storage's, not the layout's)."""
    path = write_artifact(tmp_path / "big.luml", payload_size=9 * MiB)
    last = path.stat().st_size - 1
    answer_part_urls_with(luml_server, [(0, last - 1), (last, last)])

    with pytest.raises(FileUploadError) as caught:
        await run(workspace.artifacts.upload(path))

    assert "the server's part" not in str(caught.value)
    assert "Connection refused" in str(caught.value)  # at the first part's URL


async def test_one_503_on_multipart_initiate_is_retried(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "big.luml", payload_size=9 * MiB)
    luml_server.faults.add(
        Fault(target="storage", method="POST", path_contains="uploads", status=503)
    )

    artifact = await run(workspace.artifacts.upload(path))

    assert artifact.status == ArtifactStatus.UPLOADED
    stored = luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location)
    assert stored == path.read_bytes()


@pytest.mark.parametrize(
    ("target", "method", "fragment"),
    [("storage", "PUT", None), ("api", "POST", ARTIFACTS)],
    ids=["storage-put", "create-answer"],
)
async def test_a_live_upload_in_another_process_is_left_alone(
    workspace: Any,
    client_kind: str,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    target: Any,
    method: str,
    fragment: str | None,
) -> None:
    """Another process's upload is in flight (its storage PUT held, or the answer to its
    create, so its journal entry has no artifact id yet): this client's calls and
    repair_pending(older_than=0) must not fail it; it then finishes uploaded."""
    path = write_artifact(tmp_path / "m.luml")
    ids = await defaults_of(workspace)
    hold = Hold()
    luml_server.faults.add(Fault(target=target, method=method, path_contains=fragment, hold=hold))
    command = [sys.executable, str(CHILD), client_kind, "upload", luml_server.url]
    child = subprocess.Popen(
        [*command, luml_tenant.api_key, *ids, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert hold.reached.wait(60)
        assert await statuses(workspace) == ["pending_upload"]
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


async def test_a_lost_create_is_repaired_while_another_file_waits_for_its_create(
    workspace: Any, client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    """Another process's upload of another file (same bytes, another name) waits for its
    create answer (its entry has no artifact id yet) while this client's lost create is
    repaired: only an upload of the same file could have made this client's record, so the
    repair goes ahead."""
    ids = await defaults_of(workspace)
    hold = Hold()
    luml_server.faults.add(Fault(target="api", method="POST", path_contains=ARTIFACTS, hold=hold))
    path = write_artifact(tmp_path / "m.luml")
    other = tmp_path / "other.luml"
    other.write_bytes(path.read_bytes())
    command = [sys.executable, str(CHILD), client_kind, "upload", luml_server.url]
    child = subprocess.Popen(
        [*command, luml_tenant.api_key, *ids, str(other)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert hold.reached.wait(60)
        luml_server.faults.add(
            Fault(target="api", method="POST", path_contains=ARTIFACTS, drop_after_bytes=3)
        )
        with pytest.raises(APIConnectionError):
            await run(workspace.artifacts.upload(path))
        assert await statuses(workspace) == ["pending_upload", "upload_failed"]
    finally:
        hold.release.set()
        out, _ = child.communicate(timeout=120)
    assert out.strip() == "ok"
    assert await statuses(workspace) == ["upload_failed", "uploaded"]


async def test_repair_pending_settles_old_pending_artifacts(workspace: Any, tmp_path: Path) -> None:
    created = await run(
        workspace.artifacts.create(
            None, "m.luml", {}, artifact_manifest("model"), "0" * 64, {}, 10, "never sent"
        )
    )
    deleting = await run(
        workspace.artifacts.create(
            None, "d.luml", {}, artifact_manifest("model"), "1" * 64, {}, 10, "deleting"
        )
    )
    await run(workspace.artifacts.delete_url(deleting.artifact.id))
    # a settled artifact, listed among (newest: before) the pending ones, is passed over
    await run(workspace.artifacts.upload(write_artifact(tmp_path / "done.luml")))

    young = await run(workspace.artifacts.repair_pending(older_than=timedelta(hours=1)))
    assert young.repaired == []
    assert len(young.skipped) == 2
    report = await run(workspace.artifacts.repair_pending(older_than=timedelta(0)))

    assert sorted((a.name, a.before, a.after, a.reason) for a in report.repaired) == [
        (
            "deleting",
            "pending_deletion",
            "deletion_failed",
            "left pending_deletion longer than allowed: call artifacts.delete() again",
        ),
        (
            "never sent",
            "pending_upload",
            "upload_failed",
            "left pending_upload longer than allowed: upload the file again",
        ),
    ]
    assert created.artifact.id in {action.artifact_id for action in report.repaired}
    assert await statuses(workspace) == ["deletion_failed", "upload_failed", "uploaded"]


async def test_repair_pending_reports_a_refused_mark_of_a_still_pending_artifact(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    """The server refusing to mark a record that is still pending is an error, not a record
    "settled meanwhile"."""
    await run(
        workspace.artifacts.create(
            None, "m.luml", {}, artifact_manifest("model"), "0" * 64, {}, 10, "never sent"
        )
    )
    refused = b'{"detail": "Invalid status transition"}'
    luml_server.faults.add(
        Fault(target="api", method="PATCH", path_contains=ARTIFACTS, status=400, body=refused)
    )

    with pytest.raises(BadRequestError, match="Invalid status transition"):
        await run(workspace.artifacts.repair_pending(older_than=timedelta(0)))
    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_upload"]


# deletes


async def test_a_failed_confirm_says_what_happened_and_the_next_call_finishes_it(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))
    luml_server.faults.add(
        Fault(target="api", method="DELETE", path_contains=ARTIFACTS, status=503, times=100)
    )

    with pytest.raises(FileDeleteError) as raised:
        await run(workspace.artifacts.delete(artifact.id))

    message = str(raised.value)
    assert "stored file of artifact" in message and "was deleted" in message
    assert "still failing after 3 retries" in message
    assert message.endswith(
        "the record is removed by the next call of a luml-facade client with this API key on "
        "this machine, or call delete() again"
    )
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location) is None
    luml_server.faults.clear()
    caplog.set_level(logging.WARNING, logger="luml_facade")
    assert await statuses(workspace) == []  # the next call confirmed the deletion
    assert [r.getMessage() for r in caplog.records] == [
        f"artifact {artifact.id} ({artifact.name}) was left pending_deletion by an interrupted "
        "transfer; now deleted: its stored file was deleted before the client stopped; "
        "deletion confirmed"
    ]


async def test_storage_and_status_failing_together_keep_the_storage_error(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))
    luml_server.faults.add(
        Fault(
            target="storage",
            method="DELETE",
            status=500,
            times=100,
            body=b"<Error><Code>InternalError</Code><Message>disk</Message></Error>",
        )
    )
    luml_server.faults.add(
        Fault(target="api", method="PATCH", path_contains=ARTIFACTS, status=503, times=100)
    )

    with pytest.raises(FileDeleteError) as raised:
        await run(workspace.artifacts.delete(artifact.id))

    message = str(raised.value)
    assert "deleting the stored file failed with HTTP 500: InternalError disk" in message
    assert "deletion_failed failed too" in message
    assert message.endswith(
        "the next call of a luml-facade client with this API key on this machine checks its "
        "record and, if it is still pending_deletion, marks it deletion_failed; then call "
        "delete() again"
    )
    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_deletion"]
    luml_server.faults.clear()
    assert await statuses(workspace) == ["deletion_failed"]
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location)


async def test_no_such_bucket_is_not_already_gone(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))
    luml_server.faults.add(
        Fault(target="storage", method="DELETE", status=404, body=NO_SUCH_BUCKET, times=100)
    )

    hint = r" \(the stored file may still exist: check the bucket and its secret\); "
    with pytest.raises(FileDeleteError, match=r"HTTP 404: NoSuchBucket[^;]*" + hint):
        await run(workspace.artifacts.delete(artifact.id))

    assert await statuses(workspace) == ["deletion_failed"]
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location)


async def interrupted(client_kind: str, hold: Hold, call: Any) -> BaseException:
    """Run a facade call and interrupt it while the held request is in flight: a real SIGINT
    to the main thread on the sync client, task cancellation on the async one."""
    if client_kind == "async":
        task = asyncio.ensure_future(call())
        assert await asyncio.to_thread(hold.reached.wait, 60)
        task.cancel()
        hold.release.set()
        with pytest.raises(asyncio.CancelledError) as raised:
            await task
        return raised.value

    main = threading.get_ident()

    def interrupt() -> None:
        if hold.reached.wait(60):
            signal.pthread_kill(main, signal.SIGINT)
        hold.release.set()

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    helper = threading.Thread(target=interrupt)
    helper.start()
    try:
        with pytest.raises(KeyboardInterrupt) as caught:
            call()
    finally:
        helper.join()
        signal.signal(signal.SIGINT, previous)
    return caught.value


@pytest.mark.parametrize(
    ("target", "method", "fragment"),
    [("storage", "DELETE", None), ("api", "GET", "/delete-url")],
    ids=["storage-delete", "delete-url"],
)
async def test_an_interrupted_delete_leaves_nothing_pending(
    workspace: Any,
    client_kind: str,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    target: Any,
    method: str,
    fragment: str | None,
    journal_dir: Path,
) -> None:
    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))
    hold = Hold()
    luml_server.faults.add(Fault(target=target, method=method, path_contains=fragment, hold=hold))

    error = await interrupted(client_kind, hold, lambda: workspace.artifacts.delete(artifact.id))
    luml_server.faults.clear()

    if target == "storage":  # settled at once, with a note; nothing left for the next call
        assert error.__notes__ == [
            f"artifact {artifact.id}: the delete was interrupted; artifact {artifact.id} was "
            "marked deletion_failed: call delete() again to retry"
        ]
        assert journal_names(journal_dir) == []

    assert await statuses(workspace) == ["deletion_failed"]
    await run(workspace.artifacts.delete(artifact.id))  # and a retry finishes it
    assert await statuses(workspace) == []
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location) is None


async def test_an_interrupted_delete_whose_mark_fails_is_settled_by_the_next_call(
    workspace: Any,
    client_kind: str,
    luml_server: LocalLuml,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))
    hold = Hold()
    luml_server.faults.add(Fault(target="storage", method="DELETE", hold=hold))
    luml_server.faults.add(
        Fault(target="api", method="PATCH", path_contains=ARTIFACTS, status=503, times=100)
    )

    await interrupted(client_kind, hold, lambda: workspace.artifacts.delete(artifact.id))
    luml_server.faults.clear()
    caplog.set_level(logging.WARNING, logger="luml_facade")

    assert await statuses(workspace) == ["deletion_failed"]
    assert [r.getMessage() for r in caplog.records] == [
        f"artifact {artifact.id} ({artifact.name}) was left pending_deletion by an interrupted "
        "transfer; now deletion_failed: its delete was interrupted: call artifacts.delete() "
        "again"
    ]


@pytest.mark.parametrize(
    ("target", "method", "fragment"),
    [("api", "POST", ARTIFACTS), ("storage", "PUT", None), ("api", "PATCH", ARTIFACTS)],
    ids=["create", "put", "mark-uploaded"],
)
async def test_an_interrupted_upload_leaves_nothing_pending(
    workspace: Any,
    client_kind: str,
    luml_server: LocalLuml,
    tmp_path: Path,
    target: Any,
    method: str,
    fragment: str | None,
) -> None:
    path = write_artifact(tmp_path / "m.luml")
    hold = Hold()
    luml_server.faults.add(Fault(target=target, method=method, path_contains=fragment, hold=hold))

    await interrupted(client_kind, hold, lambda: workspace.artifacts.upload(path))
    luml_server.faults.clear()

    assert await statuses(workspace) in (["upload_failed"], ["uploaded"])
