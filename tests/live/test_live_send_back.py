"""deployments.update against a real backend keeps every field the server had.

On main's backend this pins the replace-all PATCH; on feat/monitoring-frontend's (whose
`monitoring_mode` this spec does not know, NOT NULL: a PATCH without it is a 500) it shows the
facade sending back what it read. Run: LUML_LIVE_STATE=/tmp/luml-mon/state.json make live-test.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from .conftest import LiveState, unique
from .test_live_facade import client

pytestmark = pytest.mark.live
VOLATILE = {"description", "updated_at"}


@pytest.fixture
def raw(live: LiveState) -> Iterator[httpx.Client]:
    """Plain HTTP with the API key (no keep-alive: the server drops a connection after a 500)."""
    headers = {"Authorization": f"Bearer {live.api_key}"}
    limits = httpx.Limits(max_keepalive_connections=0)
    with httpx.Client(base_url=live.base_url, headers=headers, limits=limits, timeout=30) as c:
        yield c


def test_update_keeps_every_field_the_server_had(live: LiveState, raw: httpx.Client) -> None:
    luml = client(live)
    orbit = f"/v1/organizations/{live.organization_id}/orbits/{live.orbit_id}"
    manifest = {"artifact_type": "model", "variant": "x", "producer_name": "t"}
    manifest |= {"producer_version": "1", "producer_tags": [], "payload": {}}
    name = unique("send-back")
    satellite = luml.satellites.create(name).satellite
    artifact = luml.artifacts.create(
        None, f"{name}.luml", {}, manifest, "0" * 64, {"manifest.json": (512, 10)}, 1024, name
    ).artifact
    deployment = luml.deployments.create(name, satellite.id, artifact.id, tags=["a"])
    url = f"{orbit}/deployments/{deployment.id}"
    try:
        before = raw.get(url).json()
        if "monitoring_mode" in before:  # a newer server: make the field's value matter
            body = {key: before.get(key) for key in ("name", "tags", "dynamic_attributes_secrets")}
            answer = raw.patch(url, json={**body, "monitoring_mode": "full"})
            assert answer.status_code == 200, answer.text
            before = answer.json()
        luml.deployments.update(deployment.id, description="v2")
        after = raw.get(url).json()
        assert after["description"] == "v2"
        kept = {key: value for key, value in before.items() if key not in VOLATILE}
        assert {key: after.get(key) for key in kept} == kept
    finally:
        raw.delete(f"{url}/force")
        raw.delete(f"{orbit}/satellites/{satellite.id}")
        raw.delete(f"{orbit}/collections/{live.collection_id}/artifacts/{artifact.id}/force")
        luml.close()
