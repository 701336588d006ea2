"""Handlers: tracks and their stages (handlers/tracks.py, repositories/tracks.py).

Rules mirrored from the real server:
- Track names need not be unique; stage names must be unique within a track (409
  ``Duplicate stage names are not allowed.``, nothing written). No stage exists unless listed.
- Stages come oldest first; stages created together share their ``created_at``.
- update_track's ``stages`` is the whole wanted list (keep/rename by id, add without id, drop
  the rest); an id of another track is a 422, dropping a stage an entry is at is a 409.
  Like the server, update and delete look the track up by id only (not within the orbit).
- The list pages by keyset with the orbit as the cursor's scope (filters are not part of it).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from connexion.lifecycle import ConnexionResponse

from ._db import Row
from ._errors import ApiError, json_response
from ._ids import new_id, now_iso
from ._records import dumps
from ._records_registry import track_out
from ._registry_access import allowed_orbit, keyset_page, server_error
from ._service import Handlers, norm_id

TRACK_NOT_FOUND = "Track not found"
DUPLICATE_STAGES = "Duplicate stage names are not allowed."
FOREIGN_STAGE = "Stage does not belong to this track."
TRACKS = (
    "SELECT t.*, (SELECT COUNT(*) FROM track_entries e WHERE e.track_id = t.id) "
    "AS total_entries FROM tracks t"
)
STAGES = (
    "SELECT s.*, EXISTS (SELECT 1 FROM track_entries e WHERE e.stage_id = s.id) AS is_used "
    "FROM track_stages s WHERE s.track_id = ? ORDER BY s.created_at, s.id"
)


class TrackHandlers(Handlers):
    """The track operations, and the stage list."""

    def _orbit(self, organization_id: str, orbit_id: str, user: str, action: str) -> Row:
        return allowed_orbit(self.service, organization_id, orbit_id, user, "track", action)

    def track_row(self, track_id: str, orbit_id: str | None = None) -> Row:
        """The track (within the orbit, when given); 404 ``Track not found`` otherwise."""
        row = self.db.one(f"{TRACKS} WHERE t.id = ?", (norm_id(track_id),))
        if row is None or (orbit_id is not None and row["orbit_id"] != orbit_id):
            raise ApiError(404, TRACK_NOT_FOUND)
        return row

    def _track_json(self, row: Row) -> dict[str, Any]:
        return track_out(row, self.db.all(STAGES, (row["id"],)))

    def create_track(
        self, organization_id: str, orbit_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "create")
        stages: list[str] = body.get("stages") or []
        if len(set(stages)) != len(stages):
            raise ApiError(409, DUPLICATE_STAGES)
        track_id, now = new_id(), now_iso()
        with self.db.transaction():
            self.db.insert(
                "tracks",
                {
                    "id": track_id,
                    "orbit_id": orbit["id"],
                    "name": body["name"],
                    "artifact_type": body["artifact_type"],
                    "description": body.get("description"),
                    "tags": dumps(body.get("tags")),
                    "next_version": 1,
                    "created_at": now,
                },
            )
            for name in stages:
                self.db.insert(
                    "track_stages",
                    {"id": new_id(), "track_id": track_id, "name": name, "created_at": now},
                )
        return json_response(200, self._track_json(self.track_row(track_id)))

    def list_tracks(
        self,
        organization_id: str,
        orbit_id: str,
        user: str,
        cursor: str | None = None,
        limit: int = 50,
        sort_by: str = "created_at",
        order: str = "desc",
        search: str | None = None,
        types: list[str] | None = None,
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "list")
        rows = [
            row
            for row in self.db.all(f"{TRACKS} WHERE t.orbit_id = ?", (orbit["id"],))
            if _track_matches(row, search, types)
        ]
        items, next_cursor = keyset_page(
            rows,
            cursor=cursor,
            limit=limit,
            sort_by=sort_by,
            order=order,
            scope=orbit["id"],
            value_of=lambda row: row[sort_by],
            id_of=lambda row: row["id"],
        )
        body = {"items": [self._track_json(row) for row in items], "cursor": next_cursor}
        return json_response(200, body)

    def get_track(
        self, organization_id: str, orbit_id: str, track_id: str, user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "read")
        return json_response(200, self._track_json(self.track_row(track_id, orbit["id"])))

    def update_track(
        self, organization_id: str, orbit_id: str, track_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        self._orbit(organization_id, orbit_id, user, "update")
        row = self.track_row(track_id)
        changes: dict[str, Any] = {key: body[key] for key in ("name", "description") if key in body}
        if "tags" in body:
            changes["tags"] = dumps(body["tags"])
        try:
            with self.db.transaction():
                if body.get("stages") is not None:
                    self._sync_stages(row["id"], body["stages"])
                if "name" in changes and changes["name"] is None:
                    raise _NullNameError
                if any(row[key] != value for key, value in changes.items()):
                    self.db.update("tracks", row["id"], {**changes, "updated_at": now_iso()})
        except _NullNameError:
            return server_error()
        except sqlite3.IntegrityError as exc:  # a rename onto a name not yet freed
            raise ApiError(409, DUPLICATE_STAGES) from exc
        return json_response(200, self._track_json(self.track_row(row["id"])))

    def _sync_stages(self, track_id: str, wanted: list[dict[str, Any]]) -> None:
        """Make the track's stages the wanted list (the server's apply_stage_sync)."""
        current = {row["id"]: row for row in self.db.all(STAGES, (track_id,))}
        keep = {norm_id(item["id"]) for item in wanted if item.get("id") is not None}
        if keep - set(current):
            raise ApiError(422, FOREIGN_STAGE)
        dropped = [row for stage_id, row in current.items() if stage_id not in keep]
        used = [row for row in dropped if row["is_used"]]
        if used:
            listed = ", ".join(f"'{row['name']}' ({row['id']})" for row in used)
            raise ApiError(409, f"Cannot remove stages that are assigned to a version: {listed}.")
        names = [item["name"] for item in wanted]
        if len(set(names)) != len(names):
            raise ApiError(409, DUPLICATE_STAGES)
        # The real server's flush writes new and renamed stages before it deletes the dropped
        # ones: a name taken by a stage dropped in the same update is still a duplicate.
        changed = {
            item["name"]
            for item in wanted
            if item.get("id") is None or current[norm_id(item["id"])]["name"] != item["name"]
        }
        if changed & {row["name"] for row in dropped}:
            raise ApiError(409, DUPLICATE_STAGES)
        now = now_iso()
        for row in dropped:
            self.db.run("DELETE FROM track_stages WHERE id = ?", (row["id"],))
        for item in wanted:
            stage_id = item.get("id")
            if stage_id is None:
                continue
            stage = current[norm_id(stage_id)]
            if stage["name"] != item["name"]:
                self.db.update(
                    "track_stages", stage["id"], {"name": item["name"], "updated_at": now}
                )
        for item in wanted:
            if item.get("id") is None:
                self.db.insert(
                    "track_stages",
                    {"id": new_id(), "track_id": track_id, "name": item["name"], "created_at": now},
                )

    def delete_track(
        self, organization_id: str, orbit_id: str, track_id: str, user: str
    ) -> ConnexionResponse:
        self._orbit(organization_id, orbit_id, user, "delete")
        row = self.track_row(track_id)
        self.db.run("DELETE FROM tracks WHERE id = ?", (row["id"],))
        return json_response(204, None)

    def list_track_stages(
        self, organization_id: str, orbit_id: str, track_id: str, user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "read")
        row = self.track_row(track_id, orbit["id"])
        return json_response(200, self._track_json(row)["stages"])


class _NullNameError(Exception):
    """``name: null`` reaches a NOT NULL column: the server's unhandled 500."""


def _track_matches(row: Row, search: str | None, types: list[str] | None) -> bool:
    """Search in the name or the tags' JSON text (case-insensitive); any of the types."""
    if search:
        needle = search.lower()
        if needle not in row["name"].lower() and needle not in (row["tags"] or "").lower():
            return False
    return not types or row["artifact_type"] in types
