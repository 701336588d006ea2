"""Organizations the API key's user belongs to."""

from __future__ import annotations

import builtins

from .._flow import Flow
from .._session import M, Resource, operation
from ..calls import organizations
from ..calls._resolve import find
from ..types import Organization


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
        return (yield from find("organization", organization_value, organizations.fetch_all))

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
        return (yield from organizations.fetch_all())
