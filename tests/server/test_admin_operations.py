"""Raw round-trips of the organization-admin, member, invitation, API-key and bucket-URL operations.

Every call goes through the generated client against the local server, once with the sync
functions and once with the asyncio ones (the ``mode`` parameter).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from types import ModuleType
from typing import Any
from uuid import UUID

import pytest
from luml_openapi.api.bucket_secrets import (
    get_bucket_secret_connection_urls,
    get_connection_urls,
)
from luml_openapi.api.orbit_members import (
    add_orbit_member,
    list_orbit_members,
    remove_orbit_member,
    update_orbit_member,
)
from luml_openapi.api.orbits import create_orbit
from luml_openapi.api.organization_invitations import (
    cancel_organization_invitation,
    create_organization_invitation,
    list_organization_invitations,
)
from luml_openapi.api.organization_members import (
    add_organization_member,
    list_organization_members,
    remove_organization_member,
    update_organization_member,
)
from luml_openapi.api.organizations import (
    create_organization,
    delete_organization,
    get_organization,
    leave_organization,
    update_organization,
)
from luml_openapi.api.users import (
    accept_invitation,
    create_api_key,
    delete_api_key,
    list_my_invitations,
    reject_invitation,
    validate_api_key,
)
from luml_openapi.client import AuthenticatedClient
from luml_openapi.models import (
    ApiKey,
    BucketSecretUrls,
    ErrorResponse,
    OrbitCreate,
    OrbitMember,
    OrbitMemberAdd,
    OrbitMemberUpdate,
    OrbitRole,
    Organization,
    OrganizationCreate,
    OrganizationDetails,
    OrganizationInvite,
    OrganizationInviteCreate,
    OrganizationMember,
    OrganizationMemberCreate,
    OrganizationMemberUpdate,
    OrganizationUpdate,
    OrgRole,
    S3BucketSecretCreate,
)
from luml_openapi.models.bucket_secret_urls_request import BucketSecretUrlsRequest

from luml_facade.testing import LocalLuml, Tenant

from ._called import CALLED

MODES = ["sync", "asyncio"]


class Raw:
    """Calls generated operations in one mode; checks the status; returns the parsed body."""

    def __init__(self, mode: str, url: str) -> None:
        self.mode = mode
        self.url = url
        self._clients: dict[str, AuthenticatedClient] = {}

    def client(self, token: str) -> AuthenticatedClient:
        if token not in self._clients:
            self._clients[token] = AuthenticatedClient(base_url=self.url, token=token)
        return self._clients[token]

    async def __call__(
        self, operation: ModuleType, *args: Any, token: str, expect: int = 200, **kwargs: Any
    ) -> Any:
        CALLED.add(operation.__name__.rsplit(".", 1)[-1])
        client = self.client(token)
        if self.mode == "sync":
            response = operation.sync_detailed(*args, client=client, **kwargs)
        else:
            response = await operation.asyncio_detailed(*args, client=client, **kwargs)
        assert response.status_code == expect, response.content
        return response.parsed

    async def close(self) -> None:
        for client in self._clients.values():
            client.get_httpx_client().close()
            await client.get_async_httpx_client().aclose()


@pytest.fixture(params=MODES)
async def raw(request: pytest.FixtureRequest, luml_server: LocalLuml) -> AsyncIterator[Raw]:
    caller = Raw(request.param, luml_server.url)
    yield caller
    await caller.close()


async def email_of(raw: Raw, tenant: Tenant) -> str:
    members = await raw(
        list_organization_members, UUID(tenant.organization_id), token=tenant.user_token
    )
    (me,) = [m for m in members if str(m.user.id) == tenant.user_id]
    return str(me.user.email)


async def test_organization_lifecycle(raw: Raw, luml_tenant: Tenant) -> None:
    token = luml_tenant.user_token
    created = await raw(
        create_organization, body=OrganizationCreate(name="Second org"), token=token
    )
    assert isinstance(created, Organization) and created.name == "Second org"
    updated = await raw(
        update_organization, created.id, body=OrganizationUpdate(name="Renamed"), token=token
    )
    assert isinstance(updated, OrganizationDetails)
    assert updated.name == "Renamed" and updated.total_members == 1
    assert updated.orbits_limit == 100 and updated.invites == []
    (owner,) = updated.members
    assert isinstance(owner, OrganizationMember) and owner.role is OrgRole.OWNER
    details = await raw(get_organization, created.id, token=token)
    assert details.members[0].user.id == UUID(luml_tenant.user_id)
    await raw(delete_organization, created.id, token=token, expect=204)
    gone = await raw(get_organization, created.id, token=token, expect=403)
    assert isinstance(gone, ErrorResponse)


async def test_members(raw: Raw, luml_server: LocalLuml, luml_tenant: Tenant) -> None:
    other = luml_server.create_tenant("Other")
    org_id, token = UUID(luml_tenant.organization_id), luml_tenant.user_token
    body = OrganizationMemberCreate(
        user_id=UUID(other.user_id), organization_id=org_id, role=OrgRole.MEMBER
    )
    member = await raw(add_organization_member, org_id, body=body, token=token)
    assert isinstance(member, OrganizationMember)
    assert member.role is OrgRole.MEMBER and member.user.id == UUID(other.user_id)
    members = await raw(list_organization_members, org_id, token=token)
    assert {m.user.id for m in members} == {UUID(luml_tenant.user_id), UUID(other.user_id)}
    changed = await raw(
        update_organization_member,
        org_id,
        member.id,
        body=OrganizationMemberUpdate(role=OrgRole.ADMIN),
        token=token,
    )
    assert changed.role is OrgRole.ADMIN

    orbit_body = OrbitCreate(name="Team", bucket_secret_id=UUID(luml_tenant.bucket_secret_id))
    orbit = await raw(create_orbit, org_id, body=orbit_body, token=token)
    add = OrbitMemberAdd(user_id=UUID(other.user_id), role=OrbitRole.MEMBER, orbit_id=orbit.id)
    orbit_member = await raw(add_orbit_member, org_id, orbit.id, body=add, token=token)
    assert isinstance(orbit_member, OrbitMember) and orbit_member.orbit_id == orbit.id
    listed = await raw(list_orbit_members, org_id, orbit.id, token=token)
    assert orbit_member.id in {m.id for m in listed}
    update = OrbitMemberUpdate(id=orbit_member.id, role=OrbitRole.ADMIN)
    promoted = await raw(
        update_orbit_member, org_id, orbit.id, orbit_member.id, body=update, token=token
    )
    assert promoted.role is OrbitRole.ADMIN
    await raw(remove_orbit_member, org_id, orbit.id, orbit_member.id, token=token, expect=204)

    await raw(remove_organization_member, org_id, member.id, token=token, expect=204)
    members = await raw(list_organization_members, org_id, token=token)
    assert [m.user.id for m in members] == [UUID(luml_tenant.user_id)]


async def test_invitations(raw: Raw, luml_server: LocalLuml, luml_tenant: Tenant) -> None:
    guest = luml_server.create_tenant("Guest")
    org_id, token = UUID(luml_tenant.organization_id), luml_tenant.user_token
    guest_email = await email_of(raw, guest)

    def invite(email: str) -> OrganizationInviteCreate:
        return OrganizationInviteCreate(email=email, role=OrgRole.MEMBER, organization_id=org_id)

    first = await raw(create_organization_invitation, org_id, body=invite(guest_email), token=token)
    assert isinstance(first, OrganizationInvite)
    assert first.email == guest_email and first.organization.id == org_id
    assert first.invited_by_user.id == UUID(luml_tenant.user_id)
    (listed,) = await raw(list_organization_invitations, org_id, token=token)
    assert listed.id == first.id
    (mine,) = await raw(list_my_invitations, token=guest.user_token)
    assert mine.id == first.id and mine.organization.name == "Test Organization"
    await raw(reject_invitation, first.id, token=guest.user_token, expect=204)
    assert await raw(list_my_invitations, token=guest.user_token) == []

    second = await raw(
        create_organization_invitation, org_id, body=invite(guest_email), token=token
    )
    stranger = await raw(
        create_organization_invitation, org_id, body=invite("nobody@example.com"), token=token
    )
    accepted = await raw(accept_invitation, second.id, token=guest.user_token)
    assert accepted is None
    members = await raw(list_organization_members, org_id, token=token)
    assert UUID(guest.user_id) in {m.user.id for m in members}
    await raw(cancel_organization_invitation, org_id, stranger.id, token=token, expect=204)
    assert await raw(list_organization_invitations, org_id, token=token) == []

    await raw(leave_organization, org_id, token=guest.user_token, expect=204)
    members = await raw(list_organization_members, org_id, token=token)
    assert UUID(guest.user_id) not in {m.user.id for m in members}


async def test_api_keys(raw: Raw, luml_tenant: Tenant) -> None:
    old_key = luml_tenant.api_key
    await raw(validate_api_key, token=old_key, expect=204)
    created = await raw(create_api_key, token=luml_tenant.user_token)
    assert isinstance(created, ApiKey) and created.key and created.key.startswith("dfs_")
    await raw(validate_api_key, token=created.key, expect=204)
    stale = await raw(validate_api_key, token=old_key, expect=401)
    assert stale.detail == "Not authenticated"
    await raw(delete_api_key, token=luml_tenant.user_token, expect=204)
    await raw(validate_api_key, token=created.key, expect=401)


async def test_connection_urls(raw: Raw, luml_tenant: Tenant) -> None:
    body = S3BucketSecretCreate.from_dict(
        {"type": "s3", "endpoint": "https://s3.example.com", "bucket_name": "b", "region": "eu"}
    )
    urls = await raw(get_connection_urls, body=body, token=luml_tenant.api_key)
    assert isinstance(urls, BucketSecretUrls)
    assert urls.presigned_url.startswith("https://s3.example.com/b/test_file")
    org_id, secret_id = UUID(luml_tenant.organization_id), UUID(luml_tenant.bucket_secret_id)
    request = BucketSecretUrlsRequest.from_dict({"id": str(secret_id), "bucket_name": "other"})
    stored = await raw(
        get_bucket_secret_connection_urls,
        org_id,
        secret_id,
        body=request,
        token=luml_tenant.api_key,
    )
    assert "/other/test_file" in stored.download_url
    assert "/other/test_file" in stored.delete_url
