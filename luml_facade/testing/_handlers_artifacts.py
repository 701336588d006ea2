"""Handlers: artifacts (records, listing, status, and their storage URLs)."""

from __future__ import annotations

import uuid
from typing import Any

from connexion.lifecycle import ConnexionResponse

from ._db import Row
from ._errors import ApiError, json_response
from ._ids import new_id, now_iso
from ._paging import InvalidCursor, PageRequest, page, scope_hex, usable_cursor
from ._real_bugs import RealServerCrash, check_artifact_name, is_broken_deployment
from ._records import artifact_out, collection_out, dumps, loads
from ._records_registry import deployment_out
from ._registry_access import check_artifact_deletable
from ._service import Handlers, norm_id

FNNX_FILES = (
    "dtypes.json",
    "env.json",
    "manifest.json",
    "meta.json",
    "ops.json",
    "variant_config.json",
)
ARTIFACT_TYPES = ("model", "dataset", "experiment")
SORT_COLUMNS = ("created_at", "name", "size", "description", "status", "type")
TRANSITIONS = {
    "pending_upload": {"uploaded", "upload_failed"},
    "pending_deletion": {"deletion_failed"},
}


LUML_MANIFEST_KEYS = (
    "artifact_type",
    "variant",
    "name",
    "description",
    "version",
    "producer_name",
    "producer_version",
    "producer_tags",
    "payload",
)
LEGACY_MANIFEST_KEYS = (
    "variant",
    "name",
    "version",
    "description",
    "producer_name",
    "producer_version",
    "producer_tags",
    "inputs",
    "outputs",
    "dynamic_attributes",
    "env_vars",
)


