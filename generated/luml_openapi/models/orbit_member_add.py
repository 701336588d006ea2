from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.orbit_role import OrbitRole

T = TypeVar("T", bound="OrbitMemberAdd")


@_attrs_define
class OrbitMemberAdd:
    user_id: UUID
    role: OrbitRole
    orbit_id: UUID
    """ The orbit the member joins. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        role = self.role.value

        orbit_id = str(self.orbit_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "role": role,
                "orbit_id": orbit_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = UUID(d.pop("user_id"))

        role = OrbitRole(d.pop("role"))

        orbit_id = UUID(d.pop("orbit_id"))

        orbit_member_add = cls(
            user_id=user_id,
            role=role,
            orbit_id=orbit_id,
        )

        orbit_member_add.additional_properties = d
        return orbit_member_add

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
