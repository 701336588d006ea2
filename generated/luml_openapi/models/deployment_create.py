from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.satellite_parameters import SatelliteParameters
    from ..models.secret_id_map import SecretIdMap
    from ..models.string_map import StringMap


T = TypeVar("T", bound="DeploymentCreate")


@_attrs_define
class DeploymentCreate:
    satellite_id: UUID
    artifact_id: UUID
    name: str
    satellite_parameters: SatelliteParameters | Unset = UNSET
    """ Settings for the satellite; each value is a boolean, an integer or a string. """
    description: None | str | Unset = UNSET
    env_variables: StringMap | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    dynamic_attributes_secrets: SecretIdMap | Unset = UNSET
    """ Names mapped to orbit secret ids. """
    env_variables_secrets: SecretIdMap | Unset = UNSET
    """ Names mapped to orbit secret ids. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        satellite_id = str(self.satellite_id)

        artifact_id = str(self.artifact_id)

        name = self.name

        satellite_parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.satellite_parameters, Unset):
            satellite_parameters = self.satellite_parameters.to_dict()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        env_variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env_variables, Unset):
            env_variables = self.env_variables.to_dict()

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        dynamic_attributes_secrets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dynamic_attributes_secrets, Unset):
            dynamic_attributes_secrets = self.dynamic_attributes_secrets.to_dict()

        env_variables_secrets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env_variables_secrets, Unset):
            env_variables_secrets = self.env_variables_secrets.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "satellite_id": satellite_id,
                "artifact_id": artifact_id,
                "name": name,
            }
        )
        if satellite_parameters is not UNSET:
            field_dict["satellite_parameters"] = satellite_parameters
        if description is not UNSET:
            field_dict["description"] = description
        if env_variables is not UNSET:
            field_dict["env_variables"] = env_variables
        if tags is not UNSET:
            field_dict["tags"] = tags
        if dynamic_attributes_secrets is not UNSET:
            field_dict["dynamic_attributes_secrets"] = dynamic_attributes_secrets
        if env_variables_secrets is not UNSET:
            field_dict["env_variables_secrets"] = env_variables_secrets

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.satellite_parameters import SatelliteParameters
        from ..models.secret_id_map import SecretIdMap
        from ..models.string_map import StringMap

        d = dict(src_dict)
        satellite_id = UUID(d.pop("satellite_id"))

        artifact_id = UUID(d.pop("artifact_id"))

        name = d.pop("name")

        _satellite_parameters = d.pop("satellite_parameters", UNSET)
        satellite_parameters: SatelliteParameters | Unset
        if isinstance(_satellite_parameters, Unset):
            satellite_parameters = UNSET
        else:
            satellite_parameters = SatelliteParameters.from_dict(_satellite_parameters)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _env_variables = d.pop("env_variables", UNSET)
        env_variables: StringMap | Unset
        if isinstance(_env_variables, Unset):
            env_variables = UNSET
        else:
            env_variables = StringMap.from_dict(_env_variables)

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        _dynamic_attributes_secrets = d.pop("dynamic_attributes_secrets", UNSET)
        dynamic_attributes_secrets: SecretIdMap | Unset
        if isinstance(_dynamic_attributes_secrets, Unset):
            dynamic_attributes_secrets = UNSET
        else:
            dynamic_attributes_secrets = SecretIdMap.from_dict(
                _dynamic_attributes_secrets
            )

        _env_variables_secrets = d.pop("env_variables_secrets", UNSET)
        env_variables_secrets: SecretIdMap | Unset
        if isinstance(_env_variables_secrets, Unset):
            env_variables_secrets = UNSET
        else:
            env_variables_secrets = SecretIdMap.from_dict(_env_variables_secrets)

        deployment_create = cls(
            satellite_id=satellite_id,
            artifact_id=artifact_id,
            name=name,
            satellite_parameters=satellite_parameters,
            description=description,
            env_variables=env_variables,
            tags=tags,
            dynamic_attributes_secrets=dynamic_attributes_secrets,
            env_variables_secrets=env_variables_secrets,
        )

        deployment_create.additional_properties = d
        return deployment_create

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
