"""Organizations the API key's user belongs to."""

from __future__ import annotations

import builtins

from luml_openapi.api.organizations import list_my_organizations

from .._flow import Flow, call
from .._lookup import pick
from .._session import M, Resource, operation
from ..types import Organization, adopt


def fetch_organizations() -> Flow[builtins.list[Organization]]:
    """Every organization of the caller."""
    found = yield from call(list_my_organizations)
    return [adopt(Organization, item) for item in found]


class OrganizationResource(Resource[M]):
    """The caller's organizations (`luml.organizations`)."""

    @operation
    def get(self, organization_value: str | None = None) -> Flow[Organization | None]:
        """Get an organization by id or exact (case-sensitive) name; the default one if omitted.

        The server's get-organization route is for signed-in browser sessions only, so the
        organization is found in the caller's organization list.

        Arguments:
            organization_value: The organization's id or exact name.

        Returns:
            Organization | None: the organization, or None when nothing matches.

        Raises:
            MultipleResourcesFoundError: a name matches several organizations.

        Example:
            org = luml.organizations.get("My Org")
        """
        if organization_value is None:
            organization_value = yield from self._defaults.organization()
        organizations = yield from fetch_organizations()
        return pick("organization", organization_value, organizations)

    @operation
    def list(self) -> Flow[builtins.list[Organization]]:
        """List every organization the API key's user belongs to.

        Returns:
            list[Organization]: the organizations, with the user's role in each.

        Raises:
            AuthenticationError: the key was refused.

        Example:
            for org in luml.organizations.list():
                print(org.id, org.name)
        """
        return (yield from fetch_organizations())
