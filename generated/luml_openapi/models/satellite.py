from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.satellite_status import SatelliteStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.satellite_capabilities import SatelliteCapabilities


T = TypeVar("T", bound="Satellite")


@_attrs_define
class Satellite:
    id: UUID
    orbit_id: UUID
    paired: bool
    capabilities: SatelliteCapabilities
    """ Capability name (`deploy`, `monitoring`) to its settings (or null); empty until paired. """
    created_at: datetime.datetime
    status: SatelliteStatus | str
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    base_url: None | str | Unset = UNSET
    slug: None | str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    last_seen_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        orbit_id = str(self.orbit_id)

        paired = self.paired

        capabilities = self.capabilities.to_dict()

        created_at = self.created_at.isoformat()

        status: str
        if isinstance(self.status, SatelliteStatus):
            status = self.status.value
        else:
            status = self.status

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        base_url: None | str | Unset
        if isinstance(self.base_url, Unset):
            base_url = UNSET
        else:
            base_url = self.base_url

        slug: None | str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        last_seen_at: None | str | Unset
        if isinstance(self.last_seen_at, Unset):
            last_seen_at = UNSET
        elif isinstance(self.last_seen_at, datetime.datetime):
            last_seen_at = self.last_seen_at.isoformat()
        else:
            last_seen_at = self.last_seen_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "orbit_id": orbit_id,
                "paired": paired,
                "capabilities": capabilities,
                "created_at": created_at,
                "status": status,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if base_url is not UNSET:
            field_dict["base_url"] = base_url
        if slug is not UNSET:
            field_dict["slug"] = slug
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if last_seen_at is not UNSET:
            field_dict["last_seen_at"] = last_seen_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.satellite_capabilities import SatelliteCapabilities

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        orbit_id = UUID(d.pop("orbit_id"))

        paired = d.pop("paired")

        capabilities = SatelliteCapabilities.from_dict(d.pop("capabilities"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_status(data: object) -> SatelliteStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_satellite_status_type_0 = SatelliteStatus(data)

                return componentsschemas_open_satellite_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SatelliteStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_base_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_url = _parse_base_url(d.pop("base_url", UNSET))

        def _parse_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))

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

        def _parse_last_seen_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_seen_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_seen_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_seen_at = _parse_last_seen_at(d.pop("last_seen_at", UNSET))

        satellite = cls(
            id=id,
            orbit_id=orbit_id,
            paired=paired,
            capabilities=capabilities,
            created_at=created_at,
            status=status,
            name=name,
            description=description,
            base_url=base_url,
            slug=slug,
            updated_at=updated_at,
            last_seen_at=last_seen_at,
        )

        satellite.additional_properties = d
        return satellite

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
