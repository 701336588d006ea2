from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentSummary")


@_attrs_define
class DeploymentSummary:
    id: UUID
    name: str
    status: str | Unset = UNSET
    orbit_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        status = self.status

        orbit_id: str | Unset = UNSET
        if not isinstance(self.orbit_id, Unset):
            orbit_id = str(self.orbit_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if orbit_id is not UNSET:
            field_dict["orbit_id"] = orbit_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        status = d.pop("status", UNSET)

        _orbit_id = d.pop("orbit_id", UNSET)
        orbit_id: UUID | Unset
        if isinstance(_orbit_id, Unset):
            orbit_id = UNSET
        else:
            orbit_id = UUID(_orbit_id)

        deployment_summary = cls(
            id=id,
            name=name,
            status=status,
            orbit_id=orbit_id,
        )

        deployment_summary.additional_properties = d
        return deployment_summary

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
