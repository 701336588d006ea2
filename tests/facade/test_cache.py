"""The shared model cache (docs/cache.md) on both clients, against the local server, with
the storage requests counted: a second fetch makes none, a stage change is noticed with one
API call, a damaged blob is fetched again, `cache=True` fills a target from the cache, and
pruning skips a blob in use."""

from __future__ import annotations

import asyncio
import errno
import hashlib
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from luml_facade import (
    AsyncLumlClient,
    LumlClient,
    NotCachedError,
    NotFoundError,
    SilentProgressHandler,
)
from luml_facade.cache import ModelCache
from luml_facade.cache.locks import try_lock
from luml_facade.testing import LocalLuml, Tenant

from .conftest import make_client, run, write_artifact

QUIET = SilentProgressHandler()


def storage_gets(server: LocalLuml) -> int:
    return sum(
        1 for seen in server.requests_seen if seen.target == "storage" and seen.method == "GET"
    )


def api_calls(server: LocalLuml) -> int:
    return sum(1 for seen in server.requests_seen if seen.target == "api")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def model(workspace: Any, tmp_path: Path, name: str, size: int = 64 * 1024) -> Any:
    file = write_artifact(tmp_path / f"{name}.luml", payload_size=size)
    return await run(workspace.artifacts.upload(file, name=name, on_progress=False))


async def production_track(workspace: Any, artifact: Any) -> Any:
    track = await run(workspace.tracks.create("churn-model", "model", stages=["dev", "production"]))
    return await run(workspace.tracks.add_artifact(track.id, artifact.id, stage="production"))


