"""The local server keeps the real server's registry rules: permissions, limits, conflicts, paging,
track versions and stages, deployments' deletion, and which secret values are shown."""

from __future__ import annotations

import copy
import http.client
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from luml_facade.testing import LocalLuml, Tenant, artifact_manifest
from luml_facade.testing._ids import new_id, now_iso

from .conftest import Api, make_api


class Orbit:
    """Shortcuts for one orbit's registry routes."""

    def __init__(self, api: Api, orbit_id: str | None = None) -> None:
        self.api = api
        self.id = orbit_id or api.orbit()
        self.path = f"{api.org}/orbits/{self.id}"
        self.collection = api.collection(self.id, "mixed")

    def as_user(self, other: Api) -> Orbit:
        """The same orbit, called with another user's key."""
        clone = copy.copy(self)
        clone.api = other
        return clone

    def req(self, method: str, tail: str, **kwargs: Any) -> httpx.Response:
        return self.api.http.request(method, self.path + tail, **kwargs)

    def fails_500(self, method: str, tail: str, **kwargs: Any) -> None:
        """The request gets the server's plain unhandled-error 500.

        The server closes the connection after it: asking with ``Connection: close`` keeps
        the client from reusing that connection.
        """
        response = self.req(method, tail, headers={"Connection": "close"}, **kwargs)
        assert response.status_code == 500
        assert response.headers["content-type"].startswith("text/plain")
        assert response.text == "Internal Server Error"

    def ok(self, method: str, tail: str, **kwargs: Any) -> Any:
        return self.api.ok(method, self.path + tail, **kwargs)

    def artifact(self, name: str = "m", kind: str = "model", **extra: Any) -> str:
        body = self.api.artifact_body(name=name, manifest=artifact_manifest(kind), **extra)
        created = self.api.ok("POST", self.api.artifacts_path(self.id, self.collection), json=body)
        return str(created["artifact"]["id"])

    def track(self, name: str = "t", stages: list[str] | None = None, **extra: Any) -> Any:
        body = {"name": name, "artifact_type": "model", "stages": stages or [], **extra}
        return self.ok("POST", "/tracks", json=body)

    def entry(self, track_id: str, artifact_id: str, stage_id: str | None = None) -> Any:
        body = {"artifact_id": artifact_id, "stage_id": stage_id}
        return self.ok("POST", f"/tracks/{track_id}/entries", json=body)

    def satellite(self, name: str = "sat") -> Any:
        return self.ok("POST", "/satellites", json={"name": name})["satellite"]


def detail(response: httpx.Response, status: int) -> Any:
    assert response.status_code == status, response.text
    return response.json()["detail"]


@pytest.fixture
def orbit(api: Api) -> Orbit:
    return Orbit(api)


# permissions


@dataclass
class Guest:
    api: Api
    user_id: str


@pytest.fixture
def guest(luml_server: LocalLuml, luml_tenant: Tenant, orbit: Orbit) -> Iterator[Guest]:
    """Another user, a member of the tenant's organization, in no orbit yet."""
    other = luml_server.create_tenant("Guest's own")
    luml_server._running_db().insert(
        "org_members",
        {
            "id": new_id(),
            "organization_id": luml_tenant.organization_id,
            "user_id": other.user_id,
            "role": "member",
            "created_at": now_iso(),
        },
    )
    with make_api(luml_server, other) as http:
        yield Guest(Api(http, luml_tenant), other.user_id)  # the tenant's paths, the guest's key


def join_orbit(server: LocalLuml, guest: Guest, orbit: Orbit, role: str) -> Orbit:
    """Give the guest a role in the orbit; the orbit as the guest sees it."""
    server._running_db().insert(
        "orbit_members",
        {
            "id": new_id(),
            "orbit_id": orbit.id,
            "user_id": guest.user_id,
            "role": role,
            "created_at": now_iso(),
        },
    )
    return orbit.as_user(guest.api)


