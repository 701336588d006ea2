"""Handlers: track entries (handlers/tracks.py and TrackEntryRepository of the real server).

Rules mirrored from the real server:
- Each entry gets the track's ``next_version`` (1, 2, ...; never reused, even after deletes).
- One entry per artifact per track; one entry per stage.
- Moving an entry to a stage another entry holds is a 409 unless ``force``, which takes the
  stage off the holder. The body is the entry's whole stage: ``{}`` takes it off its stage.
- get_track_entry of an id no entry has, and get_track_entry_by_stage of a stage no entry is
  at, make the real server fail to render ``None``: a plain-text 500.
- update/delete of one entry check only that the entry is in the track (not the track's orbit);
  the batch delete checks the track and skips ids that are not its entries.
"""

from __future__ import annotations

from typing import Any

from connexion.lifecycle import ConnexionResponse

from ._db import Row
from ._errors import ApiError, json_response
from ._handlers_tracks import FOREIGN_STAGE, TrackHandlers
from ._ids import new_id, now_iso
from ._records_registry import entry_out
from ._registry_access import allowed_orbit, keyset_page, server_error
from ._service import Handlers, Service, norm_id

ENTRY_NOT_FOUND = "Entry not found"
ENTRIES = (
    "SELECT e.*, a.collection_id AS artifact_collection_id, a.name AS artifact_name, "
    "a.description AS artifact_description, s.name AS stage_name FROM track_entries e "
    "JOIN artifacts a ON a.id = e.artifact_id LEFT JOIN track_stages s ON s.id = e.stage_id"
)
SORT_COLUMNS = {
    "artifact_name": "artifact_name",
    "description": "artifact_description",
    "stage": "stage_name",
    "version": "version",
    "created_at": "created_at",
}


