"""Organization calls: the API key's user's organizations."""

from __future__ import annotations

from luml_openapi.api.organizations import list_my_organizations

from .._flow import Flow, call
from ..types import Organization, adopt


def fetch_all() -> Flow[list[Organization]]:
    """Every organization of the caller (the server's get-one route is for browser sessions
    only, so lookups scan this list)."""
    found = yield from call(list_my_organizations)
    return [adopt(Organization, item) for item in found]
