"""What the server holds, read without a facade call: every facade call first settles the
transfer journal (and so repairs what a failed transfer left), so a test of what the failing
call itself did must look at the server directly."""

from __future__ import annotations

from typing import Any

import httpx

from luml_facade.testing import LocalLuml, Tenant


async def defaults_of(luml: Any) -> tuple[str, str, str]:
    """The client's default organization, orbit and collection ids (no API call)."""
    if hasattr(luml, "get_defaults"):
        organization, orbit, collection = await luml.get_defaults()
    else:
        organization, orbit, collection = luml.organization, luml.orbit, luml.collection
    return str(organization), str(orbit), str(collection)


async def raw_statuses(luml: Any, server: LocalLuml, tenant: Tenant) -> list[str]:
    """Statuses of the artifacts in the client's default collection, as the server holds them
    (a plain GET with the tenant's key: no facade call, which would repair first)."""
    organization, orbit, collection = await defaults_of(luml)
    response = httpx.get(
        f"{server.url}/v1/organizations/{organization}/orbits/{orbit}/artifacts",
        params={"collection_ids": collection},
        headers={"Authorization": f"Bearer {tenant.api_key}"},
    )
    response.raise_for_status()
    return sorted(item["status"] for item in response.json()["items"])
