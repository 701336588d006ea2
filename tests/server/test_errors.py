"""Error statuses and bodies: auth, validation (422), 400/404/409 with the server's messages."""

from __future__ import annotations

import uuid

import httpx
import pytest

from luml_facade.testing import LocalLuml, artifact_manifest

from .conftest import FNNX_INDEX, LEGACY_MANIFEST, Api

NIL = str(uuid.UUID(int=1))


def detail(response: httpx.Response, status: int) -> object:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()["detail"]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer dfs_unknown"},
        {"Authorization": "Basic abc"},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer not-a-session"},
    ],
)
def test_unauthenticated(luml_server: LocalLuml, headers: dict[str, str]) -> None:
    response = httpx.get(f"{luml_server.url}/v1/users/me/organizations", headers=headers)
    assert detail(response, 401) == "Not authenticated"


def test_unauthenticated_before_validation(luml_server: LocalLuml) -> None:
    response = httpx.get(f"{luml_server.url}/v1/organizations/not-a-uuid/orbits")
    assert detail(response, 401) == "Not authenticated"


def test_foreign_organization(api: Api, luml_server: LocalLuml) -> None:
    other = luml_server.create_tenant("Other")
    for path in ("orbits", "bucket-secrets"):
        response = api.http.get(f"/v1/organizations/{other.organization_id}/{path}")
        assert detail(response, 403) == "Not enough rights"
    response = api.http.get(f"/v1/organizations/{NIL}/orbits")
    assert detail(response, 403) == "Not enough rights"
    body = {
        "bucket_id": other.bucket_secret_id,
        "bucket_location": "x",
        "size": 1,
        "upload_id": "u",
    }
    response = api.http.post("/v1/bucket-secrets/upload/multipart", json=body)
    assert detail(response, 403) == "Not enough rights"


def test_jwt_only_route(api: Api) -> None:
    response = api.http.get(api.org)
    assert detail(response, 403) == "This endpoint requires jwt authentication."


UUID_X = (
    "invalid character: expected an optional prefix of `urn:uuid:` followed by "
    "[0-9a-fA-F-], found `x` at 1"
)