class TrackEntryHandlers(Handlers):
    """The track entry operations."""

    def __init__(self, service: Service) -> None:
        super().__init__(service)
        self.tracks = TrackHandlers(service)

    def _track(
        self, organization_id: str, orbit_id: str, track_id: str, user: str, action: str
    ) -> Row:
        orbit = allowed_orbit(self.service, organization_id, orbit_id, user, "track", action)
        return self.tracks.track_row(track_id, orbit["id"])

    def _entry(self, entry_id: str) -> Row | None:
        return self.db.one(f"{ENTRIES} WHERE e.id = ?", (norm_id(entry_id),))

    def _entry_in_track(self, track_id: str, entry_id: str) -> Row:
        row = self._entry(entry_id)
        if row is None or row["track_id"] != norm_id(track_id):
            raise ApiError(404, ENTRY_NOT_FOUND)
        return row

    def _stage_of_track(self, track_id: str, stage_id: str) -> Row:
        stage = self.db.one("SELECT * FROM track_stages WHERE id = ?", (norm_id(stage_id),))
        if stage is None or stage["track_id"] != track_id:
            raise ApiError(422, FOREIGN_STAGE)
        return stage

    def _holder(self, track_id: str, stage_id: str) -> Row | None:
        return self.db.one(
            f"{ENTRIES} WHERE e.track_id = ? AND e.stage_id = ?", (track_id, stage_id)
        )

    def create_track_entry(
        self, organization_id: str, orbit_id: str, track_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        track = self._track(organization_id, orbit_id, track_id, user, "create")
        artifact = self.db.one(
            "SELECT a.id, a.type, c.orbit_id FROM artifacts a JOIN collections c "
            "ON c.id = a.collection_id WHERE a.id = ?",
            (norm_id(body["artifact_id"]),),
        )
        if artifact is None:
            raise ApiError(404, "Artifact not found")
        if artifact["type"] != track["artifact_type"]:
            raise ApiError(
                400,
                f"Artifact type '{artifact['type']}' does not match "
                f"track artifact type '{track['artifact_type']}'.",
            )
        if artifact["orbit_id"] != track["orbit_id"]:
            raise ApiError(422, "Artifact must belong to the same orbit as the track.")
        stage_id = body.get("stage_id")
        if stage_id is not None:
            stage = self._stage_of_track(track["id"], stage_id)
            holder = self._holder(track["id"], stage["id"])
            if holder is not None:
                raise ApiError(
                    409, f"Stage '{stage['name']}' is already assigned to v{holder['version']}."
                )
            stage_id = stage["id"]
        already = self.db.one(
            "SELECT 1 FROM track_entries WHERE track_id = ? AND artifact_id = ?",
            (track["id"], artifact["id"]),
        )
        if already is not None:
            raise ApiError(409, "Artifact is already an entry in this track.")
        entry_id = new_id()
        with self.db.transaction():
            version = int(
                self.db.scalar("SELECT next_version FROM tracks WHERE id = ?", (track["id"],))
            )
            self.db.run(
                "UPDATE tracks SET next_version = next_version + 1 WHERE id = ?", (track["id"],)
            )
            self.db.insert(
                "track_entries",
                {
                    "id": entry_id,
                    "track_id": track["id"],
                    "artifact_id": artifact["id"],
                    "version": version,
                    "stage_id": stage_id,
                    "added_by": user,
                    "created_at": now_iso(),
                },
            )
        return json_response(200, entry_out(self._entry_in_track(track["id"], entry_id)))

    def list_track_entries(
        self,
        organization_id: str,
        orbit_id: str,
        track_id: str,
        user: str,
        cursor: str | None = None,
        limit: int = 50,
        sort_by: str = "created_at",
        order: str = "desc",
        stage: str | None = None,
    ) -> ConnexionResponse:
        track = self._track(organization_id, orbit_id, track_id, user, "read")
        sql, params = f"{ENTRIES} WHERE e.track_id = ?", [track["id"]]
        if stage is not None:
            sql += " AND e.stage_id = ?"
            params.append(norm_id(stage))
        column = SORT_COLUMNS[sort_by]
        items, next_cursor = keyset_page(
            self.db.all(sql, params),
            cursor=cursor,
            limit=limit,
            sort_by=sort_by,
            order=order,
            scope=track["id"],
            value_of=lambda row: row[column],
            id_of=lambda row: row["id"],
        )
        return json_response(
            200, {"items": [entry_out(row) for row in items], "cursor": next_cursor}
        )

    def get_track_entry_by_stage(
        self, organization_id: str, orbit_id: str, track_id: str, stage_id: str, user: str
    ) -> ConnexionResponse:
        track = self._track(organization_id, orbit_id, track_id, user, "read")
        stage = self.db.one("SELECT * FROM track_stages WHERE id = ?", (norm_id(stage_id),))
        if stage is None or stage["track_id"] != track["id"]:
            raise ApiError(404, "Stage not found")
        holder = self._holder(track["id"], stage["id"])
        if holder is None:
            return server_error()
        return json_response(200, entry_out(holder))

    def get_track_entry(
        self, organization_id: str, orbit_id: str, track_id: str, entry_id: str, user: str
    ) -> ConnexionResponse:
        track = self._track(organization_id, orbit_id, track_id, user, "read")
        row = self._entry(entry_id)
        if row is None:
            return server_error()
        if row["track_id"] != track["id"]:
            raise ApiError(404, ENTRY_NOT_FOUND)
        return json_response(200, entry_out(row))

    def update_track_entry(
        self,
        organization_id: str,
        orbit_id: str,
        track_id: str,
        entry_id: str,
        body: dict[str, Any],
        user: str,
        force: bool = False,
    ) -> ConnexionResponse:
        allowed_orbit(self.service, organization_id, orbit_id, user, "track", "update")
        entry = self._entry_in_track(track_id, entry_id)
        stage_id = body.get("stage_id")
        now = now_iso()
        with self.db.transaction():
            if stage_id is not None:
                stage = self._stage_of_track(entry["track_id"], stage_id)
                stage_id = stage["id"]
                holder = self._holder(entry["track_id"], stage_id)
                if holder is not None and holder["id"] != entry["id"] and not force:
                    raise ApiError(
                        409,
                        f"Stage '{stage['name']}' is already assigned to v{holder['version']}. "
                        "Use force to reassign.",
                    )
                if force:
                    self.db.run(
                        "UPDATE track_entries SET stage_id = NULL, updated_at = ? "
                        "WHERE track_id = ? AND stage_id = ?",
                        (now, entry["track_id"], stage_id),
                    )
            current = self.db.scalar(
                "SELECT stage_id FROM track_entries WHERE id = ?", (entry["id"],)
            )
            if current != stage_id:
                self.db.update(
                    "track_entries", entry["id"], {"stage_id": stage_id, "updated_at": now}
                )
        return json_response(200, entry_out(self._entry_in_track(entry["track_id"], entry["id"])))

    def delete_track_entry(
        self, organization_id: str, orbit_id: str, track_id: str, entry_id: str, user: str
    ) -> ConnexionResponse:
        allowed_orbit(self.service, organization_id, orbit_id, user, "track", "delete")
        entry = self._entry_in_track(track_id, entry_id)
        self.db.run("DELETE FROM track_entries WHERE id = ?", (entry["id"],))
        return json_response(204, None)

    def delete_track_entries(
        self, organization_id: str, orbit_id: str, track_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        track = self._track(organization_id, orbit_id, track_id, user, "delete")
        ids = [norm_id(entry_id) for entry_id in body["entry_ids"]]
        marks = ", ".join("?" for _ in ids)
        self.db.run(
            f"DELETE FROM track_entries WHERE track_id = ? AND id IN ({marks})",  # noqa: S608
            [track["id"], *ids],
        )
        return json_response(204, None)
