"""The real server's rules on the local server: credential kinds, roles, limits, member flows."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from luml_facade.testing import LocalLuml, Tenant
from luml_facade.testing._app import handler_groups, spec_path
from luml_facade.testing._db import Database
from luml_facade.testing._service import Service, Settings

from .conftest import Api

ROOT = Path(__file__).resolve().parents[2]
JWT_ONLY = "This endpoint requires jwt authentication."
SPEC = yaml.safe_load(spec_path().read_text())
OPERATIONS = [
    (method, path, op)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if method in {"get", "post", "put", "patch", "delete"}
]


def test_every_operation_of_the_spec_has_a_handler() -> None:
    db = Database()
    settings = Settings("127.0.0.1:1", 1, None, lambda _name: None)
    groups = handler_groups(Service(db, settings))
    db.close()
    served = {
        op["operationId"]: group
        for _method, _path, op in OPERATIONS
        for group in groups
        if callable(getattr(group, op["operationId"], None))
    }
    homes = {
        op["tags"][0]: served[op["operationId"]]
        for *_, op in OPERATIONS
        if op["operationId"] in served
    }
    problems = [
        f"{op['operationId']} ({method.upper()} {path}): {where_to_serve(op['tags'][0], homes)}"
        for method, path, op in OPERATIONS
        if op["operationId"] not in served
    ]
    if problems:  # in full: one line per operation, not cut short by pytest's repr
        pytest.fail("no handler on the local server for:\n" + "\n".join(problems), pytrace=False)


def where_to_serve(tag: str, homes: dict[str, object]) -> str:
    """Where the handler of an operation of `tag` goes: the class serving the tag's others."""
    home = homes.get(tag)
    if home is None:
        return (
            f"add a class (a Handlers subclass) in a new luml_facade/testing/_handlers_{tag}.py "
            "with a method of that name, and list it in handler_groups() in "
            "luml_facade/testing/_app.py"
        )
    source = Path(inspect.getfile(type(home))).resolve().relative_to(ROOT)
    return f"add a method of that name to class {type(home).__name__} in {source}"


def detail(response: httpx.Response, status: int) -> Any:
    assert response.status_code == status, response.text
    return response.json()["detail"]


