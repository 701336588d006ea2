"""Every documented resource method, on both clients, against the local LUML server."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from luml_facade import (
    Artifact,
    ArtifactsList,
    ArtifactStatus,
    ArtifactType,
    BadRequestError,
    BucketType,
    CollectionDetails,
    CollectionsList,
    CollectionType,
    ConfigurationError,
    ConflictError,
    CreatedArtifact,
    InvalidArgumentError,
    MultiPartUploadDetails,
    MultipleResourcesFoundError,
    NotFoundError,
    Orbit,
    Organization,
    S3BucketSecret,
    SortOrder,
)
from luml_facade.testing import Tenant

from .conftest import collect, run

FNNX_FILES = (
    "dtypes.json",
    "env.json",
    "manifest.json",
    "meta.json",
    "ops.json",
    "variant_config.json",
)


async def create_record(
    luml: Any, name: str, *, metrics: dict[str, Any] | None = None, **extra: Any
) -> Artifact:
    """An artifact record (no file) made through artifacts.create."""
    created = await run(
        luml.artifacts.create(
            None,
            f"{name}.luml",
            metrics or {},
            {
                "artifact_type": extra.pop("artifact_type", "model"),
                "variant": "x",
                "producer_name": "t",
                "producer_version": "1",
                "producer_tags": [],
                "payload": {},
            },
            "0" * 64,
            {"manifest.json": (512, 10)},
            1024,
            name,
            **extra,
        )
    )
    assert isinstance(created, CreatedArtifact)
    return created.artifact


async def test_organizations(luml: Any, luml_tenant: Tenant) -> None:
    organizations = await run(luml.organizations.list())
    assert [type(item) for item in organizations] == [Organization]
    assert organizations[0].id == luml_tenant.organization_id
    assert isinstance(organizations[0].created_at, datetime.datetime)
    assert (
        await run(luml.organizations.get("Test Organization"))
    ).id == luml_tenant.organization_id
    assert (
        await run(luml.organizations.get(luml_tenant.organization_id))
    ).name == "Test Organization"
    assert await run(luml.organizations.get("Nobody")) is None


async def test_bucket_secrets(luml: Any, luml_tenant: Tenant) -> None:
    existing = await run(luml.bucket_secrets.list())
    assert [secret.id for secret in existing] == [luml_tenant.bucket_secret_id]
    created = await run(
        luml.bucket_secrets.create(
            endpoint="s3.example.test",
            bucket_name="extra",
            access_key="AK",
            secret_key="SK",
            region="eu-north-1",
            secure=True,
        )
    )
    assert isinstance(created, S3BucketSecret)
    assert created.type is BucketType.S3 and created.region == "eu-north-1"
    assert (await run(luml.bucket_secrets.get("extra"))).id == created.id
    assert (await run(luml.bucket_secrets.get(created.id))).bucket_name == "extra"
    assert await run(luml.bucket_secrets.get("missing-bucket")) is None
    updated = await run(luml.bucket_secrets.update(created.id, bucket_name="renamed"))
    assert updated.bucket_name == "renamed" and updated.region == "eu-north-1"
    with pytest.raises(ConflictError):
        await run(luml.bucket_secrets.create(endpoint="s3.example.test", bucket_name="renamed"))
    await run(luml.bucket_secrets.delete(created.id))
    assert await run(luml.bucket_secrets.get(created.id)) is None


async def test_bucket_secret_in_use_cannot_be_deleted(luml: Any, luml_tenant: Tenant) -> None:
    await run(luml.orbits.create("Uses it", luml_tenant.bucket_secret_id))
    with pytest.raises(ConflictError, match="currently used by orbits") as raised:
        await run(luml.bucket_secrets.delete(luml_tenant.bucket_secret_id))
    assert raised.value.status_code == 409


async def test_azure_secret_arguments_are_checked(luml: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="Azure"):
        await run(
            luml.bucket_secrets.create(
                "AccountName=a;AccountKey=b", "c", access_key="x", type="azure"
            )
        )


async def test_multipart_upload_urls(workspace: Any, luml_tenant: Tenant) -> None:
    urls = await run(
        workspace.bucket_secrets.get_multipart_upload_urls(
            luml_tenant.bucket_secret_id,
            "orbit-x/collection-y/z-model.luml",
            12 * 1024 * 1024,
            "upload-1",
        )
    )
    assert isinstance(urls, MultiPartUploadDetails)
    assert urls.type is BucketType.S3 and urls.upload_id == "upload-1"
    assert [part.part_number for part in urls.parts] == [1, 2, 3]
    assert urls.parts[0].start_byte == 0 and urls.parts[-1].end_byte == 12 * 1024 * 1024 - 1
    assert urls.complete_url


async def test_orbits(luml: Any, luml_tenant: Tenant) -> None:
    orbit = await run(luml.orbits.create("ML Models", luml_tenant.bucket_secret_id))
    assert isinstance(orbit, Orbit)
    assert orbit.organization_id == luml_tenant.organization_id
    assert orbit.bucket_secret_id == luml_tenant.bucket_secret_id
    assert [item.id for item in await run(luml.orbits.list())] == [orbit.id]
    assert (await run(luml.orbits.get("ML Models"))).id == orbit.id
    assert (await run(luml.orbits.get(orbit.id))).name == "ML Models"
    assert await run(luml.orbits.get("ml models")) is None  # names are case-sensitive
    renamed = await run(luml.orbits.update(name="Renamed"))
    assert renamed.name == "Renamed" and renamed.id == orbit.id
    other = await run(luml.orbits.create("Other", luml_tenant.bucket_secret_id))
    await run(luml.orbits.delete(other.id))
    assert await run(luml.orbits.get(other.id)) is None


async def test_the_default_orbit_cannot_be_deleted(luml: Any, luml_tenant: Tenant) -> None:
    orbit = await run(luml.orbits.create("Default", luml_tenant.bucket_secret_id))
    await run(luml.setup_config(orbit="Default"))
    with pytest.raises(ConfigurationError, match="default orbit"):
        await run(luml.orbits.delete(orbit.id))


async def test_ids_are_checked_before_sending(luml: Any, luml_tenant: Tenant) -> None:
    with pytest.raises(InvalidArgumentError, match="orbit id must be a UUID"):
        await run(luml.orbits.delete("not-a-uuid"))


async def test_collections(luml: Any, luml_tenant: Tenant) -> None:
    await run(luml.orbits.create("Orbit", luml_tenant.bucket_secret_id))
    collection = await run(
        luml.collections.create("Churn models", "churn", CollectionType.MODEL, ["ml"])
    )
    assert collection.type is CollectionType.MODEL and collection.tags == ["ml"]
    details = await run(luml.collections.get("churn"))
    assert isinstance(details, CollectionDetails) and details.id == collection.id
    assert (await run(luml.collections.get(collection.id))).name == "churn"
    assert await run(luml.collections.get("nope")) is None
    updated = await run(luml.collections.update(description="Weekly", collection_id=collection.id))
    assert updated.description == "Weekly" and updated.name == "churn"
    await run(luml.collections.delete(collection.id))
    assert await run(luml.collections.get(collection.id)) is None


async def test_collection_paging_filters_and_lookup(luml: Any, luml_tenant: Tenant) -> None:
    await run(luml.orbits.create("Orbit", luml_tenant.bucket_secret_id))
    for index in range(7):
        kind = CollectionType.DATASET if index % 2 else CollectionType.MODEL
        await run(luml.collections.create(f"n{index}", f"c{index}", kind))
    page = await run(luml.collections.list(limit=3, sort_by="name", order="asc"))
    assert isinstance(page, CollectionsList)
    assert [item.name for item in page.items] == ["c0", "c1", "c2"] and page.cursor
    second = await run(
        luml.collections.list(limit=3, sort_by="name", order="asc", start_after=page.cursor)
    )
    assert [item.name for item in second.items] == ["c3", "c4", "c5"]
    everything = await collect(
        luml.collections.list_all(limit=2, sort_by="name", order=SortOrder.ASC)
    )
    assert [item.name for item in everything] == [f"c{index}" for index in range(7)]
    datasets = await collect(luml.collections.list_all(types=["dataset"]))
    assert sorted(item.name for item in datasets) == ["c1", "c3", "c5"]
    assert (await run(luml.collections.get("c6"))).name == "c6"


async def test_collection_name_lookup_reads_every_page(luml: Any, luml_tenant: Tenant) -> None:
    await run(luml.orbits.create("Orbit", luml_tenant.bucket_secret_id))
    for index in range(105):
        await run(luml.collections.create("bulk", f"bulk-{index:03d}", CollectionType.MIXED))
    await run(luml.collections.create("twin", "twin", CollectionType.MIXED))
    oldest = await run(luml.collections.get("bulk-000"))  # last page in the default order
    assert oldest is not None and oldest.name == "bulk-000"
    await run(luml.collections.create("twin", "twin", CollectionType.MIXED))
    with pytest.raises(MultipleResourcesFoundError):
        await run(luml.collections.get("twin"))


async def test_collection_with_artifacts_cannot_be_deleted(workspace: Any) -> None:
    await create_record(workspace, "kept")
    with pytest.raises(ConflictError, match="has artifacts"):
        await run(workspace.collections.delete())


async def test_artifact_records(workspace: Any) -> None:
    artifact = await create_record(
        workspace, "model-a", metrics={"F1": 0.5}, description="first", tags=["x"]
    )
    assert artifact.status is ArtifactStatus.PENDING_UPLOAD
    assert artifact.type is ArtifactType.MODEL
    assert artifact.extra_values == artifact.metrics == {"F1": 0.5}
    assert artifact.file_index == {"manifest.json": (512, 10)}
    fetched = await run(workspace.artifacts.get(artifact.id))
    assert fetched.id == artifact.id and fetched.description == "first"
    assert (await run(workspace.artifacts.get("model-a"))).id == artifact.id
    assert (await run(workspace.artifacts.get("model-a.luml"))).id == artifact.id  # by file name
    assert await run(workspace.artifacts.get("absent")) is None
    updated = await run(workspace.artifacts.update(artifact.id, name="renamed", tags=["y"]))
    assert updated.name == "renamed" and updated.tags == ["y"] and updated.description == "first"
    marked = await run(workspace.artifacts.update(artifact.id, status="upload_failed"))
    assert marked.status is ArtifactStatus.UPLOAD_FAILED
    with pytest.raises(BadRequestError, match="Invalid status transition"):
        await run(workspace.artifacts.update(artifact.id, status=ArtifactStatus.UPLOADED))
    with pytest.warns(DeprecationWarning, match="file_name"):
        await run(workspace.artifacts.update(artifact.id, file_name="new.luml"))


async def test_artifact_urls(workspace: Any, luml_tenant: Tenant) -> None:
    artifact = await create_record(workspace, "urls")
    download = await run(workspace.artifacts.download_url(artifact.id))
    assert set(download) == {"url"} and luml_tenant.bucket_name in download["url"]
    delete = await run(workspace.artifacts.delete_url(artifact.id))
    assert delete["url"].startswith("http")
    assert (
        await run(workspace.artifacts.get(artifact.id))
    ).status is ArtifactStatus.PENDING_DELETION
    with pytest.raises(NotFoundError, match="Artifact not found"):
        await run(workspace.artifacts.download_url("0199c455-21ee-74c6-b747-19a82f1a1e67"))


async def test_artifact_listing_sorting_and_filters(workspace: Any) -> None:
    for index, score in enumerate([0.3, 0.9, 0.5, 0.9]):
        kind = "dataset" if index == 2 else "model"
        await create_record(workspace, f"a{index}", metrics={"F1": score}, artifact_type=kind)
    page = await run(workspace.artifacts.list(limit=2))
    assert isinstance(page, ArtifactsList) and len(page.items) == 2 and page.cursor
    assert [item.name for item in page.items] == ["a3", "a2"]  # newest first by default
    rest = await run(workspace.artifacts.list(limit=2, start_after=page.cursor))
    assert [item.name for item in rest.items] == ["a1", "a0"] and rest.cursor is None
    by_metric = await collect(workspace.artifacts.list_all(sort_by="F1", order="desc", limit=1))
    assert [item.metrics["F1"] for item in by_metric] == [0.9, 0.9, 0.5, 0.3]
    models = await collect(workspace.artifacts.list_all(types=[ArtifactType.MODEL]))
    assert sorted(item.name for item in models) == ["a0", "a1", "a3"]
    with pytest.warns(DeprecationWarning, match="types="):
        old_style = await run(workspace.artifacts.list(type=ArtifactType.DATASET))
    assert [item.name for item in old_style.items] == ["a2"]
    searched = await run(workspace.artifacts.list(search="A1"))
    assert [item.name for item in searched.items] == ["a1"]
    with pytest.raises(BadRequestError, match="Invalid sorting column"):
        await run(workspace.artifacts.list(sort_by="no_such_metric"))


async def test_artifacts_of_another_collection(workspace: Any) -> None:
    other = await run(workspace.collections.create("second", "second", CollectionType.MIXED))
    await create_record(workspace, "in-default")
    created = await run(
        workspace.artifacts.create(
            other.id,
            "other.luml",
            {},
            {
                "artifact_type": "dataset",
                "variant": "x",
                "producer_name": "t",
                "producer_version": "1",
                "producer_tags": [],
                "payload": {},
            },
            "0" * 64,
            {},
            10,
            "in-other",
        )
    )
    listed = await collect(workspace.artifacts.list_all(collection_id=other.id))
    assert [item.name for item in listed] == ["in-other"]
    assert (
        await run(workspace.artifacts.get("in-other", collection_id=other.id))
    ).id == created.artifact.id
    assert await run(workspace.artifacts.get("in-other")) is None
