"""Artifact file transfers against the local LUML server: upload (single PUT and S3
multipart), download (verified, resumable), delete, progress reporting, bad inputs, and
what the user sees when storage fails or the transfer is interrupted.

Every test that takes `luml`/`workspace` runs twice, with LumlClient and AsyncLumlClient.
"""

from __future__ import annotations

import _thread
import asyncio
import hashlib
import io
import signal
import tarfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from luml_facade import (
    ArtifactStatus,
    BadRequestError,
    CollectionType,
    FileDeleteError,
    FileDownloadError,
    FileError,
    FileUploadError,
    NotFoundError,
)
from luml_facade.testing import Fault, LocalLuml, SeenRequest, Tenant, artifact_manifest
from luml_facade.transfer.download import safe_file_name, target_path
from luml_facade.transfer.progress import BaseProgressHandler, end_progress

from ._server_view import raw_statuses
from .conftest import run, write_artifact

MiB = 1024 * 1024
PART_SIZE = 5 * MiB  # the session server's part size (multipart above 8 MiB)
MULTIPART_PAYLOAD = 13 * MiB  # three parts: 5 + 5 + 3 MiB
SMALL_MULTIPART_PAYLOAD = 9 * MiB  # two parts: 5 + 4 MiB


# helpers


class Recorder(BaseProgressHandler):
    """A progress handler that records every call it receives."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[Any, ...]] = []

    def start(self, file_name: str, total: int) -> None:
        super().start(file_name, total)
        self.events.append(("start", file_name, total))

    def on_chunk(self, done: int, total: int) -> None:
        self.events.append(("chunk", done, total))

    def finish(self) -> None:
        self.events.append(("finish",))

    @property
    def dones(self) -> list[int]:
        return [event[1] for event in self.events if event[0] == "chunk"]

    def check_bracketed(self, file_name: str, total: int) -> None:
        """start(file_name, total) first, finish() last, each exactly once."""
        assert self.events[0] == ("start", file_name, total)
        assert self.events[-1] == ("finish",)
        kinds = [event[0] for event in self.events]
        assert kinds.count("start") == 1
        assert kinds.count("finish") == 1
        assert all(event[2] == total for event in self.events if event[0] == "chunk")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def storage_requests(server: LocalLuml, method: str | None = None) -> list[SeenRequest]:
    return [
        seen
        for seen in server.requests_seen
        if seen.target == "storage" and (method is None or seen.method == method)
    ]


def part_puts(server: LocalLuml) -> list[SeenRequest]:
    return [seen for seen in storage_requests(server, "PUT") if "partNumber=" in seen.path]


def artifact_creates(server: LocalLuml) -> list[SeenRequest]:
    return [
        seen
        for seen in server.requests_seen
        if seen.target == "api" and seen.method == "POST" and seen.path.endswith("/artifacts")
    ]


async def statuses(luml: Any, collection_id: str | None = None) -> list[str]:
    page = await run(luml.artifacts.list(collection_id=collection_id))
    return [str(getattr(item.status, "value", item.status)) for item in page.items]


async def status_of(luml: Any, artifact_id: str) -> str:
    artifact = await run(luml.artifacts.get(artifact_id))
    assert artifact is not None
    return str(getattr(artifact.status, "value", artifact.status))


async def only_artifact_id(luml: Any) -> str:
    page = await run(luml.artifacts.list())
    assert len(page.items) == 1
    return str(page.items[0].id)


async def concurrently(client_kind: str, *calls: Callable[[], Any]) -> list[Any]:
    """Run facade calls at once: as tasks on the async client, in threads on the sync one."""
    if client_kind == "async":
        return list(await asyncio.gather(*(call() for call in calls)))
    return list(await asyncio.gather(*(asyncio.to_thread(call) for call in calls)))


def tar_with(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


# upload


async def test_upload_returns_the_uploaded_artifact(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "model.v2.luml", metrics={"accuracy": 0.93, "F1": 0.8})

    artifact = await run(workspace.artifacts.upload(path, description="first", tags=["prod"]))

    assert artifact.status == ArtifactStatus.UPLOADED
    assert artifact.name == "model.v2.luml"
    assert artifact.file_name == "model.v2.luml"
    assert artifact.description == "first"
    assert artifact.tags == ["prod"]
    assert artifact.size == path.stat().st_size
    assert artifact.file_hash == sha256(path)
    assert artifact.extra_values == {"accuracy": 0.93, "F1": 0.8}
    assert artifact.metrics == artifact.extra_values
    data = path.read_bytes()
    assert set(artifact.file_index) == {"manifest.json", "payload.bin", "meta-0001.json"}
    with tarfile.open(path) as archive:
        for name, (offset, size) in artifact.file_index.items():
            member = archive.extractfile(name)
            assert member is not None
            assert data[offset : offset + size] == member.read()
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location) == data
    assert await status_of(workspace, artifact.id) == "uploaded"


async def test_upload_uses_the_given_name(workspace: Any, tmp_path: Path) -> None:
    path = write_artifact(tmp_path / "model.luml")

    artifact = await run(workspace.artifacts.upload(path, name="Churn v2"))

    assert artifact.name == "Churn v2"
    assert artifact.file_name == "model.luml"
    found = await run(workspace.artifacts.get("Churn v2"))
    assert found is not None
    assert found.id == artifact.id


async def test_multipart_upload_streams_parts_with_content_length(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "big.luml", payload_size=MULTIPART_PAYLOAD)
    size = path.stat().st_size
    progress = Recorder()

    artifact = await run(workspace.artifacts.upload(path, on_progress=progress))

    assert artifact.status == ArtifactStatus.UPLOADED
    assert artifact.size == size
    stored = luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location)
    assert stored == path.read_bytes()

    puts = part_puts(luml_server)
    assert sorted(int(seen.path.split("partNumber=")[1].split("&")[0]) for seen in puts) == [
        1,
        2,
        3,
    ]
    lengths = sorted(int(seen.headers["content-length"]) for seen in puts)
    assert lengths == sorted([PART_SIZE, PART_SIZE, size - 2 * PART_SIZE])
    assert not any("transfer-encoding" in seen.headers for seen in puts)
    # multipart: no single-object PUT, one initiate and one complete POST
    assert len(storage_requests(luml_server, "PUT")) == 3
    assert len(storage_requests(luml_server, "POST")) == 2

    progress.check_bracketed("big.luml", size)
    assert progress.done == size
    assert max(progress.dones) == size
    assert all(0 < done <= size for done in progress.dones)


async def test_storage_never_sees_the_api_key(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    small = write_artifact(tmp_path / "small.luml")
    big = write_artifact(tmp_path / "big.luml", payload_size=SMALL_MULTIPART_PAYLOAD)

    for path in (small, big):
        artifact = await run(workspace.artifacts.upload(path))
        await run(workspace.artifacts.download(artifact.id, tmp_path / f"copy-{path.name}"))
        await run(workspace.artifacts.delete(artifact.id))

    seen = storage_requests(luml_server)
    assert {request.method for request in seen} >= {"PUT", "POST", "GET", "DELETE"}
    for request in seen:
        assert "authorization" not in request.headers
        assert luml_tenant.api_key not in request.path
        assert not any(luml_tenant.api_key in value for value in request.headers.values())
    # the API requests do carry it (so the check above is meaningful)
    api = [request for request in luml_server.requests_seen if request.target == "api"]
    assert api
    assert all(luml_tenant.api_key in request.headers["authorization"] for request in api)


@pytest.mark.parametrize("retry_after", [None, "0"], ids=["backoff", "retry-after"])
async def test_a_part_failing_once_is_retried(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    retry_after: str | None,
) -> None:
    path = write_artifact(tmp_path / "big.luml", payload_size=SMALL_MULTIPART_PAYLOAD)
    size = path.stat().st_size
    luml_server.faults.add(
        Fault(
            target="storage",
            method="PUT",
            path_contains="partNumber",
            status=503,
            retry_after=retry_after,
        )
    )
    progress = Recorder()

    artifact = await run(workspace.artifacts.upload(path, on_progress=progress))

    assert artifact.status == ArtifactStatus.UPLOADED
    stored = luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location)
    assert stored == path.read_bytes()
    assert len(part_puts(luml_server)) == 3  # two parts, one of them twice
    progress.check_bracketed("big.luml", size)
    # the failed attempt's bytes are taken back: progress never passes the total
    assert progress.done == size
    assert max(progress.dones) == size
    assert all(done <= size for done in progress.dones)


async def test_progress_of_a_retried_single_put_ends_at_total(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "model.luml", payload_size=3 * MiB)
    size = path.stat().st_size
    luml_server.faults.add(Fault(target="storage", method="PUT", status=503, retry_after="0"))
    progress = Recorder()

    artifact = await run(workspace.artifacts.upload(path, on_progress=progress))

    assert artifact.status == ArtifactStatus.UPLOADED
    assert progress.done == size
    assert progress.dones[-1] == size


async def test_a_single_put_failing_once_is_retried(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "model.luml")
    luml_server.faults.add(Fault(target="storage", method="PUT", status=503, retry_after="0"))

    artifact = await run(workspace.artifacts.upload(path))

    assert artifact.status == ArtifactStatus.UPLOADED
    assert len(storage_requests(luml_server, "PUT")) == 2
    stored = luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location)
    assert stored == path.read_bytes()


@pytest.mark.parametrize("status", [500, 503, 403])
@pytest.mark.parametrize("payload", [4096, SMALL_MULTIPART_PAYLOAD], ids=["single", "multipart"])
async def test_storage_failing_for_good_marks_upload_failed(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    status: int,
    payload: int,
    journal_dir: Path,
) -> None:
    path = write_artifact(tmp_path / "model.luml", payload_size=payload)
    luml_server.faults.add(
        Fault(
            target="storage",
            method="PUT",
            status=status,
            times=100,
            body=b"<Error><Code>Nope</Code><Message>storage says no</Message></Error>",
        )
    )
    progress = Recorder()

    what = "uploading the file" if payload == 4096 else r"uploading part \d+"
    failed = f"{what} failed with HTTP {status}: Nope storage says no"
    with pytest.raises(FileUploadError, match=failed) as caught:
        await run(workspace.artifacts.upload(path, on_progress=progress))

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["upload_failed"]
    assert list(journal_dir.glob("*.json")) == []  # settled: nothing left for a later call
    artifact_id = await only_artifact_id(workspace)
    assert await status_of(workspace, artifact_id) == "upload_failed"
    artifact = await run(workspace.artifacts.get(artifact_id))
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location) is None
    assert progress.events[-1] == ("finish",)
    # the presigned URL (with its signature) is not in the message
    assert "X-Amz-Signature" not in str(caught.value)


async def test_complete_multipart_answering_200_with_an_error_fails_the_upload(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "big.luml", payload_size=SMALL_MULTIPART_PAYLOAD)
    luml_server.faults.add(
        Fault(target="storage", method="POST", path_contains="uploadId", s3_error_in_200=True)
    )

    with pytest.raises(FileUploadError, match=r"completing the multipart upload.*InternalError"):
        await run(workspace.artifacts.upload(path))

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["upload_failed"]
    artifact = await run(workspace.artifacts.get(await only_artifact_id(workspace)))
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location) is None


async def test_a_lost_answer_to_complete_multipart_is_retried(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "big.luml", payload_size=SMALL_MULTIPART_PAYLOAD)
    luml_server.faults.add(
        Fault(target="storage", method="POST", path_contains="uploadId", drop_after_bytes=10)
    )

    artifact = await run(workspace.artifacts.upload(path))

    assert artifact.status == ArtifactStatus.UPLOADED
    stored = luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location)
    assert stored == path.read_bytes()


async def test_initiate_multipart_failing_marks_upload_failed(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "big.luml", payload_size=SMALL_MULTIPART_PAYLOAD)
    luml_server.faults.add(
        Fault(target="storage", method="POST", path_contains="uploads", status=500, times=100)
    )

    with pytest.raises(FileUploadError, match="starting the multipart upload failed with HTTP 500"):
        await run(workspace.artifacts.upload(path))

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["upload_failed"]
    assert part_puts(luml_server) == []


async def test_api_failing_after_the_upload_still_reports(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    """Marking the artifact `uploaded` answers 500: the caller gets an error (not a silent
    success), and the artifact is marked upload_failed."""
    path = write_artifact(tmp_path / "model.luml")
    luml_server.faults.add(
        Fault(target="api", method="PATCH", path_contains="/artifacts/", status=500)
    )

    with pytest.raises(FileUploadError, match=r"uploading model\.luml \(artifact .*\) failed"):
        await run(workspace.artifacts.upload(path))

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["upload_failed"]


async def test_a_lost_answer_to_mark_uploaded_does_not_fail_the_upload(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "model.luml")
    luml_server.faults.add(
        Fault(target="api", method="PATCH", path_contains="/artifacts/", drop_after_bytes=5)
    )

    try:
        artifact = await run(workspace.artifacts.upload(path))
    finally:
        assert await statuses(workspace) == ["uploaded"]  # what the server really holds

    assert artifact.status == ArtifactStatus.UPLOADED


# bad inputs


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.luml"


def _directory(tmp_path: Path) -> Path:
    folder = tmp_path / "folder.luml"
    folder.mkdir()
    return folder


def _zip(tmp_path: Path) -> Path:
    return write_artifact(tmp_path / "model.zip")


def _not_a_tar(tmp_path: Path) -> Path:
    path = tmp_path / "x.luml"
    path.write_bytes(bytes(range(256)) * 40)
    return path


def _no_manifest(tmp_path: Path) -> Path:
    return tar_with(tmp_path / "model.luml", {"payload.bin": b"data"})


def _manifest_not_json(tmp_path: Path) -> Path:
    return tar_with(tmp_path / "model.luml", {"manifest.json": b"{not json"})


def _forbidden_name(tmp_path: Path) -> Path:
    return write_artifact(tmp_path / "model#1.luml")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_missing, r"missing\.luml: no such file"),
        (_directory, r"folder\.luml is a directory: pass the artifact file itself"),
        (_zip, r"unsupported file type '\.zip'; use one of \.luml, \.fnnx"),
        (_not_a_tar, r"x\.luml is not a readable tar archive"),
        (_no_manifest, r"model\.luml has no manifest\.json"),
        (_manifest_not_json, r"model\.luml: manifest\.json is not valid JSON"),
        (_forbidden_name, r"refuses file names with any of"),
    ],
    # ids from the makers' names only: a regex in a node id is not selectable on its own
    # (mutmut passes node ids back to pytest)
    ids=[
        "missing",
        "directory",
        "zip",
        "not_a_tar",
        "no_manifest",
        "manifest_not_json",
        "forbidden_name",
    ],
)
async def test_bad_input_raises_file_error_and_creates_nothing(
    workspace: Any,
    luml_server: LocalLuml,
    tmp_path: Path,
    make: Callable[[Path], Path],
    message: str,
) -> None:
    path = make(tmp_path)

    with pytest.raises(FileError, match=message) as caught:
        await run(workspace.artifacts.upload(path))

    assert type(caught.value) is FileError
    assert artifact_creates(luml_server) == []
    assert await statuses(workspace) == []
    assert storage_requests(luml_server) == []


async def test_collection_type_forbidding_the_artifact_is_a_bad_request(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    datasets = await run(
        workspace.collections.create("only datasets", "datasets", CollectionType.DATASET)
    )
    path = write_artifact(tmp_path / "model.luml", artifact_type="model")

    with pytest.raises(BadRequestError, match="not allowed for this collection type") as caught:
        await run(workspace.artifacts.upload(path, collection_id=datasets.id))

    assert caught.value.status_code == 400
    assert await statuses(workspace, datasets.id) == []
    assert storage_requests(luml_server) == []
    # a dataset goes in
    dataset = write_artifact(tmp_path / "data.luml", artifact_type="dataset")
    uploaded = await run(workspace.artifacts.upload(dataset, collection_id=datasets.id))
    assert uploaded.status == ArtifactStatus.UPLOADED


# download


async def test_download_to_a_file_path(workspace: Any, tmp_path: Path) -> None:
    path = write_artifact(tmp_path / "model.luml", payload_size=3 * MiB)
    artifact = await run(workspace.artifacts.upload(path))
    target = tmp_path / "out" / "copy.luml"
    target.parent.mkdir()

    landed = await run(workspace.artifacts.download(artifact.id, target))

    assert landed == target
    assert target.read_bytes() == path.read_bytes()
    assert sorted(target.parent.iterdir()) == [target]  # no temporary file left


async def test_download_to_a_directory_uses_the_file_name(workspace: Any, tmp_path: Path) -> None:
    path = write_artifact(tmp_path / "model.v2.luml")
    artifact = await run(workspace.artifacts.upload(path, name="renamed"))
    folder = tmp_path / "downloads"
    folder.mkdir()

    landed = await run(workspace.artifacts.download(artifact.id, str(folder)))

    assert landed == folder / "model.v2.luml"
    assert landed.read_bytes() == path.read_bytes()


async def test_download_without_a_path_lands_in_the_current_directory(
    workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(path))
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)

    landed = await run(workspace.artifacts.download(artifact.id))

    assert landed == here / "model.luml"
    assert landed.read_bytes() == path.read_bytes()


async def test_download_overwrites_an_existing_file(workspace: Any, tmp_path: Path) -> None:
    path = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(path))
    target = tmp_path / "copy.luml"
    target.write_bytes(b"old")

    await run(workspace.artifacts.download(artifact.id, target))

    assert target.read_bytes() == path.read_bytes()


async def test_download_of_a_multipart_artifact(workspace: Any, tmp_path: Path) -> None:
    path = write_artifact(tmp_path / "big.luml", payload_size=SMALL_MULTIPART_PAYLOAD)
    artifact = await run(workspace.artifacts.upload(path))

    landed = await run(workspace.artifacts.download(artifact.id, tmp_path / "copy.luml"))

    assert sha256(landed) == sha256(path) == artifact.file_hash


async def test_download_into_a_missing_directory_says_so(workspace: Any, tmp_path: Path) -> None:
    path = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(path))

    with pytest.raises(FileDownloadError, match="does not exist"):
        await run(workspace.artifacts.download(artifact.id, tmp_path / "nowhere" / "x.luml"))

    assert not (tmp_path / "nowhere").exists()


async def test_download_of_an_unknown_artifact_is_not_found(workspace: Any, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        await run(workspace.artifacts.download("00000000-0000-4000-8000-000000000000", tmp_path))

    assert list(tmp_path.iterdir()) == []


async def test_interrupted_download_resumes_with_a_range_request(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "model.luml", payload_size=4 * MiB)
    size = path.stat().st_size
    artifact = await run(workspace.artifacts.upload(path))
    cut = 2 * MiB + MiB // 2
    luml_server.faults.add(Fault(target="storage", method="GET", drop_after_bytes=cut))
    folder = tmp_path / "out"
    folder.mkdir()
    progress = Recorder()

    landed = await run(workspace.artifacts.download(artifact.id, folder, on_progress=progress))

    assert landed.read_bytes() == path.read_bytes()
    assert sorted(folder.iterdir()) == [landed]
    gets = storage_requests(luml_server, "GET")
    assert len(gets) == 2
    assert "range" not in gets[0].headers
    resumed_at = gets[1].headers["range"]
    assert resumed_at.startswith("bytes=")
    assert resumed_at.endswith("-")
    assert 0 < int(resumed_at[len("bytes=") : -1]) <= cut
    progress.check_bracketed("model.luml", size)
    assert progress.dones == sorted(set(progress.dones))  # strictly increasing
    assert progress.dones[-1] == size


async def test_download_resumes_exactly_where_the_connection_dropped(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "model.luml", payload_size=2 * MiB)
    artifact = await run(workspace.artifacts.upload(path))
    cut = MiB // 2
    luml_server.faults.add(Fault(target="storage", method="GET", drop_after_bytes=cut, times=100))

    try:
        landed = await run(workspace.artifacts.download(artifact.id, tmp_path / "copy.luml"))
    finally:
        ranges = [seen.headers.get("range") for seen in storage_requests(luml_server, "GET")]

    assert ranges[:3] == [None, f"bytes={cut}-", f"bytes={2 * cut}-"]
    assert landed.read_bytes() == path.read_bytes()


async def test_download_survives_a_storage_503(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(path))
    luml_server.faults.add(Fault(target="storage", method="GET", status=503, retry_after="0"))

    landed = await run(workspace.artifacts.download(artifact.id, tmp_path / "copy.luml"))

    assert landed.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("existing", [False, True], ids=["no-file", "existing-file"])
async def test_corrupt_download_leaves_nothing_behind(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path, existing: bool
) -> None:
    path = write_artifact(tmp_path / "model.luml", payload_size=2 * MiB)
    artifact = await run(workspace.artifacts.upload(path))
    luml_server.faults.add(Fault(target="storage", method="GET", corrupt_body=True, times=100))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "copy.luml"
    if existing:
        target.write_bytes(b"previous version")
    progress = Recorder()

    with pytest.raises(FileDownloadError, match="do not match the artifact's SHA-256"):
        await run(workspace.artifacts.download(artifact.id, target, on_progress=progress))

    if existing:
        assert target.read_bytes() == b"previous version"
        assert list(folder.iterdir()) == [target]
    else:
        assert not target.exists()
        assert list(folder.iterdir()) == []
    assert progress.events[-1] == ("finish",)


async def test_storage_failing_for_good_on_download(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(path))
    luml_server.faults.add(Fault(target="storage", method="GET", status=500, times=100))
    folder = tmp_path / "out"
    folder.mkdir()

    with pytest.raises(FileDownloadError, match="downloading the file failed with HTTP 500"):
        await run(workspace.artifacts.download(artifact.id, folder))

    assert list(folder.iterdir()) == []


async def test_interrupted_download_leaves_nothing_behind(
    workspace: Any, client_kind: str, tmp_path: Path
) -> None:
    """Ctrl-C (sync) or cancellation (async) mid-download: it propagates, and neither the
    target nor a temporary file is left."""
    path = write_artifact(tmp_path / "model.luml", payload_size=3 * MiB)
    artifact = await run(workspace.artifacts.upload(path))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "copy.luml"

    if client_kind == "sync":

        class CtrlC(Recorder):
            def on_chunk(self, done: int, total: int) -> None:
                super().on_chunk(done, total)
                raise KeyboardInterrupt

        progress: Recorder = CtrlC()
        with pytest.raises(KeyboardInterrupt):
            await run(workspace.artifacts.download(artifact.id, target, on_progress=progress))
    else:
        loop = asyncio.get_running_loop()

        class CancelOnFirstChunk(Recorder):
            def on_chunk(self, done: int, total: int) -> None:  # called from a worker thread
                super().on_chunk(done, total)
                loop.call_soon_threadsafe(task.cancel)

        progress = CancelOnFirstChunk()
        task = asyncio.ensure_future(
            workspace.artifacts.download(artifact.id, target, on_progress=progress)
        )
        with pytest.raises(asyncio.CancelledError):
            await task

    assert list(folder.iterdir()) == []
    assert progress.events[-1] == ("finish",)
    assert await status_of(workspace, artifact.id) == "uploaded"


@pytest.mark.parametrize(
    ("server_name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("a/b/c.luml", "c.luml"),
        ("..\\x.luml", "x.luml"),
        ("..\\..\\windows\\x.luml", "x.luml"),
        ("/etc/cron.d/job.luml", "job.luml"),
        ("C:\\Users\\me\\model.luml", "model.luml"),
        ("model.v2.luml", "model.v2.luml"),
        ("..", "artifact-1234"),
        (".", "artifact-1234"),
        ("", "artifact-1234"),
        ("a/..", "artifact-1234"),
        ("dir/", "dir"),
    ],
    ids=lambda value: value.replace("\\", "~"),  # a backslash makes a node id unselectable
)
def test_server_file_names_cannot_traverse(server_name: str, expected: str) -> None:
    assert safe_file_name(server_name, "1234") == expected


@pytest.mark.parametrize(
    "server_name",
    ["../../etc/passwd", "a/b/c.luml", "..\\x.luml", ".."],
    ids=lambda value: value.replace("\\", "~"),
)
def test_download_target_stays_in_the_chosen_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server_name: str
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    in_folder = target_path(folder, server_name, "1234")
    assert in_folder.parent == folder
    assert in_folder.resolve().parent == folder.resolve()

    monkeypatch.chdir(folder)
    in_cwd = target_path(None, server_name, "1234")
    assert in_cwd.resolve().parent == folder.resolve()

    explicit = target_path(folder / "mine.luml", server_name, "1234")
    assert explicit == folder / "mine.luml"


# delete


async def test_delete_removes_the_record_and_the_stored_file(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "model.luml")))
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location)

    assert await run(workspace.artifacts.delete(artifact.id)) is None

    assert await run(workspace.artifacts.get(artifact.id)) is None
    assert await statuses(workspace) == []
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location) is None


async def test_delete_when_the_stored_file_is_already_gone(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "model.luml")))
    no_such_key = b"<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>"
    luml_server.faults.add(Fault(target="storage", method="DELETE", status=404, body=no_such_key))

    await run(workspace.artifacts.delete(artifact.id))

    assert await run(workspace.artifacts.get(artifact.id)) is None


async def test_failed_storage_delete_marks_deletion_failed(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "model.luml")))
    luml_server.faults.add(Fault(target="storage", method="DELETE", status=500, times=100))

    with pytest.raises(FileDeleteError, match="deleting the stored file failed with HTTP 500"):
        await run(workspace.artifacts.delete(artifact.id))

    assert await status_of(workspace, artifact.id) == "deletion_failed"
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location)
    # force removes the record whatever its status
    await run(workspace.artifacts.delete(artifact.id, force=True))
    assert await run(workspace.artifacts.get(artifact.id)) is None


async def test_a_failed_delete_can_be_retried(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "model.luml")))
    luml_server.faults.add(Fault(target="storage", method="DELETE", status=403))
    with pytest.raises(FileDeleteError, match="marked deletion_failed"):
        await run(workspace.artifacts.delete(artifact.id))

    await run(workspace.artifacts.delete(artifact.id))

    assert await run(workspace.artifacts.get(artifact.id)) is None
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location) is None


async def test_delete_retries_a_storage_503(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "model.luml")))
    luml_server.faults.add(Fault(target="storage", method="DELETE", status=503, retry_after="0"))

    await run(workspace.artifacts.delete(artifact.id))

    assert await run(workspace.artifacts.get(artifact.id)) is None
    assert luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location) is None


async def test_force_delete_removes_a_pending_upload(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    created = await run(
        workspace.artifacts.create(
            None,
            "model.luml",
            {},
            artifact_manifest("model"),
            "0" * 64,
            {"manifest.json": (512, 10)},
            1024,
            "never uploaded",
        )
    )
    assert await status_of(workspace, created.artifact.id) == "pending_upload"

    await run(workspace.artifacts.delete(created.artifact.id, force=True))

    assert await run(workspace.artifacts.get(created.artifact.id)) is None
    assert storage_requests(luml_server) == []


# progress


async def test_upload_progress(workspace: Any, tmp_path: Path) -> None:
    path = write_artifact(tmp_path / "model.luml", payload_size=3 * MiB + 17)
    size = path.stat().st_size
    progress = Recorder()

    await run(workspace.artifacts.upload(path, on_progress=progress))

    progress.check_bracketed("model.luml", size)
    assert len(progress.dones) >= 4  # streamed in chunks, not in one piece
    assert progress.dones == sorted(set(progress.dones))
    assert progress.dones[-1] == size
    assert progress.done == size


async def test_download_progress(workspace: Any, tmp_path: Path) -> None:
    path = write_artifact(tmp_path / "model.luml", payload_size=3 * MiB + 17)
    size = path.stat().st_size
    artifact = await run(workspace.artifacts.upload(path))
    progress = Recorder()

    await run(
        workspace.artifacts.download(artifact.id, tmp_path / "copy.luml", on_progress=progress)
    )

    progress.check_bracketed("copy.luml", size)
    assert len(progress.dones) >= 2
    assert progress.dones == sorted(set(progress.dones))
    assert progress.dones[-1] == size


class WatchedLock:
    """A lock that says when a thread starts waiting for it."""

    def __init__(self, waiting: threading.Event) -> None:
        self._lock = threading.Lock()
        self._waiting = waiting

    def __enter__(self) -> None:
        if threading.current_thread().name == "second":
            self._waiting.set()
        self._lock.acquire()

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def test_finish_is_the_last_call_a_handler_gets() -> None:
    """After a Ctrl-C the flow ends the handler without waiting for the part workers; bytes
    they still report reach no on_chunk (seen as a chunk after finish in a sync multipart
    Ctrl-C run)."""
    progress = Recorder()
    progress.start("model.luml", 10)
    progress.update(4)

    end_progress(progress)
    progress.update(6)  # a worker that was still sending

    assert progress.events == [("start", "model.luml", 10), ("chunk", 4, 10), ("finish",)]
    progress.start("again.luml", 3)  # a handler used for the next transfer reports again
    progress.update(3)
    assert progress.events[-1] == ("chunk", 3, 3)


def test_on_chunk_sees_done_in_order_across_threads() -> None:
    """A second thread's update waits while the first thread's on_chunk runs: on_chunk sees
    `done` in order and never runs twice at once. Every wait here is released by an event;
    none can succeed by running out."""
    progressed = threading.Event()  # the second thread waits for the lock, or got past it

    class Blocking(BaseProgressHandler):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[int] = []
            self.inside = 0
            self.overlapped = False
            self.first_entered = threading.Event()
            self.release_first = threading.Event()

        def on_chunk(self, done: int, total: int) -> None:
            self.inside += 1
            self.overlapped |= self.inside > 1
            if done == 1:
                self.first_entered.set()
                assert self.release_first.wait(timeout=30)
            else:
                progressed.set()
            self.seen.append(done)
            self.inside -= 1

        def finish(self) -> None:
            pass

    handler = Blocking()
    handler._lock = WatchedLock(progressed)  # type: ignore[assignment]
    handler.start("model.luml", 2)
    first = threading.Thread(target=handler.update, args=(1,), name="first")
    first.start()
    assert handler.first_entered.wait(timeout=30)
    second = threading.Thread(target=handler.update, args=(1,), name="second")
    second.start()
    assert progressed.wait(timeout=30)  # the second update reached the lock (or on_chunk)
    handler.release_first.set()
    first.join()
    second.join()

    assert not handler.overlapped
    assert handler.done == 2
    assert handler.seen == [1, 2]


# interruption and concurrency


async def test_interrupted_upload_is_marked_upload_failed(
    workspace: Any, client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    """Ctrl-C on the sync client, task cancellation on the async one: the interruption
    propagates, and the artifact is marked upload_failed first."""
    path = write_artifact(tmp_path / "model.luml", payload_size=3 * MiB)

    if client_kind == "sync":

        class CtrlC(Recorder):
            def on_chunk(self, done: int, total: int) -> None:
                super().on_chunk(done, total)
                raise KeyboardInterrupt

        progress: Recorder = CtrlC()
        with pytest.raises(KeyboardInterrupt):
            await run(workspace.artifacts.upload(path, on_progress=progress))
    else:

        class CancelOnFirstChunk(Recorder):
            def on_chunk(self, done: int, total: int) -> None:
                super().on_chunk(done, total)
                task.cancel()

        progress = CancelOnFirstChunk()
        task = asyncio.ensure_future(workspace.artifacts.upload(path, on_progress=progress))
        with pytest.raises(asyncio.CancelledError):
            await task

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["upload_failed"]
    assert progress.events[-1] == ("finish",)


async def test_ctrl_c_during_a_multipart_upload(
    workspace: Any, client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    """A real Ctrl-C (SIGINT to the main thread) while parts upload in worker threads (sync),
    or cancellation while part tasks run (async)."""
    path = write_artifact(tmp_path / "big.luml", payload_size=SMALL_MULTIPART_PAYLOAD)
    fired = threading.Event()

    class Interrupt(Recorder):
        def on_chunk(self, done: int, total: int) -> None:
            super().on_chunk(done, total)
            if fired.is_set():
                return
            fired.set()
            if client_kind == "sync":
                _thread.interrupt_main()
            else:
                task.cancel()

    progress = Interrupt()
    if client_kind == "sync":
        # as in a plain script: the event loop running this test would turn SIGINT into a
        # cancellation of the test task instead of a KeyboardInterrupt
        previous = signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            with pytest.raises(KeyboardInterrupt):
                await run(workspace.artifacts.upload(path, on_progress=progress))
        finally:
            signal.signal(signal.SIGINT, previous)
    else:
        task = asyncio.ensure_future(workspace.artifacts.upload(path, on_progress=progress))
        with pytest.raises(asyncio.CancelledError):
            await task

    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["upload_failed"]
    assert progress.events[-1] == ("finish",)


async def test_uploads_run_concurrently(
    workspace: Any, client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    first = write_artifact(tmp_path / "first.luml", payload_size=MiB)
    second = write_artifact(tmp_path / "second.luml", payload_size=SMALL_MULTIPART_PAYLOAD)

    uploaded = await concurrently(
        client_kind,
        lambda: workspace.artifacts.upload(first),
        lambda: workspace.artifacts.upload(second, name="second"),
    )

    assert [artifact.name for artifact in uploaded] == ["first.luml", "second"]
    for artifact, path in zip(uploaded, (first, second), strict=True):
        assert artifact.status == ArtifactStatus.UPLOADED
        stored = luml_server.stored_object(luml_tenant.bucket_name, artifact.bucket_location)
        assert stored == path.read_bytes()
    assert sorted(await statuses(workspace)) == ["uploaded", "uploaded"]


async def test_downloads_run_concurrently(workspace: Any, client_kind: str, tmp_path: Path) -> None:
    sources = [write_artifact(tmp_path / f"m{index}.luml", payload_size=MiB) for index in range(3)]
    artifacts = [await run(workspace.artifacts.upload(path)) for path in sources]
    folder = tmp_path / "out"
    folder.mkdir()

    landed = await concurrently(
        client_kind,
        *(
            (lambda artifact=artifact: workspace.artifacts.download(artifact.id, folder))
            for artifact in artifacts
        ),
    )

    assert [path.name for path in landed] == ["m0.luml", "m1.luml", "m2.luml"]
    for source, copy in zip(sources, landed, strict=True):
        assert copy.read_bytes() == source.read_bytes()
    assert sorted(folder.iterdir()) == sorted(landed)
