"""Registry rows to the JSON shapes of the spec (orbit secrets, satellites, deployments, tracks)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from ._db import Row
from ._records import loads

SATELLITE_SILENCE = timedelta(minutes=20)


def orbit_secret_out(row: Row, *, show_value: bool) -> dict[str, Any]:
    """An OrbitSecret; lists show ``value`` as ``""`` like the real server."""
    return {
        "id": row["id"],
        "name": row["name"],
        "value": row["value"] if show_value else "",
        "orbit_id": row["orbit_id"],
        "tags": loads(row["tags"]),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def satellite_status(row: Row, now: datetime | None = None) -> str:
    """inactive until paired and seen; error after 20 minutes of silence; else active."""
    if not row["paired"] or row["last_seen_at"] is None:
        return "inactive"
    seen = datetime.fromisoformat(row["last_seen_at"])
    if (now or datetime.now(UTC)) - seen > SATELLITE_SILENCE:
        return "error"
    return "active"


def satellite_out(row: Row) -> dict[str, Any]:
    """A Satellite (never its key hash)."""
    return {
        "id": row["id"],
        "orbit_id": row["orbit_id"],
        "name": row["name"],
        "description": row["description"],
        "base_url": row["base_url"],
        "paired": bool(row["paired"]),
        "capabilities": loads(row["capabilities"]) or {},
        "slug": row["slug"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "last_seen_at": row["last_seen_at"],
        "status": satellite_status(row),
    }


def task_out(row: Row) -> dict[str, Any]:
    """A SatelliteTask."""
    return {
        "id": row["id"],
        "satellite_id": row["satellite_id"],
        "orbit_id": row["orbit_id"],
        "type": row["type"],
        "payload": loads(row["payload"]),
        "status": row["status"],
        "scheduled_at": row["scheduled_at"],
        "started_at": row["started_at"],
        "finished_at": row["finished_at"],
        "result": loads(row["result"]),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def deployment_out(row: Row) -> dict[str, Any]:
    """A Deployment; ``row`` carries ``satellite_name``, ``artifact_name``, ``collection_id``."""
    return {
        "id": row["id"],
        "name": row["name"],
        "status": row["status"],
        "orbit_id": row["orbit_id"],
        "satellite_id": row["satellite_id"],
        "satellite_name": row["satellite_name"],
        "artifact_id": row["artifact_id"],
        "artifact_name": row["artifact_name"],
        "collection_id": row["collection_id"],
        "inference_url": row["inference_url"],
        "satellite_parameters": loads(row["satellite_parameters"]),
        "description": row["description"],
        "dynamic_attributes_secrets": loads(row["dynamic_attributes_secrets"]),
        "env_variables_secrets": loads(row["env_variables_secrets"]),
        "env_variables": loads(row["env_variables"]),
        "schemas": loads(row["schemas"]),
        "error_message": loads(row["error_message"]),
        "created_by_user": row["created_by_user"],
        "tags": loads(row["tags"]),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "model_id": row["artifact_id"],
        "model_artifact_name": row["artifact_name"],
    }


def stage_out(row: Row) -> dict[str, Any]:
    """A Stage; ``row`` carries ``is_used``."""
    return {
        "id": row["id"],
        "track_id": row["track_id"],
        "name": row["name"],
        "is_used": bool(row["is_used"]),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def track_out(row: Row, stages: list[Row]) -> dict[str, Any]:
    """A Track; ``row`` carries ``total_entries``."""
    return {
        "id": row["id"],
        "name": row["name"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "orbit_id": row["orbit_id"],
        "artifact_type": row["artifact_type"],
        "description": row["description"],
        "tags": loads(row["tags"]),
        "stages": [stage_out(stage) for stage in stages],
        "next_version": row["next_version"],
        "total_entries": row["total_entries"],
    }


def entry_out(row: Row) -> dict[str, Any]:
    """A TrackEntry; ``row`` carries the artifact's and the stage's columns."""
    return {
        "id": row["id"],
        "track_id": row["track_id"],
        "artifact_id": row["artifact_id"],
        "version": row["version"],
        "stage_id": row["stage_id"],
        "added_by": row["added_by"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "artifact_collection_id": row["artifact_collection_id"],
        "artifact_name": row["artifact_name"],
        "artifact_description": row["artifact_description"],
        "stage_name": row["stage_name"],
    }
