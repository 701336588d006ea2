from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.satellite_capabilities_additional_property_type_0 import (
        SatelliteCapabilitiesAdditionalPropertyType0,
    )


T = TypeVar("T", bound="SatelliteCapabilities")


@_attrs_define
class SatelliteCapabilities:
    """Capability name (`deploy`, `monitoring`) to its settings (or null); empty until paired."""

    additional_properties: dict[
        str, None | SatelliteCapabilitiesAdditionalPropertyType0
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.satellite_capabilities_additional_property_type_0 import (
            SatelliteCapabilitiesAdditionalPropertyType0,
        )

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, SatelliteCapabilitiesAdditionalPropertyType0):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.satellite_capabilities_additional_property_type_0 import (
            SatelliteCapabilitiesAdditionalPropertyType0,
        )

        d = dict(src_dict)
        satellite_capabilities = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> None | SatelliteCapabilitiesAdditionalPropertyType0:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    additional_property_type_0 = (
                        SatelliteCapabilitiesAdditionalPropertyType0.from_dict(data)
                    )

                    return additional_property_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | SatelliteCapabilitiesAdditionalPropertyType0, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        satellite_capabilities.additional_properties = additional_properties
        return satellite_capabilities

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(
        self, key: str
    ) -> None | SatelliteCapabilitiesAdditionalPropertyType0:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: None | SatelliteCapabilitiesAdditionalPropertyType0
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
