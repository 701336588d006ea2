from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.luml_artifact_manifest_payload import LumlArtifactManifestPayload


T = TypeVar("T", bound="LumlArtifactManifest")


@_attrs_define
class LumlArtifactManifest:
    artifact_type: str
    variant: str
    producer_name: str
    producer_version: str
    producer_tags: list[str]
    payload: LumlArtifactManifestPayload
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    version: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artifact_type = self.artifact_type

        variant = self.variant

        producer_name = self.producer_name

        producer_version = self.producer_version

        producer_tags = self.producer_tags

        payload = self.payload.to_dict()

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

        version: None | str | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artifact_type": artifact_type,
                "variant": variant,
                "producer_name": producer_name,
                "producer_version": producer_version,
                "producer_tags": producer_tags,
                "payload": payload,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.luml_artifact_manifest_payload import LumlArtifactManifestPayload

        d = dict(src_dict)
        artifact_type = d.pop("artifact_type")

        variant = d.pop("variant")

        producer_name = d.pop("producer_name")

        producer_version = d.pop("producer_version")

        producer_tags = cast(list[str], d.pop("producer_tags"))

        payload = LumlArtifactManifestPayload.from_dict(d.pop("payload"))

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

        def _parse_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        luml_artifact_manifest = cls(
            artifact_type=artifact_type,
            variant=variant,
            producer_name=producer_name,
            producer_version=producer_version,
            producer_tags=producer_tags,
            payload=payload,
            name=name,
            description=description,
            version=version,
        )

        luml_artifact_manifest.additional_properties = d
        return luml_artifact_manifest

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
