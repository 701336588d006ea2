"""Handlers: orbits and collections."""

from __future__ import annotations

from typing import Any

from connexion.lifecycle import ConnexionResponse

from ._db import Row
from ._errors import ApiError, json_response
from ._handlers_orgs import orbit_json
from ._ids import new_id, now_iso
from ._paging import InvalidCursor, PageRequest, page, usable_cursor
from ._real_bugs import check_collection_update
from ._records import collection_out, dumps, loads, orbit_member_out
from ._service import Handlers, norm_id

_COLLECTIONS_WITH_TOTAL = (
    "SELECT c.*, (SELECT COUNT(*) FROM artifacts a WHERE a.collection_id = c.id) AS total "
    "FROM collections c"
)


class OrbitHandlers(Handlers):
    """The orbit and collection operations."""

    # orbits

    def _orbit_details(self, orbit: Row, user: str) -> dict[str, Any]:
        members = self.db.all(
            "SELECT * FROM orbit_members WHERE orbit_id = ? ORDER BY created_at", (orbit["id"],)
        )
        tags: set[str] = set()
        for row in self.db.all("SELECT tags FROM collections WHERE orbit_id = ?", (orbit["id"],)):
            tags.update(loads(row["tags"]) or [])
        return {
            **orbit_json(self.service, orbit, user),
            "members": [
                orbit_member_out(member, self._user(member["user_id"])) for member in members
            ],
            "collections_tags": sorted(tags),
        }

    def _user(self, user_id: str) -> Row:
        row = self.db.one("SELECT * FROM users WHERE id = ?", (user_id,))
        assert row is not None
        return row

    def list_orbits(self, organization_id: str, user: str) -> ConnexionResponse:
        role = self.service.member_role(organization_id, user)
        sql = "SELECT * FROM orbits WHERE organization_id = ?"
        params: list[Any] = [norm_id(organization_id)]
        if role not in ("owner", "admin"):
            sql += " AND id IN (SELECT orbit_id FROM orbit_members WHERE user_id = ?)"
            params.append(user)
        rows = self.db.all(sql + " ORDER BY created_at, id", params)
        return json_response(
            200, [orbit_json(self.service, row, user, listed=True) for row in rows]
        )

    def create_orbit(
        self, organization_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        org_id = norm_id(organization_id)
        orbits = self.db.scalar("SELECT COUNT(*) FROM orbits WHERE organization_id = ?", (org_id,))
        if int(orbits) >= self.service.settings.limits.orbits:
            raise ApiError(409, "Organization reached maximum number of orbits")
        secret = self.service.secret(org_id, body["bucket_secret_id"], "Bucket secret not found")
        members = self._checked_members(org_id, body.get("members") or [], user)
        orbit_id, now = new_id(), now_iso()
        with self.db.transaction():
            self.db.insert(
                "orbits",
                {
                    "id": orbit_id,
                    "organization_id": org_id,
                    "name": body["name"],
                    "bucket_secret_id": secret["id"],
                    "created_at": now,
                },
            )
            for member_id, role in [(user, "admin"), *members]:
                self.db.insert(
                    "orbit_members",
                    {
                        "id": new_id(),
                        "orbit_id": orbit_id,
                        "user_id": member_id,
                        "role": role,
                        "created_at": now,
                    },
                )
        return json_response(200, self._orbit_details(self._orbit_row(orbit_id), user))

    def _checked_members(
        self, organization_id: str, members: list[dict[str, Any]], user: str
    ) -> list[tuple[str, str]]:
        ids = [norm_id(member["user_id"]) for member in members]
        if len(set(ids)) != len(ids):
            raise ApiError(400, "Orbit members should contain only unique values.")
        if user in ids:
            raise ApiError(400, "You can not add yourself to orbit.")
        outsiders = [
            member_id
            for member_id in ids
            if self.db.one(
                "SELECT 1 FROM org_members WHERE organization_id = ? AND user_id = ?",
                (organization_id, member_id),
            )
            is None
        ]
        if outsiders:
            raise ApiError(400, f"Users {{{', '.join(outsiders)}}} are not in the organization.")
        return [(member_id, member["role"]) for member_id, member in zip(ids, members, strict=True)]

    def _orbit_row(self, orbit_id: str) -> Row:
        row = self.db.one("SELECT * FROM orbits WHERE id = ?", (orbit_id,))
        assert row is not None
        return row

    def get_orbit(self, organization_id: str, orbit_id: str, user: str) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        orbit = self.service.orbit(organization_id, orbit_id)
        return json_response(200, self._orbit_details(orbit, user))

    def update_orbit(
        self, organization_id: str, orbit_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        changes: dict[str, Any] = {}
        if "bucket_secret_id" in body:
            secret_id = body["bucket_secret_id"]
            if secret_id is None:
                raise ApiError(404, "Bucket secret not found")
            secret = self.service.secret(organization_id, secret_id, "Bucket secret not found")
            changes["bucket_secret_id"] = secret["id"]
        orbit = self.service.orbit(organization_id, orbit_id)
        if body.get("name") is not None:
            changes["name"] = body["name"]
        if changes:
            self.db.update("orbits", orbit["id"], {**changes, "updated_at": now_iso()})
        updated = orbit_json(self.service, self._orbit_row(orbit["id"]), user, permissions=False)
        return json_response(200, updated)

    def delete_orbit(self, organization_id: str, orbit_id: str, user: str) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        orbit = self.service.orbit(organization_id, orbit_id)
        self.db.run("DELETE FROM orbits WHERE id = ?", (orbit["id"],))
        return json_response(204, None)

    # collections

    def _collection(self, orbit_id: str, collection_id: str) -> Row:
        self.service.collection(orbit_id, collection_id)
        row = self.db.one(f"{_COLLECTIONS_WITH_TOTAL} WHERE c.id = ?", (norm_id(collection_id),))
        assert row is not None
        return row

    def list_collections(
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
        self.service.member_role(organization_id, user)
        orbit = self.service.orbit(organization_id, orbit_id)
        rows = self.db.all(f"{_COLLECTIONS_WITH_TOTAL} WHERE c.orbit_id = ?", (orbit["id"],))
        rows = [row for row in rows if _collection_matches(row, search, types)]
        scope = norm_id(orbit["id"]).replace("-", "")
        try:
            after = usable_cursor(cursor, sort_by, order, scope)
            request = PageRequest(sort_by, order, limit, scope, after)
            column = "total" if sort_by == "total_artifacts" else sort_by
            items, next_cursor = page(
                rows, request, lambda row: row[column], lambda row: row["id"].replace("-", "")
            )
        except InvalidCursor as exc:
            raise ApiError(400, "Invalid cursor") from exc
        body = {
            "items": [collection_out(row, row["total"]) for row in items],
            "cursor": next_cursor,
        }
        return json_response(200, body)

    def create_collection(
        self, organization_id: str, orbit_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        orbit = self.service.orbit(organization_id, orbit_id)
        collection_id = new_id()
        self.db.insert(
            "collections",
            {
                "id": collection_id,
                "orbit_id": orbit["id"],
                "name": body["name"],
                "description": body["description"],
                "type": body["type"],
                "tags": dumps(body.get("tags")),
                "created_at": now_iso(),
            },
        )
        row = self._collection(orbit["id"], collection_id)
        return json_response(200, collection_out(row, row["total"]))

    def get_collection(
        self, organization_id: str, orbit_id: str, collection_id: str, user: str
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        orbit = self.service.orbit(organization_id, orbit_id)
        row = self._collection(orbit["id"], collection_id)
        tags: set[str] = set()
        keys: set[str] = set()
        for artifact in self.db.all(
            "SELECT tags, extra_values FROM artifacts WHERE collection_id = ?", (row["id"],)
        ):
            tags.update(loads(artifact["tags"]) or [])
            keys.update(loads(artifact["extra_values"]) or {})
        body = {
            **collection_out(row, row["total"]),
            "artifacts_tags": sorted(tags),
            "artifacts_extra_values": sorted(keys),
        }
        return json_response(200, body)

    def update_collection(
        self,
        organization_id: str,
        orbit_id: str,
        collection_id: str,
        body: dict[str, Any],
        user: str,
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        orbit = self.service.orbit(organization_id, orbit_id)
        row = self._collection(orbit["id"], collection_id)
        if self.service.settings.real_server_bugs:
            check_collection_update(body)
            body = {**body, "tags": body.get("tags")}  # left out: cleared, as on the real server
        changes = {
            name: body[name] for name in ("name", "description") if body.get(name) is not None
        }
        if "tags" in body:
            changes["tags"] = dumps(body["tags"])
        if changes:
            self.db.update("collections", row["id"], {**changes, "updated_at": now_iso()})
        row = self._collection(orbit["id"], row["id"])
        return json_response(200, collection_out(row, row["total"]))

    def delete_collection(
        self, organization_id: str, orbit_id: str, collection_id: str, user: str
    ) -> ConnexionResponse:
        self.service.member_role(organization_id, user)
        orbit = self.service.orbit(organization_id, orbit_id)
        row = self._collection(orbit["id"], collection_id)
        if row["total"]:
            raise ApiError(409, "Collection has artifacts and cant be deleted")
        self.db.run("DELETE FROM collections WHERE id = ?", (row["id"],))
        return json_response(204, None)


def _collection_matches(row: Row, search: str | None, types: list[str] | None) -> bool:
    """The list filters: search in name or tags, any of the types."""
    if search:
        needle = search.lower()
        if needle not in row["name"].lower() and needle not in (row["tags"] or "").lower():
            return False
    return not types or row["type"] in types
