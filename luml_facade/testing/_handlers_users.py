"""Handlers: organizations (create, update, delete, leave), invitations and the caller's API key."""

from __future__ import annotations

from typing import Any

from connexion.lifecycle import ConnexionResponse

from ._db import Row
from ._errors import ApiError, json_response
from ._handlers_orgs import organization_details
from ._ids import new_api_key, new_id, now_iso
from ._permissions import check
from ._records import invite_out, organization_plain
from ._service import Handlers, Service, norm_id

ORGANIZATION_NOT_FOUND = "Organization not found"
INVITE_NOT_FOUND = "Organization invite not found"
NOT_FOR_YOU = "This invite is not for you"
MEMBERSHIP_LIMIT = "You’ve reached the limit of organizations you can join or create"  # noqa: RUF001
MEMBERS_LIMIT = "Organization reached maximum number of users"
MEMBER_EXISTS = "Organization member already exists"
# A deleted API key: the column stays NOT NULL and unique, and never matches a `dfs_` token.
NO_KEY_PREFIX = "deleted:"


def refuse_owner(body: dict[str, Any]) -> None:
    """The server's body validator: the owner role cannot be given (422, as pydantic says it)."""
    if body.get("role") == "owner":
        item = {
            "type": "value_error",
            "loc": ["body", "role"],
            "msg": "Value error, Role 'OWNER' cant be assigned",
            "input": "owner",
        }
        raise ApiError(422, [item])


def check_members_limit(service: Service, organization_id: str) -> None:
    """409 when the organization has as many members as its limit allows."""
    count = service.db.scalar(
        "SELECT COUNT(*) FROM org_members WHERE organization_id = ?", (organization_id,)
    )
    if int(count) >= service.settings.limits.members:
        raise ApiError(409, MEMBERS_LIMIT)


def check_membership_limit(service: Service, user: str) -> None:
    """409 when the user already belongs to the maximum number of organizations."""
    count = service.db.scalar("SELECT COUNT(*) FROM org_members WHERE user_id = ?", (user,))
    if int(count) >= service.settings.limits.organizations_per_user:
        raise ApiError(409, MEMBERSHIP_LIMIT)


def add_member(service: Service, organization_id: str, user_id: str, role: str) -> str:
    """Insert an organization member (409 if already one); its id."""
    exists = service.db.one(
        "SELECT 1 FROM org_members WHERE organization_id = ? AND user_id = ?",
        (organization_id, user_id),
    )
    if exists is not None:
        raise ApiError(409, MEMBER_EXISTS)
    member_id = new_id()
    service.db.insert(
        "org_members",
        {
            "id": member_id,
            "organization_id": organization_id,
            "user_id": user_id,
            "role": role,
            "created_at": now_iso(),
        },
    )
    return member_id


