"""Raw generated calls against the real backend: reads, refusals and reversible changes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from uuid import UUID

import httpx
import pytest
from luml_openapi.api.artifacts import list_artifacts
from luml_openapi.api.bucket_secrets import (
    create_bucket_secret,
    delete_bucket_secret,
    get_bucket_secret_connection_urls,
    get_connection_urls,
    list_bucket_secrets,
)
from luml_openapi.api.orbit_members import (
    add_orbit_member,
    list_orbit_members,
    remove_orbit_member,
    update_orbit_member,
)
from luml_openapi.api.orbits import create_orbit, delete_orbit, get_orbit
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
    list_my_organizations,
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
    ArtifactsList,
    BucketSecretUrls,
    BucketSecretUrlsRequest,
    ErrorResponse,
    OrbitCreate,
    OrbitDetails,
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
    S3BucketSecret,
    S3BucketSecretCreate,
)

from .conftest import LiveState, unique

pytestmark = pytest.mark.live

JWT_ONLY = "This endpoint requires jwt authentication."
NOBODY = UUID("01a20900-0000-7000-8000-000000000001")


def ok(response: object, status: int = 200) -> object:
    code = response.status_code  # type: ignore[attr-defined]
    assert code == status, response.content  # type: ignore[attr-defined]
    return response.parsed  # type: ignore[attr-defined]


def refused(response: object, status: int) -> str:
    parsed = ok(response, status)
    if isinstance(parsed, ErrorResponse):
        return parsed.detail
    return str(response.content)  # type: ignore[attr-defined]


# read-only


def test_my_organizations_and_details(
    live: LiveState, by_key: AuthenticatedClient, by_jwt: AuthenticatedClient
) -> None:
    orgs = ok(list_my_organizations.sync_detailed(client=by_key))
    assert live.organization_id in {str(org.id) for org in orgs}  # type: ignore[attr-defined]
    org_id = UUID(live.organization_id)
    assert refused(get_organization.sync_detailed(org_id, client=by_key), 403) == JWT_ONLY
    details = ok(get_organization.sync_detailed(org_id, client=by_jwt))
    assert isinstance(details, OrganizationDetails)
    assert details.name == live.organization
    assert live.user_id in {str(m.user.id) for m in details.members}
    assert live.orbit_id in {str(o.id) for o in details.orbits}
    assert details.orbits_limit >= 1 and details.artifacts_limit >= 1
    assert details.total_artifacts >= 0


def test_orbit_details_members_are_typed(live: LiveState, by_key: AuthenticatedClient) -> None:
    orbit = ok(
        get_orbit.sync_detailed(UUID(live.organization_id), UUID(live.orbit_id), client=by_key)
    )
    assert isinstance(orbit, OrbitDetails)
    assert orbit.members and all(isinstance(m, OrbitMember) for m in orbit.members)


def test_validate_api_key(by_key: AuthenticatedClient, by_jwt: AuthenticatedClient) -> None:
    ok(validate_api_key.sync_detailed(client=by_key), 204)
    assert refused(validate_api_key.sync_detailed(client=by_jwt), 403) == (
        "This endpoint requires api_key authentication."
    )


async def test_validate_api_key_asyncio(by_key: AuthenticatedClient) -> None:
    ok(await validate_api_key.asyncio_detailed(client=by_key), 204)


def test_jwt_only_routes_refuse_the_api_key(live: LiveState, by_key: AuthenticatedClient) -> None:
    org_id, orbit_id = UUID(live.organization_id), UUID(live.orbit_id)
    calls = [
        create_api_key.sync_detailed(client=by_key),
        delete_api_key.sync_detailed(client=by_key),
        list_my_invitations.sync_detailed(client=by_key),
        list_organization_members.sync_detailed(org_id, client=by_key),
        list_organization_invitations.sync_detailed(org_id, client=by_key),
        list_orbit_members.sync_detailed(org_id, orbit_id, client=by_key),
        leave_organization.sync_detailed(org_id, client=by_key),
        create_organization.sync_detailed(client=by_key, body=OrganizationCreate(name="x")),
    ]
    assert [refused(response, 403) for response in calls] == [JWT_ONLY] * len(calls)


def test_lists_of_the_seeded_organization(live: LiveState, by_jwt: AuthenticatedClient) -> None:
    org_id, orbit_id = UUID(live.organization_id), UUID(live.orbit_id)
    members = ok(list_organization_members.sync_detailed(org_id, client=by_jwt))
    me = [m for m in members if str(m.user.id) == live.user_id]  # type: ignore[attr-defined]
    assert len(me) == 1 and isinstance(me[0], OrganizationMember) and me[0].role is OrgRole.OWNER
    invites = ok(list_organization_invitations.sync_detailed(org_id, client=by_jwt))
    assert all(isinstance(i, OrganizationInvite) for i in invites)  # type: ignore[attr-defined]
    assert isinstance(ok(list_my_invitations.sync_detailed(client=by_jwt)), list)
    orbit_members = ok(list_orbit_members.sync_detailed(org_id, orbit_id, client=by_jwt))
    assert live.user_id in {str(m.user.id) for m in orbit_members}  # type: ignore[attr-defined]


def test_orbit_artifacts_take_excluded_tracks(live: LiveState, by_key: AuthenticatedClient) -> None:
    page = ok(
        list_artifacts.sync_detailed(
            UUID(live.organization_id),
            UUID(live.orbit_id),
            client=by_key,
            excluded_tracks=[uuid.uuid4()],
            limit=5,
        )
    )
    assert isinstance(page, ArtifactsList)


# refusals that change nothing


def test_rules_on_the_seeded_organization(live: LiveState, by_jwt: AuthenticatedClient) -> None:
    org_id, orbit_id = UUID(live.organization_id), UUID(live.orbit_id)
    orbit = OrbitCreate(name=unique("limit"), bucket_secret_id=UUID(live.bucket_secret_id))
    assert refused(create_orbit.sync_detailed(org_id, client=by_jwt, body=orbit), 409) == (
        "Organization reached maximum number of orbits"
    )
    assert refused(leave_organization.sync_detailed(org_id, client=by_jwt), 403) == (
        "Not enough rights"
    )
    stranger = OrganizationMemberCreate(user_id=NOBODY, organization_id=org_id, role=OrgRole.MEMBER)
    response = add_organization_member.sync_detailed(org_id, client=by_jwt, body=stranger)
    assert refused(response, 409) == "Organization member already exists"
    members = ok(list_organization_members.sync_detailed(org_id, client=by_jwt))
    (me,) = [m for m in members if str(m.user.id) == live.user_id]  # type: ignore[attr-defined]
    update = OrganizationMemberUpdate(role=OrgRole.ADMIN)
    response = update_organization_member.sync_detailed(org_id, me.id, client=by_jwt, body=update)
    assert refused(response, 403) == "You can not update your own data."
    response = remove_organization_member.sync_detailed(org_id, me.id, client=by_jwt)
    assert refused(response, 403) == "You can not remove yourself from organization."
    add = OrbitMemberAdd(user_id=NOBODY, role=OrbitRole.MEMBER, orbit_id=orbit_id)
    response = add_orbit_member.sync_detailed(org_id, orbit_id, client=by_jwt, body=add)
    assert refused(response, 403) == (
        "User must be a member of the organization to be added to an orbit."
    )
    myself = OrbitMemberAdd(user_id=UUID(live.user_id), role=OrbitRole.MEMBER, orbit_id=orbit_id)
    response = add_orbit_member.sync_detailed(org_id, orbit_id, client=by_jwt, body=myself)
    assert refused(response, 400) == "You can not add yourself to orbit."
    orbit_members = ok(list_orbit_members.sync_detailed(org_id, orbit_id, client=by_jwt))
    (mine,) = [m for m in orbit_members if str(m.user.id) == live.user_id]  # type: ignore[attr-defined]
    change = OrbitMemberUpdate(id=mine.id, role=OrbitRole.MEMBER)
    response = update_orbit_member.sync_detailed(
        org_id, orbit_id, mine.id, client=by_jwt, body=change
    )
    assert refused(response, 400) == "You can not update your own data."
    response = remove_orbit_member.sync_detailed(org_id, orbit_id, mine.id, client=by_jwt)
    assert refused(response, 400) == "You can not remove yourself from orbit."
    for call in (accept_invitation, reject_invitation):
        response = call.sync_detailed(NOBODY, client=by_jwt)
        assert refused(response, 404) == "Organization invite not found"


# reversible changes


def test_invitation_created_listed_and_cancelled(
    live: LiveState, by_jwt: AuthenticatedClient
) -> None:
    org_id = UUID(live.organization_id)
    address = f"{unique('invitee')}@example.com"
    body = OrganizationInviteCreate(email=address, role=OrgRole.MEMBER, organization_id=org_id)
    response = create_organization_invitation.sync_detailed(org_id, client=by_jwt, body=body)
    # Without a mail service the server keeps the invitation and answers 201 with a detail.
    assert response.status_code in (200, 201), response.content
    try:
        invites = ok(list_organization_invitations.sync_detailed(org_id, client=by_jwt))
        (sent,) = [i for i in invites if i.email == address]  # type: ignore[attr-defined]
        assert sent.invited_by_user.id == UUID(live.user_id)
        again = create_organization_invitation.sync_detailed(org_id, client=by_jwt, body=body)
        assert refused(again, 409) == "Organization invite already exists"
    finally:
        for invite in ok(list_organization_invitations.sync_detailed(org_id, client=by_jwt)):  # type: ignore[attr-defined]
            if invite.email == address:
                ok(
                    cancel_organization_invitation.sync_detailed(org_id, invite.id, client=by_jwt),
                    204,
                )
    invites = ok(list_organization_invitations.sync_detailed(org_id, client=by_jwt))
    assert address not in {i.email for i in invites}  # type: ignore[attr-defined]


@pytest.fixture
def new_organization(by_jwt: AuthenticatedClient) -> Iterator[Organization]:
    created = ok(
        create_organization.sync_detailed(
            client=by_jwt, body=OrganizationCreate(name=unique("org"))
        )
    )
    assert isinstance(created, Organization)
    try:
        yield created
    finally:
        delete_organization.sync_detailed(created.id, client=by_jwt)


def test_organization_lifecycle(
    live: LiveState,
    by_jwt: AuthenticatedClient,
    by_key: AuthenticatedClient,
    new_organization: Organization,
) -> None:
    org_id = new_organization.id
    name = unique("renamed")
    updated = ok(
        update_organization.sync_detailed(org_id, client=by_jwt, body=OrganizationUpdate(name=name))
    )
    assert isinstance(updated, OrganizationDetails) and updated.name == name
    assert updated.total_members == 1 and updated.invites == [] and updated.orbits == []
    # An orbit (with a bucket secret) in the new organization, and its members.
    secret_body = S3BucketSecretCreate.from_dict(
        {
            "type": "s3",
            "endpoint": "127.0.0.1:58900",
            "bucket_name": unique("bucket"),
            "region": "us-east-1",
            "secure": False,
        }
    )
    secret = ok(create_bucket_secret.sync_detailed(org_id, client=by_key, body=secret_body))
    assert isinstance(secret, S3BucketSecret)
    orbit_body = OrbitCreate(name=unique("orbit"), bucket_secret_id=secret.id)
    orbit = ok(create_orbit.sync_detailed(org_id, client=by_key, body=orbit_body))
    assert isinstance(orbit, OrbitDetails)
    members = ok(list_orbit_members.sync_detailed(org_id, orbit.id, client=by_jwt))
    assert [str(m.user.id) for m in members] == [live.user_id]  # type: ignore[attr-defined]
    ok(delete_orbit.sync_detailed(org_id, orbit.id, client=by_key), 204)
    ok(delete_bucket_secret.sync_detailed(org_id, secret.id, client=by_key), 204)
    ok(delete_organization.sync_detailed(org_id, client=by_jwt), 204)
    gone = get_organization.sync_detailed(org_id, client=by_jwt)
    assert gone.status_code in (403, 404)


def test_connection_urls_reach_the_bucket(live: LiveState, by_key: AuthenticatedClient) -> None:
    org_id, secret_id = UUID(live.organization_id), UUID(live.bucket_secret_id)
    request = BucketSecretUrlsRequest.from_dict({"id": str(secret_id)})
    urls = ok(
        get_bucket_secret_connection_urls.sync_detailed(
            org_id, secret_id, client=by_key, body=request
        )
    )
    assert isinstance(urls, BucketSecretUrls)
    payload = unique("ping").encode()
    with httpx.Client(timeout=30) as storage:
        assert storage.put(urls.presigned_url, content=payload).status_code == 200
        assert storage.get(urls.download_url).content == payload
        assert storage.delete(urls.delete_url).status_code == 204
    mismatch = BucketSecretUrlsRequest.from_dict({"id": str(NOBODY)})
    response = get_bucket_secret_connection_urls.sync_detailed(
        org_id, secret_id, client=by_key, body=mismatch
    )
    assert refused(response, 400) == "Secret id does not match the path"
    secrets = ok(list_bucket_secrets.sync_detailed(org_id, client=by_key))
    (seeded,) = [s for s in secrets if s.id == secret_id]  # type: ignore[attr-defined]
    fresh = S3BucketSecretCreate.from_dict(
        {
            "type": "s3",
            "endpoint": seeded.endpoint,
            "bucket_name": seeded.bucket_name,
            "region": seeded.region,
            "secure": False,
        }
    )
    unsaved = ok(get_connection_urls.sync_detailed(client=by_key, body=fresh))
    assert isinstance(unsaved, BucketSecretUrls)
    assert "/test_file" in unsaved.presigned_url