def test_an_organization_member_outside_the_orbit_may_do_nothing(
    guest: Guest, orbit: Orbit
) -> None:
    as_guest = orbit.as_user(guest.api)
    for tail in ("/tracks", "/secrets", "/satellites", "/deployments"):
        assert detail(as_guest.req("GET", tail), 403) == "Not enough rights"


def test_an_orbit_member_has_the_members_rights(
    luml_server: LocalLuml, guest: Guest, orbit: Orbit
) -> None:
    as_guest = join_orbit(luml_server, guest, orbit, "member")
    track = as_guest.track("by-guest")
    assert as_guest.req("PATCH", f"/tracks/{track['id']}", json={"name": "x"}).status_code == 200
    denied = as_guest.req("DELETE", f"/tracks/{track['id']}")
    assert detail(denied, 403) == "Not enough rights"
    secret = as_guest.ok("POST", "/secrets", json={"name": "k", "value": "v"})
    assert [s["value"] for s in as_guest.ok("GET", "/secrets")] == [""]
    # A member may list and create secrets but not read one: values stay with admins.
    assert detail(as_guest.req("GET", f"/secrets/{secret['id']}"), 403) == "Not enough rights"
    assert orbit.ok("GET", f"/secrets/{secret['id']}")["value"] == "v"
    satellite = as_guest.satellite()
    assert as_guest.ok("GET", f"/satellites/{satellite['id']}")["id"] == satellite["id"]
    rename = as_guest.req("PATCH", f"/satellites/{satellite['id']}", json={"name": "n"})
    assert detail(rename, 403) == "Not enough rights"
    assert detail(as_guest.req("POST", f"/satellites/{satellite['id']}/api-key"), 403)
    assert as_guest.ok("GET", "/deployments") == []


def test_an_orbit_admin_may_do_everything(
    luml_server: LocalLuml, guest: Guest, orbit: Orbit
) -> None:
    as_guest = join_orbit(luml_server, guest, orbit, "admin")
    track = orbit.track()
    assert as_guest.req("DELETE", f"/tracks/{track['id']}").status_code == 204
    secret = orbit.ok("POST", "/secrets", json={"name": "k", "value": "v"})
    assert as_guest.ok("GET", f"/secrets/{secret['id']}")["value"] == "v"
    satellite = orbit.satellite()
    assert as_guest.ok("POST", f"/satellites/{satellite['id']}/api-key")["key"]


def test_an_orbit_of_another_organization_is_not_found(
    luml_server: LocalLuml, api: Api, orbit: Orbit
) -> None:
    stranger = luml_server.create_tenant("Stranger")
    with make_api(luml_server, stranger) as http:
        theirs = Api(http, stranger).orbit()
    answer = api.http.get(f"{api.org}/orbits/{theirs}/tracks")
    assert detail(answer, 404) == "Orbit not found"
    outsider = api.http.get(f"/v1/organizations/{stranger.organization_id}/orbits/{theirs}/tracks")
    assert detail(outsider, 403) == "Not enough rights"


# orbit secrets


def test_secret_values_show_everywhere_but_in_the_list(orbit: Orbit) -> None:
    created = orbit.ok("POST", "/secrets", json={"name": "db", "value": "pw", "tags": ["a"]})
    assert created["value"] == "pw"
    assert orbit.ok("GET", "/secrets")[0]["value"] == ""
    assert orbit.ok("GET", f"/secrets/{created['id']}")["value"] == "pw"
    renamed = orbit.ok("PATCH", f"/secrets/{created['id']}", json={"name": "db2"})
    assert (renamed["name"], renamed["value"], renamed["tags"]) == ("db2", "pw", ["a"])


