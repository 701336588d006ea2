from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.satellite import Satellite


T = TypeVar("T", bound="CreatedSatellite")


@_attrs_define
class CreatedSatellite:
    satellite: Satellite
    api_key: str
    """ The satellite's `dfssat_` key; the server keeps only a hash. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        satellite = self.satellite.to_dict()

        api_key = self.api_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "satellite": satellite,
                "api_key": api_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.satellite import Satellite

        d = dict(src_dict)
        satellite = Satellite.from_dict(d.pop("satellite"))

        api_key = d.pop("api_key")

        created_satellite = cls(
            satellite=satellite,
            api_key=api_key,
        )

        created_satellite.additional_properties = d
        return created_satellite

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
