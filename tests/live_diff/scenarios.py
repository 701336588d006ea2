"""The scenarios: raw HTTP requests, written from the real server's routes, handlers and
schemas (luml-ai/luml backend/luml/api, handlers, schemas), success and error paths.

Each scenario runs on one Target at a time, in the order of SCENARIOS; later scenarios use the
ids earlier ones kept (``{org}``, ``{orbit}``, ``{coll}``, ...). Everything lives in an
organization the first scenario creates and the last one deletes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .target import NIL, Target

Scenario = Callable[[Target], None]
SCENARIOS: list[tuple[str, Scenario]] = []

ORG = "/v1/organizations/{org}"
ORBIT = ORG + "/orbits/{orbit}"
COLL = ORBIT + "/collections/{coll}"
ART = COLL + "/artifacts/{art}"
TRACK = ORBIT + "/tracks/{track}"
LONG = "x" * 101
LONG_TAG = "t" * 65
NIL_PATH = "/" + NIL


def scenario(group: str) -> Callable[[Scenario], Scenario]:
    """Register a scenario under ``group: function name``."""

    def register(function: Scenario) -> Scenario:
        SCENARIOS.append((f"{group}: {function.__name__}", function))
        return function

    return register


def manifest(artifact_type: str = "model", **changes: Any) -> dict[str, Any]:
    """A LUML artifact manifest (the form the real server reads the type from)."""
    found: dict[str, Any] = {
        "artifact_type": artifact_type,
        "variant": "pipeline",
        "name": "model",
        "version": "1.0",
        "description": None,
        "producer_name": "live-diff",
        "producer_version": "1",
        "producer_tags": ["t"],
        "payload": {},
    }
    found.update(changes)
    return {key: value for key, value in found.items() if value is not ...}


MODEL_FILES = ["dtypes.json", "env.json", "manifest.json", "meta.json", "ops.json"]
LEGACY_MANIFEST = {
    "variant": "pipeline",
    "producer_name": "live-diff",
    "producer_version": "1",
    "producer_tags": [],
    "inputs": [],
    "outputs": [],
    "dynamic_attributes": [],
    "env_vars": [],
}
CONTENT = b"live-diff artifact bytes"


def artifact(name: str | None = "model-1", **changes: Any) -> dict[str, Any]:
    """An artifact create body (CONTENT's size and index)."""
    body: dict[str, Any] = {
        "file_name": "model.luml",
        "name": name,
        "description": "made by live-diff",
        "extra_values": {"F1": 0.9},
        "manifest": manifest(),
        "file_hash": "ab" * 32,
        "file_index": {"manifest.json": [0, len(CONTENT)]},
        "size": len(CONTENT),
        "tags": ["live"],
    }
    if name is None:
        del body["name"]
    body.update(changes)
    return body


def s3_secret(t: Target, **changes: Any) -> dict[str, Any]:
    """An S3 bucket secret body for this target's storage."""
    body = {
        "type": "s3",
        "endpoint": f"http://{t.endpoint}",
        "bucket_name": t.bucket,
        "secure": False,
        "region": "us-east-1",
    }
    body.update(changes)
    return body


# organizations and authentication


@scenario("organizations")
def create_organization(t: Target) -> None:
    t.call(
        "create", "POST", "/v1/organizations", json={"name": "live-diff"}, auth="jwt", keep="org"
    )
    t.call("get", "GET", ORG, auth="jwt")
    t.call("my organizations", "GET", "/v1/users/me/organizations")


@scenario("organizations")
def organization_refuses_api_key(t: Target) -> None:
    t.call("get by api key", "GET", ORG)
    t.call("patch by api key", "PATCH", ORG, json={"name": "x"})


@scenario("organizations")
def organization_name_too_long(t: Target) -> None:
    t.call("create", "POST", "/v1/organizations", json={"name": LONG}, auth="jwt")
    t.call("patch", "PATCH", ORG, json={"name": LONG}, auth="jwt")


@scenario("organizations")
def organization_update(t: Target) -> None:
    t.call("rename", "PATCH", ORG, json={"name": "live-diff-2"}, auth="jwt")
    t.call("rename back", "PATCH", ORG, json={"name": "live-diff"}, auth="jwt")


@scenario("organizations")
def organization_bad_and_unknown_ids(t: Target) -> None:
    t.call("not a uuid", "GET", "/v1/organizations/not-a-uuid", auth="jwt")
    t.call("unknown", "GET", "/v1/organizations" + NIL_PATH, auth="jwt")


@scenario("organizations")
def organization_members_and_invitations(t: Target) -> None:
    t.call("members", "GET", ORG + "/members", auth="jwt")
    t.call("invitations", "GET", ORG + "/invitations", auth="jwt")
    bad = {"email": "not-an-email", "role": "member", "organization_id": t.id("org")}
    t.call("invite bad e-mail", "POST", ORG + "/invitations", json=bad, auth="jwt")
    t.call("members by api key", "GET", ORG + "/members")


@scenario("auth")
def missing_or_wrong_credentials(t: Target) -> None:
    path = "/v1/users/me/organizations"
    t.call("no header", "GET", path, auth="none")
    t.call("basic scheme", "GET", path, auth="Basic dXNlcjpwYXNz")
    t.call("unknown api key", "GET", path, auth="Bearer dfs_nope")
    t.call("unknown jwt", "GET", path, auth="Bearer nope.nope.nope")


@scenario("auth")
def api_key_as_cookie(t: Target) -> None:
    cookie = {"access_token": t.api_key}
    t.call("api key cookie", "GET", "/v1/users/me/organizations", auth="none", cookies=cookie)


@scenario("auth")
def validate_api_key(t: Target) -> None:
    t.call("by api key", "GET", "/v1/auth/api-keys/validate")
    t.call("by jwt", "GET", "/v1/auth/api-keys/validate", auth="jwt")
    t.call("create api key by api key", "POST", "/v1/users/me/api-keys")


@scenario("auth")
def trailing_slash(t: Target) -> None:
    t.call("redirect", "GET", "/v1/users/me/organizations/")


@scenario("users")
def my_invitations(t: Target) -> None:
    t.call("by jwt", "GET", "/v1/users/me/invitations", auth="jwt")
    t.call("by api key", "GET", "/v1/users/me/invitations")
    t.call("accept unknown", "POST", "/v1/users/me/invitations" + NIL_PATH + "/accept", auth="jwt")


# bucket secrets


@scenario("bucket secrets")
def create_bucket_secret(t: Target) -> None:
    t.call("create", "POST", ORG + "/bucket-secrets", json=s3_secret(t), keep="secret")
    t.call("list", "GET", ORG + "/bucket-secrets")
    t.call("get", "GET", ORG + "/bucket-secrets/{secret}")


@scenario("bucket secrets")
def bucket_secret_unknown_type(t: Target) -> None:
    body = {"type": "gcs", "endpoint": "e", "bucket_name": "b"}
    t.call("gcs", "POST", ORG + "/bucket-secrets", json=body)
    t.call("no type", "POST", ORG + "/bucket-secrets", json={"endpoint": "e", "bucket_name": "b"})


@scenario("bucket secrets")
def bucket_secret_missing_fields(t: Target) -> None:
    body = {"type": "s3", "endpoint": "e"}
    t.call("s3 without bucket and region", "POST", ORG + "/bucket-secrets", json=body)
    t.call("wrong field type", "POST", ORG + "/bucket-secrets", json=s3_secret(t, secure="maybe"))


@scenario("bucket secrets")
def azure_secret_short_account(t: Target) -> None:
    body = {"type": "azure", "endpoint": "AccountName=a;AccountKey=b", "bucket_name": "c"}
    t.call("create", "POST", ORG + "/bucket-secrets", json=body, keep="azure")
    t.call("delete", "DELETE", ORG + "/bucket-secrets/{azure}")


@scenario("bucket secrets")
def bucket_secret_partial_update(t: Target) -> None:
    body = s3_secret(t, bucket_name="scratch-bucket")
    t.call("create", "POST", ORG + "/bucket-secrets", json=body, keep="scratch")
    t.call("patch region only", "PATCH", ORG + "/bucket-secrets/{scratch}", json={"region": "eu-1"})
    t.call("get after", "GET", ORG + "/bucket-secrets/{scratch}")
    t.call("patch all", "PATCH", ORG + "/bucket-secrets/{scratch}", json=s3_secret(t))
    t.call("delete", "DELETE", ORG + "/bucket-secrets/{scratch}")


@scenario("bucket secrets")
def bucket_secret_unknown(t: Target) -> None:
    t.call("get", "GET", ORG + "/bucket-secrets" + NIL_PATH)
    t.call("delete", "DELETE", ORG + "/bucket-secrets" + NIL_PATH)
    t.call("urls of unknown", "POST", ORG + "/bucket-secrets" + NIL_PATH + "/urls", json={})


@scenario("bucket secrets")
def multipart_without_upload_id(t: Target) -> None:
    body = {"bucket_id": t.id("secret"), "bucket_location": "x/y.bin", "size": 600 * 2**20}
    t.call("no upload_id", "POST", "/v1/bucket-secrets/upload/multipart", json=body)


# orbits


@scenario("orbits")
def create_orbit(t: Target) -> None:
    body = {"name": "live-diff-orbit", "bucket_secret_id": t.id("secret")}
    t.call("create", "POST", ORG + "/orbits", json=body, keep="orbit")
    t.call("second orbit", "POST", ORG + "/orbits", json={**body, "name": "second"})


@scenario("orbits")
def orbit_name_too_long(t: Target) -> None:
    body = {"name": LONG, "bucket_secret_id": t.id("secret")}
    t.call("create", "POST", ORG + "/orbits", json=body)
    t.call("patch", "PATCH", ORBIT, json={"name": LONG})


@scenario("orbits")
def orbit_reads(t: Target) -> None:
    t.call("list", "GET", ORG + "/orbits")
    t.call("get", "GET", ORBIT)
    t.call("members", "GET", ORBIT + "/members", auth="jwt")


@scenario("orbits")
def orbit_update(t: Target) -> None:
    t.call("rename", "PATCH", ORBIT, json={"name": "live-diff-orbit-2"})
    t.call("rename back", "PATCH", ORBIT, json={"name": "live-diff-orbit"})


@scenario("orbits")
def orbit_unknown(t: Target) -> None:
    t.call("get", "GET", ORG + "/orbits" + NIL_PATH)
    t.call("bad uuid", "GET", ORG + "/orbits/nope")


@scenario("orbits")
def orbit_unknown_bucket_secret(t: Target) -> None:
    t.call("patch", "PATCH", ORBIT, json={"bucket_secret_id": NIL})


@scenario("bucket secrets")
def bucket_secret_in_use(t: Target) -> None:
    t.call("delete", "DELETE", ORG + "/bucket-secrets/{secret}")


# collections


@scenario("collections")
def create_collection(t: Target) -> None:
    body = {"name": "models", "description": "d", "type": "model", "tags": ["a"]}
    t.call("create", "POST", ORBIT + "/collections", json=body, keep="coll")
    t.call("get", "GET", COLL)
    t.call("list", "GET", ORBIT + "/collections")


@scenario("collections")
def collection_too_long(t: Target) -> None:
    body = {"name": LONG, "description": "d", "type": "model"}
    t.call("name", "POST", ORBIT + "/collections", json=body)
    body = {"name": "c", "description": "d", "type": "model", "tags": [LONG_TAG]}
    t.call("tag", "POST", ORBIT + "/collections", json=body)
    t.call("patch tag", "PATCH", COLL, json={"name": "models", "tags": ["ok", LONG_TAG]})


@scenario("collections")
def collection_bad_body(t: Target) -> None:
    t.call("bad type", "POST", ORBIT + "/collections", json={"name": "c", "type": "nope"})
    t.call("not an object", "POST", ORBIT + "/collections", json=["x"])
    t.call("not json", "POST", ORBIT + "/collections", content=b"{nope")


@scenario("collections")
def collection_list_paging(t: Target) -> None:
    t.call("garbage cursor", "GET", ORBIT + "/collections", params={"cursor": "garbage"})
    t.call("limit 0", "GET", ORBIT + "/collections", params={"limit": 0})
    t.call("limit 101", "GET", ORBIT + "/collections", params={"limit": 101})
    t.call("limit text", "GET", ORBIT + "/collections", params={"limit": "ten"})
    t.call("bad order", "GET", ORBIT + "/collections", params={"order": "up"})


@scenario("collections")
def collection_update_all(t: Target) -> None:
    body = {"name": "models", "description": "d2", "tags": ["a", "b"]}
    t.call("patch all", "PATCH", COLL, json=body)


@scenario("collections")
def collection_partial_update(t: Target) -> None:
    t.call("tags only", "PATCH", COLL, json={"tags": ["c"]})
    t.call("description only", "PATCH", COLL, json={"description": "d3"})
    t.call("get after", "GET", COLL)


@scenario("collections")
def collection_scratch_delete(t: Target) -> None:
    body = {"name": "scratch", "description": "", "type": "dataset"}
    t.call("create", "POST", ORBIT + "/collections", json=body, keep="scoll")
    t.call("delete", "DELETE", ORBIT + "/collections/{scoll}")
    t.call("get deleted", "GET", ORBIT + "/collections/{scoll}")


# artifacts


@scenario("artifacts")
def create_and_upload_artifact(t: Target) -> None:
    made = t.call(
        "create",
        "POST",
        COLL + "/artifacts",
        json=artifact(),
        keep="art",
        keep_from=lambda body: body["artifact"]["id"],
    )
    if made.status_code == 200:
        t.put_bytes(made.json()["upload_details"]["url"], CONTENT)
    t.call("uploaded", "PATCH", ART, json={"status": "uploaded"})
    t.call("get", "GET", ART)


@scenario("artifacts")
def artifact_manifest_validation(t: Target) -> None:
    t.call("empty manifest", "POST", COLL + "/artifacts", json=artifact(manifest={}))
    no_producer = manifest(producer_name=...)
    t.call("no producer_name", "POST", COLL + "/artifacts", json=artifact(manifest=no_producer))
    t.call("manifest not an object", "POST", COLL + "/artifacts", json=artifact(manifest="m"))


@scenario("artifacts")
def artifact_legacy_manifest(t: Target) -> None:
    index = {name: [0, 1] for name in [*MODEL_FILES, "variant_config.json"]}
    body = artifact(manifest=LEGACY_MANIFEST, file_index=index)
    t.call(
        "create",
        "POST",
        COLL + "/artifacts",
        json=body,
        keep="legacy",
        keep_from=lambda b: b["artifact"]["id"],
    )
    t.call("force delete", "DELETE", COLL + "/artifacts/{legacy}/force")
    index = {name: [0, 1] for name in MODEL_FILES}
    body = artifact(manifest=LEGACY_MANIFEST, file_index=index)
    t.call("type not found", "POST", COLL + "/artifacts", json=body)


@scenario("artifacts")
def artifact_without_name(t: Target) -> None:
    t.call("create", "POST", COLL + "/artifacts", json=artifact(name=None))


@scenario("artifacts")
def artifact_bad_fields(t: Target) -> None:
    t.call(
        "file name without extension", "POST", COLL + "/artifacts", json=artifact(file_name="model")
    )
    t.call("negative size", "POST", COLL + "/artifacts", json=artifact(size=-1))
    t.call("too big", "POST", COLL + "/artifacts", json=artifact(size=6 * 2**40))
    t.call("type mismatch", "POST", COLL + "/artifacts", json=artifact(type="dataset"))
    t.call(
        "dataset manifest in model collection",
        "POST",
        COLL + "/artifacts",
        json=artifact(manifest=manifest("dataset")),
    )
    t.call(
        "unknown manifest type",
        "POST",
        COLL + "/artifacts",
        json=artifact(manifest=manifest("weights")),
    )


@scenario("artifacts")
def artifact_list(t: Target) -> None:
    path = ORBIT + "/artifacts"
    t.call("list", "GET", path)
    t.call("in collection", "GET", path, params={"collection_ids": t.id("coll")})
    t.call("garbage cursor", "GET", path, params={"cursor": "garbage"})
    t.call("sort by metric", "GET", path, params={"sort_by": "F1"})
    t.call("sort by unknown", "GET", path, params={"sort_by": "nope"})
    t.call("by type", "GET", path, params={"types": "dataset"})
    t.call("bad type", "GET", path, params={"types": "weights"})
    t.call("search", "GET", path, params={"search": "model"})


@scenario("artifacts")
def artifact_status_changes(t: Target) -> None:
    t.call("bogus status", "PATCH", ART, json={"status": "pending_deletion"})
    t.call("uploaded again", "PATCH", ART, json={"status": "uploaded"})
    t.call("rename", "PATCH", ART, json={"name": "model-1b", "tags": ["x"]})
    t.call("tag too long", "PATCH", ART, json={"tags": [LONG_TAG]})


@scenario("artifacts")
def artifact_urls(t: Target) -> None:
    t.call("download url", "GET", ART + "/download-url")
    t.call("confirm delete without url", "DELETE", ART)
    t.call("unknown", "GET", COLL + "/artifacts" + NIL_PATH)


@scenario("artifacts")
def artifact_delete_flow(t: Target) -> None:
    made = t.call(
        "create",
        "POST",
        COLL + "/artifacts",
        json=artifact("to-delete"),
        keep="dart",
        keep_from=lambda body: body["artifact"]["id"],
    )
    if made.status_code == 200:
        t.put_bytes(made.json()["upload_details"]["url"], CONTENT)
    path = COLL + "/artifacts/{dart}"
    t.call("upload failed", "PATCH", path, json={"status": "upload_failed"})
    t.call("failed -> uploaded", "PATCH", path, json={"status": "uploaded"})
    t.call("delete url", "GET", path + "/delete-url")
    t.call("get pending deletion", "GET", path)
    t.call("confirm", "DELETE", path)
    t.call("get deleted", "GET", path)


# tracks and entries


@scenario("tracks")
def create_track(t: Target) -> None:
    body = {"name": "prod-line", "artifact_type": "model", "stages": ["dev", "prod"]}
    t.call("create", "POST", ORBIT + "/tracks", json=body, keep="track")
    stages = t.call("stages", "GET", TRACK + "/stages")
    if stages.status_code == 200 and stages.json():
        t.ids["stage"] = stages.json()[0]["id"]
    t.call("get", "GET", TRACK)
    t.call("list", "GET", ORBIT + "/tracks")


@scenario("tracks")
def track_bad_bodies(t: Target) -> None:
    t.call("bad type", "POST", ORBIT + "/tracks", json={"name": "x", "artifact_type": "w"})
    t.call("no name", "POST", ORBIT + "/tracks", json={"artifact_type": "model"})
    t.call("unknown", "GET", ORBIT + "/tracks" + NIL_PATH)
    t.call("garbage cursor", "GET", ORBIT + "/tracks", params={"cursor": "garbage"})


@scenario("tracks")
def track_update(t: Target) -> None:
    t.call("rename", "PATCH", TRACK, json={"name": "prod-line-2", "tags": ["x"]})


@scenario("entries")
def track_entries(t: Target) -> None:
    body = {"artifact_id": t.id("art"), "stage_id": t.id("stage")}
    t.call("create", "POST", TRACK + "/entries", json=body, keep="entry")
    t.call("again", "POST", TRACK + "/entries", json=body)
    t.call("list", "GET", TRACK + "/entries")
    t.call("by stage", "GET", TRACK + "/entries/by-stage", params={"stage_id": t.id("stage")})
    t.call("get", "GET", TRACK + "/entries/{entry}")
    t.call("off stage", "PATCH", TRACK + "/entries/{entry}", json={"stage_id": None})


@scenario("entries")
def artifact_counts_tracks(t: Target) -> None:
    t.call("artifact with track", "GET", ART)
    t.call("list with track", "GET", ORBIT + "/artifacts")
    t.call("excluded track", "GET", ORBIT + "/artifacts", params={"excluded_tracks": t.id("track")})


@scenario("entries")
def entries_bad(t: Target) -> None:
    t.call("unknown artifact", "POST", TRACK + "/entries", json={"artifact_id": NIL})
    t.call("bad uuid", "POST", TRACK + "/entries", json={"artifact_id": "nope"})
    t.call("delete none", "DELETE", TRACK + "/entries", json={"entry_ids": []})


# orbit secrets


@scenario("orbit secrets")
def orbit_secret_lifecycle(t: Target) -> None:
    path = ORBIT + "/secrets"
    t.call(
        "create", "POST", path, json={"name": "TOKEN", "value": "v", "tags": ["a"]}, keep="osecret"
    )
    t.call("list", "GET", path)
    t.call("get", "GET", path + "/{osecret}")
    t.call("patch", "PATCH", path + "/{osecret}", json={"value": "w"})
    t.call("duplicate", "POST", path, json={"name": "TOKEN", "value": "v"})


@scenario("orbit secrets")
def orbit_secret_bad(t: Target) -> None:
    path = ORBIT + "/secrets"
    t.call("tag too long", "POST", path, json={"name": "A", "value": "v", "tags": [LONG_TAG]})
    t.call("no value", "POST", path, json={"name": "A"})
    t.call("unknown", "GET", path + NIL_PATH)


# satellites and deployments


@scenario("satellites")
def create_satellite(t: Target) -> None:
    made = t.call(
        "create",
        "POST",
        ORBIT + "/satellites",
        json={"name": "sat-1"},
        keep="sat",
        keep_from=lambda body: body["satellite"]["id"],
    )
    if made.status_code == 200:
        t.ids["satkey"] = made.json()["api_key"]
    t.call("list", "GET", ORBIT + "/satellites")
    t.call("get", "GET", ORBIT + "/satellites/{sat}")
    t.call("orbit counts it", "GET", ORBIT)


@scenario("satellites")
def satellite_key_on_user_route(t: Target) -> None:
    t.call("my organizations", "GET", "/v1/users/me/organizations", auth="sat")
    t.call("orbit", "GET", ORBIT, auth="sat")


@scenario("satellites")
def satellite_update(t: Target) -> None:
    t.call("patch", "PATCH", ORBIT + "/satellites/{sat}", json={"name": "sat-1b"})
    t.call("name too long", "PATCH", ORBIT + "/satellites/{sat}", json={"name": LONG})
    t.call("unknown", "GET", ORBIT + "/satellites" + NIL_PATH)
    t.call("list paired", "GET", ORBIT + "/satellites", params={"paired": "true"})


@scenario("deployments")
def create_deployment(t: Target) -> None:
    if "sat" in t.ids and "satkey" in t.ids:
        t.pair(t.ids["sat"], t.ids["satkey"])
    body = {
        "satellite_id": t.id("sat"),
        "artifact_id": t.id("art"),
        "name": "dep-1",
        "satellite_parameters": {},
        "tags": ["a"],
    }
    t.call("create", "POST", ORBIT + "/deployments", json=body, keep="dep")
    t.call("list", "GET", ORBIT + "/deployments")
    t.call("get", "GET", ORBIT + "/deployments/{dep}")
    t.call("artifact counts it", "GET", ART)


@scenario("deployments")
def deployment_bad(t: Target) -> None:
    body = {"satellite_id": t.id("sat"), "artifact_id": NIL, "name": "d"}
    t.call("unknown artifact", "POST", ORBIT + "/deployments", json=body)
    t.call("name too long", "POST", ORBIT + "/deployments", json={**body, "name": LONG})
    t.call("unknown", "GET", ORBIT + "/deployments" + NIL_PATH)


@scenario("deployments")
def deployment_full_update(t: Target) -> None:
    body = {"name": "dep-1", "description": "x", "dynamic_attributes_secrets": {}}
    t.call("patch", "PATCH", ORBIT + "/deployments/{dep}", json=body)


@scenario("deployments")
def deployment_partial_update(t: Target) -> None:
    t.call("patch name only", "PATCH", ORBIT + "/deployments/{dep}", json={"name": "dep-2"})
    t.call("get after", "GET", ORBIT + "/deployments/{dep}")
    t.call("list after", "GET", ORBIT + "/deployments")


@scenario("satellites")
def satellite_regenerate_key(t: Target) -> None:
    made = t.call("regenerate", "POST", ORBIT + "/satellites/{sat}/api-key")
    if made.status_code == 200:
        t.ids["satkey"] = made.json()["key"]


@scenario("bucket secrets")
def azure_secret_refuses_s3_fields(t: Target) -> None:
    body = {"type": "azure", "endpoint": "AccountName=acct;AccountKey=a2V5", "bucket_name": "c"}
    t.call("create", "POST", ORG + "/bucket-secrets", json=body, keep="azure2")
    path = ORG + "/bucket-secrets/{azure2}"
    t.call("region", "PATCH", path, json={"region": "eu", "secure": True})
    t.call("delete", "DELETE", path)


@scenario("bucket secrets")
def azure_connection_urls(t: Target) -> None:
    for label, endpoint in [
        ("signable", "AccountName=x;AccountKey=c2VjcmV0"),
        ("key not base64", "AccountName=x;AccountKey=b"),
        ("empty key", "AccountName=x;AccountKey="),
        ("no account name", "AccountKey=c2VjcmV0"),
        ("not a connection string", "garbage"),
        ("no key", "AccountName=x"),
    ]:
        body = {"type": "azure", "endpoint": endpoint, "bucket_name": "c"}
        t.call(label, "POST", "/v1/bucket-secrets/urls", json=body)


@scenario("orbit secrets")
def orbit_secret_too_long(t: Target) -> None:
    path = ORBIT + "/secrets"
    t.call("name", "POST", path, json={"name": "N" * 256, "value": "v"})
    t.call("too many tags", "POST", path, json={"name": "A", "value": "v", "tags": ["t"] * 51})


@scenario("tracks")
def track_stages_update(t: Target) -> None:
    stages = [{"id": t.id("stage"), "name": "dev"}, {"name": "canary"}, {"name": "prod"}]
    t.call("stages", "PATCH", TRACK, json={"stages": stages})
    t.call("list stages", "GET", TRACK + "/stages")
    t.call(
        "duplicate stage names",
        "POST",
        ORBIT + "/tracks",
        json={"name": "x", "artifact_type": "model", "stages": ["a", "a"]},
    )


@scenario("entries")
def entries_listing(t: Target) -> None:
    t.call("by unknown stage", "GET", TRACK + "/entries/by-stage", params={"stage_id": NIL})
    t.call("limit 0", "GET", TRACK + "/entries", params={"limit": 0})
    t.call("unknown entry", "GET", TRACK + "/entries" + NIL_PATH)


@scenario("deployments")
def deployment_bad_secret_reference(t: Target) -> None:
    body = {
        "satellite_id": t.id("sat"),
        "artifact_id": t.id("art"),
        "name": "d",
        "env_variables_secrets": {"TOKEN": NIL},
    }
    t.call("unknown secret", "POST", ORBIT + "/deployments", json=body)
    t.call(
        "unknown satellite",
        "POST",
        ORBIT + "/deployments",
        json={"satellite_id": NIL, "artifact_id": t.id("art"), "name": "d"},
    )


@scenario("collections")
def collection_list_filters(t: Target) -> None:
    path = ORBIT + "/collections"
    t.call("by type", "GET", path, params={"types": "model"})
    t.call("bad type", "GET", path, params={"types": "weights"})
    t.call("sort by name asc", "GET", path, params={"sort_by": "name", "order": "asc"})
    t.call("search", "GET", path, params={"search": "mod"})


# clean up (compared too)


@scenario("clean up")
def delete_deployment_and_satellite(t: Target) -> None:
    t.call("force delete deployment", "DELETE", ORBIT + "/deployments/{dep}/force")
    t.call("delete satellite", "DELETE", ORBIT + "/satellites/{sat}")


@scenario("clean up")
def delete_entries_and_track(t: Target) -> None:
    t.call("delete entries", "DELETE", TRACK + "/entries", json={"entry_ids": [t.id("entry")]})
    t.call("delete track", "DELETE", TRACK)
    t.call("get deleted track", "GET", TRACK)


@scenario("clean up")
def delete_secret_artifact_collection(t: Target) -> None:
    t.call("delete orbit secret", "DELETE", ORBIT + "/secrets/{osecret}")
    t.call("force delete artifact", "DELETE", ART + "/force")
    t.call("delete collection", "DELETE", COLL)


@scenario("clean up")
def delete_orbit_and_organization(t: Target) -> None:
    t.call("delete orbit", "DELETE", ORBIT)
    t.call("delete bucket secret", "DELETE", ORG + "/bucket-secrets/{secret}")
    t.call("delete organization", "DELETE", ORG, auth="jwt")
    t.call("get deleted organization", "GET", ORG, auth="jwt")


def clean_up(t: Target) -> None:
    """Delete whatever the scenarios left (after a crash); answers are not compared."""
    if "org" not in t.ids:
        return
    for template in (
        ORBIT + "/deployments/{dep}/force",
        ORBIT + "/satellites/{sat}",
        TRACK,
        ART + "/force",
        COLL + "/artifacts/{dart}/force",
        COLL + "/artifacts/{legacy}/force",
        ORBIT + "/collections/{scoll}",
        COLL,
        ORBIT,
        ORG + "/bucket-secrets/{scratch}",
        ORG + "/bucket-secrets/{azure}",
        ORG + "/bucket-secrets/{secret}",
    ):
        t.quiet("DELETE", template)
    t.quiet("DELETE", ORG, auth="jwt")
