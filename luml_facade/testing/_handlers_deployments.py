"""Handlers: deployments and satellites (handlers/deployments.py, handlers/satellites.py).

Rules mirrored from the real server:
- create_deployment: the satellite and the artifact's collection must be in the orbit; the
  deployment starts ``pending`` and a ``deploy`` task is queued.
- update_deployment writes all six detail fields (a field left out becomes null); a null
  ``name`` or ``dynamic_attributes_secrets`` breaks a NOT NULL column: plain 500.
- delete_deployment sets ``deletion_pending`` and answers the queued ``undeploy`` task; again
  while pending is a 409. force_delete_deployment drops the record.
- create_satellite: 409 at the organization's satellite limit; the ``dfssat_`` key is shown
  once and only its HMAC is kept; no name is a plain 500. update_satellite writes both fields.
- delete_satellite: 409 while deployments use it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from connexion.lifecycle import ConnexionResponse

from ._db import Database, Row
from ._errors import ApiError, json_response
from ._ids import new_id, now_iso
from ._real_bugs import BROKEN, RealServerCrash, is_broken_deployment
from ._records import dumps
from ._records_registry import deployment_out, satellite_out, task_out
from ._registry_access import allowed_orbit, satellites_limit, server_error
from ._service import Handlers, norm_id

DEPLOYMENT_NOT_FOUND = "Deployment not found"
SATELLITE_NOT_FOUND = "Satellite not found"
SATELLITE_LIMIT = "Organization reached maximum number of satellites"
SATELLITE_IN_USE = "Cannot delete satellite. It is used in deployments."
DELETION_PENDING = "Deployment deletion already pending"
_DEPLOYMENTS = (
    "SELECT d.*, s.name AS satellite_name, a.name AS artifact_name, "
    "a.collection_id AS collection_id FROM deployments d "
    "JOIN satellites s ON s.id = d.satellite_id JOIN artifacts a ON a.id = d.artifact_id"
)
_KEY_SECRET = secrets.token_bytes(32)


def satellite_key_hash(key: str) -> str:
    """The hash the server keeps of a satellite API key."""
    return hmac.new(_KEY_SECRET, key.encode(), hashlib.sha256).hexdigest()


def new_satellite_key() -> tuple[str, str]:
    """A satellite API key and the hash the server keeps of it."""
    key = "dfssat_" + secrets.token_urlsafe(32)
    return key, satellite_key_hash(key)


class DeploymentHandlers(Handlers):
    """The deployment and satellite operations."""

    def _orbit(
        self, organization_id: str, orbit_id: str, user: str, resource: str, action: str
    ) -> Row:
        return allowed_orbit(self.service, organization_id, orbit_id, user, resource, action)

    # deployments

    def _deployment(self, orbit_id: str, deployment_id: str) -> Row:
        row = self.db.one(
            f"{_DEPLOYMENTS} WHERE d.id = ? AND d.orbit_id = ?", (norm_id(deployment_id), orbit_id)
        )
        if row is None:
            raise ApiError(404, DEPLOYMENT_NOT_FOUND)
        return row

    def _render(self, rows: list[Row]) -> ConnexionResponse:
        # A deployment of an unnamed artifact (or one a PATCH broke) fails the server's
        # response model: a 500.
        if any(row["artifact_name"] is None for row in rows):
            return server_error()
        if any(map(is_broken_deployment, rows)):
            raise RealServerCrash("a deployment with null dynamic_attributes_secrets")
        return json_response(200, [deployment_out(row) for row in rows])

    def _render_one(self, row: Row) -> ConnexionResponse:
        if row["artifact_name"] is None:
            return server_error()
        if is_broken_deployment(row):
            raise RealServerCrash("a deployment with null dynamic_attributes_secrets")
        return json_response(200, deployment_out(row))

    def list_deployments(self, organization_id: str, orbit_id: str, user: str) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "deployment", "list")
        rows = self.db.all(
            f"{_DEPLOYMENTS} WHERE d.orbit_id = ? ORDER BY d.created_at DESC, d.id DESC",
            (orbit["id"],),
        )
        return self._render(rows)

    def create_deployment(
        self, organization_id: str, orbit_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "deployment", "create")
        satellite = self._satellite(orbit["id"], body["satellite_id"])
        artifact = self.db.one(
            "SELECT a.id, c.orbit_id FROM artifacts a JOIN collections c "
            "ON c.id = a.collection_id WHERE a.id = ?",
            (norm_id(body["artifact_id"]),),
        )
        if artifact is None:
            raise ApiError(404, "Artifact not found")
        if artifact["orbit_id"] != orbit["id"]:
            raise ApiError(404, "Collection not found")
        deployment_id, now = new_id(), now_iso()
        with self.db.transaction():
            self.db.insert(
                "deployments",
                {
                    "id": deployment_id,
                    "orbit_id": orbit["id"],
                    "name": body["name"],
                    "satellite_id": satellite["id"],
                    "artifact_id": artifact["id"],
                    "status": "pending",
                    "description": body.get("description"),
                    "dynamic_attributes_secrets": dumps(
                        _secret_ids(body.get("dynamic_attributes_secrets"))
                    ),
                    "env_variables_secrets": dumps(_secret_ids(body.get("env_variables_secrets"))),
                    "env_variables": dumps(body.get("env_variables") or {}),
                    "satellite_parameters": dumps(body.get("satellite_parameters") or {}),
                    "schemas": dumps({}),
                    "created_by_user": self.db.scalar(
                        "SELECT full_name FROM users WHERE id = ?", (user,)
                    ),
                    "tags": dumps(body.get("tags")),
                    "created_at": now,
                },
            )
            self._queue(satellite["id"], orbit["id"], "deploy", deployment_id, now)
        return self._render_one(self._deployment(orbit["id"], deployment_id))

    def _queue(
        self, satellite_id: str, orbit_id: str, kind: str, deployment_id: str, now: str
    ) -> str:
        task_id = new_id()
        self.db.insert(
            "satellite_tasks",
            {
                "id": task_id,
                "satellite_id": satellite_id,
                "orbit_id": orbit_id,
                "type": kind,
                "payload": dumps({"deployment_id": deployment_id}),
                "status": "pending",
                "scheduled_at": now,
                "result": dumps({}),
                "created_at": now,
            },
        )
        return task_id

    def get_deployment(
        self, organization_id: str, orbit_id: str, deployment_id: str, user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "deployment", "read")
        return self._render_one(self._deployment(orbit["id"], deployment_id))

    def update_deployment(
        self,
        organization_id: str,
        orbit_id: str,
        deployment_id: str,
        body: dict[str, Any],
        user: str,
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "deployment", "update")
        row = self._deployment(orbit["id"], deployment_id)
        if is_broken_deployment(row):
            raise RealServerCrash("loading the unreadable deployment")
        if body.get("name") is None:
            return server_error()
        if body.get("dynamic_attributes_secrets") is None:
            if not self.service.settings.real_server_bugs:
                return server_error()
            # The real server stores the null, then fails this reply and every later read.
            broken = {"dynamic_attributes_secrets": BROKEN, "updated_at": now_iso()}
            self.db.update("deployments", row["id"], broken)
            raise RealServerCrash("the reply fails the response model")
        values = {
            "name": body["name"],
            "description": body.get("description"),
            "schemas": dumps(body.get("schemas")),
            "error_message": dumps(body.get("error_message")),
            "tags": dumps(body.get("tags")),
            "dynamic_attributes_secrets": dumps(_secret_ids(body["dynamic_attributes_secrets"])),
        }
        if any(row[key] != value for key, value in values.items()):
            self.db.update("deployments", row["id"], {**values, "updated_at": now_iso()})
        return self._render_one(self._deployment(orbit["id"], row["id"]))

    def delete_deployment(
        self, organization_id: str, orbit_id: str, deployment_id: str, user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "deployment", "delete")
        row = self._deployment(orbit["id"], deployment_id)
        if row["status"] == "deletion_pending":
            raise ApiError(409, DELETION_PENDING)
        now = now_iso()
        with self.db.transaction():
            self.db.update(
                "deployments", row["id"], {"status": "deletion_pending", "updated_at": now}
            )
            task_id = self._queue(row["satellite_id"], orbit["id"], "undeploy", row["id"], now)
        task = self.db.one("SELECT * FROM satellite_tasks WHERE id = ?", (task_id,))
        assert task is not None
        return json_response(200, task_out(task))

    def force_delete_deployment(
        self, organization_id: str, orbit_id: str, deployment_id: str, user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "deployment", "delete")
        row = self._deployment(orbit["id"], deployment_id)
        if is_broken_deployment(row):
            raise RealServerCrash("loading the unreadable deployment")
        self.db.run("DELETE FROM deployments WHERE id = ?", (row["id"],))
        return json_response(204, None)

    # satellites

    def _satellite(self, orbit_id: str, satellite_id: str) -> Row:
        row = self.db.one(
            "SELECT * FROM satellites WHERE id = ? AND orbit_id = ?",
            (norm_id(satellite_id), orbit_id),
        )
        if row is None:
            raise ApiError(404, SATELLITE_NOT_FOUND)
        return row

    def list_satellites(
        self, organization_id: str, orbit_id: str, user: str, paired: bool | None = None
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "satellite", "list")
        sql, params = "SELECT * FROM satellites WHERE orbit_id = ?", [orbit["id"]]
        if paired is not None:
            sql += " AND paired = ?"
            params.append(int(paired))
        rows = self.db.all(sql + " ORDER BY id", params)
        return json_response(200, [satellite_out(row) for row in rows])

    def create_satellite(
        self, organization_id: str, orbit_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "satellite", "create")
        total = self.db.scalar(
            "SELECT COUNT(*) FROM satellites s JOIN orbits o ON o.id = s.orbit_id "
            "WHERE o.organization_id = ?",
            (orbit["organization_id"],),
        )
        if int(total) >= satellites_limit(self.service):
            raise ApiError(409, SATELLITE_LIMIT)
        if body.get("name") is None:
            return server_error()
        key, key_hash = new_satellite_key()
        satellite_id = new_id()
        self.db.insert(
            "satellites",
            {
                "id": satellite_id,
                "orbit_id": orbit["id"],
                "name": body["name"],
                "description": body.get("description"),
                "api_key_hash": key_hash,
                "created_at": now_iso(),
            },
        )
        created = self._satellite(orbit["id"], satellite_id)
        return json_response(200, {"satellite": satellite_out(created), "api_key": key})

    def get_satellite(
        self, organization_id: str, orbit_id: str, satellite_id: str, user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "satellite", "read")
        return json_response(200, satellite_out(self._satellite(orbit["id"], satellite_id)))

    def update_satellite(
        self,
        organization_id: str,
        orbit_id: str,
        satellite_id: str,
        body: dict[str, Any],
        user: str,
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "satellite", "update")
        row = self._satellite(orbit["id"], satellite_id)
        if body.get("name") is None:
            return server_error()
        values = {"name": body["name"], "description": body.get("description")}
        if any(row[key] != value for key, value in values.items()):
            self.db.update("satellites", row["id"], {**values, "updated_at": now_iso()})
        return json_response(200, satellite_out(self._satellite(orbit["id"], row["id"])))

    def delete_satellite(
        self, organization_id: str, orbit_id: str, satellite_id: str, user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "satellite", "delete")
        row = self._satellite(orbit["id"], satellite_id)
        if self.db.one("SELECT 1 FROM deployments WHERE satellite_id = ?", (row["id"],)):
            raise ApiError(409, SATELLITE_IN_USE)
        self.db.run("DELETE FROM satellites WHERE id = ?", (row["id"],))
        return json_response(204, None)

    def regenerate_satellite_api_key(
        self, organization_id: str, orbit_id: str, satellite_id: str, user: str
    ) -> ConnexionResponse:
        orbit = self._orbit(organization_id, orbit_id, user, "satellite", "update")
        row = self._satellite(orbit["id"], satellite_id)
        key, key_hash = new_satellite_key()
        self.db.update("satellites", row["id"], {"api_key_hash": key_hash, "updated_at": now_iso()})
        return json_response(200, {"key": key})


def _secret_ids(mapping: dict[str, str] | None) -> dict[str, str]:
    """A name -> orbit secret id map with the ids in canonical form."""
    return {name: norm_id(value) for name, value in (mapping or {}).items()}


def pair_satellite(
    db: Database,
    satellite_id: str,
    capabilities: dict[str, dict[str, Any] | None],
    *,
    base_url: str,
    slug: str | None,
    last_seen_at: str,
) -> None:
    """Record a satellite's pairing, as its own pairing call does on the real server."""
    if not capabilities:
        raise ValueError("a paired satellite has at least one capability")
    values = {
        "paired": 1,
        "capabilities": dumps(capabilities),
        "base_url": base_url,
        "slug": slug,
        "last_seen_at": last_seen_at,
        "updated_at": now_iso(),
    }
    if not db.scalar("SELECT 1 FROM satellites WHERE id = ?", (norm_id(satellite_id),)):
        raise KeyError(satellite_id)
    db.update("satellites", norm_id(satellite_id), values)
