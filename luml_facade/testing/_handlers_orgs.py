"""Handlers: organizations, bucket secrets and multipart upload URLs."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from connexion.lifecycle import ConnexionResponse

from ._db import Row
from ._errors import ApiError, json_response
from ._ids import new_id, now_iso
from ._payload_permissions import orbit_permissions, organization_permissions
from ._permissions import check
from ._presign import S3_MIN_PART, MissingUploadId, default_part_size, parse_connection_string
from ._real_bugs import RealServerCrash, every_field
from ._records import (
    invite_out,
    orbit_out,
    org_member_out,
    organization_out,
    organization_plain,
    secret_out,
)
from ._service import Handlers, Service, norm_id

DUPLICATE_SECRET = "Bucket secret with the given bucket name and endpoint already exists."  # noqa: S105
SECRET_IN_USE = "Cannot delete bucket secret that is currently used by orbits"  # noqa: S105
S3_ONLY_FIELDS = ("access_key", "secret_key", "session_token", "secure", "region", "cert_check")


def strip_scheme(endpoint: str) -> str:
    """An S3 endpoint without a leading http:// or https://."""
    return re.sub(r"^https?://", "", endpoint)


def check_azure_endpoint(value: str) -> str | None:
    """The validation message for an Azure connection string, or None if it is fine."""
    try:
        fields = parse_connection_string(value)
    except ValueError as exc:
        return str(exc)
    # Azure's own 3-24 lower-case rule is not checked by the real server ("a" and "Bad_Name"
    # are accepted); only what keeps the account a host label.
    if not re.fullmatch(r"[A-Za-z0-9_-]+", fields["AccountName"]):
        return "Invalid Azure account name"
    suffix = fields.get("EndpointSuffix")
    if suffix is not None and not re.fullmatch(r"[a-z0-9.-]+", suffix):
        return "Invalid Azure endpoint suffix"
    return None


def _flag(value: Any) -> int | None:
    return None if value is None else int(bool(value))