def parsed_manifest(manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest as the real server stores it (its pydantic model dumped): the fields of its
    form, in order, the optional ones null when left out; other keys dropped."""
    keys = LUML_MANIFEST_KEYS if "artifact_type" in manifest else LEGACY_MANIFEST_KEYS
    return {key: manifest.get(key) for key in keys}


def artifact_type(manifest: dict[str, Any], file_index: dict[str, Any]) -> str:
    """The type the server infers from the manifest or, failing that, the file index."""
    if "artifact_type" in manifest:
        if manifest["artifact_type"] not in ARTIFACT_TYPES:
            raise ApiError(400, "Unsupported LUML Artifact type.")
        return str(manifest["artifact_type"])
    if all(name in file_index for name in FNNX_FILES):
        return "model"
    raise ApiError(400, "Could not define artifact type.")


def type_allowed(collection_type: str, kind: str) -> bool:
    """``mixed`` takes everything; otherwise the type must be part of the collection type."""
    return collection_type == "mixed" or kind in collection_type


def _metric(row: Row, key: str) -> float | None:
    value = (loads(row["extra_values"]) or {}).get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


class ArtifactHandlers(Handlers):
    """The artifact operations."""

    def create_artifact(
        self,
        organization_id: str,
        orbit_id: str,
        collection_id: str,
        body: dict[str, Any],
        user: str,
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        orbit = self.service.orbit(organization_id, orbit_id)
        collection = self.service.collection(orbit["id"], collection_id)
        kind = artifact_type(body["manifest"], body["file_index"])
        if self.service.settings.real_server_bugs:
            check_artifact_name(body)
        if body.get("type") and body["type"] != kind:
            raise ApiError(400, "Artifact's real type does not match the type you specified.")
        if not type_allowed(collection["type"], kind):
            raise ApiError(400, "Artifact type is not allowed for this collection type")
        self._check_artifacts_limit(orbit["organization_id"])
        unique = uuid.uuid4().hex
        location = f"orbit-{orbit['id']}/collection-{collection['id']}/{unique}-{body['file_name']}"
        multipart = body["size"] > self.service.settings.multipart_threshold
        details = self.service.orbit_urls(orbit).upload_details(location, multipart)
        artifact_id = new_id()
        self.db.insert(
            "artifacts",
            self._new_row(
                artifact_id,
                collection["id"],
                body,
                {
                    "type": kind,
                    "bucket_location": location,
                    "unique_identifier": unique,
                    "created_by_user": self._user_name(user),
                },
            ),
        )
        artifact = self.service.artifact(collection["id"], artifact_id)
        return json_response(200, {"artifact": artifact_out(artifact), "upload_details": details})

    def _new_row(
        self, artifact_id: str, collection_id: str, body: dict[str, Any], extra: dict[str, Any]
    ) -> dict[str, Any]:
        return {
            "id": artifact_id,
            "collection_id": collection_id,
            "file_name": body["file_name"],
            "name": body.get("name"),
            "description": body.get("description"),
            "extra_values": dumps(body["extra_values"]),
            "manifest": dumps(parsed_manifest(body["manifest"])),
            "file_hash": body["file_hash"],
            "file_index": dumps(body["file_index"]),
            "size": body["size"],
            "tags": dumps(body.get("tags")),
            "status": "pending_upload",
            "created_at": now_iso(),
            **extra,
        }

    def _check_artifacts_limit(self, organization_id: str) -> None:
        total = self.db.scalar(
            "SELECT COUNT(*) FROM artifacts a JOIN collections c ON c.id = a.collection_id "
            "JOIN orbits o ON o.id = c.orbit_id WHERE o.organization_id = ?",
            (organization_id,),
        )
        if int(total) >= self.service.settings.limits.artifacts:
            raise ApiError(409, "Organization reached maximum number of artifacts")

    def _user_name(self, user: str) -> str | None:
        name = self.db.scalar("SELECT full_name FROM users WHERE id = ?", (user,))
        return None if name is None else str(name)

    def list_artifacts(
        self,
        organization_id: str,
        orbit_id: str,
        user: str,
        types: list[str] | None = None,
        cursor: str | None = None,
        limit: int = 50,
        sort_by: str = "created_at",
        order: str = "desc",
        collection_ids: list[str] | None = None,
        search: str | None = None,
        excluded_tracks: list[str] | None = None,
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        orbit = self.service.orbit(organization_id, orbit_id)
        ids = self._checked_collections(orbit["id"], collection_ids)
        value_of = self._sort_value(sort_by, ids)
        excluded = [uuid.UUID(value) for value in excluded_tracks or []]
        scope = scope_hex(
            {
                "orbit_id": uuid.UUID(orbit["id"]),
                "collection_ids": [uuid.UUID(i) for i in ids] if ids is not None else None,
                "artifact_types": types or None,
                "search": search,
                "excluded_tracks": excluded or None,
            }
        )
        rows = self._rows(orbit["id"], ids, types, search)
        if excluded:
            rows = self._without_tracks(rows, [str(value) for value in excluded])
        try:
            after = usable_cursor(cursor, sort_by, order, scope)
            request = PageRequest(sort_by, order, limit, scope, after)
            items, next_cursor = page(
                rows, request, value_of, lambda row: row["id"].replace("-", "")
            )
        except InvalidCursor as exc:
            raise ApiError(400, "Invalid cursor") from exc
        listed = [
            {**artifact_out(row), "deployments": self._active(row), "collection_name": row["cname"]}
            for row in items
        ]
        return json_response(200, {"items": listed, "cursor": next_cursor})

    def _checked_collections(self, orbit_id: str, ids: list[str] | None) -> list[str] | None:
        if not ids:
            return None
        wanted = list(dict.fromkeys(norm_id(value) for value in ids))
        missing = [
            value
            for value in wanted
            if self.db.one(
                "SELECT 1 FROM collections WHERE id = ? AND orbit_id = ?", (value, orbit_id)
            )
            is None
        ]
        if missing:
            raise ApiError(
                404, "You don't have access to the following collections: " + ", ".join(missing)
            )
        return wanted

    def _active(self, row: Row) -> list[dict[str, Any]]:
        """The artifact's active deployments, as the artifact list shows them."""
        found = self.db.all(
            "SELECT id, name, status, orbit_id FROM deployments WHERE artifact_id = ? "
            "AND status = 'active' ORDER BY created_at, id",
            (row["id"],),
        )
        return [dict(deployment) for deployment in found]

    def _without_tracks(self, rows: list[Row], track_ids: list[str]) -> list[Row]:
        """The rows whose artifact is in none of these tracks (``excluded_tracks``)."""
        marks = ", ".join("?" for _ in track_ids)
        sql = f"SELECT artifact_id FROM track_entries WHERE track_id IN ({marks})"  # noqa: S608
        tracked = {norm_id(row["artifact_id"]) for row in self.db.all(sql, track_ids)}
        return [row for row in rows if norm_id(row["id"]) not in tracked]

    def _sort_value(self, sort_by: str, ids: list[str] | None) -> Any:
        """How to read the sort value of a row; 400 for a sort the server refuses. Without
        collection_ids the real server checks nothing and sorts an unknown column by
        created_at."""
        if sort_by in SORT_COLUMNS:
            return lambda row: row[sort_by]
        if ids is None:
            return lambda row: row["created_at"]
        if sort_by == "extra_values":
            raise ApiError(400, "Cannot sort by 'metrics'. Pass a metric key")
        keys: set[str] = set()
        marks = ", ".join("?" for _ in ids or [])
        sql = f"SELECT extra_values FROM artifacts WHERE collection_id IN ({marks})"  # noqa: S608
        for row in self.db.all(sql, ids or []):
            keys.update(loads(row["extra_values"]) or {})
        if sort_by not in keys:
            raise ApiError(400, f"Invalid sorting column: {sort_by}")
        return lambda row: _metric(row, sort_by)

    def _rows(
        self, orbit_id: str, ids: list[str] | None, types: list[str] | None, search: str | None
    ) -> list[Row]:
        sql = (
            "SELECT a.*, c.name AS cname FROM artifacts a JOIN collections c "
            "ON c.id = a.collection_id WHERE c.orbit_id = ?"
        )
        params: list[Any] = [orbit_id]
        if ids:
            sql += f" AND a.collection_id IN ({', '.join('?' for _ in ids)})"
            params.extend(ids)
        if types:
            sql += f" AND a.type IN ({', '.join('?' for _ in types)})"
            params.extend(types)
        rows = self.db.all(sql, params)
        if search:
            rows = [row for row in rows if search.lower() in (row["name"] or "").lower()]
        return rows

    def get_artifact(
        self,
        organization_id: str,
        orbit_id: str,
        collection_id: str,
        artifact_id: str,
        user: str,
    ) -> ConnexionResponse:
        row = self.service.artifact_in_path(
            user, organization_id, orbit_id, collection_id, artifact_id
        )
        collection = self.db.one(
            "SELECT c.*, (SELECT COUNT(*) FROM artifacts a WHERE a.collection_id = c.id) AS total"
            " FROM collections c WHERE c.id = ?",
            (row["collection_id"],),
        )
        assert collection is not None
        deployments = self.db.all(
            "SELECT d.*, s.name AS satellite_name, a.name AS artifact_name, "
            "a.collection_id AS collection_id FROM deployments d "
            "JOIN satellites s ON s.id = d.satellite_id JOIN artifacts a ON a.id = d.artifact_id "
            "WHERE d.artifact_id = ? ORDER BY d.created_at, d.id",
            (row["id"],),
        )
        if any(map(is_broken_deployment, deployments)):
            raise RealServerCrash("an unreadable deployment of the artifact")
        tracks = self.db.all(
            "SELECT DISTINCT t.id, t.name, t.created_at, t.updated_at FROM tracks t "
            "JOIN track_entries e ON e.track_id = t.id WHERE e.artifact_id = ? "
            "ORDER BY t.created_at, t.id",
            (row["id"],),
        )
        body = {
            **artifact_out(row),
            "deployments": [deployment_out(found) for found in deployments],
            "tracks": [dict(track) for track in tracks],
            "collection": collection_out(collection, collection["total"]),
        }
        return json_response(200, body)

    def update_artifact(
        self,
        organization_id: str,
        orbit_id: str,
        collection_id: str,
        artifact_id: str,
        body: dict[str, Any],
        user: str,
    ) -> ConnexionResponse:
        row = self.service.artifact_in_path(
            user, organization_id, orbit_id, collection_id, artifact_id
        )
        changes: dict[str, Any] = {
            name: body[name] for name in ("name", "description") if name in body
        }
        if "tags" in body:
            changes["tags"] = dumps(body["tags"])
        status = body.get("status")
        if status is not None:
            if status not in TRANSITIONS.get(row["status"], set()):
                raise ApiError(400, f"Invalid status transition from {row['status']} to {status}")
            changes["status"] = status
        if changes:
            self.db.update("artifacts", row["id"], {**changes, "updated_at": now_iso()})
        updated = self.service.artifact(row["collection_id"], row["id"])
        return json_response(200, artifact_out(updated))

    def delete_artifact(
        self,
        organization_id: str,
        orbit_id: str,
        collection_id: str,
        artifact_id: str,
        user: str,
    ) -> ConnexionResponse:
        row = self.service.artifact_in_path(
            user, organization_id, orbit_id, collection_id, artifact_id
        )
        check_artifact_deletable(self.service, row["id"], deployments=False)
        if row["status"] != "pending_deletion":
            raise ApiError(400, f"Unable to confirm deletion with status '{row['status']}'")
        self.db.run("DELETE FROM artifacts WHERE id = ?", (row["id"],))
        return json_response(204, None)

    def force_delete_artifact(
        self,
        organization_id: str,
        orbit_id: str,
        collection_id: str,
        artifact_id: str,
        user: str,
    ) -> ConnexionResponse:
        row = self.service.artifact_in_path(
            user, organization_id, orbit_id, collection_id, artifact_id
        )
        check_artifact_deletable(self.service, row["id"], deployments=False)
        held = self.db.all("SELECT * FROM deployments WHERE artifact_id = ?", (row["id"],))
        if self.service.settings.real_server_bugs and any(map(is_broken_deployment, held)):
            raise RealServerCrash("loading the artifact's unreadable deployment")
        self.db.run("DELETE FROM artifacts WHERE id = ?", (row["id"],))
        return json_response(204, None)

    def get_artifact_download_url(
        self,
        organization_id: str,
        orbit_id: str,
        collection_id: str,
        artifact_id: str,
        user: str,
    ) -> ConnexionResponse:
        row = self.service.artifact_in_path(
            user, organization_id, orbit_id, collection_id, artifact_id
        )
        orbit = self.service.orbit(organization_id, orbit_id)
        url = self.service.orbit_urls(orbit).download_url(row["bucket_location"])
        return json_response(200, {"url": url})

    def get_artifact_delete_url(
        self,
        organization_id: str,
        orbit_id: str,
        collection_id: str,
        artifact_id: str,
        user: str,
    ) -> ConnexionResponse:
        row = self.service.artifact_in_path(
            user, organization_id, orbit_id, collection_id, artifact_id
        )
        check_artifact_deletable(self.service, row["id"], deployments=True)
        orbit = self.service.orbit(organization_id, orbit_id)
        url = self.service.orbit_urls(orbit).delete_url(row["bucket_location"])
        self.db.update(
            "artifacts", row["id"], {"status": "pending_deletion", "updated_at": now_iso()}
        )
        return json_response(200, {"url": url})
