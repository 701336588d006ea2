"""luml.tracks on both clients against the local server: tracks by id or name, stages by id or
name, entries moved between stages, paging, and fetching what a stage holds."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from luml_facade import (
    ArtifactType,
    BadRequestError,
    ConflictError,
    InvalidArgumentError,
    MultipleResourcesFoundError,
    NotFoundError,
    Stage,
    Track,
    TrackEntriesList,
    TrackEntry,
    TracksList,
)

from .conftest import collect, run, write_artifact
from .test_resources import create_record


async def model(luml: Any, name: str) -> str:
    """The id of a new model artifact record in the default collection."""
    return (await create_record(luml, name)).id


async def test_create_without_stages_and_with_a_plain_string_type(workspace: Any) -> None:
    luml = workspace
    bare = await run(luml.tracks.create("bare", "model"))
    assert isinstance(bare, Track)
    assert (bare.name, bare.artifact_type, bare.stages) == ("bare", ArtifactType.MODEL, [])
    assert (bare.next_version, bare.total_entries) == (1, 0)
    full = await run(
        luml.tracks.create(
            "churn",
            ArtifactType.MODEL,
            description="Churn predictor",
            tags=["churn"],
            stages=["dev", "staging", "production"],
        )
    )
    assert [stage.name for stage in full.stages] == ["dev", "staging", "production"]
    assert all(isinstance(stage, Stage) and not stage.is_used for stage in full.stages)
    assert (full.description, full.tags) == ("Churn predictor", ["churn"])


async def test_create_rejects_bad_input_with_typed_errors(workspace: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="artifact_type must be one of"):
        await run(workspace.tracks.create("x", "spreadsheet"))
    with pytest.raises(ConflictError, match="Duplicate stage names"):
        await run(workspace.tracks.create("x", "model", stages=["dev", "dev"]))


async def test_get_by_id_or_name_none_and_ambiguous(workspace: Any) -> None:
    luml = workspace
    track = await run(luml.tracks.create("churn", "model", stages=["dev"]))
    assert await run(luml.tracks.get(track.id)) == track
    assert await run(luml.tracks.get("churn")) == track
    assert await run(luml.tracks.get("Churn")) is None  # case-sensitive
    assert await run(luml.tracks.get("0199c455-21ee-74c6-b747-19a82f1a1e67")) is None
    await run(luml.tracks.create("churn", "model"))
    with pytest.raises(MultipleResourcesFoundError, match="2 tracks are named 'churn'"):
        await run(luml.tracks.get("churn"))
    with pytest.raises(MultipleResourcesFoundError):
        await run(luml.tracks.delete("churn"))
    assert await run(luml.tracks.get(track.id)) == track  # an id is never ambiguous


async def test_list_is_one_page_with_the_servers_sort_search_and_filter(workspace: Any) -> None:
    luml = workspace
    for name in ("b-churn", "a-churn", "c-fraud"):
        await run(luml.tracks.create(name, "model", tags=["t"]))
    await run(luml.tracks.create("d-data", "dataset"))
    page = await run(luml.tracks.list(sort_by="name", order="asc", limit=2))
    assert isinstance(page, TracksList)
    assert [track.name for track in page.items] == ["a-churn", "b-churn"]
    assert page.cursor is not None
    rest = await run(luml.tracks.list(sort_by="name", order="asc", start_after=page.cursor))
    assert [track.name for track in rest.items] == ["c-fraud", "d-data"]
    assert rest.cursor is None
    searched = await run(luml.tracks.list(search="CHURN", sort_by="name", order="asc"))
    assert [track.name for track in searched.items] == ["a-churn", "b-churn"]
    datasets = await run(luml.tracks.list(types=[ArtifactType.DATASET]))
    assert [track.name for track in datasets.items] == ["d-data"]


async def test_list_all_pages_lazily_over_several_pages(workspace: Any, luml_server: Any) -> None:
    luml = workspace
    names = [f"track-{number:02d}" for number in range(7)]
    for name in names:
        await run(luml.tracks.create(name, "model"))
    luml_server.requests_seen.clear()
    found = await collect(luml.tracks.list_all(limit=3, sort_by="name", order="asc"))
    assert [track.name for track in found] == names
    pages = [seen for seen in luml_server.requests_seen if "/tracks?" in seen.path]
    assert len(pages) == 3  # 3 + 3 + 1: one request per page, none after the last
    assert [track.name for track in await collect(luml.tracks.list_all(search="-0"))] == sorted(
        names, reverse=True
    )


async def test_a_name_is_found_beyond_the_first_page(workspace: Any) -> None:
    luml = workspace
    for number in range(105):
        await run(luml.tracks.create(f"filler {number}", "model"))
    wanted = await run(luml.tracks.create("needle", "model"))
    for number in range(3):
        await run(luml.tracks.create(f"needle {number}", "model"))  # search matches these too
    assert await run(luml.tracks.get("needle")) == wanted


async def test_update_fields_and_stages_by_name(workspace: Any) -> None:
    luml = workspace
    track = await run(luml.tracks.create("churn", "model", stages=["dev", "prod"]))
    entry = await run(luml.tracks.add_artifact("churn", await model(luml, "m1"), stage="prod"))
    updated = await run(
        luml.tracks.update(
            "churn", name="churn v2", description="d", tags=["x"], stages=["dev", "qa", "prod"]
        )
    )
    assert (updated.id, updated.name, updated.description, updated.tags) == (
        track.id,
        "churn v2",
        "d",
        ["x"],
    )
    assert [stage.name for stage in updated.stages] == ["dev", "prod", "qa"]  # oldest first
    kept = {stage.name: stage.id for stage in updated.stages}
    old = {stage.name: stage.id for stage in track.stages}
    assert kept["dev"] == old["dev"] and kept["prod"] == old["prod"]  # kept, not recreated
    still = await run(luml.tracks.get_artifact_by_stage(track.id, "prod"))
    assert still is not None and still.id == entry.id
    prod = next(stage for stage in updated.stages if stage.name == "prod")
    renamed = await run(
        luml.tracks.update(track.id, stages=["dev", {"id": prod.id, "name": "production"}])
    )
    assert sorted(stage.name for stage in renamed.stages) == ["dev", "production"]
    assert next(s for s in renamed.stages if s.name == "production").id == prod.id
    with pytest.raises(ConflictError, match="Cannot remove stages"):
        await run(luml.tracks.update(track.id, stages=["dev"]))
    with pytest.raises(InvalidArgumentError, match="stages must hold only a string or a Stage"):
        await run(luml.tracks.update(track.id, stages=[42]))


async def test_unknown_track_by_name_or_id(workspace: Any) -> None:
    luml = workspace
    with pytest.raises(NotFoundError, match="no track 'nope' in the orbit"):
        await run(luml.tracks.update("nope", name="x"))
    with pytest.raises(NotFoundError, match="no track 'nope'"):
        await run(luml.tracks.delete("nope"))
    with pytest.raises(NotFoundError, match="Track not found"):
        await run(luml.tracks.delete("0199c455-21ee-74c6-b747-19a82f1a1e67"))
    with pytest.raises(InvalidArgumentError):
        await run(luml.tracks.remove_batch_artifacts("nope", []))


async def test_delete_and_list_stages(workspace: Any) -> None:
    luml = workspace
    track = await run(luml.tracks.create("churn", "model", stages=["dev", "prod"]))
    await run(luml.tracks.add_artifact(track.id, await model(luml, "m1"), stage="dev"))
    stages = await run(luml.tracks.list_stages("churn"))
    assert [(stage.name, stage.is_used) for stage in stages] == [("dev", True), ("prod", False)]
    assert await run(luml.tracks.list_stages(track.id)) == stages
    await run(luml.tracks.delete("churn"))
    assert await run(luml.tracks.get(track.id)) is None
    assert (await run(luml.artifacts.get("m1"))) is not None  # the artifact stays


async def test_entries_promoted_through_stages(workspace: Any) -> None:
    luml = workspace
    track = await run(luml.tracks.create("churn", "model", stages=["dev", "staging", "prod"]))
    first = await run(luml.tracks.add_artifact("churn", await model(luml, "m1"), stage="dev"))
    assert isinstance(first, TrackEntry)
    assert (first.version, first.stage_name, first.artifact_name) == (1, "dev", "m1")
    by_id = next(stage.id for stage in track.stages if stage.name == "staging")
    second = await run(luml.tracks.add_artifact(track.id, await model(luml, "m2"), by_id))
    assert (second.version, second.stage_name) == (2, "staging")
    third = await run(luml.tracks.add_artifact("churn", await model(luml, "m3")))
    assert (third.version, third.stage_id) == (3, None)

    promoted = await run(luml.tracks.update_artifact("churn", second.id, "prod"))
    assert (promoted.stage_name, promoted.version) == ("prod", 2)
    with pytest.raises(ConflictError, match="already assigned to v2"):
        await run(luml.tracks.update_artifact("churn", third.id, "prod"))
    forced = await run(luml.tracks.update_artifact("churn", third.id, "prod", force=True))
    assert forced.stage_name == "prod"
    assert (await run(luml.tracks.get_artifact("churn", second.id))).stage_id is None
    off = await run(luml.tracks.update_artifact("churn", third.id, None))
    assert off.stage_id is None
    assert await run(luml.tracks.get_artifact("churn", first.id)) == first


async def test_unknown_stage_names_the_stages_that_exist(workspace: Any) -> None:
    luml = workspace
    await run(luml.tracks.create("churn", "model", stages=["dev", "production"]))
    await run(luml.tracks.create("bare", "model"))
    artifact = await model(luml, "m1")
    message = "track 'churn' has no stage 'prod'; its stages are 'dev', 'production'"
    calls = [
        lambda: luml.tracks.add_artifact("churn", artifact, stage="prod"),
        lambda: luml.tracks.get_artifact_by_stage("churn", "prod"),
        lambda: luml.tracks.list_artifacts("churn", "prod"),
        lambda: luml.tracks.update_artifact("churn", artifact, "prod"),
        lambda: luml.tracks.download_by_stage("churn", "prod"),
    ]
    for make in calls:
        with pytest.raises(NotFoundError, match=message):
            await run(make())
    with pytest.raises(NotFoundError, match="it has no stages"):
        await collect(luml.tracks.list_all_artifacts("bare", "dev"))


async def test_empty_stage_is_none_not_a_server_error(workspace: Any) -> None:
    luml = workspace
    track = await run(luml.tracks.create("churn", "model", stages=["dev", "production"]))
    assert await run(luml.tracks.get_artifact_by_stage("churn", "production")) is None
    entry = await run(luml.tracks.add_artifact("churn", await model(luml, "m1"), "production"))
    found = await run(luml.tracks.get_artifact_by_stage(track.id, "production"))
    assert found == entry
    production = next(stage for stage in track.stages if stage.name == "production")
    assert await run(luml.tracks.get_artifact_by_stage("churn", production.id)) == entry
    with pytest.raises(NotFoundError, match="holds no version"):
        await run(luml.tracks.download_by_stage("churn", "dev"))


async def test_missing_entry_is_not_found_not_a_500(workspace: Any) -> None:
    luml = workspace
    await run(luml.tracks.create("churn", "model"))
    with pytest.raises(NotFoundError, match="has no entry"):
        await run(luml.tracks.get_artifact("churn", "0199c455-21ee-74c6-b747-19a82f1a1e67"))


async def test_list_artifacts_pages_and_filters_by_stage(workspace: Any) -> None:
    luml = workspace
    await run(luml.tracks.create("churn", "model", stages=["dev", "prod"]))
    entries = []
    for number in range(5):
        artifact = await model(luml, f"m{number}")
        entries.append(await run(luml.tracks.add_artifact("churn", artifact)))
    await run(luml.tracks.update_artifact("churn", entries[1].id, "prod"))
    page = await run(luml.tracks.list_artifacts("churn", sort_by="version", order="asc", limit=2))
    assert isinstance(page, TrackEntriesList)
    assert [entry.version for entry in page.items] == [1, 2]
    following = await run(
        luml.tracks.list_artifacts(
            "churn", sort_by="version", order="asc", limit=2, start_after=page.cursor
        )
    )
    assert [entry.version for entry in following.items] == [3, 4]
    everything = await collect(
        luml.tracks.list_all_artifacts("churn", sort_by="version", order="asc", limit=2)
    )
    assert [entry.version for entry in everything] == [1, 2, 3, 4, 5]
    at_prod = await run(luml.tracks.list_artifacts("churn", "prod"))
    assert [entry.id for entry in at_prod.items] == [entries[1].id]
    assert [e.id for e in await collect(luml.tracks.list_all_artifacts("churn", "prod"))] == [
        entries[1].id
    ]


async def test_remove_one_and_a_batch(workspace: Any) -> None:
    luml = workspace
    await run(luml.tracks.create("churn", "model"))
    entries = [
        await run(luml.tracks.add_artifact("churn", await model(luml, f"m{n}"))) for n in range(4)
    ]
    await run(luml.tracks.remove_artifact("churn", entries[0].id))
    await run(luml.tracks.remove_batch_artifacts("churn", [entries[1].id, entries[2].id]))
    left = await collect(luml.tracks.list_all_artifacts("churn"))
    assert [entry.id for entry in left] == [entries[3].id]
    track = await run(luml.tracks.get("churn"))
    assert (track.total_entries, track.next_version) == (1, 5)  # versions are not reused
    with pytest.raises(NotFoundError, match="Entry not found"):
        await run(luml.tracks.remove_artifact("churn", entries[0].id))


async def test_artifact_rules_come_back_as_typed_errors(workspace: Any) -> None:
    luml = workspace
    await run(luml.tracks.create("data", "dataset"))
    with pytest.raises(BadRequestError, match="does not match track artifact type"):
        await run(luml.tracks.add_artifact("data", await model(luml, "m1")))
    with pytest.raises(InvalidArgumentError, match="artifact id must be a UUID"):
        await run(luml.tracks.add_artifact("data", "m1"))


async def test_download_by_stage_fetches_what_production_holds(
    workspace: Any, tmp_path: Path
) -> None:
    luml = workspace
    source = write_artifact(tmp_path / "churn.luml")
    artifact = await run(luml.artifacts.upload(source, name="churn v1", on_progress=None))
    await run(luml.tracks.create("churn", "model", stages=["dev", "production"]))
    entry = await run(luml.tracks.add_artifact("churn", artifact.id, "dev"))
    await run(luml.tracks.update_artifact("churn", entry.id, "production"))
    target = tmp_path / "out"
    target.mkdir()
    path = await run(luml.tracks.download_by_stage("churn", "production", target))
    assert path == target / "churn.luml"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == artifact.file_hash
    # on_progress takes what artifacts.download takes: False for no progress at all
    quiet = await run(
        luml.tracks.download_by_stage("churn", "production", tmp_path / "q.luml", on_progress=False)
    )
    assert hashlib.sha256(quiet.read_bytes()).hexdigest() == artifact.file_hash