class OrganizationHandlers(Handlers):
    """list_my_organizations, get_organization and the bucket-secret operations."""

    # organizations

    def list_my_organizations(self, user: str) -> ConnexionResponse:
        rows = self.db.all(
            "SELECT o.*, m.role FROM organizations o JOIN org_members m "
            "ON m.organization_id = o.id WHERE m.user_id = ? ORDER BY o.created_at, o.id",
            (user,),
        )
        return json_response(200, [organization_out(row, row["role"]) for row in rows])

    def get_organization(self, organization_id: str, user: str) -> ConnexionResponse:
        # Owners and admins only: a plain member gets 403, as on the real server.
        role = check(self.service, organization_id, user, "organization", "read")
        org = self.db.one("SELECT * FROM organizations WHERE id = ?", (norm_id(organization_id),))
        if org is None:
            raise ApiError(404, "Organization not found")
        return json_response(200, self._organization_details(org, role, user))

    def _organization_details(self, org: Row, role: str, user: str) -> dict[str, Any]:
        return organization_details(self.service, org, role, user)

    def orbit_json(self, orbit: Row, user: str) -> dict[str, Any]:
        """An Orbit with its totals and the caller's orbit role."""
        return orbit_json(self.service, orbit, user)

    # bucket secrets

    def _secret_json(self, row: Row) -> dict[str, Any]:
        if row["type"] == "s3" and row["region"] is None and self.service.settings.real_server_bugs:
            raise RealServerCrash("an S3 secret without region fails the response model")
        orbits = self.db.all(
            "SELECT * FROM orbits WHERE bucket_secret_id = ? ORDER BY created_at", (row["id"],)
        )
        return secret_out(row, orbits)

    def list_bucket_secrets(self, organization_id: str, user: str) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        rows = self.db.all(
            "SELECT * FROM bucket_secrets WHERE organization_id = ? ORDER BY created_at, id",
            (norm_id(organization_id),),
        )
        return json_response(200, [self._secret_json(row) for row in rows])

    def create_bucket_secret(
        self, organization_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        values = self._new_secret_values(norm_id(organization_id), body)
        try:
            self.db.insert("bucket_secrets", values)
        except sqlite3.IntegrityError as exc:
            raise ApiError(409, DUPLICATE_SECRET) from exc
        self._provision_local_bucket(values)
        return json_response(200, self._secret_json(self._load_secret(values["id"])))

    def _new_secret_values(self, organization_id: str, body: dict[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {
            "id": new_id(),
            "organization_id": organization_id,
            "type": body["type"],
            "bucket_name": body["bucket_name"],
            "created_at": now_iso(),
        }
        if body["type"] == "azure":
            problem = check_azure_endpoint(body["endpoint"])
            if problem is not None:
                raise ApiError(
                    422,
                    [
                        {
                            "loc": ["body", "azure", "endpoint"],
                            "msg": f"Value error, {problem}",
                            "type": "value_error",
                        }
                    ],
                )
            return {**values, "endpoint": body["endpoint"]}
        endpoint = strip_scheme(body["endpoint"])
        return {
            **values,
            "endpoint": endpoint,
            "access_key": body.get("access_key"),
            "secret_key": body.get("secret_key"),
            "session_token": body.get("session_token"),
            "secure": _flag(body.get("secure")),
            "region": body["region"],
            "cert_check": _flag(body.get("cert_check")),
            "is_local": int(endpoint == self.service.settings.storage_endpoint),
        }

    def _provision_local_bucket(self, values: dict[str, Any]) -> None:
        """A secret pointing at the local storage gets its bucket created there."""
        if values.get("is_local"):
            try:
                self.service.settings.ensure_bucket(values["bucket_name"])
            except Exception:  # an invalid bucket name: the bucket just stays missing
                return

    def _load_secret(self, secret_id: str) -> Row:
        row = self.db.one("SELECT * FROM bucket_secrets WHERE id = ?", (secret_id,))
        assert row is not None
        return row

    def get_bucket_secret(
        self, organization_id: str, secret_id: str, user: str
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        row = self.service.secret(organization_id, secret_id, "Secret not found")
        return json_response(200, self._secret_json(row))

    def update_bucket_secret(
        self, organization_id: str, secret_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        row = self.service.secret(organization_id, secret_id, "Secret not found")
        if row["type"] == "azure":
            sent = sorted(name for name in S3_ONLY_FIELDS if name in body)
            if sent:
                raise ApiError(400, f"Fields {sent} cannot be set for Azure bucket secrets")
        if self.service.settings.real_server_bugs:
            body = every_field(body, row["type"])
            if body["endpoint"] is None or body["bucket_name"] is None:
                raise ApiError(409, DUPLICATE_SECRET)  # the real server's NOT NULL violation
        changes = self._secret_changes(row, body)
        if self.service.settings.real_server_bugs and row["type"] == "s3":
            changes["region"] = body["region"]
        if changes:
            changes["updated_at"] = now_iso()
            try:
                self.db.update("bucket_secrets", row["id"], changes)
            except sqlite3.IntegrityError as exc:
                raise ApiError(409, DUPLICATE_SECRET) from exc
        updated = self._load_secret(row["id"])
        self._provision_local_bucket(dict(updated))
        return json_response(200, self._secret_json(updated))

    def _secret_changes(self, row: Row, body: dict[str, Any]) -> dict[str, Any]:
        if row["type"] == "azure":
            return self._azure_changes(row, body)
        changes: dict[str, Any] = {}
        for name in ("endpoint", "bucket_name", "region"):
            if body.get(name) is not None:
                changes[name] = body[name]
        for name in ("access_key", "secret_key", "session_token"):
            if name in body:
                changes[name] = body[name]
        for name in ("secure", "cert_check"):
            if name in body:
                changes[name] = _flag(body[name])
        if "endpoint" in changes:
            changes["endpoint"] = strip_scheme(changes["endpoint"])
            local = changes["endpoint"] == self.service.settings.storage_endpoint
            changes["is_local"] = int(local)
        return changes

    def _azure_changes(self, row: Row, body: dict[str, Any]) -> dict[str, Any]:
        if any(body.get(name) is not None for name in S3_ONLY_FIELDS):
            raise ApiError(400, "S3 settings cannot be set on an Azure bucket secret")
        changes: dict[str, Any] = {}
        if body.get("bucket_name") is not None:
            changes["bucket_name"] = body["bucket_name"]
        endpoint = body.get("endpoint")
        public = secret_out(row, [])["endpoint"]
        if endpoint is not None and endpoint != public:
            problem = check_azure_endpoint(endpoint)
            if problem is not None:
                raise ApiError(400, problem)
            changes["endpoint"] = endpoint
        return changes

    def delete_bucket_secret(
        self, organization_id: str, secret_id: str, user: str
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        row = self.service.secret(organization_id, secret_id, "Secret not found")
        if self.db.scalar("SELECT COUNT(*) FROM orbits WHERE bucket_secret_id = ?", (row["id"],)):
            raise ApiError(409, SECRET_IN_USE)
        self.db.run("DELETE FROM bucket_secrets WHERE id = ?", (row["id"],))
        return json_response(204, None)

    def get_multipart_upload_urls(self, body: dict[str, Any], user: str) -> ConnexionResponse:
        row = self.db.one(
            "SELECT * FROM bucket_secrets WHERE id = ?", (norm_id(body["bucket_id"]),)
        )
        if row is None:
            raise ApiError(404, "Secret not found")
        self.service.member_role(row["organization_id"], user)
        size = int(body["size"])
        try:
            details = self.service.urls_for(row).multipart_details(
                body["bucket_location"], size, body.get("upload_id"), self._part_size(size)
            )
        except MissingUploadId as exc:
            if self.service.settings.real_server_bugs:
                raise RealServerCrash("unhandled ValueError") from exc
            item = {"loc": ["body", "upload_id"], "msg": str(exc), "type": "value_error"}
            raise ApiError(422, [item]) from exc
        return json_response(200, details)

    def _part_size(self, size: int) -> int:
        configured = self.service.settings.part_size
        return max(configured or default_part_size(size), S3_MIN_PART)


def orbit_json(
    service: Service, orbit: Row, user: str, *, listed: bool = False, permissions: bool = True
) -> dict[str, Any]:
    """An Orbit with totals, as the orbit routes return it.

    As on the real server, ``role`` is the caller's orbit role only in the orbit list of a
    plain organization member (``listed``), else null; ``permissions`` follow the
    organization role for owners and admins, else the orbit role (null in a PATCH reply).
    """
    db = service.db

    def count(sql: str) -> int:
        return int(db.scalar(sql, (orbit["id"],)))

    totals = {
        "members": count("SELECT COUNT(*) FROM orbit_members WHERE orbit_id = ?"),
        "collections": count("SELECT COUNT(*) FROM collections WHERE orbit_id = ?"),
        "satellites": count("SELECT COUNT(*) FROM satellites WHERE orbit_id = ?"),
        "artifacts": count(
            "SELECT COUNT(*) FROM artifacts a JOIN collections c ON c.id = a.collection_id "
            "WHERE c.orbit_id = ?"
        ),
    }
    orbit_role = db.scalar(
        "SELECT role FROM orbit_members WHERE orbit_id = ? AND user_id = ?", (orbit["id"], user)
    )
    org_role = db.scalar(
        "SELECT role FROM org_members WHERE organization_id = ? AND user_id = ?",
        (orbit["organization_id"], user),
    )
    shown_role = orbit_role if listed and org_role not in ("owner", "admin") else None
    found = orbit_permissions(org_role, orbit_role) if permissions else None
    return orbit_out(orbit, totals, shown_role, found)


def organization_details(service: Service, org: Row, role: str, user: str) -> dict[str, Any]:
    """OrganizationDetails: members, invites, orbits, limits and totals."""
    db, limits = service.db, service.settings.limits
    members = db.all(
        "SELECT m.*, u.email, u.full_name, u.api_key FROM org_members m JOIN users u "
        "ON u.id = m.user_id WHERE m.organization_id = ? ORDER BY m.created_at",
        (org["id"],),
    )
    invites = db.all(
        "SELECT * FROM org_invites WHERE organization_id = ? ORDER BY created_at", (org["id"],)
    )
    orbits = db.all(
        "SELECT * FROM orbits WHERE organization_id = ? ORDER BY created_at", (org["id"],)
    )
    by_role = {"owner": 0, "admin": 0, "member": 0}
    for member in members:
        by_role[member["role"]] = by_role.get(member["role"], 0) + 1
    orbit_rows = [orbit_json(service, orbit, user) for orbit in orbits]
    return {
        **organization_plain(org),
        "permissions": organization_permissions(role),
        "invites": [
            invite_out(
                invite, org, db.one("SELECT * FROM users WHERE id = ?", (invite["invited_by"],))
            )
            for invite in invites
        ],
        "members": [
            org_member_out(member, {**dict(member), "id": member["user_id"]}) for member in members
        ],
        "orbits": orbit_rows,
        "members_limit": limits.members,
        "orbits_limit": limits.orbits,
        "satellites_limit": limits.satellites,
        "artifacts_limit": limits.artifacts,
        "total_orbits": len(orbits),
        "total_members": len(members),
        "total_satellites": sum(row["total_satellites"] or 0 for row in orbit_rows),
        "total_artifacts": sum(row["total_artifacts"] or 0 for row in orbit_rows),
        "members_by_role": by_role,
    }
