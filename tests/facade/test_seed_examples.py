"""The examples of the client reference pages (../shared/seeds), adapted to the local server:
ids come from the objects the test creates, and the key and URL from the local server."""

from __future__ import annotations

from typing import Any

from luml_facade import ArtifactType, AsyncLumlClient, CollectionType, LumlClient, SortOrder
from luml_facade.testing import LocalLuml, Tenant

from .conftest import FAST_RETRIES, write_artifact


def test_orbit_page_examples(luml_server: LocalLuml, luml_tenant: Tenant) -> None:
    bootstrap = LumlClient(api_key=luml_tenant.api_key, base_url=luml_server.url)
    default_orbit = bootstrap.orbits.create("Default Orbit", luml_tenant.bucket_secret_id)
    collection = bootstrap.collections.create("d", "Default Collection", CollectionType.MIXED)
    luml = LumlClient(
        api_key=luml_tenant.api_key,
        base_url=luml_server.url,
        organization=luml_tenant.organization_id,
        orbit=default_orbit.id,
        collection=collection.id,
        retry=FAST_RETRIES,
    )
    orbit_by_name = luml.orbits.get("Default Orbit")
    orbit_by_id = luml.orbits.get(default_orbit.id)
    assert orbit_by_name == orbit_by_id or (orbit_by_name and orbit_by_name.id == default_orbit.id)
    assert [orbit.name for orbit in luml.orbits.list()] == ["Default Orbit"]
    orbit = luml.orbits.create(name="ML Models", bucket_secret_id=luml_tenant.bucket_secret_id)
    assert orbit.name == "ML Models"
    assert luml.orbits.update(name="New Orbit Name").name == "New Orbit Name"
    updated = luml.orbits.update(
        name="New Orbit Name", bucket_secret_id=luml_tenant.bucket_secret_id
    )
    assert updated.bucket_secret_id == luml_tenant.bucket_secret_id
    luml.orbits.delete(orbit.id)
    assert luml.orbits.get(orbit.id) is None


def test_artifact_page_examples(luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Any) -> None:
    luml = LumlClient(api_key=luml_tenant.api_key, base_url=luml_server.url, retry=FAST_RETRIES)
    luml.orbits.create("Default Orbit", luml_tenant.bucket_secret_id)
    collection = luml.collections.create("d", "Default Collection", CollectionType.MIXED)
    model_file = write_artifact(tmp_path / "model.luml", metrics={"F1": 0.8, "R2": 0.84})
    artifact = luml.artifacts.upload(
        file_path=str(model_file),
        name="Production Model",
        description="Trained on latest dataset",
        tags=["ml", "production"],
        collection_id=collection.id,
    )
    assert luml.artifacts.get("Production Model").id == artifact.id
    assert luml.artifacts.get(artifact.id).metrics == {"F1": 0.8, "R2": 0.84}
    assert luml.artifacts.list().items[0].id == artifact.id
    assert luml.artifacts.list(sort_by="size", order="desc").items
    assert luml.artifacts.list(sort_by="F1", order="desc").items
    assert luml.artifacts.list(types=[ArtifactType.MODEL, ArtifactType.DATASET]).items
    names = [a.name for a in luml.artifacts.list_all(sort_by="F1", order=SortOrder.DESC, limit=50)]
    assert names == ["Production Model"]
    assert luml.artifacts.download_url(artifact.id)["url"].startswith("http")
    target = tmp_path / "downloaded_model.luml"
    luml.artifacts.download(artifact.id, file_path=str(target), collection_id=collection.id)
    assert target.read_bytes() == model_file.read_bytes()
    assert luml.artifacts.update(artifact.id, name="Updated Model").name == "Updated Model"
    luml.artifacts.delete(artifact.id)
    assert luml.artifacts.get(artifact.id) is None


async def test_async_artifact_page_examples(
    luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Any
) -> None:
    luml = AsyncLumlClient(
        api_key=luml_tenant.api_key, base_url=luml_server.url, retry=FAST_RETRIES
    )
    orbit = await luml.orbits.create("Default Orbit", luml_tenant.bucket_secret_id)
    await luml.setup_config(organization=luml_tenant.organization_id, orbit=orbit.id)
    collection = await luml.collections.create("d", "Default Collection", CollectionType.MIXED)
    await luml.setup_config(
        organization=luml_tenant.organization_id, orbit=orbit.id, collection=collection.id
    )
    artifact = await luml.artifacts.upload(
        file_path=str(write_artifact(tmp_path / "model.luml")),
        name="Production Model",
        tags=["ml", "production"],
    )
    assert (await luml.artifacts.get("Production Model")).id == artifact.id
    page = await luml.artifacts.list(sort_by="size", order="asc")
    assert [item.id for item in page.items] == [artifact.id]
    assert [item.id async for item in luml.artifacts.list_all()] == [artifact.id]
    updated = await luml.artifacts.update(artifact.id, name="Updated Model")
    assert updated.name == "Updated Model"
    await luml.artifacts.delete(artifact.id)
    await luml.aclose()
