"""The real server's role permissions for the member, invitation and organization routes."""

from __future__ import annotations

from ._errors import ApiError
from ._service import NOT_ENOUGH_RIGHTS, Service, norm_id

_ALL = ("list", "read", "create", "update", "delete")

ORGANIZATION_RIGHTS: dict[str, dict[str, tuple[str, ...]]] = {
    "owner": {
        "organization": ("read", "update", "delete"),
        "organization_user": _ALL,
        "organization_invite": ("create", "delete", "list", "read"),
        "orbit_user": _ALL,
    },
    "admin": {
        "organization": ("read", "update", "leave"),
        "organization_user": _ALL,
        "organization_invite": ("create", "delete", "list", "read"),
        "orbit_user": _ALL,
    },
    "member": {"organization": ("leave",)},
}
ORBIT_RIGHTS: dict[str, dict[str, tuple[str, ...]]] = {
    "admin": {"orbit_user": _ALL},
    "member": {},
}


def check(
    service: Service,
    organization_id: str,
    user: str,
    resource: str,
    action: str,
    orbit_id: str | None = None,
) -> str:
    """The caller's organization role, after the server's permission check (403/404)."""
    role = service.member_role(organization_id, user)
    if orbit_id is not None:
        orbit = service.orbit(organization_id, orbit_id)
    if action in ORGANIZATION_RIGHTS.get(role, {}).get(resource, ()):
        return role
    if orbit_id is None:
        raise ApiError(403, NOT_ENOUGH_RIGHTS)
    orbit_role = service.db.scalar(
        "SELECT role FROM orbit_members WHERE orbit_id = ? AND user_id = ?", (orbit["id"], user)
    )
    if orbit_role is None or action not in ORBIT_RIGHTS.get(orbit_role, {}).get(resource, ()):
        raise ApiError(403, NOT_ENOUGH_RIGHTS)
    return role


def same_id(left: str, right: str) -> bool:
    """Two ids in any accepted spelling are the same."""
    return norm_id(left) == norm_id(right)
