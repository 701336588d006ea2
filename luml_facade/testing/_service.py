"""State shared by the handlers, and the lookups every route starts with."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ._db import Database, Row
from ._errors import ApiError
from ._presign import SecretRecord, UrlMaker, url_maker

NOT_ENOUGH_RIGHTS = "Not enough rights"


def norm_id(value: str) -> str:
    """An id in canonical lower-case hyphenated form."""
    return str(uuid.UUID(str(value)))


@dataclass
class Limits:
    """Limits of every organization (the real server's defaults), and organizations per user."""

    members: int = 3
    orbits: int = 1
    satellites: int = 2
    artifacts: int = 50
    organizations_per_user: int = 5


@dataclass
class Settings:
    """Server-wide settings the handlers read."""

    storage_endpoint: str
    multipart_threshold: int
    part_size: int | None
    ensure_bucket: Callable[[str], Any]
    limits: Limits = field(default_factory=Limits)
    real_server_bugs: bool = True
    """Mirror the real server's bugs (see _real_bugs)."""


class Service:
    """The database plus the permission and existence checks of the real server."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def member_role(self, organization_id: str, user_id: str) -> str:
        """The caller's role in the organization; 403 if not a member."""
        role = self.db.scalar(
            "SELECT role FROM org_members WHERE organization_id = ? AND user_id = ?",
            (norm_id(organization_id), user_id),
        )
        if role is None:
            raise ApiError(403, NOT_ENOUGH_RIGHTS)
        return str(role)

    def orbit(self, organization_id: str, orbit_id: str) -> Row:
        """The orbit, which must belong to the organization; 404 otherwise."""
        row = self.db.one(
            "SELECT * FROM orbits WHERE id = ? AND organization_id = ?",
            (norm_id(orbit_id), norm_id(organization_id)),
        )
        if row is None:
            raise ApiError(404, "Orbit not found")
        return row

    def collection(self, orbit_id: str, collection_id: str) -> Row:
        """The collection, which must belong to the orbit; 404 otherwise."""
        row = self.db.one(
            "SELECT * FROM collections WHERE id = ? AND orbit_id = ?",
            (norm_id(collection_id), norm_id(orbit_id)),
        )
        if row is None:
            raise ApiError(404, "Collection not found")
        return row

    def artifact(self, collection_id: str, artifact_id: str) -> Row:
        """The artifact, which must belong to the collection; 404 otherwise."""
        row = self.db.one(
            "SELECT * FROM artifacts WHERE id = ? AND collection_id = ?",
            (norm_id(artifact_id), norm_id(collection_id)),
        )
        if row is None:
            raise ApiError(404, "Artifact not found")
        return row

    def artifact_in_path(
        self, user: str, organization_id: str, orbit_id: str, collection_id: str, artifact_id: str
    ) -> Row:
        """Membership, orbit, collection and artifact checks in the server's order."""
        self.member_role(organization_id, user)
        orbit = self.orbit(organization_id, orbit_id)
        collection = self.collection(orbit["id"], collection_id)
        return self.artifact(collection["id"], artifact_id)

    def secret(self, organization_id: str, secret_id: str, message: str) -> Row:
        """A bucket secret of the organization; 404 with ``message`` otherwise."""
        row = self.db.one(
            "SELECT * FROM bucket_secrets WHERE id = ? AND organization_id = ?",
            (norm_id(secret_id), norm_id(organization_id)),
        )
        if row is None:
            raise ApiError(404, message)
        return row

    def urls_for(self, secret: Row) -> UrlMaker:
        """The URL generator for a stored bucket secret."""
        record = SecretRecord(
            id=secret["id"],
            type=secret["type"],
            endpoint=secret["endpoint"],
            bucket_name=secret["bucket_name"],
            access_key=secret["access_key"],
            secret_key=secret["secret_key"],
            session_token=secret["session_token"],
            secure=None if secret["secure"] is None else bool(secret["secure"]),
            region=secret["region"],
        )
        return url_maker(record, self.settings.storage_endpoint)

    def orbit_urls(self, orbit: Row) -> UrlMaker:
        """The URL generator of the orbit's bucket secret; 404 if the secret is gone."""
        return self.urls_for(
            self.secret(
                orbit["organization_id"], orbit["bucket_secret_id"], "Bucket secret not found"
            )
        )


class Handlers:
    """Base of the handler classes: the service and its database.

    Example:
        class WidgetHandlers(Handlers):
            def get_widget(self, widget_id: str, user: str) -> ConnexionResponse: ...
    """

    def __init__(self, service: Service) -> None:
        self.service = service
        self.db = service.db