def test_secret_names_are_unique_per_orbit(api: Api, orbit: Orbit) -> None:
    orbit.ok("POST", "/secrets", json={"name": "db", "value": "1"})
    again = orbit.req("POST", "/secrets", json={"name": "db", "value": "2"})
    assert detail(again, 400) == "Secret with name db already exist in orbit."
    elsewhere = Orbit(api)
    assert elsewhere.ok("POST", "/secrets", json={"name": "db", "value": "3"})["value"] == "3"
    other = orbit.ok("POST", "/secrets", json={"name": "cache", "value": "4"})
    orbit.fails_500("PATCH", f"/secrets/{other['id']}", json={"name": "db"})
    orbit.fails_500("PATCH", f"/secrets/{other['id']}", json={"value": None})
    assert orbit.ok("GET", f"/secrets/{other['id']}")["name"] == "cache"
    foreign = elsewhere.req("GET", f"/secrets/{other['id']}")
    assert detail(foreign, 404) == "Orbit secret not found"


def test_secret_limits_are_the_servers(orbit: Orbit) -> None:
    long_value = orbit.req("POST", "/secrets", json={"name": "v", "value": "x" * 8193})
    assert long_value.status_code == 422
    many_tags = orbit.req("POST", "/secrets", json={"name": "t", "value": "v", "tags": ["a"] * 51})
    assert many_tags.status_code == 422


# satellites and deployments


