"""Handlers: organization members and orbit members (JWT-only routes)."""

from __future__ import annotations

from typing import Any

from connexion.lifecycle import ConnexionResponse

from ._db import Row
from ._errors import ApiError, json_response
from ._handlers_users import add_member, check_members_limit, refuse_owner
from ._ids import new_id, now_iso
from ._permissions import check, same_id
from ._records import orbit_member_out, org_member_out
from ._service import Handlers, norm_id

ORG_MEMBER_NOT_FOUND = "Organization member not found"
ORBIT_MEMBER_NOT_FOUND = "Orbit member not found"


class MemberHandlers(Handlers):
    """list/add/update/remove members of organizations and of orbits."""

    def _user(self, user_id: str) -> Row:
        row = self.db.one("SELECT * FROM users WHERE id = ?", (user_id,))
        assert row is not None
        return row

    # organization members

    def _org_member(self, member_id: str) -> Row:
        row = self.db.one("SELECT * FROM org_members WHERE id = ?", (norm_id(member_id),))
        if row is None:
            raise ApiError(404, ORG_MEMBER_NOT_FOUND)
        return row

    def _org_member_json(self, member: Row) -> dict[str, Any]:
        return org_member_out(member, self._user(member["user_id"]))

    def list_organization_members(self, organization_id: str, user: str) -> ConnexionResponse:
        check(self.service, organization_id, user, "organization_user", "list")
        rows = self.db.all(
            "SELECT * FROM org_members WHERE organization_id = ? ORDER BY created_at, id",
            (norm_id(organization_id),),
        )
        return json_response(200, [self._org_member_json(row) for row in rows])

    def add_organization_member(
        self, organization_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        refuse_owner(body)
        role = check(self.service, organization_id, user, "organization_user", "create")
        # The server adds the member to the body's organization_id.
        org_id = norm_id(body["organization_id"])
        check_members_limit(self.service, org_id)
        if role != "owner" and body["role"] == "admin":
            raise ApiError(403, "Only Organization Owner can add new admins.")
        target = norm_id(body["user_id"])
        if self.db.one("SELECT 1 FROM users WHERE id = ?", (target,)) is None:
            raise ApiError(409, "Organization member already exists")  # the server's FK error
        member_id = add_member(self.service, org_id, target, body["role"])
        return json_response(200, self._org_member_json(self._org_member(member_id)))

    def update_organization_member(
        self, organization_id: str, member_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        refuse_owner(body)
        role = check(self.service, organization_id, user, "organization_user", "create")
        member = self._org_member(member_id)
        if member["user_id"] == user:
            raise ApiError(403, "You can not update your own data.")
        if role != "owner" and body["role"] == "admin":
            raise ApiError(403, "Only Organization Owner can assign new admins.")
        self.db.update("org_members", member["id"], {"role": body["role"], "updated_at": now_iso()})
        return json_response(200, self._org_member_json(self._org_member(member["id"])))

    def remove_organization_member(
        self, organization_id: str, member_id: str, user: str
    ) -> ConnexionResponse:
        check(self.service, organization_id, user, "organization_user", "delete")
        member = self._org_member(member_id)
        if member["user_id"] == user:
            raise ApiError(403, "You can not remove yourself from organization.")
        if member["role"] == "owner":
            raise ApiError(403, "Organization Owner can not be removed.")
        self.db.run("DELETE FROM org_members WHERE id = ?", (member["id"],))
        return json_response(204, None)

    # orbit members

    def _orbit_member(self, member_id: str) -> Row:
        row = self.db.one("SELECT * FROM orbit_members WHERE id = ?", (norm_id(member_id),))
        if row is None:
            raise ApiError(404, ORBIT_MEMBER_NOT_FOUND)
        return row

    def _orbit_member_json(self, member: Row) -> dict[str, Any]:
        return orbit_member_out(member, self._user(member["user_id"]))

    def list_orbit_members(
        self, organization_id: str, orbit_id: str, user: str
    ) -> ConnexionResponse:
        check(self.service, organization_id, user, "orbit_user", "list", orbit_id)
        rows = self.db.all(
            "SELECT * FROM orbit_members WHERE orbit_id = ? ORDER BY created_at, id",
            (norm_id(orbit_id),),
        )
        return json_response(200, [self._orbit_member_json(row) for row in rows])

    def add_orbit_member(
        self, organization_id: str, orbit_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        # The server adds the member to the body's orbit_id, not the path's.
        target_orbit = norm_id(body["orbit_id"])
        check(self.service, organization_id, user, "orbit_user", "create", target_orbit)
        target = norm_id(body["user_id"])
        in_org = self.db.one(
            "SELECT 1 FROM org_members WHERE organization_id = ? AND user_id = ?",
            (norm_id(organization_id), target),
        )
        if in_org is None:
            raise ApiError(
                403, "User must be a member of the organization to be added to an orbit."
            )
        if target == user:
            raise ApiError(400, "You can not add yourself to orbit.")
        exists = self.db.one(
            "SELECT 1 FROM orbit_members WHERE orbit_id = ? AND user_id = ?", (target_orbit, target)
        )
        if exists is not None:
            raise ApiError(409, "Member for this this user already exist.")
        member_id = new_id()
        self.db.insert(
            "orbit_members",
            {
                "id": member_id,
                "orbit_id": target_orbit,
                "user_id": target,
                "role": body["role"],
                "created_at": now_iso(),
            },
        )
        return json_response(200, self._orbit_member_json(self._orbit_member(member_id)))

    def update_orbit_member(
        self,
        organization_id: str,
        orbit_id: str,
        member_id: str,
        body: dict[str, Any],
        user: str,
    ) -> ConnexionResponse:
        # The server changes the body's member id; the path's member_id is not read.
        member = self._orbit_member(body["id"])
        if member["user_id"] == user:
            raise ApiError(400, "You can not update your own data.")
        check(self.service, organization_id, user, "orbit_user", "update", orbit_id)
        if not same_id(member["orbit_id"], orbit_id):
            raise ApiError(404, ORBIT_MEMBER_NOT_FOUND)
        self.db.update(
            "orbit_members", member["id"], {"role": body["role"], "updated_at": now_iso()}
        )
        return json_response(200, self._orbit_member_json(self._orbit_member(member["id"])))

    def remove_orbit_member(
        self, organization_id: str, orbit_id: str, member_id: str, user: str
    ) -> ConnexionResponse:
        member = self._orbit_member(member_id)
        if member["user_id"] == user:
            raise ApiError(400, "You can not remove yourself from orbit.")
        check(self.service, organization_id, user, "orbit_user", "delete", orbit_id)
        self.db.run("DELETE FROM orbit_members WHERE id = ?", (member["id"],))
        return json_response(204, None)
