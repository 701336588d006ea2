from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_role import OrgRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.organization import Organization
    from ..models.user import User


T = TypeVar("T", bound="OrganizationInvite")


@_attrs_define
class OrganizationInvite:
    id: UUID
    email: str
    role: OrgRole | str
    organization_id: UUID
    created_at: datetime.datetime
    invited_by_user: None | Unset | User = UNSET
    organization: None | Organization | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.organization import Organization
        from ..models.user import User

        id = str(self.id)

        email = self.email

        role: str
        if isinstance(self.role, OrgRole):
            role = self.role.value
        else:
            role = self.role

        organization_id = str(self.organization_id)

        created_at = self.created_at.isoformat()

        invited_by_user: dict[str, Any] | None | Unset
        if isinstance(self.invited_by_user, Unset):
            invited_by_user = UNSET
        elif isinstance(self.invited_by_user, User):
            invited_by_user = self.invited_by_user.to_dict()
        else:
            invited_by_user = self.invited_by_user

        organization: dict[str, Any] | None | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        elif isinstance(self.organization, Organization):
            organization = self.organization.to_dict()
        else:
            organization = self.organization

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "role": role,
                "organization_id": organization_id,
                "created_at": created_at,
            }
        )
        if invited_by_user is not UNSET:
            field_dict["invited_by_user"] = invited_by_user
        if organization is not UNSET:
            field_dict["organization"] = organization

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.organization import Organization
        from ..models.user import User

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        email = d.pop("email")

        def _parse_role(data: object) -> OrgRole | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_org_role_type_0 = OrgRole(data)

                return componentsschemas_open_org_role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OrgRole | str, data)

        role = _parse_role(d.pop("role"))

        organization_id = UUID(d.pop("organization_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_invited_by_user(data: object) -> None | Unset | User:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                invited_by_user_type_1 = User.from_dict(data)

                return invited_by_user_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | User, data)

        invited_by_user = _parse_invited_by_user(d.pop("invited_by_user", UNSET))

        def _parse_organization(data: object) -> None | Organization | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                organization_type_1 = Organization.from_dict(data)

                return organization_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Organization | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))

        organization_invite = cls(
            id=id,
            email=email,
            role=role,
            organization_id=organization_id,
            created_at=created_at,
            invited_by_user=invited_by_user,
            organization=organization,
        )

        organization_invite.additional_properties = d
        return organization_invite

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
