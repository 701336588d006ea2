"""Who the local server knows: a tenant (user, key, organization, bucket) and its workspace."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Workspace:
    """The names a ready tenant gets: the ones the README's quick start uses.

    ``orbit=None`` leaves the tenant without an orbit (and so without a collection);
    ``collection=None`` without a collection.

    Example:
        LocalLuml(workspace=Workspace(organization="Acme", orbit="Research"))
    """

    organization: str = "My Org"
    bucket: str = "luml-local"
    orbit: str | None = "Default Orbit"
    collection: str | None = "churn"
    collection_description: str = "Churn models"
    collection_type: str = "mixed"


@dataclass(frozen=True)
class Tenant:
    """A user with an API key, one organization and one S3 bucket secret, and, for a ready
    tenant, an orbit and a collection in it (None otherwise).

    ``user_token`` is the user's signed-in-session token (a JWT to the real server): the routes
    the real server keeps for signed-in sessions (organization admin, members, invitations, API
    keys) answer 403 "This endpoint requires jwt authentication." to the API key.
    """

    api_key: str
    user_id: str
    organization_id: str
    organization_name: str
    bucket_secret_id: str
    bucket_name: str
    user_token: str
    orbit_id: str | None = None
    orbit_name: str | None = None
    collection_id: str | None = None
    collection_name: str | None = None
