from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.orbit_role import OrbitRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orbit_member import OrbitMember
    from ..models.orbit_permissions_type_0 import OrbitPermissionsType0


T = TypeVar("T", bound="OrbitDetails")


@_attrs_define
class OrbitDetails:
    id: UUID
    name: str
    organization_id: UUID
    bucket_secret_id: UUID
    created_at: datetime.datetime
    total_members: int | None | Unset = UNSET
    total_collections: int | None | Unset = UNSET
    total_satellites: int | None | Unset = UNSET
    total_artifacts: int | None | Unset = UNSET
    role: None | OrbitRole | str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    permissions: None | OrbitPermissionsType0 | Unset = UNSET
    members: list[OrbitMember] | None | Unset = UNSET
    collections_tags: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.orbit_permissions_type_0 import OrbitPermissionsType0

        id = str(self.id)

        name = self.name

        organization_id = str(self.organization_id)

        bucket_secret_id = str(self.bucket_secret_id)

        created_at = self.created_at.isoformat()

        total_members: int | None | Unset
        if isinstance(self.total_members, Unset):
            total_members = UNSET
        else:
            total_members = self.total_members

        total_collections: int | None | Unset
        if isinstance(self.total_collections, Unset):
            total_collections = UNSET
        else:
            total_collections = self.total_collections

        total_satellites: int | None | Unset
        if isinstance(self.total_satellites, Unset):
            total_satellites = UNSET
        else:
            total_satellites = self.total_satellites

        total_artifacts: int | None | Unset
        if isinstance(self.total_artifacts, Unset):
            total_artifacts = UNSET
        else:
            total_artifacts = self.total_artifacts

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, OrbitRole):
            role = self.role.value
        else:
            role = self.role

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        permissions: dict[str, Any] | None | Unset
        if isinstance(self.permissions, Unset):
            permissions = UNSET
        elif isinstance(self.permissions, OrbitPermissionsType0):
            permissions = self.permissions.to_dict()
        else:
            permissions = self.permissions

        members: list[dict[str, Any]] | None | Unset
        if isinstance(self.members, Unset):
            members = UNSET
        elif isinstance(self.members, list):
            members = []
            for members_type_0_item_data in self.members:
                members_type_0_item = members_type_0_item_data.to_dict()
                members.append(members_type_0_item)

        else:
            members = self.members

        collections_tags: list[str] | None | Unset
        if isinstance(self.collections_tags, Unset):
            collections_tags = UNSET
        elif isinstance(self.collections_tags, list):
            collections_tags = self.collections_tags

        else:
            collections_tags = self.collections_tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "organization_id": organization_id,
                "bucket_secret_id": bucket_secret_id,
                "created_at": created_at,
            }
        )
        if total_members is not UNSET:
            field_dict["total_members"] = total_members
        if total_collections is not UNSET:
            field_dict["total_collections"] = total_collections
        if total_satellites is not UNSET:
            field_dict["total_satellites"] = total_satellites
        if total_artifacts is not UNSET:
            field_dict["total_artifacts"] = total_artifacts
        if role is not UNSET:
            field_dict["role"] = role
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if permissions is not UNSET:
            field_dict["permissions"] = permissions
        if members is not UNSET:
            field_dict["members"] = members
        if collections_tags is not UNSET:
            field_dict["collections_tags"] = collections_tags

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.orbit_member import OrbitMember
        from ..models.orbit_permissions_type_0 import OrbitPermissionsType0

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        organization_id = UUID(d.pop("organization_id"))

        bucket_secret_id = UUID(d.pop("bucket_secret_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_total_members(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_members = _parse_total_members(d.pop("total_members", UNSET))

        def _parse_total_collections(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_collections = _parse_total_collections(d.pop("total_collections", UNSET))

        def _parse_total_satellites(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_satellites = _parse_total_satellites(d.pop("total_satellites", UNSET))

        def _parse_total_artifacts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_artifacts = _parse_total_artifacts(d.pop("total_artifacts", UNSET))

        def _parse_role(data: object) -> None | OrbitRole | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_orbit_role_type_0 = OrbitRole(data)

                return componentsschemas_open_orbit_role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrbitRole | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

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

        def _parse_permissions(data: object) -> None | OrbitPermissionsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                permissions_type_0 = OrbitPermissionsType0.from_dict(data)

                return permissions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrbitPermissionsType0 | Unset, data)

        permissions = _parse_permissions(d.pop("permissions", UNSET))

        def _parse_members(data: object) -> list[OrbitMember] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                members_type_0 = []
                _members_type_0 = data
                for members_type_0_item_data in _members_type_0:
                    members_type_0_item = OrbitMember.from_dict(
                        members_type_0_item_data
                    )

                    members_type_0.append(members_type_0_item)

                return members_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrbitMember] | None | Unset, data)

        members = _parse_members(d.pop("members", UNSET))

        def _parse_collections_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                collections_tags_type_0 = cast(list[str], data)

                return collections_tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        collections_tags = _parse_collections_tags(d.pop("collections_tags", UNSET))

        orbit_details = cls(
            id=id,
            name=name,
            organization_id=organization_id,
            bucket_secret_id=bucket_secret_id,
            created_at=created_at,
            total_members=total_members,
            total_collections=total_collections,
            total_satellites=total_satellites,
            total_artifacts=total_artifacts,
            role=role,
            updated_at=updated_at,
            permissions=permissions,
            members=members,
            collections_tags=collections_tags,
        )

        orbit_details.additional_properties = d
        return orbit_details

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
