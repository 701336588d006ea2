"""Downloads: parallel byte ranges, their failures and fallbacks, and where the file lands.

Every test runs with LumlClient and AsyncLumlClient against the local server's S3 storage.
"""

from __future__ import annotations

import datetime
import errno
import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from luml_facade import FileDownloadError, LumlAPIError
from luml_facade.testing import (
    Fault,
    LocalLuml,
    NetworkProfile,
    SeenRequest,
    Tenant,
    artifact_manifest,
)
from luml_facade.transfer import download
from luml_facade.types import Artifact

from .conftest import run, write_artifact

MiB = 1 << 20
PART = 2 * MiB


def gets(server: LocalLuml) -> list[SeenRequest]:
    return [
        seen for seen in server.requests_seen if seen.target == "storage" and seen.method == "GET"
    ]


def leftovers(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if path.name.endswith(".part"))


@pytest.fixture(autouse=True)
def slow_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection counts as slow, so a big file's first stream stops after one part and
    the rest always comes in parallel ranges (on loopback one stream is usually fast enough
    to bring the whole file)."""
    monkeypatch.setattr(download, "FAST_CONNECTION", float("inf"))
    monkeypatch.setattr(download, "RANGE_WORTH", 0.0)  # and ranges always pay


@pytest.fixture
async def big(workspace: Any, tmp_path: Path) -> tuple[Any, Path]:
    """An uploaded artifact of about 9 MiB (five 2 MiB ranges)."""
    source = write_artifact(tmp_path / "big.luml", payload_size=9 * MiB)
    artifact = await run(workspace.artifacts.upload(source))
    return artifact, source


async def download_big(
    workspace: Any, big: tuple[Any, Path], tmp_path: Path, concurrency: int = 4
) -> Path:
    """Download `big` to tmp_path/copy.luml in PART ranges, `concurrency` at once."""
    artifact, _ = big
    landed: Path = await run(
        workspace.artifacts.download(
            artifact.id, tmp_path / "copy.luml", part_size=PART, max_concurrency=concurrency
        )
    )
    return landed


@pytest.mark.parametrize("concurrency", [2, 4])
async def test_big_file_comes_in_parallel_ranges(
    workspace: Any, luml_server: LocalLuml, big: tuple[Any, Path], tmp_path: Path, concurrency: int
) -> None:
    source = big[1]
    luml_server.requests_seen.clear()

    landed = await download_big(workspace, big, tmp_path, concurrency)

    assert landed.read_bytes() == source.read_bytes()
    size = source.stat().st_size
    ranges = [seen.headers.get("range") for seen in gets(luml_server)]
    assert ranges[0] is None  # a plain GET, stopped after its first part
    expected = {f"bytes={start}-{min(start + PART, size) - 1}" for start in range(PART, size, PART)}
    assert set(ranges[1:]) == expected
    assert len(ranges) == 1 + len(expected)
    assert leftovers(tmp_path) == []


async def test_a_fast_first_connection_brings_the_whole_file_in_one_request(
    workspace: Any,
    luml_server: LocalLuml,
    big: tuple[Any, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = big[1]
    luml_server.requests_seen.clear()
    monkeypatch.setattr(download, "FAST_CONNECTION", 0.0)

    landed = await download_big(workspace, big, tmp_path)

    assert landed.read_bytes() == source.read_bytes()
    assert [seen.headers.get("range") for seen in gets(luml_server)] == [None]


@pytest.mark.parametrize("latency", [1.0, 0.0], ids=["slow to answer", "prompt"])
async def test_ranges_come_in_parallel_only_when_the_first_one_is_answered_fast(
    monkeypatch: pytest.MonkeyPatch,
    luml_server: LocalLuml,
    workspace: Any,
    big: tuple[Any, Path],
    tmp_path: Path,
    latency: float,
) -> None:
    # Storage paced at 10 MiB/s per connection. Answering every request a second late (as
    # stock moto does for a range of a big file: it reads the whole object first), the first
    # range, timed from its request, runs far below half the stream's speed: the rest comes
    # in one ranged GET. Answering at once, it runs about as fast as the stream: the rest
    # comes in parallel ranges.
    source = big[1]
    monkeypatch.setattr(download, "RANGE_WORTH", 0.5)
    luml_server.storage_network = NetworkProfile(bandwidth=10 * MiB, latency=latency)
    luml_server.requests_seen.clear()
    try:
        landed = await download_big(workspace, big, tmp_path)
    finally:
        luml_server.storage_network = NetworkProfile()

    assert landed.read_bytes() == source.read_bytes()
    size = source.stat().st_size
    ranges = [seen.headers.get("range") for seen in gets(luml_server)]
    assert ranges[:2] == [None, f"bytes={PART}-{2 * PART - 1}"]
    if latency:
        assert ranges[2:] == [f"bytes={2 * PART}-{size - 1}"]
    else:
        starts = range(2 * PART, size, PART)
        assert sorted(ranges[2:]) == sorted(
            f"bytes={start}-{min(start + PART, size) - 1}" for start in starts
        )
    assert leftovers(tmp_path) == []


async def test_one_stream_when_concurrency_is_one(
    workspace: Any, luml_server: LocalLuml, big: tuple[Any, Path], tmp_path: Path
) -> None:
    source = big[1]
    luml_server.requests_seen.clear()

    landed = await download_big(workspace, big, tmp_path, concurrency=1)

    assert landed.read_bytes() == source.read_bytes()
    assert [seen.headers.get("range") for seen in gets(luml_server)] == [None]


async def ranges_of_a_download_with_a_drop(
    workspace: Any,
    server: LocalLuml,
    big: tuple[Any, Path],
    tmp_path: Path,
    nth: int,
    cut: int,
) -> list[str | None]:
    """Download `big` with the nth storage GET dropped after `cut` bytes; check the file
    and return the Range header of every GET."""
    source = big[1]
    server.requests_seen.clear()
    server.faults.add(Fault(target="storage", method="GET", nth=nth, drop_after_bytes=cut))
    landed = await download_big(workspace, big, tmp_path)
    assert landed.read_bytes() == source.read_bytes()
    return [seen.headers.get("range") for seen in gets(server)]


async def test_a_dropped_range_resumes_on_its_own(
    workspace: Any, luml_server: LocalLuml, big: tuple[Any, Path], tmp_path: Path
) -> None:
    cut = MiB // 2

    ranges = await ranges_of_a_download_with_a_drop(workspace, luml_server, big, tmp_path, 3, cut)

    assert ranges[0] is None
    assert len(ranges) == 6  # the first part, four ranges, one of them asked again for its rest
    resumed = [text for text in ranges[1:] if text and int(text[6:].split("-")[0]) % PART]
    assert len(resumed) == 1
    start = int(resumed[0][6:].split("-")[0])
    assert start % PART == cut  # exactly where that range's connection dropped


async def test_storage_ignoring_range_gets_one_stream(
    workspace: Any, luml_server: LocalLuml, big: tuple[Any, Path], tmp_path: Path
) -> None:
    from luml_facade.transfer.progress import BaseProgressHandler

    class Peak(BaseProgressHandler):
        def on_chunk(self, done: int, total: int) -> None:
            self.peak = max(getattr(self, "peak", 0), done)

        def finish(self) -> None:
            pass

    artifact, source = big
    luml_server.requests_seen.clear()
    luml_server.faults.add(Fault(target="storage", method="GET", ignore_range=True, times=100))
    progress = Peak()

    landed = await run(
        workspace.artifacts.download(
            artifact.id, tmp_path / "copy.luml", part_size=PART, on_progress=progress
        )
    )

    assert landed.read_bytes() == source.read_bytes()
    assert gets(luml_server)[-1].headers.get("range") is None
    assert leftovers(tmp_path) == []
    size = source.stat().st_size
    assert progress.done == progress.total == size  # what came before the restart taken back
    assert progress.peak <= size


async def test_a_corrupt_range_fails_the_hash_and_leaves_nothing(
    workspace: Any, luml_server: LocalLuml, big: tuple[Any, Path], tmp_path: Path
) -> None:
    artifact, _ = big
    target = tmp_path / "copy.luml"
    luml_server.faults.add(Fault(target="storage", method="GET", nth=2, corrupt_body=True))

    with pytest.raises(FileDownloadError, match="SHA-256"):
        await run(
            workspace.artifacts.download(artifact.id, target, part_size=PART, max_concurrency=4)
        )

    assert not target.exists()
    assert leftovers(tmp_path) == []


async def test_a_range_failing_for_good_leaves_nothing(
    workspace: Any, luml_server: LocalLuml, big: tuple[Any, Path], tmp_path: Path
) -> None:
    artifact, _ = big
    target = tmp_path / "copy.luml"
    luml_server.faults.add(
        Fault(target="storage", method="GET", nth=2, times=100, status=403, body=b"")
    )

    with pytest.raises(FileDownloadError, match="403"):
        await run(
            workspace.artifacts.download(artifact.id, target, part_size=PART, max_concurrency=4)
        )

    assert not target.exists()
    assert leftovers(tmp_path) == []


async def test_ranged_progress_adds_up_to_the_size(
    workspace: Any, luml_server: LocalLuml, big: tuple[Any, Path], tmp_path: Path
) -> None:
    from luml_facade.transfer.progress import BaseProgressHandler

    class Count(BaseProgressHandler):
        def on_chunk(self, done: int, total: int) -> None:
            pass

        def finish(self) -> None:
            pass

    artifact, source = big
    counter = Count()
    cut = MiB // 2
    luml_server.faults.add(Fault(target="storage", method="GET", nth=2, drop_after_bytes=cut))
    await run(
        workspace.artifacts.download(
            artifact.id, tmp_path / "c.luml", part_size=PART, max_concurrency=3, on_progress=counter
        )
    )
    assert counter.done == counter.total == source.stat().st_size


@pytest.mark.parametrize(("failures", "lands"), [(3, True), (4, False)])
async def test_a_storage_get_is_retried_max_retries_times(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path, failures: int, lands: bool
) -> None:
    """The test clients' policy allows 3 retries: three 503s in a row are outlived, a fourth
    is the answer."""
    source = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(source))
    luml_server.requests_seen.clear()
    luml_server.faults.add(Fault(target="storage", method="GET", status=503, times=failures))
    target = tmp_path / "copy.luml"

    if lands:
        await run(workspace.artifacts.download(artifact.id, target))
        assert target.read_bytes() == source.read_bytes()
    else:
        with pytest.raises(FileDownloadError) as caught:
            await run(workspace.artifacts.download(artifact.id, target))
        assert str(caught.value) == "downloading the file failed with HTTP 503"
        assert not target.exists()
    assert len(gets(luml_server)) == 4


async def test_progress_gives_a_stream_a_fresh_retry_budget(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    """A GET that brought bytes before it broke resets the count: three 503s may follow."""
    source = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(source))
    luml_server.requests_seen.clear()
    luml_server.faults.add(Fault(target="storage", method="GET", drop_after_bytes=1000))
    luml_server.faults.add(Fault(target="storage", method="GET", nth=2, times=3, status=503))

    landed = await run(workspace.artifacts.download(artifact.id, tmp_path / "copy.luml"))

    assert landed.read_bytes() == source.read_bytes()
    ranges = [seen.headers.get("range") for seen in gets(luml_server)]
    assert ranges == [None] + ["bytes=1000-"] * 4


# ---- where the file lands (issue #10)


async def test_a_path_ending_in_a_slash_is_a_directory_created_if_missing(
    workspace: Any, tmp_path: Path
) -> None:
    source = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(source))
    directory = tmp_path / "missing_dir"

    nested = directory / "and" / "below"

    landed = await run(workspace.artifacts.download(artifact.id, f"{directory}/"))
    again = await run(workspace.artifacts.download(artifact.id, f"{directory}/"))  # it exists now
    deeper = await run(workspace.artifacts.download(artifact.id, f"{nested}/"))

    assert landed == again == directory / "model.luml"
    assert deeper == nested / "model.luml"
    assert landed.read_bytes() == deeper.read_bytes() == source.read_bytes()


async def test_a_missing_directory_without_a_slash_says_how_to_have_it_made(
    workspace: Any, tmp_path: Path
) -> None:
    source = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(source))
    target = tmp_path / "missing" / "copy.luml"

    with pytest.raises(FileDownloadError) as caught:
        await run(workspace.artifacts.download(artifact.id, target))

    assert str(caught.value) == (
        f"cannot save to {target}: directory {target.parent} does not exist "
        "(end the path with / to have it created)"
    )
    assert not target.parent.exists()


async def test_a_directory_that_cannot_be_made_is_a_typed_error_saying_why(
    workspace: Any, tmp_path: Path
) -> None:
    source = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(source))
    blocked = tmp_path / "model.luml" / "sub"  # below a file

    with pytest.raises(FileDownloadError) as caught:
        await run(workspace.artifacts.download(artifact.id, f"{blocked}/"))

    assert str(caught.value) == f"cannot create directory {blocked}: Not a directory"


async def test_a_file_removed_from_the_bucket_is_reported_as_such(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    source = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(source))
    assert luml_server.remove_stored_object(luml_tenant.bucket_name, artifact.bucket_location)
    target = tmp_path / "copy.luml"

    with pytest.raises(FileDownloadError) as caught:
        await run(workspace.artifacts.download(artifact.id, target))

    assert str(caught.value) == (
        "downloading the file failed with HTTP 404: NoSuchKey The specified key does not exist. "
        "(the artifact is marked uploaded but storage has no file for it: the object was removed "
        "from the bucket outside LUML)"
    )
    assert not target.exists()
    assert leftovers(tmp_path) == []


async def test_an_unwritable_directory_is_a_typed_error_naming_it(
    workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(source))
    target_dir = tmp_path / "locked"
    target_dir.mkdir()
    real_open = os.open

    def refusing_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path).parent == target_dir:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)  # root may write anywhere: fake the refusal

    with pytest.raises(FileDownloadError, match=str(target_dir)) as caught:
        await run(workspace.artifacts.download(artifact.id, target_dir / "copy.luml"))

    assert isinstance(caught.value, LumlAPIError)
    assert "writ" in str(caught.value)
    assert list(target_dir.iterdir()) == []


async def test_a_full_disk_fails_before_any_byte_is_fetched(
    luml_server: LocalLuml, workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(source))
    target_dir = tmp_path / "full"
    target_dir.mkdir()
    gets_before = len(gets(luml_server))

    def full_disk(fd: int, offset: int, length: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "posix_fallocate", full_disk, raising=False)

    with pytest.raises(FileDownloadError, match="not enough free space") as caught:
        await run(workspace.artifacts.download(artifact.id, target_dir / "copy.luml"))

    assert str(target_dir) in str(caught.value)
    assert str(artifact.size) in str(caught.value)
    assert len(gets(luml_server)) == gets_before
    assert list(target_dir.iterdir()) == []


async def test_an_interrupt_while_the_temporary_file_is_created_leaves_nothing(
    workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_artifact(tmp_path / "model.luml")
    artifact = await run(workspace.artifacts.upload(source))
    target_dir = tmp_path / "out"
    target_dir.mkdir()
    real_open = os.open

    def interrupted_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        descriptor = real_open(path, flags, *args, **kwargs)
        if Path(path).parent == target_dir:
            raise KeyboardInterrupt  # Ctrl-C right after the file came into being
        return descriptor

    monkeypatch.setattr(os, "open", interrupted_open)

    with pytest.raises(KeyboardInterrupt):
        await run(workspace.artifacts.download(artifact.id, target_dir / "copy.luml"))

    assert list(target_dir.iterdir()) == []


@pytest.mark.parametrize("status", ["pending_upload", "upload_failed"])
async def test_an_artifact_without_a_complete_file_reports_its_status(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path, status: str
) -> None:
    payload = b"not uploaded"
    created = await run(
        workspace.artifacts.create(
            None,
            "model.luml",
            {},
            artifact_manifest("model"),
            hashlib.sha256(payload).hexdigest(),
            {},
            len(payload),
            "never uploaded",
        )
    )
    artifact_id = created.artifact.id
    if status == "upload_failed":
        await run(workspace.artifacts.update(artifact_id, status="upload_failed"))
    luml_server.requests_seen.clear()

    with pytest.raises(FileDownloadError, match=status) as caught:
        await run(workspace.artifacts.download(artifact_id, tmp_path / "copy.luml"))

    assert "upload" in str(caught.value).split(status, 1)[1]  # says what to do
    assert gets(luml_server) == []  # storage was never asked
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("status", "advice"),
    [
        (
            "pending_upload",
            "its upload has not finished; download it once the artifact is uploaded",
        ),
        (
            "upload_failed",
            "its upload failed, so storage has no complete file; upload the file again",
        ),
        ("pending_deletion", "it is being deleted"),
        (
            "deletion_failed",
            "its deletion failed and its file may be gone; delete it again (force=True removes "
            "the record)",
        ),
        ("archived", "only uploaded artifacts can be downloaded"),  # a status this client lacks
    ],
)
def test_each_status_but_uploaded_says_what_to_do_instead(status: str, advice: str) -> None:
    artifact = Artifact(
        id="a1",
        collection_id="c1",
        name="m",
        file_name="m.luml",
        file_hash="0" * 64,
        bucket_location="b/m.luml",
        size=1,
        unique_identifier="u",
        status=status,
        type="model",
        created_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    )

    with pytest.raises(FileDownloadError) as caught:
        download.check_downloadable(artifact)

    assert str(caught.value) == f"artifact 'm' (a1) is {status}: {advice}; nothing was saved"


async def test_a_tiny_part_size_is_refused(
    workspace: Any, big: tuple[Any, Path], tmp_path: Path
) -> None:
    from luml_facade import InvalidArgumentError

    artifact, _ = big
    with pytest.raises(InvalidArgumentError, match="part_size"):
        await run(workspace.artifacts.download(artifact.id, tmp_path / "c.luml", part_size=1000))
    assert leftovers(tmp_path) == []


async def test_a_callers_httpx_storage_client_still_works(
    client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, workspace: Any, tmp_path: Path
) -> None:
    import httpx

    from luml_facade import AsyncLumlClient, LumlClient

    from .conftest import FAST_RETRIES

    seen: list[str] = []

    def record(request: httpx.Request) -> None:
        seen.append(request.method)

    async def record_async(request: httpx.Request) -> None:
        seen.append(request.method)

    if client_kind == "async":
        storage: Any = httpx.AsyncClient(event_hooks={"request": [record_async]})
        client_class: Any = AsyncLumlClient
    else:
        storage = httpx.Client(event_hooks={"request": [record]})
        client_class = LumlClient
    source = write_artifact(tmp_path / "model.luml", payload_size=3 * MiB)
    defaults = (
        await run(workspace.get_defaults())
        if client_kind == "async"
        else (
            workspace.organization,
            workspace.orbit,
            workspace.collection,
        )
    )
    luml = client_class(
        luml_tenant.api_key,
        luml_server.url,
        *defaults,
        retry=FAST_RETRIES,
        storage_http_client=storage,
    )
    artifact = await run(luml.artifacts.upload(source))
    luml_server.requests_seen.clear()
    # httpx reports a body cut short as an error (RemoteProtocolError), unlike the default
    # transport (an early end): the range is asked for again, from the first byte not on disk
    # (httpx may drop the bytes that came with the error).
    luml_server.faults.add(Fault(target="storage", method="GET", nth=2, drop_after_bytes=1000))
    landed = await run(luml.artifacts.download(artifact.id, tmp_path / "copy.luml", part_size=MiB))
    assert landed.read_bytes() == source.read_bytes()
    assert "PUT" in seen and "GET" in seen  # the bytes went through the caller's client
    ranges = [seen.headers.get("range") for seen in gets(luml_server)]
    assert ranges[:2] == [None, f"bytes={MiB}-{2 * MiB - 1}"]
    assert ranges[2] in (f"bytes={MiB}-{2 * MiB - 1}", f"bytes={MiB + 1000}-{2 * MiB - 1}")
    await run(storage.aclose() if client_kind == "async" else storage.close())


def test_ranges_after_the_first_part_are_cut_at_part_size_multiples() -> None:
    plan = download.download_plan(4 * MiB, 8)

    spans = plan.spans_after(5 * MiB + 7, 13 * MiB)

    assert [(span.start, span.end) for span in spans] == [
        (5 * MiB + 7, 8 * MiB),
        (8 * MiB, 12 * MiB),
        (12 * MiB, 13 * MiB),
    ]


async def test_a_first_stream_dropped_before_it_is_timed_resumes_and_is_still_timed(
    workspace: Any, luml_server: LocalLuml, big: tuple[Any, Path], tmp_path: Path
) -> None:
    cut = MiB // 2

    ranges = await ranges_of_a_download_with_a_drop(workspace, luml_server, big, tmp_path, 1, cut)

    assert ranges[:2] == [None, f"bytes={cut}-"]  # resumed where it dropped, to the end
    starts = sorted(int(str(text)[6:].split("-")[0]) for text in ranges[2:])
    first_end = starts[0]  # then stopped after its first part; the rest in grid ranges
    assert PART <= first_end < 2 * PART
    assert f"bytes={first_end}-{2 * PART - 1}" in ranges
    assert all(start % PART == 0 for start in starts[1:])
