from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PartDetails")


@_attrs_define
class PartDetails:
    part_number: int
    """ 1-based. """
    url: str
    start_byte: int
    end_byte: int
    """ Inclusive. """
    part_size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        part_number = self.part_number

        url = self.url

        start_byte = self.start_byte

        end_byte = self.end_byte

        part_size = self.part_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "part_number": part_number,
                "url": url,
                "start_byte": start_byte,
                "end_byte": end_byte,
                "part_size": part_size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        part_number = d.pop("part_number")

        url = d.pop("url")

        start_byte = d.pop("start_byte")

        end_byte = d.pop("end_byte")

        part_size = d.pop("part_size")

        part_details = cls(
            part_number=part_number,
            url=url,
            start_byte=start_byte,
            end_byte=end_byte,
            part_size=part_size,
        )

        part_details.additional_properties = d
        return part_details

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