def test_satellites_are_limited_per_organization(
    api: Api, orbit: Orbit, luml_server: LocalLuml, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(luml_server.limits, "satellites", 2)  # the real server's default
    other = Orbit(api)
    for index in range(2):
        (orbit if index % 2 else other).satellite(f"s{index}")
    over = orbit.req("POST", "/satellites", json={"name": "one too many"})
    assert detail(over, 409) == "Organization reached maximum number of satellites"


def test_satellite_keys_are_shown_once_and_replaced(orbit: Orbit) -> None:
    created = orbit.ok("POST", "/satellites", json={"name": "s"})
    key = created["api_key"]
    satellite_id = created["satellite"]["id"]
    assert key not in orbit.req("GET", f"/satellites/{satellite_id}").text
    assert key not in orbit.req("GET", "/satellites").text
    fresh = orbit.ok("POST", f"/satellites/{satellite_id}/api-key")["key"]
    assert fresh.startswith("dfssat_") and fresh != key


def test_satellite_update_writes_both_fields(orbit: Orbit) -> None:
    satellite = orbit.ok("POST", "/satellites", json={"name": "s", "description": "d"})
    satellite_id = satellite["satellite"]["id"]
    updated = orbit.ok("PATCH", f"/satellites/{satellite_id}", json={"name": "s2"})
    assert (updated["name"], updated["description"]) == ("s2", None)
    orbit.fails_500("PATCH", f"/satellites/{satellite_id}", json={"description": "d"})


def test_deployments_need_the_orbits_satellite_and_artifact(api: Api, orbit: Orbit) -> None:
    other = Orbit(api)
    theirs = other.artifact("theirs")
    satellite = orbit.satellite()
    body = {"name": "d", "satellite_id": satellite["id"], "artifact_id": theirs}
    assert detail(orbit.req("POST", "/deployments", json=body), 404) == "Collection not found"
    body["satellite_id"] = other.satellite()["id"]
    body["artifact_id"] = orbit.artifact()
    assert detail(orbit.req("POST", "/deployments", json=body), 404) == "Satellite not found"
    body["satellite_id"] = satellite["id"]
    body["artifact_id"] = new_id()
    assert detail(orbit.req("POST", "/deployments", json=body), 404) == "Artifact not found"


def test_deployment_update_replaces_every_detail(orbit: Orbit) -> None:
    satellite = orbit.satellite()
    body = {
        "name": "d",
        "satellite_id": satellite["id"],
        "artifact_id": orbit.artifact(),
        "description": "first",
        "tags": ["a"],
    }
    created = orbit.ok("POST", "/deployments", json=body)
    assert (created["schemas"], created["created_by_user"]) == ({}, "Local User")
    path = f"/deployments/{created['id']}"
    updated = orbit.ok("PATCH", path, json={"name": "d2", "dynamic_attributes_secrets": {}})
    assert (updated["name"], updated["description"], updated["tags"]) == ("d2", None, None)
    assert updated["schemas"] is None
    orbit.fails_500("PATCH", path, json={"dynamic_attributes_secrets": {}})  # name NOT NULL
    assert orbit.ok("GET", path)["name"] == "d2"
    # Without dynamic_attributes_secrets the real server stores null there (mirrored): the
    # deployment can no longer be read, listed or force-deleted.
    orbit.fails_500("PATCH", path, json={"name": "d3"})
    orbit.fails_500("GET", path)
    orbit.fails_500("GET", "/deployments")
    orbit.fails_500("DELETE", f"{path}/force")


def test_deployments_list_newest_first_and_leave_by_request_or_force(orbit: Orbit) -> None:
    satellite = orbit.satellite()
    artifact = orbit.artifact()
    ids = [
        orbit.ok(
            "POST",
            "/deployments",
            json={"name": f"d{i}", "satellite_id": satellite["id"], "artifact_id": artifact},
        )["id"]
        for i in range(3)
    ]
    assert [d["id"] for d in orbit.ok("GET", "/deployments")] == ids[::-1]
    task = orbit.ok("DELETE", f"/deployments/{ids[0]}")
    assert (task["type"], task["status"], task["satellite_id"]) == (
        "undeploy",
        "pending",
        satellite["id"],
    )
    assert orbit.ok("GET", f"/deployments/{ids[0]}")["status"] == "deletion_pending"
    assert detail(orbit.req("DELETE", f"/deployments/{ids[0]}"), 409) == (
        "Deployment deletion already pending"
    )
    for deployment_id in ids:
        assert orbit.req("DELETE", f"/deployments/{deployment_id}/force").status_code == 204
    assert orbit.ok("GET", "/deployments") == []
    assert orbit.req("DELETE", f"/satellites/{satellite['id']}").status_code == 204


# tracks and stages


def test_tracks_page_by_keyset_with_the_orbit_as_scope(orbit: Orbit) -> None:
    made = [orbit.track(f"t{i}", tags=["even" if i % 2 == 0 else "odd"])["id"] for i in range(5)]
    first = orbit.ok("GET", "/tracks", params={"limit": 2})
    assert [t["id"] for t in first["items"]] == made[:-3:-1]
    second = orbit.ok("GET", "/tracks", params={"limit": 2, "cursor": first["cursor"]})
    assert [t["id"] for t in second["items"]] == made[-3:-5:-1]
    # The filters are not part of the cursor: it keeps its place in a filtered list.
    filtered = orbit.ok("GET", "/tracks", params={"cursor": first["cursor"], "search": "EVEN"})
    assert [t["id"] for t in filtered["items"]] == [made[2], made[0]]
    # Another sort, or a cursor that does not decode, starts again.
    by_name = orbit.ok(
        "GET", "/tracks", params={"limit": 2, "cursor": first["cursor"], "sort_by": "name"}
    )
    assert [t["name"] for t in by_name["items"]] == ["t4", "t3"]
    garbage = orbit.ok("GET", "/tracks", params={"limit": 2, "cursor": "not a cursor"})
    assert garbage["items"] == first["items"]
    bad = orbit.req("GET", "/tracks", params={"sort_by": "size"})
    assert bad.status_code == 422


def test_tracks_sort_by_total_entries(orbit: Orbit) -> None:
    busy, idle = orbit.track("busy"), orbit.track("idle")
    orbit.entry(busy["id"], orbit.artifact())
    listed = orbit.ok("GET", "/tracks", params={"sort_by": "total_entries"})
    assert [(t["name"], t["total_entries"]) for t in listed["items"]] == [("busy", 1), ("idle", 0)]
    assert idle["next_version"] == 1


def test_track_stages_come_in_order_and_are_unique(orbit: Orbit) -> None:
    track = orbit.track(stages=["dev", "staging", "prod"])
    assert [s["name"] for s in track["stages"]] == ["dev", "staging", "prod"]
    assert len({s["created_at"] for s in track["stages"]}) == 1
    assert orbit.track()["stages"] == []
    dup = orbit.req(
        "POST", "/tracks", json={"name": "d", "artifact_type": "model", "stages": ["a", "a"]}
    )
    assert detail(dup, 409) == "Duplicate stage names are not allowed."
    assert [t["name"] for t in orbit.ok("GET", "/tracks")["items"]] == ["t", "t"]


def test_update_track_syncs_the_stage_list(orbit: Orbit) -> None:
    track = orbit.track(stages=["dev", "prod"])
    dev, prod = track["stages"]
    path = f"/tracks/{track['id']}"
    orbit.entry(track["id"], orbit.artifact(), dev["id"])
    drop_used = orbit.req("PATCH", path, json={"stages": [{"id": prod["id"], "name": "prod"}]})
    assert detail(drop_used, 409) == (
        f"Cannot remove stages that are assigned to a version: 'dev' ({dev['id']})."
    )
    wanted = [{"id": dev["id"], "name": "development"}, {"name": "qa"}]
    updated = orbit.ok("PATCH", path, json={"stages": wanted})
    assert [(s["name"], s["is_used"]) for s in updated["stages"]] == [
        ("development", True),
        ("qa", False),
    ]
    assert updated["stages"][0]["updated_at"] is not None
    assert updated["updated_at"] is None  # only the stages changed
    clash = [{"id": dev["id"], "name": "qa"}, {"name": "qa"}]
    assert detail(orbit.req("PATCH", path, json={"stages": clash}), 409) == (
        "Duplicate stage names are not allowed."
    )
    other = orbit.track("other", stages=["x"])
    foreign = [{"id": other["stages"][0]["id"], "name": "x"}]
    assert detail(orbit.req("PATCH", path, json={"stages": foreign}), 422) == (
        "Stage does not belong to this track."
    )
    keep = [{"id": dev["id"], "name": "development"}, {"name": "only"}]
    orbit.fails_500("PATCH", path, json={"name": None, "stages": keep})  # nothing written
    unchanged = orbit.ok("GET", path)
    assert (unchanged["name"], [s["name"] for s in unchanged["stages"]]) == (
        "t",
        ["development", "qa"],
    )
    renamed = orbit.ok("PATCH", path, json={"name": "t2", "tags": ["x"]})
    assert (renamed["name"], renamed["tags"]) == ("t2", ["x"])
    assert renamed["updated_at"] is not None


def test_deleting_a_track_takes_its_stages_and_entries(orbit: Orbit) -> None:
    track = orbit.track(stages=["dev"])
    artifact = orbit.artifact()
    orbit.entry(track["id"], artifact, track["stages"][0]["id"])
    assert orbit.req("DELETE", f"/tracks/{track['id']}").status_code == 204
    assert detail(orbit.req("GET", f"/tracks/{track['id']}/stages"), 404) == "Track not found"
    again = orbit.track()
    assert orbit.entry(again["id"], artifact)["version"] == 1


# track entries


def test_versions_count_up_and_are_never_reused(orbit: Orbit) -> None:
    track = orbit.track()
    entries = [orbit.entry(track["id"], orbit.artifact(f"m{i}")) for i in range(3)]
    assert [e["version"] for e in entries] == [1, 2, 3]
    orbit.ok("DELETE", f"/tracks/{track['id']}/entries/{entries[2]['id']}")
    assert orbit.entry(track["id"], orbit.artifact("m3"))["version"] == 4
    duplicate = orbit.req(
        "POST", f"/tracks/{track['id']}/entries", json={"artifact_id": entries[0]["artifact_id"]}
    )
    assert detail(duplicate, 409) == "Artifact is already an entry in this track."
    assert orbit.ok("GET", f"/tracks/{track['id']}")["next_version"] == 5


def test_entry_creation_rules(api: Api, orbit: Orbit) -> None:
    track = orbit.track(stages=["dev"])
    (dev,) = track["stages"]
    entries = f"/tracks/{track['id']}/entries"
    theirs = Orbit(api).artifact()
    answer = orbit.req("POST", entries, json={"artifact_id": theirs})
    assert detail(answer, 422) == "Artifact must belong to the same orbit as the track."
    dataset = orbit.artifact(kind="dataset")
    answer = orbit.req("POST", entries, json={"artifact_id": dataset})
    assert detail(answer, 400) == (
        "Artifact type 'dataset' does not match track artifact type 'model'."
    )
    other_stage = orbit.track("o", stages=["x"])["stages"][0]["id"]
    answer = orbit.req(
        "POST", entries, json={"artifact_id": orbit.artifact(), "stage_id": other_stage}
    )
    assert detail(answer, 422) == "Stage does not belong to this track."
    orbit.entry(track["id"], orbit.artifact(), dev["id"])
    answer = orbit.req(
        "POST", entries, json={"artifact_id": orbit.artifact(), "stage_id": dev["id"]}
    )
    assert detail(answer, 409) == "Stage 'dev' is already assigned to v1."
    missing = orbit.req("POST", entries, json={"artifact_id": new_id()})
    assert detail(missing, 404) == "Artifact not found"


def test_moving_entries_between_stages(orbit: Orbit) -> None:
    track = orbit.track(stages=["dev", "prod"])
    dev, prod = (s["id"] for s in track["stages"])
    base = f"/tracks/{track['id']}/entries"
    one = orbit.entry(track["id"], orbit.artifact("a"), dev)
    two = orbit.entry(track["id"], orbit.artifact("b"))
    same = orbit.ok("PATCH", f"{base}/{one['id']}", json={"stage_id": dev})
    assert (same["stage_id"], same["updated_at"]) == (dev, None)  # already there: no change
    # With force the server takes the stage off every holder first, itself included: a change.
    forced_same = orbit.ok(
        "PATCH", f"{base}/{one['id']}", params={"force": "true"}, json={"stage_id": dev}
    )
    assert forced_same["stage_id"] == dev and forced_same["updated_at"] is not None
    taken = orbit.req("PATCH", f"{base}/{two['id']}", json={"stage_id": dev})
    assert detail(taken, 409) == "Stage 'dev' is already assigned to v1. Use force to reassign."
    forced = orbit.ok(
        "PATCH", f"{base}/{two['id']}", params={"force": "true"}, json={"stage_id": dev}
    )
    assert (forced["stage_id"], forced["stage_name"]) == (dev, "dev")
    loser = orbit.ok("GET", f"{base}/{one['id']}")
    assert (loser["stage_id"], loser["stage_name"]) == (None, None)
    assert loser["updated_at"] is not None
    assert orbit.ok("GET", f"{base}/by-stage", params={"stage_id": dev})["id"] == two["id"]
    cleared = orbit.ok("PATCH", f"{base}/{two['id']}", json={})
    assert cleared["stage_id"] is None  # the body is the whole stage: {} takes it off
    orbit.fails_500("GET", f"{base}/by-stage", params={"stage_id": dev})
    unknown = orbit.req("GET", f"{base}/by-stage", params={"stage_id": new_id()})
    assert detail(unknown, 404) == "Stage not found"
    moved = orbit.ok("PATCH", f"{base}/{one['id']}", json={"stage_id": prod})
    assert moved["stage_name"] == "prod"
    stages = orbit.ok("GET", f"/tracks/{track['id']}/stages")
    assert [(s["name"], s["is_used"]) for s in stages] == [("dev", False), ("prod", True)]


def test_entries_belong_to_their_track(orbit: Orbit) -> None:
    track, other = orbit.track(), orbit.track("other")
    entry = orbit.entry(track["id"], orbit.artifact())
    kept = orbit.entry(other["id"], orbit.artifact())
    wrong = f"/tracks/{other['id']}/entries/{entry['id']}"
    assert detail(orbit.req("GET", wrong), 404) == "Entry not found"
    assert detail(orbit.req("PATCH", wrong, json={}), 404) == "Entry not found"
    assert detail(orbit.req("DELETE", wrong), 404) == "Entry not found"
    orbit.fails_500("GET", f"/tracks/{track['id']}/entries/{new_id()}")
    batch = {"entry_ids": [entry["id"], kept["id"], new_id()]}
    assert orbit.req("DELETE", f"/tracks/{track['id']}/entries", json=batch).status_code == 204
    assert orbit.ok("GET", f"/tracks/{track['id']}/entries")["items"] == []
    assert [e["id"] for e in orbit.ok("GET", f"/tracks/{other['id']}/entries")["items"]] == [
        kept["id"]
    ]
    empty = orbit.req("DELETE", f"/tracks/{track['id']}/entries", json={"entry_ids": []})
    assert empty.status_code == 422


def test_entries_sort_filter_and_page(orbit: Orbit) -> None:
    track = orbit.track(stages=["alpha", "beta"])
    alpha, beta = (s["id"] for s in track["stages"])
    made = [
        orbit.entry(track["id"], orbit.artifact("c", description="z"), beta),
        orbit.entry(track["id"], orbit.artifact("a", description=None)),
        orbit.entry(track["id"], orbit.artifact("b", description="y"), alpha),
    ]
    base = f"/tracks/{track['id']}/entries"

    def names(**params: Any) -> list[str]:
        return [e["artifact_name"] for e in orbit.ok("GET", base, params=params)["items"]]

    assert names() == ["b", "a", "c"]
    assert names(sort_by="artifact_name", order="asc") == ["a", "b", "c"]
    assert names(sort_by="stage", order="asc") == ["a", "b", "c"]  # no stage first
    assert names(sort_by="stage", order="desc") == ["c", "b", "a"]
    assert names(sort_by="description", order="asc") == ["a", "b", "c"]
    assert names(stage=beta) == ["c"]
    page = orbit.ok("GET", base, params={"sort_by": "version", "order": "asc", "limit": 2})
    assert [e["version"] for e in page["items"]] == [1, 2]
    rest = orbit.ok(
        "GET",
        base,
        params={"sort_by": "version", "order": "asc", "limit": 2, "cursor": page["cursor"]},
    )
    assert ([e["id"] for e in rest["items"]], rest["cursor"]) == ([made[2]["id"]], None)


def test_an_orbits_deletion_takes_its_registry_with_it(api: Api, orbit: Orbit) -> None:
    track = orbit.track(stages=["dev"])
    artifact = orbit.artifact()
    orbit.entry(track["id"], artifact, track["stages"][0]["id"])
    satellite = orbit.satellite()
    orbit.ok(
        "POST",
        "/deployments",
        json={"name": "d", "satellite_id": satellite["id"], "artifact_id": artifact},
    )
    orbit.ok("POST", "/secrets", json={"name": "k", "value": "v"})
    assert api.http.delete(orbit.path).status_code == 204
    assert detail(api.http.get(orbit.path + "/tracks"), 404) == "Orbit not found"


def test_track_update_and_delete_find_the_track_by_id_only(api: Api, orbit: Orbit) -> None:
    # The real server checks the caller's rights in the orbit of the path, then updates or
    # deletes the track by its id without checking that the track is in that orbit (reads and
    # entries do check). Mirrored, so a client cannot pass here and fail there.
    other = Orbit(api)
    theirs = other.track("theirs")
    assert detail(orbit.req("GET", f"/tracks/{theirs['id']}"), 404) == "Track not found"
    renamed = orbit.ok("PATCH", f"/tracks/{theirs['id']}", json={"name": "moved?"})
    assert (renamed["name"], renamed["orbit_id"]) == ("moved?", other.id)
    assert orbit.req("DELETE", f"/tracks/{theirs['id']}").status_code == 204
    assert detail(other.req("GET", f"/tracks/{theirs['id']}"), 404) == "Track not found"


def test_an_artifact_in_a_track_or_a_deployment_is_not_deleted(orbit: Orbit) -> None:
    artifact = orbit.artifact()
    base = f"{orbit.api.artifacts_path(orbit.id, orbit.collection)}/{artifact}"
    satellite = orbit.satellite()
    deployment = orbit.ok(
        "POST",
        "/deployments",
        json={"name": "d", "satellite_id": satellite["id"], "artifact_id": artifact},
    )
    in_deployment = orbit.api.http.get(f"{base}/delete-url")
    assert detail(in_deployment, 409) == "Cannot delete artifact because it is used in deployments."
    track = orbit.track()
    entry = orbit.entry(track["id"], artifact)
    in_track = (
        "Artifact is referenced by one or more tracks. Remove it from all tracks before deleting."
    )
    assert detail(orbit.api.http.delete(f"{base}/force"), 409) == in_track
    assert detail(orbit.api.http.delete(base), 409) == in_track
    orbit.ok("DELETE", f"/tracks/{track['id']}/entries/{entry['id']}")
    # Forcing takes the artifact's deployments with it, as the server does.
    assert orbit.api.http.delete(f"{base}/force").status_code == 204
    gone = orbit.req("GET", f"/deployments/{deployment['id']}")
    assert detail(gone, 404) == "Deployment not found"


def test_paired_satellites_show_their_status(luml_server: LocalLuml, orbit: Orbit) -> None:
    fresh, stale, idle = (orbit.satellite(name) for name in ("fresh", "stale", "idle"))
    luml_server.pair_satellite(fresh["id"], {"deploy": None, "monitoring": {"port": 9}})
    an_hour_ago = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    luml_server.pair_satellite(stale["id"], last_seen_at=an_hour_ago, slug="s")
    paired = orbit.ok("GET", "/satellites", params={"paired": "true"})
    assert [(s["name"], s["status"]) for s in paired] == [("fresh", "active"), ("stale", "error")]
    assert paired[0]["capabilities"] == {"deploy": None, "monitoring": {"port": 9}}
    assert paired[1]["base_url"] == "http://satellite.local:8000"
    unpaired = orbit.ok("GET", "/satellites", params={"paired": "false"})
    assert [(s["id"], s["status"], s["capabilities"]) for s in unpaired] == [
        (idle["id"], "inactive", {})
    ]


def test_an_unhandled_error_500_drops_the_connection(orbit: Orbit, luml_server: LocalLuml) -> None:
    # As on the real server: no `Connection: close` in the answer, then the connection is gone,
    # so a request sent next on it is reset.
    track = orbit.track(stages=["dev"])
    url = httpx.URL(luml_server.url)
    headers = dict(orbit.api.http.headers)
    path = f"{orbit.path}/tracks/{track['id']}"
    connection = http.client.HTTPConnection(url.host, url.port, timeout=30)
    try:
        connection.request(
            "GET", f"{path}/entries/by-stage?stage_id={track['stages'][0]['id']}", headers=headers
        )
        answer = connection.getresponse()
        assert (answer.status, answer.read()) == (500, b"Internal Server Error")
        assert answer.getheader("connection") is None
        assert answer.getheader("x-luml-local-drop-connection") is None
        with pytest.raises((ConnectionError, http.client.HTTPException)):
            connection.request("GET", path, headers=headers)
            connection.getresponse().read()
    finally:
        connection.close()
    assert orbit.ok("GET", f"/tracks/{track['id']}")["id"] == track["id"]
