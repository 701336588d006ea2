from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orbit import Orbit
    from ..models.organization_details_members_by_role import (
        OrganizationDetailsMembersByRole,
    )
    from ..models.organization_details_permissions_type_0 import (
        OrganizationDetailsPermissionsType0,
    )
    from ..models.organization_invite import OrganizationInvite
    from ..models.organization_member import OrganizationMember


T = TypeVar("T", bound="OrganizationDetails")


@_attrs_define
class OrganizationDetails:
    id: UUID
    name: str
    created_at: datetime.datetime
    invites: list[OrganizationInvite]
    members: list[OrganizationMember]
    orbits: list[Orbit]
    logo: None | str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    members_limit: int | Unset = UNSET
    orbits_limit: int | Unset = UNSET
    satellites_limit: int | Unset = UNSET
    artifacts_limit: int | Unset = UNSET
    total_orbits: int | Unset = UNSET
    total_members: int | Unset = UNSET
    total_satellites: int | Unset = UNSET
    total_artifacts: int | Unset = UNSET
    members_by_role: OrganizationDetailsMembersByRole | Unset = UNSET
    permissions: None | OrganizationDetailsPermissionsType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.organization_details_permissions_type_0 import (
            OrganizationDetailsPermissionsType0,
        )

        id = str(self.id)

        name = self.name

        created_at = self.created_at.isoformat()

        invites = []
        for invites_item_data in self.invites:
            invites_item = invites_item_data.to_dict()
            invites.append(invites_item)

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        orbits = []
        for orbits_item_data in self.orbits:
            orbits_item = orbits_item_data.to_dict()
            orbits.append(orbits_item)

        logo: None | str | Unset
        if isinstance(self.logo, Unset):
            logo = UNSET
        else:
            logo = self.logo

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        members_limit = self.members_limit

        orbits_limit = self.orbits_limit

        satellites_limit = self.satellites_limit

        artifacts_limit = self.artifacts_limit

        total_orbits = self.total_orbits

        total_members = self.total_members

        total_satellites = self.total_satellites

        total_artifacts = self.total_artifacts

        members_by_role: dict[str, Any] | Unset = UNSET
        if not isinstance(self.members_by_role, Unset):
            members_by_role = self.members_by_role.to_dict()

        permissions: dict[str, Any] | None | Unset
        if isinstance(self.permissions, Unset):
            permissions = UNSET
        elif isinstance(self.permissions, OrganizationDetailsPermissionsType0):
            permissions = self.permissions.to_dict()
        else:
            permissions = self.permissions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "created_at": created_at,
                "invites": invites,
                "members": members,
                "orbits": orbits,
            }
        )
        if logo is not UNSET:
            field_dict["logo"] = logo
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if members_limit is not UNSET:
            field_dict["members_limit"] = members_limit
        if orbits_limit is not UNSET:
            field_dict["orbits_limit"] = orbits_limit
        if satellites_limit is not UNSET:
            field_dict["satellites_limit"] = satellites_limit
        if artifacts_limit is not UNSET:
            field_dict["artifacts_limit"] = artifacts_limit
        if total_orbits is not UNSET:
            field_dict["total_orbits"] = total_orbits
        if total_members is not UNSET:
            field_dict["total_members"] = total_members
        if total_satellites is not UNSET:
            field_dict["total_satellites"] = total_satellites
        if total_artifacts is not UNSET:
            field_dict["total_artifacts"] = total_artifacts
        if members_by_role is not UNSET:
            field_dict["members_by_role"] = members_by_role
        if permissions is not UNSET:
            field_dict["permissions"] = permissions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.orbit import Orbit
        from ..models.organization_details_members_by_role import (
            OrganizationDetailsMembersByRole,
        )
        from ..models.organization_details_permissions_type_0 import (
            OrganizationDetailsPermissionsType0,
        )
        from ..models.organization_invite import OrganizationInvite
        from ..models.organization_member import OrganizationMember

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        invites = []
        _invites = d.pop("invites")
        for invites_item_data in _invites:
            invites_item = OrganizationInvite.from_dict(invites_item_data)

            invites.append(invites_item)

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = OrganizationMember.from_dict(members_item_data)

            members.append(members_item)

        orbits = []
        _orbits = d.pop("orbits")
        for orbits_item_data in _orbits:
            orbits_item = Orbit.from_dict(orbits_item_data)

            orbits.append(orbits_item)

        def _parse_logo(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo = _parse_logo(d.pop("logo", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        members_limit = d.pop("members_limit", UNSET)

        orbits_limit = d.pop("orbits_limit", UNSET)

        satellites_limit = d.pop("satellites_limit", UNSET)

        artifacts_limit = d.pop("artifacts_limit", UNSET)

        total_orbits = d.pop("total_orbits", UNSET)

        total_members = d.pop("total_members", UNSET)

        total_satellites = d.pop("total_satellites", UNSET)

        total_artifacts = d.pop("total_artifacts", UNSET)

        _members_by_role = d.pop("members_by_role", UNSET)
        members_by_role: OrganizationDetailsMembersByRole | Unset
        if isinstance(_members_by_role, Unset):
            members_by_role = UNSET
        else:
            members_by_role = OrganizationDetailsMembersByRole.from_dict(
                _members_by_role
            )

        def _parse_permissions(
            data: object,
        ) -> None | OrganizationDetailsPermissionsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                permissions_type_0 = OrganizationDetailsPermissionsType0.from_dict(data)

                return permissions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationDetailsPermissionsType0 | Unset, data)

        permissions = _parse_permissions(d.pop("permissions", UNSET))

        organization_details = cls(
            id=id,
            name=name,
            created_at=created_at,
            invites=invites,
            members=members,
            orbits=orbits,
            logo=logo,
            updated_at=updated_at,
            members_limit=members_limit,
            orbits_limit=orbits_limit,
            satellites_limit=satellites_limit,
            artifacts_limit=artifacts_limit,
            total_orbits=total_orbits,
            total_members=total_members,
            total_satellites=total_satellites,
            total_artifacts=total_artifacts,
            members_by_role=members_by_role,
            permissions=permissions,
        )

        organization_details.additional_properties = d
        return organization_details

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
