"""Rows to the JSON shapes of the spec."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ._db import Row
from ._payload_permissions import organization_permissions
from ._presign import public_azure_endpoint


def loads(text: str | None) -> Any:
    """A JSON column's value (None stays None)."""
    return None if text is None else json.loads(text)


def dumps(value: Any) -> str | None:
    """A value for a JSON column (None stays NULL)."""
    return None if value is None else json.dumps(value)


def user_out(row: Row | Mapping[str, Any]) -> dict[str, Any]:
    """A User (public data); ``has_api_key`` when the row carries the ``api_key`` column."""
    key = row["api_key"] if "api_key" in row.keys() else None  # noqa: SIM118 (sqlite3.Row)
    return {
        "id": row["id"],
        "email": row["email"],
        "full_name": row["full_name"],
        "disabled": False,
        "photo": None,
        "has_api_key": bool(key) and str(key).startswith("dfs_"),
    }


def organization_plain(row: Row) -> dict[str, Any]:
    """An Organization (no role, no permissions)."""
    return {
        "id": row["id"],
        "name": row["name"],
        "logo": row["logo"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def organization_out(row: Row, role: str | None = None) -> dict[str, Any]:
    """An OrganizationSwitcher."""
    return {
        "id": row["id"],
        "name": row["name"],
        "logo": row["logo"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "role": role,
        "permissions": organization_permissions(role),
    }


def orbit_summary(row: Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def secret_out(row: Row, orbits: list[Row]) -> dict[str, Any]:
    """A BucketSecret without its credentials (the Azure key is cut from the endpoint)."""
    common = {
        "id": row["id"],
        "type": row["type"],
        "bucket_name": row["bucket_name"],
        "orbits": [orbit_summary(orbit) for orbit in orbits],
        "organization_id": row["organization_id"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }
    if row["type"] == "azure":
        return {**common, "endpoint": public_azure_endpoint(row["endpoint"])}
    return {
        **common,
        "endpoint": row["endpoint"],
        "secure": _bool(row["secure"]),
        "region": row["region"] or "",
        "cert_check": _bool(row["cert_check"]),
    }


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def orbit_out(
    row: Row, totals: dict[str, int], role: str | None, permissions: dict[str, list[str]] | None
) -> dict[str, Any]:
    """An Orbit (``role``: the caller's orbit role where the real server shows it)."""
    return {
        "id": row["id"],
        "name": row["name"],
        "organization_id": row["organization_id"],
        "bucket_secret_id": row["bucket_secret_id"],
        "total_members": totals["members"],
        "total_collections": totals["collections"],
        "total_satellites": totals["satellites"],
        "total_artifacts": totals["artifacts"],
        "role": role,
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "permissions": permissions,
    }


def orbit_member_out(row: Row, user: Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "orbit_id": row["orbit_id"],
        "role": row["role"],
        "user": user_out(user),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def collection_out(row: Row, total_artifacts: int) -> dict[str, Any]:
    """A Collection."""
    return {
        "id": row["id"],
        "orbit_id": row["orbit_id"],
        "description": row["description"],
        "name": row["name"],
        "type": row["type"],
        "tags": loads(row["tags"]),
        "total_artifacts": total_artifacts,
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def artifact_out(row: Row) -> dict[str, Any]:
    """An Artifact."""
    return {
        "id": row["id"],
        "collection_id": row["collection_id"],
        "file_name": row["file_name"],
        "name": row["name"],
        "description": row["description"],
        "extra_values": loads(row["extra_values"]),
        "manifest": loads(row["manifest"]),
        "file_hash": row["file_hash"],
        "file_index": loads(row["file_index"]),
        "bucket_location": row["bucket_location"],
        "size": row["size"],
        "unique_identifier": row["unique_identifier"],
        "tags": loads(row["tags"]),
        "status": row["status"],
        "type": row["type"],
        "created_by_user": row["created_by_user"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def org_member_out(member: Row, user: Row | Mapping[str, Any]) -> dict[str, Any]:
    """An OrganizationMember."""
    return {
        "id": member["id"],
        "organization_id": member["organization_id"],
        "role": member["role"],
        "user": user_out(user),
        "created_at": member["created_at"],
        "updated_at": member["updated_at"],
    }


def invite_out(invite: Row, organization: Row | None, inviter: Row | None) -> dict[str, Any]:
    """An OrganizationInvite, with its organization and who sent it."""
    return {
        "id": invite["id"],
        "email": invite["email"],
        "role": invite["role"],
        "organization_id": invite["organization_id"],
        "invited_by_user": None if inviter is None else user_out(inviter),
        "organization": None if organization is None else organization_plain(organization),
        "created_at": invite["created_at"],
    }
