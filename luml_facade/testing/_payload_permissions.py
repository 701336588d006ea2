"""The permissions the real server puts in organization and orbit payloads.

Facts from luml-ai/luml backend/luml/schemas/permissions.py (the role tables, in the server's
order) and handlers/permissions.py (which resources a payload shows): an organization payload
shows organization, organization_user, organization_invite, billing and ``orbit: [create]``
(when the role may create orbits); an orbit payload shows the orbit resources of the caller's
organization role (owner, admin) or else of their orbit role (``{}`` without one).
"""

from __future__ import annotations

ORGANIZATION_ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    "owner": {
        "organization": ("read", "update", "delete"),
        "organization_user": ("list", "read", "create", "update", "delete"),
        "organization_invite": ("create", "delete", "list", "read"),
        "orbit": ("create", "update", "delete", "list", "read"),
        "orbit_user": ("list", "create", "update", "delete", "read"),
        "satellite": ("create", "list", "read", "update", "delete"),
        "deployment": ("list", "read", "create", "update", "delete"),
        "orbit_secret": ("list", "read", "create", "update", "delete"),
        "bucket_secret": ("list", "read", "create", "update", "delete"),
        "artifact": ("list", "read", "create", "update", "delete", "deploy"),
        "collection": ("list", "read", "create", "update", "delete", "deploy"),
        "track": ("list", "read", "create", "update", "delete"),
        "billing": ("read", "update"),
    },
    "admin": {
        "organization": ("read", "update", "leave"),
        "organization_user": ("list", "read", "create", "update", "delete"),
        "organization_invite": ("create", "delete", "list", "read"),
        "orbit": ("create", "update", "list", "read"),
        "orbit_user": ("list", "create", "update", "delete", "read"),
        "satellite": ("create", "list", "read", "update", "delete"),
        "deployment": ("list", "read", "create", "update", "delete"),
        "orbit_secret": ("list", "read", "create", "update", "delete"),
        "bucket_secret": ("list", "read", "create", "update", "delete"),
        "collection": ("list", "read", "create", "update", "delete", "deploy"),
        "artifact": ("list", "read", "create", "update", "delete", "deploy"),
        "track": ("list", "read", "create", "update", "delete"),
    },
    "member": {
        "organization": ("leave",),
        "orbit": ("list", "read"),
    },
}
ORBIT_ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    "admin": {
        "orbit": ("create", "update", "delete", "list", "read"),
        "orbit_user": ("list", "create", "update", "delete", "read"),
        "artifact": ("list", "read", "create", "update", "delete", "deploy"),
        "collection": ("list", "read", "create", "update", "delete"),
        "track": ("list", "read", "create", "update", "delete"),
        "satellite": ("create", "list", "read", "update", "delete"),
        "deployment": ("list", "read", "create", "update", "delete"),
        "orbit_secret": ("list", "read", "create", "update", "delete"),
    },
    "member": {
        "orbit": ("list", "read"),
        "artifact": ("list", "read", "create", "update"),
        "collection": ("list", "read", "create", "update"),
        "track": ("list", "read", "create", "update"),
        "deployment": ("list", "read", "create", "update"),
        "satellite": ("create", "list", "read"),
        "orbit_secret": ("list", "create"),
    },
}

_ORGANIZATION_RESOURCES = ("organization", "organization_user", "organization_invite", "billing")
_ORBIT_RESOURCES = (
    "orbit",
    "orbit_user",
    "artifact",
    "collection",
    "track",
    "satellite",
    "orbit_secret",
    "deployment",
)


def _pick(table: dict[str, tuple[str, ...]], resources: tuple[str, ...]) -> dict[str, list[str]]:
    return {name: list(table[name]) for name in resources if name in table}


def organization_permissions(role: str | None) -> dict[str, list[str]] | None:
    """An organization payload's ``permissions`` for the caller's role (None without one)."""
    if not role:
        return None
    table = ORGANIZATION_ROLES.get(role, {})
    found = _pick(table, _ORGANIZATION_RESOURCES)
    if "create" in table.get("orbit", ()):
        found["orbit"] = ["create"]
    return found


def orbit_permissions(org_role: str | None, orbit_role: str | None) -> dict[str, list[str]]:
    """An orbit payload's ``permissions``: by organization role for owners and admins, else
    by orbit role."""
    if org_role in ("owner", "admin"):
        return _pick(ORGANIZATION_ROLES[org_role], _ORBIT_RESOURCES)
    if not orbit_role:
        return {}
    return _pick(ORBIT_ROLES.get(orbit_role, {}), _ORBIT_RESOURCES)