def filled(path: str) -> str:
    return re.sub(r"{[^}]+}", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", path)


@pytest.fixture
def user(luml_server: LocalLuml, luml_tenant: Tenant) -> Iterator[Api]:
    """The tenant's client signed in with its user token (JWT)."""
    headers = {"Authorization": f"Bearer {luml_tenant.user_token}"}
    with httpx.Client(base_url=luml_server.url, headers=headers, timeout=30) as http:
        yield Api(http, luml_tenant)


def signed_in(server: LocalLuml, tenant: Tenant) -> httpx.Client:
    headers = {"Authorization": f"Bearer {tenant.user_token}"}
    return httpx.Client(base_url=server.url, headers=headers, timeout=30)


def email(user: Api) -> str:
    members = user.ok("GET", f"{user.org}/members")
    (me,) = [m for m in members if m["user"]["id"] == user.tenant.user_id]
    return str(me["user"]["email"])


# credential kinds


@pytest.mark.parametrize(
    ("method", "path"),
    [(m, p) for m, p, op in OPERATIONS if op.get("x-luml-credentials") == ["jwt"]],
)
def test_jwt_only_routes_refuse_the_api_key(api: Api, method: str, path: str) -> None:
    response = api.http.request(method.upper(), filled(path), json={})
    assert detail(response, 403) == JWT_ONLY


def test_validate_api_key(api: Api, user: Api, luml_server: LocalLuml) -> None:
    assert api.http.get("/v1/auth/api-keys/validate").status_code == 204
    refused = user.http.get("/v1/auth/api-keys/validate")
    assert detail(refused, 403) == "This endpoint requires api_key authentication."
    unknown = httpx.get(
        f"{luml_server.url}/v1/auth/api-keys/validate",
        headers={"Authorization": "Bearer dfs_unknown"},
    )
    assert detail(unknown, 401) == "Not authenticated"


def test_user_token_works_on_routes_that_take_both(user: Api) -> None:
    orgs = user.ok("GET", "/v1/users/me/organizations")
    assert [org["id"] for org in orgs] == [user.tenant.organization_id]


def test_api_key_replaced_and_deleted(api: Api, user: Api) -> None:
    key = user.ok("POST", "/v1/users/me/api-keys")["key"]
    assert key.startswith("dfs_") and key != api.tenant.api_key
    assert detail(api.http.get(api.org + "/orbits"), 401) == "Not authenticated"
    headers = {"Authorization": f"Bearer {key}"}
    assert api.http.get(api.org + "/orbits", headers=headers).status_code == 200
    details = user.ok("GET", user.org)
    assert details["members"][0]["user"]["has_api_key"] is True
    assert user.http.delete("/v1/users/me/api-keys").status_code == 204
    assert api.http.get(api.org + "/orbits", headers=headers).status_code == 401
    assert user.ok("GET", user.org)["members"][0]["user"]["has_api_key"] is False


# organizations


def test_organization_details_fields(user: Api) -> None:
    orbit = user.orbit()
    details = user.ok("GET", user.org)
    assert [o["id"] for o in details["orbits"]] == [orbit]
    assert details["total_orbits"] == 1 and details["total_artifacts"] == 0
    assert details["members_by_role"] == {"owner": 1, "admin": 0, "member": 0}
    assert {"artifacts_limit", "members_limit", "orbits_limit", "satellites_limit"} <= set(details)
    assert "model_artifacts_limit" not in details


def test_default_limits_are_the_real_servers() -> None:
    limits = LocalLuml().limits
    assert (limits.orbits, limits.members, limits.artifacts) == (1, 3, 50)
    assert limits.organizations_per_user == 5


def test_orbit_limit(user: Api, luml_server: LocalLuml, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(luml_server.limits, "orbits", 1)
    user.orbit("first")
    body = {"name": "second", "bucket_secret_id": user.tenant.bucket_secret_id}
    response = user.http.post(f"{user.org}/orbits", json=body)
    assert detail(response, 409) == "Organization reached maximum number of orbits"


def test_artifact_limit(api: Api, luml_server: LocalLuml, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(luml_server.limits, "artifacts", 1)
    orbit = api.orbit()
    collection = api.collection(orbit, kind="model")
    api.artifact(orbit, collection)
    path = api.artifacts_path(orbit, collection)
    response = api.http.post(path, json=api.artifact_body())
    assert detail(response, 409) == "Organization reached maximum number of artifacts"


def test_organizations_per_user_limit(
    user: Api, luml_server: LocalLuml, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(luml_server.limits, "organizations_per_user", 2)
    user.ok("POST", "/v1/organizations", json={"name": "Second"})
    response = user.http.post("/v1/organizations", json={"name": "Third"})
    assert detail(response, 409).startswith("You’ve reached the limit of organizations")  # noqa: RUF001


def test_delete_organization_with_members_is_409(user: Api, luml_server: LocalLuml) -> None:
    other = luml_server.create_tenant()
    body = {
        "user_id": other.user_id,
        "organization_id": user.tenant.organization_id,
        "role": "member",
    }
    user.ok("POST", f"{user.org}/members", json=body)
    response = user.http.delete(user.org)
    assert detail(response, 409) == "Organization has members and cant be deleted"


def test_owner_cannot_leave(user: Api) -> None:
    assert detail(user.http.delete(f"{user.org}/leave"), 403) == "Not enough rights"


def test_update_organization_keeps_fields_not_sent(user: Api) -> None:
    renamed = user.ok("PATCH", user.org, json={"name": "New name"})
    assert renamed["name"] == "New name" and renamed["updated_at"] is not None
    assert user.ok("PATCH", user.org, json={})["name"] == "New name"


# members


def test_member_rules(user: Api, luml_server: LocalLuml, monkeypatch: pytest.MonkeyPatch) -> None:
    org_id = user.tenant.organization_id
    other, third = luml_server.create_tenant(), luml_server.create_tenant()
    owner_member = user.ok("GET", f"{user.org}/members")[0]
    body = {"user_id": other.user_id, "organization_id": org_id, "role": "member"}
    added = user.ok("POST", f"{user.org}/members", json=body)
    assert detail(user.http.post(f"{user.org}/members", json=body), 409) == (
        "Organization member already exists"
    )
    owner_role = {**body, "role": "owner"}
    assert user.http.post(f"{user.org}/members", json=owner_role).status_code == 422
    mine = user.http.patch(f"{user.org}/members/{owner_member['id']}", json={"role": "admin"})
    assert detail(mine, 403) == "You can not update your own data."
    assert detail(user.http.delete(f"{user.org}/members/{owner_member['id']}"), 403) == (
        "You can not remove yourself from organization."
    )
    missing = user.http.delete(f"{user.org}/members/{filled('{x}')}")
    assert detail(missing, 404) == "Organization member not found"

    # A plain member may not manage members; an admin may, but not make admins.
    with signed_in(luml_server, other) as as_other:
        denied = as_other.get(f"{user.org}/members")
        assert detail(denied, 403) == "Not enough rights"
        user.ok("PATCH", f"{user.org}/members/{added['id']}", json={"role": "admin"})
        third_admin = {"user_id": third.user_id, "organization_id": org_id, "role": "admin"}
        refused = as_other.post(f"{user.org}/members", json=third_admin)
        assert detail(refused, 403) == "Only Organization Owner can add new admins."
        removed = as_other.delete(f"{user.org}/members/{owner_member['id']}")
        assert detail(removed, 403) == "Organization Owner can not be removed."

    monkeypatch.setattr(luml_server.limits, "members", 2)
    third_member = {"user_id": third.user_id, "organization_id": org_id, "role": "member"}
    full = user.http.post(f"{user.org}/members", json=third_member)
    assert detail(full, 409) == "Organization reached maximum number of users"


def test_orbit_member_rules(user: Api, luml_server: LocalLuml) -> None:
    orbit = user.orbit()
    other, outsider = luml_server.create_tenant(), luml_server.create_tenant()
    org_id = user.tenant.organization_id
    user.ok(
        "POST",
        f"{user.org}/members",
        json={"user_id": other.user_id, "organization_id": org_id, "role": "member"},
    )
    path = f"{user.org}/orbits/{orbit}/members"

    def add(user_id: str) -> httpx.Response:
        return user.http.post(path, json={"user_id": user_id, "role": "member", "orbit_id": orbit})

    assert detail(add(outsider.user_id), 403) == (
        "User must be a member of the organization to be added to an orbit."
    )
    assert detail(add(user.tenant.user_id), 400) == "You can not add yourself to orbit."
    member = add(other.user_id).json()
    assert detail(add(other.user_id), 409) == "Member for this this user already exist."
    creator = next(m for m in user.ok("GET", path) if m["user"]["id"] == user.tenant.user_id)
    self_update = user.http.patch(
        f"{path}/{creator['id']}", json={"id": creator["id"], "role": "member"}
    )
    assert detail(self_update, 400) == "You can not update your own data."
    assert detail(user.http.delete(f"{path}/{creator['id']}"), 400) == (
        "You can not remove yourself from orbit."
    )
    missing = user.http.get(f"{user.org}/orbits/{filled('{x}')}/members")
    assert detail(missing, 404) == "Orbit not found"
    # A plain organization member that is only an orbit member may not manage orbit members.
    with signed_in(luml_server, other) as as_other:
        denied = as_other.delete(f"{path}/{creator['id']}")
        assert detail(denied, 403) == "Not enough rights"
    assert user.http.delete(f"{path}/{member['id']}").status_code == 204
    gone = user.http.delete(f"{path}/{member['id']}")
    assert detail(gone, 404) == "Orbit member not found"


# invitations


def test_invitation_rules(user: Api, luml_server: LocalLuml) -> None:
    guest, stranger = luml_server.create_tenant(), luml_server.create_tenant()
    org_id = user.tenant.organization_id
    path = f"{user.org}/invitations"
    with signed_in(luml_server, guest) as as_guest, signed_in(luml_server, stranger) as as_other:
        guest_email = email(Api(as_guest, guest))

        def invite(address: str, role: str = "member") -> httpx.Response:
            return user.http.post(
                path, json={"email": address, "role": role, "organization_id": org_id}
            )

        assert detail(invite(email(user)), 403) == "You can't invite yourself"
        assert invite(guest_email, role="owner").status_code == 422
        sent = invite(guest_email).json()
        assert detail(invite(guest_email), 409) == "Organization invite already exists"
        assert detail(as_other.post(f"/v1/users/me/invitations/{sent['id']}/accept"), 403) == (
            "This invite is not for you"
        )
        assert detail(as_other.post(f"/v1/users/me/invitations/{sent['id']}/reject"), 403) == (
            "This invite is not for you"
        )
        accepted = as_guest.post(f"/v1/users/me/invitations/{sent['id']}/accept")
        assert accepted.status_code == 200 and accepted.content == b"null"
        assert detail(as_guest.post(f"/v1/users/me/invitations/{sent['id']}/accept"), 404) == (
            "Organization invite not found"
        )
        assert detail(invite(guest_email), 409) == "Already a member of the organization"
        details = user.ok("GET", user.org)
        assert details["members_by_role"] == {"owner": 1, "admin": 0, "member": 1}
        # A member (not admin) cannot list the organization's invitations nor read its details.
        assert detail(as_guest.get(path), 403) == "Not enough rights"
        assert detail(as_guest.get(user.org), 403) == "Not enough rights"
        mine = {o["id"]: o["role"] for o in as_guest.get("/v1/users/me/organizations").json()}
        assert mine == {guest.organization_id: "owner", org_id: "member"}
        assert as_guest.delete(f"{user.org}/leave").status_code == 204


def test_invitations_count_in_organization_details(user: Api) -> None:
    body = {
        "email": "x@example.com",
        "role": "admin",
        "organization_id": user.tenant.organization_id,
    }
    sent = user.ok("POST", f"{user.org}/invitations", json=body)
    (listed,) = user.ok("GET", user.org)["invites"]
    assert listed["id"] == sent["id"] and listed["role"] == "admin"
    assert user.http.delete(f"{user.org}/invitations/{sent['id']}").status_code == 204
    # Cancelling an unknown invitation is not an error on the real server either.
    assert user.http.delete(f"{user.org}/invitations/{sent['id']}").status_code == 204
    assert user.ok("GET", user.org)["invites"] == []


# bucket-secret connection tests


def test_connection_urls_rules(api: Api) -> None:
    secret = api.tenant.bucket_secret_id
    path = f"{api.org}/bucket-secrets/{secret}/urls"
    other = filled("{x}")
    assert detail(api.http.post(path, json={"id": other}), 400) == (
        "Secret id does not match the path"
    )
    assert detail(api.http.post(path, json={"id": secret, "type": "azure"}), 400) == (
        "Bucket type cannot be changed"
    )
    missing = api.http.post(f"{api.org}/bucket-secrets/{other}/urls", json={"id": other})
    assert detail(missing, 404) == "Secret not found"
    urls = api.ok("POST", path, json={"id": secret})
    assert set(urls) == {"presigned_url", "download_url", "delete_url"}
    no_type = {"endpoint": "s3.example.com", "bucket_name": "b", "region": "eu"}
    assert api.http.post("/v1/bucket-secrets/urls", json=no_type).status_code == 422


def test_connection_urls_work_against_the_local_storage(api: Api, storage: httpx.Client) -> None:
    secret = api.tenant.bucket_secret_id
    urls = api.ok("POST", f"{api.org}/bucket-secrets/{secret}/urls", json={"id": secret})
    assert storage.put(urls["presigned_url"], content=b"ping").status_code == 200
    assert storage.get(urls["download_url"]).content == b"ping"
    assert storage.delete(urls["delete_url"]).status_code == 204
