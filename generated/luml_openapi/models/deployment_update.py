from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deployment_update_dynamic_attributes_secrets_type_0 import (
        DeploymentUpdateDynamicAttributesSecretsType0,
    )
    from ..models.deployment_update_error_message_type_0 import (
        DeploymentUpdateErrorMessageType0,
    )
    from ..models.deployment_update_schemas_type_0 import DeploymentUpdateSchemasType0


T = TypeVar("T", bound="DeploymentUpdate")


@_attrs_define
class DeploymentUpdate:
    """Every field is written (a field left out becomes null); `name` and
    `dynamic_attributes_secrets` must not be null.

    """

    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    schemas: DeploymentUpdateSchemasType0 | None | Unset = UNSET
    error_message: DeploymentUpdateErrorMessageType0 | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    dynamic_attributes_secrets: (
        DeploymentUpdateDynamicAttributesSecretsType0 | None | Unset
    ) = UNSET
    """ Dynamic attribute names mapped to orbit secret ids. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.deployment_update_dynamic_attributes_secrets_type_0 import (
            DeploymentUpdateDynamicAttributesSecretsType0,
        )
        from ..models.deployment_update_error_message_type_0 import (
            DeploymentUpdateErrorMessageType0,
        )
        from ..models.deployment_update_schemas_type_0 import (
            DeploymentUpdateSchemasType0,
        )

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

        schemas: dict[str, Any] | None | Unset
        if isinstance(self.schemas, Unset):
            schemas = UNSET
        elif isinstance(self.schemas, DeploymentUpdateSchemasType0):
            schemas = self.schemas.to_dict()
        else:
            schemas = self.schemas

        error_message: dict[str, Any] | None | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        elif isinstance(self.error_message, DeploymentUpdateErrorMessageType0):
            error_message = self.error_message.to_dict()
        else:
            error_message = self.error_message

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        dynamic_attributes_secrets: dict[str, Any] | None | Unset
        if isinstance(self.dynamic_attributes_secrets, Unset):
            dynamic_attributes_secrets = UNSET
        elif isinstance(
            self.dynamic_attributes_secrets,
            DeploymentUpdateDynamicAttributesSecretsType0,
        ):
            dynamic_attributes_secrets = self.dynamic_attributes_secrets.to_dict()
        else:
            dynamic_attributes_secrets = self.dynamic_attributes_secrets

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if schemas is not UNSET:
            field_dict["schemas"] = schemas
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if tags is not UNSET:
            field_dict["tags"] = tags
        if dynamic_attributes_secrets is not UNSET:
            field_dict["dynamic_attributes_secrets"] = dynamic_attributes_secrets

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deployment_update_dynamic_attributes_secrets_type_0 import (
            DeploymentUpdateDynamicAttributesSecretsType0,
        )
        from ..models.deployment_update_error_message_type_0 import (
            DeploymentUpdateErrorMessageType0,
        )
        from ..models.deployment_update_schemas_type_0 import (
            DeploymentUpdateSchemasType0,
        )

        d = dict(src_dict)

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

        def _parse_schemas(data: object) -> DeploymentUpdateSchemasType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                schemas_type_0 = DeploymentUpdateSchemasType0.from_dict(data)

                return schemas_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeploymentUpdateSchemasType0 | None | Unset, data)

        schemas = _parse_schemas(d.pop("schemas", UNSET))

        def _parse_error_message(
            data: object,
        ) -> DeploymentUpdateErrorMessageType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_message_type_0 = DeploymentUpdateErrorMessageType0.from_dict(data)

                return error_message_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeploymentUpdateErrorMessageType0 | None | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

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

        def _parse_dynamic_attributes_secrets(
            data: object,
        ) -> DeploymentUpdateDynamicAttributesSecretsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dynamic_attributes_secrets_type_0 = (
                    DeploymentUpdateDynamicAttributesSecretsType0.from_dict(data)
                )

                return dynamic_attributes_secrets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                DeploymentUpdateDynamicAttributesSecretsType0 | None | Unset, data
            )

        dynamic_attributes_secrets = _parse_dynamic_attributes_secrets(
            d.pop("dynamic_attributes_secrets", UNSET)
        )

        deployment_update = cls(
            name=name,
            description=description,
            schemas=schemas,
            error_message=error_message,
            tags=tags,
            dynamic_attributes_secrets=dynamic_attributes_secrets,
        )

        deployment_update.additional_properties = d
        return deployment_update

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