def test_validation_errors(api: Api) -> None:
    orbit = api.orbit()
    response = api.http.get(f"{api.org}/orbits/xyz")
    assert detail(response, 422) == [
        {
            "type": "uuid_parsing",
            "loc": ["path", "orbit_id"],
            "msg": "Input should be a valid UUID, " + UUID_X,
            "input": "xyz",
            "ctx": {"error": UUID_X},
        }
    ]
    for limit in ("0", "101", "abc"):
        response = api.http.get(f"{api.org}/orbits/{orbit}/artifacts", params={"limit": limit})
        errors = detail(response, 422)
        assert isinstance(errors, list)
        assert errors[0]["loc"] == ["query", "limit"]
    response = api.http.get(f"{api.org}/orbits/{orbit}/collections", params={"order": "up"})
    errors = detail(response, 422)
    assert isinstance(errors, list)
    assert errors[0]["type"] == "enum"
    response = api.http.post(f"{api.org}/orbits/{orbit}/collections", json={"name": "x"})
    errors = detail(response, 422)
    assert isinstance(errors, list)
    assert {tuple(e["loc"]) for e in errors} == {("body", "description"), ("body", "type")}
    assert {e["type"] for e in errors} == {"missing"}
    response = api.http.post(
        f"{api.org}/orbits", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert detail(response, 422)[0]["type"] == "json_invalid"  # type: ignore[index]
    response = api.http.post(f"{api.org}/orbits")
    assert detail(response, 422) == [{"loc": ["body"], "msg": "Field required", "type": "missing"}]


def test_bad_file_name_and_size(api: Api) -> None:
    orbit = api.orbit()
    coll = api.collection(orbit)
    path = api.artifacts_path(orbit, coll)
    response = api.http.post(path, json=api.artifact_body(file_name="no-extension"))
    assert detail(response, 422)[0]["loc"] == ["body", "file_name"]  # type: ignore[index]
    response = api.http.post(path, json=api.artifact_body(size=5497558138881))
    assert detail(response, 422)[0]["loc"] == ["body", "size"]  # type: ignore[index]


def test_not_found_messages(api: Api) -> None:
    orbit = api.orbit()
    coll = api.collection(orbit)
    cases = {
        f"{api.org}/orbits/{NIL}": "Orbit not found",
        f"{api.org}/orbits/{orbit}/collections/{NIL}": "Collection not found",
        f"{api.artifacts_path(orbit, coll)}/{NIL}": "Artifact not found",
        f"{api.org}/bucket-secrets/{NIL}": "Secret not found",
    }
    for path, message in cases.items():
        assert detail(api.http.get(path), 404) == message
    body = {"name": "o", "bucket_secret_id": NIL}
    assert detail(api.http.post(f"{api.org}/orbits", json=body), 404) == "Bucket secret not found"
    response = api.http.patch(f"{api.org}/orbits/{orbit}", json={"bucket_secret_id": None})
    assert detail(response, 404) == "Bucket secret not found"
    multipart = {"bucket_id": NIL, "bucket_location": "x", "size": 1, "upload_id": "u"}
    response = api.http.post("/v1/bucket-secrets/upload/multipart", json=multipart)
    assert detail(response, 404) == "Secret not found"
    response = api.http.get(
        f"{api.org}/orbits/{orbit}/artifacts", params={"collection_ids": [coll, NIL]}
    )
    assert detail(response, 404) == f"You don't have access to the following collections: {NIL}"


def test_conflicts(api: Api) -> None:
    orbit = api.orbit()
    coll = api.collection(orbit)
    api.artifact(orbit, coll)
    response = api.http.delete(f"{api.org}/orbits/{orbit}/collections/{coll}")
    assert detail(response, 409) == "Collection has artifacts and cant be deleted"
    response = api.http.delete(f"{api.org}/bucket-secrets/{api.tenant.bucket_secret_id}")
    assert detail(response, 409) == "Cannot delete bucket secret that is currently used by orbits"
    body = {"type": "s3", "endpoint": "http://s3.local", "bucket_name": "b", "region": "r"}
    api.ok("POST", f"{api.org}/bucket-secrets", json=body)
    response = api.http.post(f"{api.org}/bucket-secrets", json={**body, "endpoint": "s3.local"})
    assert detail(response, 409) == (
        "Bucket secret with the given bucket name and endpoint already exists."
    )


def test_duplicate_names_allowed(api: Api) -> None:
    first, second = api.orbit("same"), api.orbit("same")
    assert first != second
    assert api.collection(first) != api.collection(first)


def test_artifact_type_rules(api: Api) -> None:
    orbit = api.orbit()
    datasets = api.collection(orbit, kind="dataset")
    models = api.collection(orbit, kind="model_dataset")
    path = api.artifacts_path(orbit, datasets)
    cases = [
        ({"manifest": artifact_manifest("weird")}, "Unsupported LUML Artifact type."),
        ({"manifest": LEGACY_MANIFEST}, "Could not define artifact type."),
        (
            {"manifest": LEGACY_MANIFEST, "file_index": FNNX_INDEX},
            "Artifact type is not allowed for this collection type",
        ),
    ]
    for extra, message in cases:
        assert detail(api.http.post(path, json=api.artifact_body(**extra)), 400) == message
    created = api.artifact(orbit, models, manifest=LEGACY_MANIFEST, file_index=FNNX_INDEX)
    assert created["artifact"]["type"] == "model"
    dataset = api.artifact(orbit, datasets, manifest=artifact_manifest("dataset"))
    assert dataset["artifact"]["type"] == "dataset"


def test_status_transitions(api: Api) -> None:
    orbit = api.orbit()
    coll = api.collection(orbit)
    art = api.artifact(orbit, coll)["artifact"]
    path = f"{api.artifacts_path(orbit, coll)}/{art['id']}"
    response = api.http.patch(path, json={"status": "deletion_failed"})
    assert (
        detail(response, 400) == "Invalid status transition from pending_upload to deletion_failed"
    )
    response = api.http.patch(path, json={"status": "pending_deletion"})
    assert response.status_code == 422
    assert api.ok("PATCH", path, json={"status": "uploaded", "name": "n"})["name"] == "n"
    response = api.http.patch(path, json={"status": "upload_failed"})
    assert detail(response, 400) == "Invalid status transition from uploaded to upload_failed"
    response = api.http.delete(path)
    assert detail(response, 400) == "Unable to confirm deletion with status 'uploaded'"
    api.ok("GET", f"{path}/delete-url")
    assert api.ok("GET", path)["status"] == "pending_deletion"
    assert api.ok("PATCH", path, json={"status": "deletion_failed"})["status"] == "deletion_failed"


def test_sorting_errors(api: Api) -> None:
    """As on the real server: sort columns are checked only with collection_ids (else an
    unknown one sorts by created_at), and a cursor it cannot read means the first page."""
    orbit = api.orbit()
    coll = api.collection(orbit)
    api.artifact(orbit, coll, extra_values={"acc": 1})
    path = f"{api.org}/orbits/{orbit}/artifacts"
    in_coll = {"collection_ids": coll}
    response = api.http.get(path, params={"sort_by": "extra_values", **in_coll})
    assert detail(response, 400) == "Cannot sort by 'metrics'. Pass a metric key"
    response = api.http.get(path, params={"sort_by": "f1", **in_coll})
    assert detail(response, 400) == "Invalid sorting column: f1"
    assert api.ok("GET", path, params={"sort_by": "acc", **in_coll})["items"]
    assert api.ok("GET", path, params={"sort_by": "nope"})["items"]
    for cursor in ("garbage", "WzFd"):
        assert api.ok("GET", path, params={"cursor": cursor})["items"]
        collections = api.ok(
            "GET", f"{api.org}/orbits/{orbit}/collections", params={"cursor": cursor}
        )
        assert collections["items"]


def test_unknown_route(api: Api) -> None:
    assert detail(api.http.get("/v1/nothing-here"), 404) == "Not Found"


def test_multipart_without_upload_id(api: Api) -> None:
    """The real server's unhandled ValueError (mirrored): a plain 500."""
    body = {"bucket_id": api.tenant.bucket_secret_id, "bucket_location": "x", "size": 10}
    response = api.http.post("/v1/bucket-secrets/upload/multipart", json=body)
    assert (response.status_code, response.text) == (500, "Internal Server Error")


def test_multipart_without_upload_id_when_bugs_are_off() -> None:
    with LocalLuml(real_server_bugs=False) as server:
        body = {"bucket_id": server.default_tenant.bucket_secret_id, "bucket_location": "x"}
        headers = {"Authorization": f"Bearer {server.api_key}"}
        response = httpx.post(
            f"{server.url}/v1/bucket-secrets/upload/multipart",
            json={**body, "size": 10},
            headers=headers,
        )
    errors = detail(response, 422)
    assert isinstance(errors, list)
    assert errors[0]["loc"] == ["body", "upload_id"]


def test_empty_collection_name(api: Api) -> None:
    orbit = api.orbit()
    coll = api.collection(orbit)
    path = f"{api.org}/orbits/{orbit}/collections/{coll}"
    # the real server takes it (with the description: without, a 500)
    assert api.ok("PATCH", path, json={"name": "", "description": ""})["name"] == ""
    response = api.http.patch(path, json={"name": "x" * 101})
    assert detail(response, 422) == [
        {
            "type": "string_too_long",
            "loc": ["body", "name"],
            "msg": "String should have at most 100 characters",
            "input": "x" * 101,
            "ctx": {"max_length": 100},
        }
    ]


def test_azure_bucket_secret(api: Api) -> None:
    connection = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0"
    body = {"type": "azure", "endpoint": connection, "bucket_name": "container"}
    created = api.ok("POST", f"{api.org}/bucket-secrets", json=body)
    assert created["endpoint"] == "AccountName=acct"
    assert "AccountKey" not in str(created)
    bad = {**body, "endpoint": "AccountName=acct"}
    assert api.http.post(f"{api.org}/bucket-secrets", json=bad).status_code == 422
    path = f"{api.org}/bucket-secrets/{created['id']}"
    response = api.http.patch(path, json={"access_key": "k"})
    assert response.status_code == 400
    response = api.http.patch(path, json={"bucket_name": "other"})  # real: endpoint nulled
    assert detail(response, 409) == (
        "Bucket secret with the given bucket name and endpoint already exists."
    )
    # the endpoint as read back leaves the stored one (and its key) as it is
    every = {"endpoint": created["endpoint"], "bucket_name": "other"}
    assert api.ok("PATCH", path, json=every)["bucket_name"] == "other"
    orbit = api.ok(
        "POST", f"{api.org}/orbits", json={"name": "az", "bucket_secret_id": created["id"]}
    )
    coll = api.collection(orbit["id"])
    details = api.artifact(orbit["id"], coll)["upload_details"]
    assert details["type"] == "azure"
    assert details["url"].startswith("https://acct.blob.core.windows.net/other/")
