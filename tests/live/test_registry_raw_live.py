"""Registry operations through the generated client against the REAL LUML backend (opt-in).

Run with ``LUML_LIVE_STATE=/tmp/luml-real/state.json pytest -m live tests/live``; skipped when the
variable is unset. Every object gets a unique name and is deleted again; the seeded
organization, orbit and collection are only read.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from uuid import UUID

import httpx
import pytest
from luml_openapi.api.artifacts import (
    create_artifact,
    delete_artifact,
    force_delete_artifact,
    get_artifact_delete_url,
    update_artifact,
)
from luml_openapi.api.deployments import list_deployments
from luml_openapi.api.orbit_secrets import (
    create_orbit_secret,
    delete_orbit_secret,
    get_orbit_secret,
    list_orbit_secrets,
    update_orbit_secret,
)
from luml_openapi.api.satellites import list_satellites
from luml_openapi.api.track_entries import (
    create_track_entry,
    delete_track_entries,
    get_track_entry,
    get_track_entry_by_stage,
    list_track_entries,
    update_track_entry,
)
from luml_openapi.api.tracks import (
    create_track,
    delete_track,
    get_track,
    list_track_stages,
    list_tracks,
    update_track,
)
from luml_openapi.client import AuthenticatedClient
from luml_openapi.models import (
    ArtifactCreate,
    ArtifactUpdate,
    CreatedArtifact,
    Deployment,
    OrbitSecret,
    OrbitSecretCreate,
    OrbitSecretUpdate,
    S3UploadDetails,
    Satellite,
    Track,
    TrackCreate,
    TrackEntriesDelete,
    TrackEntry,
    TrackEntryCreate,
    TrackEntryUpdate,
    TrackUpdate,
)

pytestmark = pytest.mark.live

STATE = os.environ.get("LUML_LIVE_STATE")
SERVER_ERROR = "Internal Server Error"
TIMEOUT = httpx.Timeout(30)


@dataclass
class Live:
    client: AuthenticatedClient
    org: UUID
    orbit: UUID
    collection: UUID
    tag: str

    def call(self, module: ModuleType, *args: Any, expect: int = 200, **kwargs: Any) -> Any:
        """Call an orbit-level operation; check the status; the parsed body."""
        response = module.sync_detailed(self.org, self.orbit, *args, client=self.client, **kwargs)
        if response.status_code == 500:
            # The server's unhandled-error 500 comes without `Connection: close`, and uvicorn
            # then drops the connection: the next request on it would be reset. Start afresh.
            self.client.get_httpx_client().close()
            self.client = AuthenticatedClient(
                base_url=self.client._base_url, token=self.client.token, timeout=TIMEOUT
            )
        assert response.status_code == expect, response.content
        return response.parsed


@pytest.fixture(scope="module")
def live() -> Iterator[Live]:
    if not STATE:
        pytest.skip("LUML_LIVE_STATE is not set (the real backend's state.json)")
    state = json.loads(Path(STATE).read_text())
    client = AuthenticatedClient(
        base_url=state["base_url"], token=state["api_key"], timeout=TIMEOUT
    )
    live = Live(
        client,
        UUID(state["organization_id"]),
        UUID(state["orbit_id"]),
        UUID(state["collection_id"]),
        f"registry-live-{uuid.uuid4().hex[:10]}",
    )
    yield live
    live.client.get_httpx_client().close()


def upload_artifact(live: Live, name: str) -> UUID:
    """A model artifact with its bytes in the bucket, marked uploaded."""
    data = f"{name} bytes".encode()
    body = ArtifactCreate.from_dict(
        {
            "file_name": f"{name}.luml",
            "name": name,
            "extra_values": {},
            "manifest": {
                "artifact_type": "model",
                "variant": "pipeline",
                "name": name,
                "version": "1",
                "description": "",
                "producer_name": "luml-facade live test",
                "producer_version": "1",
                "producer_tags": [],
                "payload": {},
            },
            "file_hash": hashlib.sha256(data).hexdigest(),
            "file_index": {},
            "size": len(data),
            "tags": [live.tag],
        }
    )
    created = live.call(create_artifact, live.collection, body=body)
    assert isinstance(created, CreatedArtifact)
    assert isinstance(created.upload_details, S3UploadDetails)
    with httpx.Client(timeout=30) as storage:  # presigned: no API key
        storage.put(created.upload_details.url, content=data).raise_for_status()
    uploaded = ArtifactUpdate.from_dict({"status": "uploaded"})
    live.call(update_artifact, live.collection, created.artifact.id, body=uploaded)
    return created.artifact.id


def remove_artifact(live: Live, artifact_id: UUID) -> None:
    """Delete the stored file through the delete URL, then the record."""
    url = live.call(get_artifact_delete_url, live.collection, artifact_id)
    with httpx.Client(timeout=30) as storage:
        storage.delete(url.url)
    response = delete_artifact.sync_detailed(
        live.org, live.orbit, live.collection, artifact_id, client=live.client
    )
    if response.status_code != 204:
        force_delete_artifact.sync_detailed(
            live.org, live.orbit, live.collection, artifact_id, client=live.client
        )


def test_track_with_stages_create_read_update_delete(live: Live) -> None:
    body = TrackCreate.from_dict(
        {
            "name": live.tag,
            "artifact_type": "model",
            "tags": [live.tag],
            "stages": ["dev", "prod"],
        }
    )
    track = live.call(create_track, body=body)
    try:
        assert isinstance(track, Track)
        assert [s.name for s in track.stages] == ["dev", "prod"]
        assert (track.next_version, track.total_entries) == (1, 0)
        found = live.call(list_tracks, search=live.tag)
        assert [t.id for t in found.items] == [track.id]
        dev, prod = track.stages
        update = TrackUpdate.from_dict(
            {
                "description": "live",
                "stages": [{"id": str(dev.id), "name": "development"}, {"name": "qa"}],
            }
        )
        updated = live.call(update_track, track.id, body=update)
        assert updated.description == "live"
        assert [s.name for s in updated.stages] == ["development", "qa"]
        assert updated.stages[0].id == dev.id
        stages = live.call(list_track_stages, track.id)
        assert prod.id not in {s.id for s in stages}
        assert live.call(get_track, track.id).name == live.tag
    finally:
        live.call(delete_track, track.id, expect=204)
    assert live.call(get_track, track.id, expect=404).detail == "Track not found"


def test_entry_of_an_uploaded_artifact_moves_between_stages(live: Live) -> None:
    first = upload_artifact(live, f"{live.tag}-a")
    second = upload_artifact(live, f"{live.tag}-b")
    track = live.call(
        create_track,
        body=TrackCreate.from_dict(
            {"name": f"{live.tag}-entries", "artifact_type": "model", "stages": ["dev", "prod"]}
        ),
    )
    dev, prod = track.stages
    entries: list[UUID] = []
    try:
        empty = live.call(get_track_entry_by_stage, track.id, stage_id=dev.id, expect=500)
        assert empty == SERVER_ERROR  # the server's answer for a stage no entry is at
        one = live.call(
            create_track_entry,
            track.id,
            body=TrackEntryCreate.from_dict({"artifact_id": str(first), "stage_id": str(dev.id)}),
        )
        entries.append(one.id)
        assert isinstance(one, TrackEntry)
        assert (one.version, one.stage_name) == (1, "dev")
        two = live.call(
            create_track_entry,
            track.id,
            body=TrackEntryCreate.from_dict({"artifact_id": str(second)}),
        )
        entries.append(two.id)
        assert (two.version, two.stage_id) == (2, None)
        assert live.call(get_track_entry_by_stage, track.id, stage_id=dev.id).id == one.id
        move = TrackEntryUpdate.from_dict({"stage_id": str(dev.id)})
        taken = live.call(update_track_entry, track.id, two.id, body=move, expect=409)
        assert taken.detail == "Stage 'dev' is already assigned to v1. Use force to reassign."
        forced = live.call(update_track_entry, track.id, two.id, body=move, force=True)
        assert forced.stage_name == "dev"
        assert live.call(get_track_entry, track.id, one.id).stage_id is None
        promoted = live.call(
            update_track_entry,
            track.id,
            one.id,
            body=TrackEntryUpdate.from_dict({"stage_id": str(prod.id)}),
        )
        assert promoted.stage_name == "prod"
        assert live.call(get_track_entry_by_stage, track.id, stage_id=prod.id).id == one.id
        at_dev = live.call(list_track_entries, track.id, stage=dev.id)
        assert [e.id for e in at_dev.items] == [two.id]
        unknown = live.call(get_track_entry, track.id, uuid.uuid4(), expect=500)
        assert unknown == SERVER_ERROR
    finally:
        if entries:
            batch = TrackEntriesDelete.from_dict({"entry_ids": [str(e) for e in entries]})
            live.call(delete_track_entries, track.id, body=batch, expect=204)
        live.call(delete_track, track.id, expect=204)
        for artifact_id in (first, second):
            remove_artifact(live, artifact_id)


def test_orbit_secret_create_read_update_delete(live: Live) -> None:
    body = OrbitSecretCreate.from_dict({"name": live.tag, "value": "s3cr3t", "tags": ["live"]})
    secret = live.call(create_orbit_secret, body=body)
    try:
        assert isinstance(secret, OrbitSecret)
        assert secret.value == "s3cr3t"
        again = live.call(create_orbit_secret, body=body, expect=400)
        assert again.detail == f"Secret with name {live.tag} already exist in orbit."
        listed = [s for s in live.call(list_orbit_secrets) if s.id == secret.id]
        assert [s.value for s in listed] == [""]
        assert live.call(get_orbit_secret, secret.id).value == "s3cr3t"
        update = OrbitSecretUpdate.from_dict({"value": "n3w", "tags": None})
        updated = live.call(update_orbit_secret, secret.id, body=update)
        assert (updated.value, updated.tags) == ("n3w", None)
    finally:
        live.call(delete_orbit_secret, secret.id, expect=204)
    missing = live.call(get_orbit_secret, secret.id, expect=404)
    assert missing.detail == "Orbit secret not found"


def test_list_deployments_and_satellites(live: Live) -> None:
    deployments = live.call(list_deployments)
    assert all(isinstance(d, Deployment) for d in deployments)
    satellites = live.call(list_satellites)
    assert all(isinstance(s, Satellite) for s in satellites)
    assert live.call(list_satellites, paired=True) == [s for s in satellites if s.paired]


def test_an_unhandled_500_drops_the_connection(live: Live) -> None:
    # What a client must know about the 500s the spec documents (e.g. an empty stage): the
    # server sends no `Connection: close`, then closes the connection; a request sent on it
    # next is reset. (Plain http.client: no liveness check before reusing the connection.)
    track = live.call(
        create_track,
        body=TrackCreate.from_dict(
            {"name": f"{live.tag}-drop", "artifact_type": "model", "stages": ["dev"]}
        ),
    )
    try:
        base = httpx.URL(str(live.client._base_url))
        headers = {"Authorization": f"Bearer {live.client.token}"}
        path = f"/v1/organizations/{live.org}/orbits/{live.orbit}/tracks/{track.id}"
        connection = http.client.HTTPConnection(base.host, base.port, timeout=30)
        try:
            connection.request(
                "GET", f"{path}/entries/by-stage?stage_id={track.stages[0].id}", headers=headers
            )
            answer = connection.getresponse()
            assert (answer.status, answer.read()) == (500, SERVER_ERROR.encode())
            assert answer.getheader("connection") is None
            with pytest.raises((ConnectionError, http.client.HTTPException)):
                connection.request("GET", path, headers=headers)
                connection.getresponse().read()
        finally:
            connection.close()
    finally:
        live.call(delete_track, track.id, expect=204)
