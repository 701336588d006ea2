"""The facade works around the real server's bugs (docs/known-real-server-behaviour.md): the
local server mirrors each of them by default, so these tests fail without the workaround."""

from __future__ import annotations

from typing import Any

from luml_facade.testing import Tenant
from luml_facade.types import CollectionType

from .conftest import run


async def test_a_partial_collection_update_keeps_the_other_fields(
    luml: Any, luml_tenant: Tenant
) -> None:
    await run(luml.orbits.create("Orbit", luml_tenant.bucket_secret_id))
    await run(luml.setup_config(orbit="Orbit"))
    made = await run(luml.collections.create("d", "churn", CollectionType.MODEL, tags=["prod"]))
    # the real server: tags only -> 500 (name NOT NULL); name only -> tags cleared
    tagged = await run(luml.collections.update(tags=["prod", "v2"], collection_id=made.id))
    assert (tagged.name, tagged.description, tagged.tags) == ("churn", "d", ["prod", "v2"])
    renamed = await run(luml.collections.update(name="churn-2", collection_id=made.id))
    assert (renamed.name, renamed.description, renamed.tags) == ("churn-2", "d", ["prod", "v2"])


async def test_a_partial_bucket_secret_update_keeps_the_other_fields(luml: Any) -> None:
    created = await run(
        luml.bucket_secrets.create(
            endpoint="s3.example.test", bucket_name="b", region="eu-north-1", secure=True
        )
    )
    # the real server: endpoint and bucket_name left out -> null -> 409; region -> null
    updated = await run(luml.bucket_secrets.update(created.id, cert_check=False))
    assert (updated.endpoint, updated.bucket_name, updated.region) == (
        "s3.example.test",
        "b",
        "eu-north-1",
    )
    assert (updated.secure, updated.cert_check) == (True, False)
