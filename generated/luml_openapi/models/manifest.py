from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.manifest_dynamic_attributes_item import ManifestDynamicAttributesItem
    from ..models.manifest_env_vars_item import ManifestEnvVarsItem
    from ..models.manifest_inputs_item import ManifestInputsItem
    from ..models.manifest_outputs_item import ManifestOutputsItem


T = TypeVar("T", bound="Manifest")


@_attrs_define
class Manifest:
    variant: str
    producer_name: str
    producer_version: str
    producer_tags: list[str]
    inputs: list[ManifestInputsItem]
    outputs: list[ManifestOutputsItem]
    dynamic_attributes: list[ManifestDynamicAttributesItem]
    env_vars: list[ManifestEnvVarsItem]
    name: None | str | Unset = UNSET
    version: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        variant = self.variant

        producer_name = self.producer_name

        producer_version = self.producer_version

        producer_tags = self.producer_tags

        inputs = []
        for inputs_item_data in self.inputs:
            inputs_item = inputs_item_data.to_dict()
            inputs.append(inputs_item)

        outputs = []
        for outputs_item_data in self.outputs:
            outputs_item = outputs_item_data.to_dict()
            outputs.append(outputs_item)

        dynamic_attributes = []
        for dynamic_attributes_item_data in self.dynamic_attributes:
            dynamic_attributes_item = dynamic_attributes_item_data.to_dict()
            dynamic_attributes.append(dynamic_attributes_item)

        env_vars = []
        for env_vars_item_data in self.env_vars:
            env_vars_item = env_vars_item_data.to_dict()
            env_vars.append(env_vars_item)

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        version: None | str | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "variant": variant,
                "producer_name": producer_name,
                "producer_version": producer_version,
                "producer_tags": producer_tags,
                "inputs": inputs,
                "outputs": outputs,
                "dynamic_attributes": dynamic_attributes,
                "env_vars": env_vars,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if version is not UNSET:
            field_dict["version"] = version
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.manifest_dynamic_attributes_item import (
            ManifestDynamicAttributesItem,
        )
        from ..models.manifest_env_vars_item import ManifestEnvVarsItem
        from ..models.manifest_inputs_item import ManifestInputsItem
        from ..models.manifest_outputs_item import ManifestOutputsItem

        d = dict(src_dict)
        variant = d.pop("variant")

        producer_name = d.pop("producer_name")

        producer_version = d.pop("producer_version")

        producer_tags = cast(list[str], d.pop("producer_tags"))

        inputs = []
        _inputs = d.pop("inputs")
        for inputs_item_data in _inputs:
            inputs_item = ManifestInputsItem.from_dict(inputs_item_data)

            inputs.append(inputs_item)

        outputs = []
        _outputs = d.pop("outputs")
        for outputs_item_data in _outputs:
            outputs_item = ManifestOutputsItem.from_dict(outputs_item_data)

            outputs.append(outputs_item)

        dynamic_attributes = []
        _dynamic_attributes = d.pop("dynamic_attributes")
        for dynamic_attributes_item_data in _dynamic_attributes:
            dynamic_attributes_item = ManifestDynamicAttributesItem.from_dict(
                dynamic_attributes_item_data
            )

            dynamic_attributes.append(dynamic_attributes_item)

        env_vars = []
        _env_vars = d.pop("env_vars")
        for env_vars_item_data in _env_vars:
            env_vars_item = ManifestEnvVarsItem.from_dict(env_vars_item_data)

            env_vars.append(env_vars_item)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        manifest = cls(
            variant=variant,
            producer_name=producer_name,
            producer_version=producer_version,
            producer_tags=producer_tags,
            inputs=inputs,
            outputs=outputs,
            dynamic_attributes=dynamic_attributes,
            env_vars=env_vars,
            name=name,
            version=version,
            description=description,
        )

        manifest.additional_properties = d
        return manifest

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
