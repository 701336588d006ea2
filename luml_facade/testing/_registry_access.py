"""What the registry handlers share: the real server's permission check, paging, plain 500s.

The permission check is ``PermissionsHandler.check_permissions`` of the real server
(backend/luml/handlers/permissions.py with schemas/permissions.py): not a member of the
organization -> 403; an orbit not in the organization -> 404 ``Orbit not found``; an
organization owner or admin may do everything on these resources; anyone else needs an orbit
role whose rights include the action.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from connexion.lifecycle import ConnexionResponse

from ._connection_drop import DROP_MARK
from ._db import Row
from ._errors import ApiError
from ._paging import InvalidCursor, PageRequest, page, usable_cursor
from ._service import NOT_ENOUGH_RIGHTS, Service, norm_id

T = TypeVar("T")

_ALL = frozenset({"list", "read", "create", "update", "delete"})
ORBIT_ROLE_RIGHTS: dict[str, dict[str, frozenset[str]]] = {
    "admin": {
        "track": _ALL,
        "satellite": _ALL,
        "deployment": _ALL,
        "orbit_secret": _ALL,
    },
    "member": {
        "track": frozenset({"list", "read", "create", "update"}),
        "deployment": frozenset({"list", "read", "create", "update"}),
        "satellite": frozenset({"create", "list", "read"}),
        "orbit_secret": frozenset({"list", "create"}),
    },
}
ORG_ROLES_WITH_ALL_RIGHTS = ("owner", "admin")


def allowed_orbit(
    service: Service, organization_id: str, orbit_id: str, user: str, resource: str, action: str
) -> Row:
    """The orbit, once the caller may do ``action`` on ``resource`` in it (403/404 otherwise)."""
    org_role = service.member_role(organization_id, user)
    orbit = service.orbit(organization_id, orbit_id)
    if org_role in ORG_ROLES_WITH_ALL_RIGHTS:
        return orbit
    orbit_role = service.db.scalar(
        "SELECT role FROM orbit_members WHERE orbit_id = ? AND user_id = ?", (orbit["id"], user)
    )
    rights = ORBIT_ROLE_RIGHTS.get(str(orbit_role), {}).get(resource, frozenset())
    if action not in rights:
        raise ApiError(403, NOT_ENOUGH_RIGHTS)
    return orbit


def satellites_limit(service: Service) -> int:
    """How many satellites an organization may have (all its orbits together)."""
    return service.settings.limits.satellites


def server_error() -> ConnexionResponse:
    """The real server's answer to an unhandled exception: 500, plain text, then no connection."""
    return ConnexionResponse(
        status_code=500,
        body=b"Internal Server Error",
        content_type="text/plain; charset=utf-8",
        mimetype="text/plain",
        headers={DROP_MARK.decode(): "1"},  # then the connection closes (_connection_drop)
    )


def hex_id(value: str) -> str:
    """An id as 32 hex digits (the form cursors carry)."""
    return norm_id(value).replace("-", "")


def keyset_page(
    rows: Sequence[T],
    *,
    cursor: str | None,
    limit: int,
    sort_by: str,
    order: str,
    scope: str,
    value_of: Callable[[T], Any],
    id_of: Callable[[T], str],
) -> tuple[Sequence[T], str | None]:
    """One page as the real server's track lists build it.

    The cursor is kept only for the same sort, order and scope (the orbit or the track, not the
    filters); a cursor that does not decode, or does not fit the sort column, gives the first
    page, as ``luml.utils.pagination.decode_cursor`` answers None for it.
    """
    scope_hex = hex_id(scope)
    try:
        after = usable_cursor(cursor, sort_by, order, scope_hex)
    except InvalidCursor:
        after = None
    request = PageRequest(sort_by, order, limit, scope_hex, after)
    id_hex = lambda item: hex_id(id_of(item))  # noqa: E731
    try:
        return page(rows, request, value_of, id_hex)
    except InvalidCursor:
        first = PageRequest(sort_by, order, limit, scope_hex, None)
        return page(rows, first, value_of, id_hex)


ARTIFACT_IN_TRACKS = (
    "Artifact is referenced by one or more tracks. Remove it from all tracks before deleting."
)
ARTIFACT_IN_DEPLOYMENTS = "Cannot delete artifact because it is used in deployments."


def check_artifact_deletable(service: Service, artifact_id: str, *, deployments: bool) -> None:
    """409 while deployments (when asked) or track entries hold the artifact.

    The real server asks both when handing out the delete URL, and only about tracks when
    confirming or forcing a deletion (forcing removes the artifact's deployments).
    """
    if deployments and service.db.one(
        "SELECT 1 FROM deployments WHERE artifact_id = ?", (artifact_id,)
    ):
        raise ApiError(409, ARTIFACT_IN_DEPLOYMENTS)
    if service.db.one("SELECT 1 FROM track_entries WHERE artifact_id = ?", (artifact_id,)):
        raise ApiError(409, ARTIFACT_IN_TRACKS)