async def test_a_second_fetch_makes_no_request(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    artifact = await model(workspace, tmp_path, "churn")
    luml_server.requests_seen.clear()
    first = await run(workspace.artifacts.cached_path(artifact.id, on_progress=QUIET))
    assert storage_gets(luml_server) == 1
    assert sha256_of(first) == artifact.file_hash
    luml_server.requests_seen.clear()
    again = await run(workspace.artifacts.cached_path(artifact.id))
    by_object = await run(workspace.artifacts.cached_path(artifact))
    assert again == by_object == first
    assert luml_server.requests_seen == []  # an artifact's file never changes: no call at all


async def test_a_stage_costs_one_api_call_and_notices_a_new_version(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    old = await model(workspace, tmp_path, "old")
    new = await model(workspace, tmp_path, "new")
    await production_track(workspace, old)
    first = await run(workspace.tracks.cached_path_by_stage("churn-model", "production"))
    assert sha256_of(first) == old.file_hash

    luml_server.requests_seen.clear()
    again = await run(workspace.tracks.cached_path_by_stage("churn-model", "production"))
    assert again == first
    assert (api_calls(luml_server), storage_gets(luml_server)) == (1, 0)

    entry = await run(workspace.tracks.add_artifact("churn-model", new.id))
    await run(workspace.tracks.update_artifact("churn-model", entry.id, "production", force=True))
    moved = await run(workspace.tracks.cached_path_by_stage("churn-model", "production"))
    assert sha256_of(moved) == new.file_hash

    back = await run(workspace.tracks.list_artifacts("churn-model"))
    old_entry = next(item for item in back.items if item.artifact_id == old.id)
    await run(
        workspace.tracks.update_artifact("churn-model", old_entry.id, "production", force=True)
    )
    luml_server.requests_seen.clear()
    assert await run(workspace.tracks.cached_path_by_stage("churn-model", "production")) == first
    assert (api_calls(luml_server), storage_gets(luml_server)) == (1, 0)  # blob already there


async def test_cache_true_fills_the_target_from_the_cache(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    artifact = await model(workspace, tmp_path, "churn")
    await production_track(workspace, artifact)
    luml_server.requests_seen.clear()
    one = await run(workspace.artifacts.download(artifact.id, f"{tmp_path}/one/", cache=True))
    two = await run(
        workspace.tracks.download_by_stage(
            "churn-model", "production", f"{tmp_path}/two/", cache=True
        )
    )
    assert storage_gets(luml_server) == 1
    assert one.name == two.name == artifact.file_name
    assert sha256_of(one) == sha256_of(two) == artifact.file_hash
    blob = await run(workspace.artifacts.cached_path(artifact.id))
    assert os.path.samefile(one, blob) and os.path.samefile(two, blob)  # hard links
    again = await run(workspace.artifacts.download(artifact.id, one, cache=True))
    assert again == one and sha256_of(again) == artifact.file_hash


@pytest.mark.parametrize("damage", ["truncated", "bit-flipped"])
async def test_a_damaged_blob_is_noticed_and_fetched_again(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path, damage: str
) -> None:
    artifact = await model(workspace, tmp_path, "churn")
    blob = await run(workspace.artifacts.cached_path(artifact.id))
    blob.chmod(0o644)
    data = bytearray(blob.read_bytes())
    if damage == "truncated":
        blob.write_bytes(data[: len(data) // 2])
    else:
        data[len(data) // 2] ^= 0x01
        blob.write_bytes(data)
    luml_server.requests_seen.clear()
    fixed = await run(workspace.artifacts.cached_path(artifact.id))
    assert storage_gets(luml_server) == 1
    assert fixed == blob and sha256_of(fixed) == artifact.file_hash


async def test_verify_finds_damage_that_kept_the_stat(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path, model_cache_dir: Path
) -> None:
    artifact = await model(workspace, tmp_path, "churn")
    blob = await run(workspace.artifacts.cached_path(artifact.id))
    before = blob.stat()
    blob.chmod(0o644)
    data = bytearray(blob.read_bytes())
    data[100] ^= 0xFF
    blob.write_bytes(data)
    os.utime(blob, ns=(before.st_atime_ns, before.st_mtime_ns))  # bit rot: same stat
    report = ModelCache(model_cache_dir).verify()
    assert report.corrupt == [artifact.file_hash] and not blob.exists()
    luml_server.requests_seen.clear()
    assert sha256_of(await run(workspace.artifacts.cached_path(artifact.id))) == artifact.file_hash
    assert storage_gets(luml_server) == 1


async def test_offline_answers_from_the_cache_and_names_what_is_missing(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, client_kind: str, tmp_path: Path
) -> None:
    cached = await model(workspace, tmp_path, "cached")
    missing = await model(workspace, tmp_path, "missing")
    await production_track(workspace, cached)
    blob = await run(workspace.tracks.cached_path_by_stage("churn-model", "production"))
    await run(workspace.artifacts.cached_path(cached.id))
    offline = make_client(
        client_kind,
        luml_server,
        luml_tenant,
        organization="Test Organization",
        orbit="Models",
        collection="main",
        offline=True,
    )
    luml_server.requests_seen.clear()
    try:
        assert await run(offline.tracks.cached_path_by_stage("churn-model", "production")) == blob
        assert await run(offline.artifacts.cached_path(cached.id)) == blob
        assert await run(offline.artifacts.cached_path("cached")) == blob  # by name
        with pytest.raises(NotCachedError, match="offline"):
            await run(offline.artifacts.cached_path(missing.id))
        with pytest.raises(NotCachedError, match="stage 'dev'"):
            await run(offline.tracks.cached_path_by_stage("churn-model", "dev"))
    finally:
        await run(offline.aclose() if client_kind == "async" else offline.close())
    assert luml_server.requests_seen == []


async def test_threads_and_tasks_asking_at_once_make_one_transfer(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    artifact = await model(workspace, tmp_path, "churn", size=2 * 1024 * 1024)
    luml_server.requests_seen.clear()
    defaults = {"organization": "Test Organization", "orbit": "Models", "collection": "main"}

    def in_a_thread() -> Path:
        with LumlClient(api_key=luml_tenant.api_key, base_url=luml_server.url, **defaults) as luml:
            path: Path = luml.artifacts.cached_path(artifact.id, on_progress=QUIET)
            return path

    async with AsyncLumlClient(
        api_key=luml_tenant.api_key, base_url=luml_server.url, **defaults
    ) as luml:
        tasks = [luml.artifacts.cached_path(artifact.id, on_progress=QUIET) for _ in range(8)]
        threads = [asyncio.to_thread(in_a_thread) for _ in range(4)]
        paths = await asyncio.gather(*tasks, *threads)
    assert len(set(paths)) == 1 and sha256_of(paths[0]) == artifact.file_hash
    assert storage_gets(luml_server) == 1


async def test_prune_skips_a_blob_in_use_and_removes_the_least_recently_used(
    workspace: Any, tmp_path: Path, model_cache_dir: Path
) -> None:
    old = await model(workspace, tmp_path, "old")
    new = await model(workspace, tmp_path, "new")
    old_blob = await run(workspace.artifacts.cached_path(old.id))
    new_blob = await run(workspace.artifacts.cached_path(new.id))
    os.utime(model_cache_dir / "used" / old.file_hash, (1, 1))  # used long ago
    cache = ModelCache(model_cache_dir)
    assert [blob.sha256 for blob in cache.scan().blobs] == [new.file_hash, old.file_hash]

    held = try_lock(model_cache_dir / "locks" / f"{old.file_hash}.lock")  # someone is reading it
    assert held is not None
    try:
        report = cache.prune(max_size=new_blob.stat().st_size)
        assert [blob.sha256 for blob in report.busy] == [old.file_hash]
        assert report.removed == [] and old_blob.exists()
    finally:
        held.release()
    report = cache.prune(max_size=new_blob.stat().st_size)
    assert [blob.sha256 for blob in report.removed] == [old.file_hash]
    assert not old_blob.exists() and new_blob.exists()
    assert cache.prune(older_than=timedelta(days=1)).removed == []


@pytest.mark.parametrize("how", ["option", "environment"])
async def test_offline_works_with_the_api_stopped(
    tmp_path: Path, client_kind: str, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = LocalLuml().start()  # its own server, to stop it
    base_url, api_key = server.url, server.api_key
    try:
        with LumlClient(api_key=server.api_key, base_url=server.url) as luml:  # README defaults
            file = write_artifact(tmp_path / "model.luml")
            artifact = luml.artifacts.upload(file, name="churn-v1", on_progress=False)
            luml.tracks.create("churn-model", "model", stages=["production"])
            luml.tracks.add_artifact("churn-model", artifact.id, stage="production")
            blob = luml.tracks.cached_path_by_stage("churn-model", "production", on_progress=False)
    finally:
        server.stop()
    options: dict[str, Any] = {"organization": "My Org", "orbit": "Default Orbit"}
    if how == "option":
        options["offline"] = True
    else:
        monkeypatch.setenv("LUML_OFFLINE", "1")
    client_class = AsyncLumlClient if client_kind == "async" else LumlClient
    offline = client_class(api_key=api_key, base_url=base_url, max_retries=0, **options)
    try:
        assert await run(offline.tracks.cached_path_by_stage("churn-model", "production")) == blob
        assert await run(offline.artifacts.cached_path("churn-v1")) == blob
        target = await run(offline.artifacts.download(artifact.id, tmp_path / "m.luml", cache=True))
        assert sha256_of(target) == artifact.file_hash
        with pytest.raises(NotCachedError, match="track 'other'"):
            await run(offline.tracks.cached_path_by_stage("other", "production"))
        blob.chmod(0o644)
        blob.write_bytes(b"damaged")
        with pytest.raises(NotCachedError, match="damaged"):
            await run(offline.tracks.cached_path_by_stage("churn-model", "production"))
    finally:
        await run(offline.aclose() if client_kind == "async" else offline.close())


async def test_across_file_systems_the_target_is_a_writable_copy(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    artifact = await model(workspace, tmp_path, "churn")
    blob = await run(workspace.artifacts.cached_path(artifact.id))

    def cross_device(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cross_device)  # what another file system answers
    target = await run(workspace.artifacts.download(artifact.id, tmp_path / "m.luml", cache=True))
    assert not os.path.samefile(target, blob)
    assert sha256_of(target) == artifact.file_hash and os.access(target, os.W_OK)


async def test_offline_an_artifact_record_is_enough_to_find_its_file(
    workspace: Any, luml_server: LocalLuml, luml_tenant: Tenant, client_kind: str, tmp_path: Path
) -> None:
    artifact = await model(workspace, tmp_path, "churn")
    blob = await run(workspace.artifacts.download(artifact.id, tmp_path / "x.luml", cache=True))
    offline = make_client(client_kind, luml_server, luml_tenant, offline=True)
    try:
        for ref in (Path(os.environ["LUML_CACHE_DIR"]) / "refs").rglob("*.json"):
            ref.unlink()  # no refs: the record's SHA-256 alone finds the file
        assert sha256_of(await run(offline.artifacts.cached_path(artifact))) == sha256_of(blob)
    finally:
        await run(offline.aclose() if client_kind == "async" else offline.close())


async def test_an_emptied_stage_or_deleted_track_is_not_served_from_the_cache(
    workspace: Any, tmp_path: Path
) -> None:
    artifact = await model(workspace, tmp_path, "churn")
    entry = await production_track(workspace, artifact)
    await run(workspace.tracks.cached_path_by_stage("churn-model", "production"))
    await run(workspace.tracks.update_artifact("churn-model", entry.id, None))
    with pytest.raises(NotFoundError, match="holds no version"):
        await run(workspace.tracks.cached_path_by_stage("churn-model", "production"))
    await run(workspace.tracks.update_artifact("churn-model", entry.id, "production"))
    await run(workspace.tracks.cached_path_by_stage("churn-model", "production"))
    await run(workspace.tracks.delete("churn-model"))
    with pytest.raises(NotFoundError, match="no track"):
        await run(workspace.tracks.cached_path_by_stage("churn-model", "production"))
