"""Handlers: orbit secrets (backend/luml/handlers/orbit_secrets.py of the real server).

Lists hide every value as ``""``; create, get and update show it. A duplicate name on create is
a 400; on update the real server does not catch it and answers 500, as it does for a null
``name`` or ``value``.
"""

from __future__ import annotations

from typing import Any

from connexion.lifecycle import ConnexionResponse

from ._db import Row
from ._errors import ApiError, json_response
from ._ids import new_id, now_iso
from ._records import dumps
from ._records_registry import orbit_secret_out
from ._registry_access import allowed_orbit, server_error
from ._service import Handlers, norm_id

SECRET_NOT_FOUND = "Orbit secret not found"  # noqa: S105


class OrbitSecretHandlers(Handlers):
    """The orbit secret operations."""

    def _orbit(self, organization_id: str, orbit_id: str, user: str, action: str) -> Row:
        return allowed_orbit(self.service, organization_id, orbit_id, user, "orbit_secret", action)

    def _secret(self, orbit_id: str, secret_id: str) -> Row:
        row = self.db.one(
            "SELECT * FROM orbit_secrets WHERE id = ? AND orbit_id = ?",
            (norm_id(secret_id), orbit_id),
        )
        if row is None:
            raise ApiError(404, SECRET_NOT_FOUND)
        return row

    def _name_taken(self, orbit_id: str, name: str, other_than: str | None = None) -> bool:
        found = self.db.scalar(
            "SELECT id FROM orbit_secrets WHERE orbit_id = ? AND name = ?", (orbit_id, name)
        )
        return found is not None and found != other_than

    def list_orbit_secrets(
        self, organization_id: str, orbit_id: str, user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "list")
        rows = self.db.all(
            "SELECT * FROM orbit_secrets WHERE orbit_id = ? ORDER BY rowid", (orbit["id"],)
        )
        return json_response(200, [orbit_secret_out(row, show_value=False) for row in rows])

    def create_orbit_secret(
        self, organization_id: str, orbit_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "create")
        if self._name_taken(orbit["id"], body["name"]):
            raise ApiError(400, f"Secret with name {body['name']} already exist in orbit.")
        secret_id = new_id()
        self.db.insert(
            "orbit_secrets",
            {
                "id": secret_id,
                "orbit_id": orbit["id"],
                "name": body["name"],
                "value": body["value"],
                "tags": dumps(body.get("tags")),
                "created_at": now_iso(),
            },
        )
        return json_response(
            200, orbit_secret_out(self._secret(orbit["id"], secret_id), show_value=True)
        )

    def get_orbit_secret(
        self, organization_id: str, orbit_id: str, secret_id: str, user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "read")
        return json_response(
            200, orbit_secret_out(self._secret(orbit["id"], secret_id), show_value=True)
        )

    def update_orbit_secret(
        self, organization_id: str, orbit_id: str, secret_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "update")
        row = self._secret(orbit["id"], secret_id)
        changes: dict[str, Any] = {key: body[key] for key in ("name", "value") if key in body}
        if None in changes.values():
            return server_error()
        if "name" in changes and self._name_taken(orbit["id"], changes["name"], row["id"]):
            return server_error()
        if "tags" in body:
            changes["tags"] = dumps(body["tags"])
        # A sent value always counts as a change: the server stores it re-encrypted.
        if "value" in changes or any(row[key] != value for key, value in changes.items()):
            self.db.update("orbit_secrets", row["id"], {**changes, "updated_at": now_iso()})
        return json_response(
            200, orbit_secret_out(self._secret(orbit["id"], row["id"]), show_value=True)
        )

    def delete_orbit_secret(
        self, organization_id: str, orbit_id: str, secret_id: str, user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "delete")
        row = self._secret(orbit["id"], secret_id)
        self.db.run("DELETE FROM orbit_secrets WHERE id = ?", (row["id"],))
        return json_response(204, None)
