"""Checked by mypy (`make types`), never run: the public surface keeps its exact types on
both clients (sync methods return values, async ones coroutines and async iterators)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import assert_type

from luml_facade import (
    Artifact,
    ArtifactsList,
    AsyncLumlClient,
    BucketSecret,
    Collection,
    CollectionDetails,
    CreatedArtifact,
    LumlClient,
    Orbit,
    Organization,
)


def sync_surface(luml: LumlClient) -> None:
    assert_type(luml.organizations.get(), Organization | None)
    assert_type(luml.organizations.list(), list[Organization])
    assert_type(luml.bucket_secrets.list(), list[BucketSecret])
    assert_type(luml.orbits.get("Default Orbit"), Orbit | None)
    assert_type(luml.orbits.create("x", "id"), Orbit)
    assert_type(luml.collections.get(), CollectionDetails | None)
    assert_type(luml.collections.list_all(), Iterator[Collection])
    assert_type(luml.artifacts.list(), ArtifactsList)
    assert_type(luml.artifacts.list_all(sort_by="F1"), Iterator[Artifact])
    assert_type(luml.artifacts.upload("model.luml"), Artifact)
    assert_type(luml.artifacts.download("id"), Path)
    assert_type(luml.artifacts.create(None, "m.luml", {}, {}, "h", {}, 1, "m"), CreatedArtifact)
    assert_type(luml.artifacts.delete("id"), None)


async def async_surface(luml: AsyncLumlClient) -> None:
    assert_type(await luml.organizations.get(), Organization | None)
    assert_type(await luml.orbits.list(), list[Orbit])
    assert_type(luml.collections.list_all(), AsyncIterator[Collection])
    assert_type(luml.artifacts.list_all(), AsyncIterator[Artifact])
    assert_type(await luml.artifacts.upload("model.luml"), Artifact)
    assert_type(await luml.artifacts.download("id"), Path)
    await luml.setup_config(orbit="Default Orbit")
