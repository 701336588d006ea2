"""The facade's workarounds for the real server's bugs (docs/known-real-server-behaviour.md),
checked against the real backend: partial collection and bucket-secret updates."""

from __future__ import annotations

import pytest

from luml_facade.types import CollectionType

from .conftest import LiveState, unique
from .test_live_facade import client

pytestmark = pytest.mark.live


def test_partial_collection_updates(live: LiveState) -> None:
    luml = client(live)
    made = luml.collections.create("first", unique("live-coll"), CollectionType.MODEL, ["a"])
    try:
        tagged = luml.collections.update(tags=["a", "b"], collection_id=made.id)
        assert (tagged.description, tagged.tags) == ("first", ["a", "b"])
        described = luml.collections.update(description="second", collection_id=made.id)
        assert (described.name, described.tags) == (made.name, ["a", "b"])
    finally:
        luml.collections.delete(made.id)


def test_partial_bucket_secret_update(live: LiveState) -> None:
    luml = client(live)
    bucket = unique("live-bucket")
    made = luml.bucket_secrets.create(
        endpoint="s3.example.test", bucket_name=bucket, region="eu-north-1", secure=True
    )
    try:
        updated = luml.bucket_secrets.update(made.id, cert_check=False)
        assert (updated.endpoint, updated.bucket_name, updated.region, updated.secure) == (
            "s3.example.test",
            bucket,
            "eu-north-1",
            True,
        )
        assert luml.bucket_secrets.get(made.id).cert_check is False
    finally:
        luml.bucket_secrets.delete(made.id)