class UserHandlers(Handlers):
    """Organization lifecycle, invitations and API keys (all JWT-only but validate_api_key)."""

    # organizations

    def create_organization(self, body: dict[str, Any], user: str) -> ConnexionResponse:
        check_membership_limit(self.service, user)
        org_id, now = new_id(), now_iso()
        with self.db.transaction():
            self.db.insert(
                "organizations",
                {"id": org_id, "name": body["name"], "logo": body.get("logo"), "created_at": now},
            )
            self.db.insert(
                "org_members",
                {
                    "id": new_id(),
                    "organization_id": org_id,
                    "user_id": user,
                    "role": "owner",
                    "created_at": now,
                },
            )
        return json_response(200, organization_plain(self._organization(org_id)))

    def update_organization(
        self, organization_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        role = check(self.service, organization_id, user, "organization", "update")
        org = self._organization(norm_id(organization_id))
        changes = {name: body[name] for name in ("name", "logo") if body.get(name) is not None}
        if changes:
            self.db.update("organizations", org["id"], {**changes, "updated_at": now_iso()})
        details = organization_details(self.service, self._organization(org["id"]), role, user)
        # The real server answers the details without the caller's permissions here.
        return json_response(200, {**details, "permissions": None})

    def delete_organization(self, organization_id: str, user: str) -> ConnexionResponse:
        check(self.service, organization_id, user, "organization", "delete")
        org = self._organization(norm_id(organization_id))
        members = self.db.scalar(
            "SELECT COUNT(*) FROM org_members WHERE organization_id = ?", (org["id"],)
        )
        if int(members) > 1:
            raise ApiError(409, "Organization has members and cant be deleted")
        with self.db.transaction():
            for table in ("orbits", "org_invites", "org_members", "bucket_secrets"):
                self.db.run(f"DELETE FROM {table} WHERE organization_id = ?", (org["id"],))  # noqa: S608
            self.db.run("DELETE FROM organizations WHERE id = ?", (org["id"],))
        return json_response(204, None)

    def leave_organization(self, organization_id: str, user: str) -> ConnexionResponse:
        check(self.service, organization_id, user, "organization", "leave")
        self.db.run(
            "DELETE FROM org_members WHERE organization_id = ? AND user_id = ?",
            (norm_id(organization_id), user),
        )
        return json_response(204, None)

    def _organization(self, org_id: str) -> Row:
        row = self.db.one("SELECT * FROM organizations WHERE id = ?", (org_id,))
        if row is None:
            raise ApiError(404, ORGANIZATION_NOT_FOUND)
        return row

    # invitations, organization side

    def list_organization_invitations(self, organization_id: str, user: str) -> ConnexionResponse:
        check(self.service, organization_id, user, "organization_invite", "list")
        rows = self.db.all(
            "SELECT * FROM org_invites WHERE organization_id = ? ORDER BY created_at",
            (norm_id(organization_id),),
        )
        return json_response(200, [self._invite_json(row) for row in rows])

    def create_organization_invitation(
        self, organization_id: str, body: dict[str, Any], user: str
    ) -> ConnexionResponse:
        refuse_owner(body)
        # The server acts on the body's organization_id, not the path's.
        org_id = norm_id(body["organization_id"])
        check(self.service, org_id, user, "organization_invite", "create")
        email = str(body["email"])
        me = self.db.one("SELECT email FROM users WHERE id = ?", (user,))
        if me is not None and me["email"] == email:
            raise ApiError(403, "You can't invite yourself")
        member = self.db.one(
            "SELECT 1 FROM org_members m JOIN users u ON u.id = m.user_id "
            "WHERE m.organization_id = ? AND u.email = ?",
            (org_id, email),
        )
        if member is not None:
            raise ApiError(409, "Already a member of the organization")
        invited = self.db.one(
            "SELECT 1 FROM org_invites WHERE organization_id = ? AND email = ?", (org_id, email)
        )
        if invited is not None:
            raise ApiError(409, "Organization invite already exists")
        self._organization(org_id)
        check_members_limit(self.service, org_id)
        invite_id = new_id()
        self.db.insert(
            "org_invites",
            {
                "id": invite_id,
                "organization_id": org_id,
                "email": email,
                "role": body["role"],
                "invited_by": user,
                "created_at": now_iso(),
            },
        )
        return json_response(200, self._invite_json(self._invite(invite_id)))

    def cancel_organization_invitation(
        self, organization_id: str, invite_id: str, user: str
    ) -> ConnexionResponse:
        check(self.service, organization_id, user, "organization_invite", "delete")
        self.db.run("DELETE FROM org_invites WHERE id = ?", (norm_id(invite_id),))
        return json_response(204, None)

    def _invite(self, invite_id: str) -> Row:
        row = self.db.one("SELECT * FROM org_invites WHERE id = ?", (norm_id(invite_id),))
        if row is None:
            raise ApiError(404, INVITE_NOT_FOUND)
        return row

    def _invite_json(self, invite: Row) -> dict[str, Any]:
        org = self.db.one("SELECT * FROM organizations WHERE id = ?", (invite["organization_id"],))
        inviter = self.db.one("SELECT * FROM users WHERE id = ?", (invite["invited_by"],))
        return invite_out(invite, org, inviter)

    # invitations, the caller's side

    def _email(self, user: str) -> str:
        return str(self.db.scalar("SELECT email FROM users WHERE id = ?", (user,)))

    def list_my_invitations(self, user: str) -> ConnexionResponse:
        rows = self.db.all(
            "SELECT * FROM org_invites WHERE email = ? ORDER BY created_at", (self._email(user),)
        )
        return json_response(200, [self._invite_json(row) for row in rows])

    def accept_invitation(self, invite_id: str, user: str) -> ConnexionResponse:
        invite = self._invite(invite_id)
        if invite["email"] != self._email(user):
            raise ApiError(403, NOT_FOR_YOU)
        check_membership_limit(self.service, user)
        check_members_limit(self.service, invite["organization_id"])
        with self.db.transaction():
            add_member(self.service, invite["organization_id"], user, invite["role"])
            self.db.run(
                "DELETE FROM org_invites WHERE organization_id = ? AND email = ?",
                (invite["organization_id"], invite["email"]),
            )
        # FastAPI renders the route's None as a JSON null body.
        return ConnexionResponse(
            status_code=200,
            body=b"null",
            content_type="application/json",
            mimetype="application/json",
        )

    def reject_invitation(self, invite_id: str, user: str) -> ConnexionResponse:
        invite = self._invite(invite_id)
        if invite["email"] != self._email(user):
            raise ApiError(403, NOT_FOR_YOU)
        self.db.run("DELETE FROM org_invites WHERE id = ?", (invite["id"],))
        return json_response(204, None)

    # API key

    def create_api_key(self, user: str) -> ConnexionResponse:
        key = new_api_key()
        self.db.run("UPDATE users SET api_key = ? WHERE id = ?", (key, user))
        return json_response(200, {"key": key})

    def delete_api_key(self, user: str) -> ConnexionResponse:
        self.db.run("UPDATE users SET api_key = ? WHERE id = ?", (NO_KEY_PREFIX + new_id(), user))
        return json_response(204, None)

    def validate_api_key(self, user: str) -> ConnexionResponse:
        return json_response(204, None)
