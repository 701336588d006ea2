from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.artifact_deployment_error_message_type_0 import (
        ArtifactDeploymentErrorMessageType0,
    )
    from ..models.artifact_deployment_schemas_type_0 import (
        ArtifactDeploymentSchemasType0,
    )
    from ..models.free_form import FreeForm


T = TypeVar("T", bound="ArtifactDeployment")


@_attrs_define
class ArtifactDeployment:
    """A deployment of the artifact, as the artifact's details list it."""

    id: UUID
    name: str
    status: str
    orbit_id: UUID
    satellite_id: UUID
    satellite_name: str
    artifact_id: UUID
    artifact_name: str
    collection_id: UUID
    created_at: datetime.datetime
    model_id: UUID
    model_artifact_name: str
    inference_url: None | str | Unset = UNSET
    satellite_parameters: FreeForm | Unset = UNSET
    """ A JSON object whose keys the server does not fix. """
    description: None | str | Unset = UNSET
    dynamic_attributes_secrets: FreeForm | Unset = UNSET
    """ A JSON object whose keys the server does not fix. """
    env_variables_secrets: FreeForm | Unset = UNSET
    """ A JSON object whose keys the server does not fix. """
    env_variables: FreeForm | Unset = UNSET
    """ A JSON object whose keys the server does not fix. """
    schemas: ArtifactDeploymentSchemasType0 | None | Unset = UNSET
    error_message: ArtifactDeploymentErrorMessageType0 | None | Unset = UNSET
    created_by_user: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.artifact_deployment_error_message_type_0 import (
            ArtifactDeploymentErrorMessageType0,
        )
        from ..models.artifact_deployment_schemas_type_0 import (
            ArtifactDeploymentSchemasType0,
        )

        id = str(self.id)

        name = self.name

        status = self.status

        orbit_id = str(self.orbit_id)

        satellite_id = str(self.satellite_id)

        satellite_name = self.satellite_name

        artifact_id = str(self.artifact_id)

        artifact_name = self.artifact_name

        collection_id = str(self.collection_id)

        created_at = self.created_at.isoformat()

        model_id = str(self.model_id)

        model_artifact_name = self.model_artifact_name

        inference_url: None | str | Unset
        if isinstance(self.inference_url, Unset):
            inference_url = UNSET
        else:
            inference_url = self.inference_url

        satellite_parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.satellite_parameters, Unset):
            satellite_parameters = self.satellite_parameters.to_dict()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        dynamic_attributes_secrets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dynamic_attributes_secrets, Unset):
            dynamic_attributes_secrets = self.dynamic_attributes_secrets.to_dict()

        env_variables_secrets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env_variables_secrets, Unset):
            env_variables_secrets = self.env_variables_secrets.to_dict()

        env_variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env_variables, Unset):
            env_variables = self.env_variables.to_dict()

        schemas: dict[str, Any] | None | Unset
        if isinstance(self.schemas, Unset):
            schemas = UNSET
        elif isinstance(self.schemas, ArtifactDeploymentSchemasType0):
            schemas = self.schemas.to_dict()
        else:
            schemas = self.schemas

        error_message: dict[str, Any] | None | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        elif isinstance(self.error_message, ArtifactDeploymentErrorMessageType0):
            error_message = self.error_message.to_dict()
        else:
            error_message = self.error_message

        created_by_user: None | str | Unset
        if isinstance(self.created_by_user, Unset):
            created_by_user = UNSET
        else:
            created_by_user = self.created_by_user

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "status": status,
                "orbit_id": orbit_id,
                "satellite_id": satellite_id,
                "satellite_name": satellite_name,
                "artifact_id": artifact_id,
                "artifact_name": artifact_name,
                "collection_id": collection_id,
                "created_at": created_at,
                "model_id": model_id,
                "model_artifact_name": model_artifact_name,
            }
        )
        if inference_url is not UNSET:
            field_dict["inference_url"] = inference_url
        if satellite_parameters is not UNSET:
            field_dict["satellite_parameters"] = satellite_parameters
        if description is not UNSET:
            field_dict["description"] = description
        if dynamic_attributes_secrets is not UNSET:
            field_dict["dynamic_attributes_secrets"] = dynamic_attributes_secrets
        if env_variables_secrets is not UNSET:
            field_dict["env_variables_secrets"] = env_variables_secrets
        if env_variables is not UNSET:
            field_dict["env_variables"] = env_variables
        if schemas is not UNSET:
            field_dict["schemas"] = schemas
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if created_by_user is not UNSET:
            field_dict["created_by_user"] = created_by_user
        if tags is not UNSET:
            field_dict["tags"] = tags
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.artifact_deployment_error_message_type_0 import (
            ArtifactDeploymentErrorMessageType0,
        )
        from ..models.artifact_deployment_schemas_type_0 import (
            ArtifactDeploymentSchemasType0,
        )
        from ..models.free_form import FreeForm

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        status = d.pop("status")

        orbit_id = UUID(d.pop("orbit_id"))

        satellite_id = UUID(d.pop("satellite_id"))

        satellite_name = d.pop("satellite_name")

        artifact_id = UUID(d.pop("artifact_id"))

        artifact_name = d.pop("artifact_name")

        collection_id = UUID(d.pop("collection_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        model_id = UUID(d.pop("model_id"))

        model_artifact_name = d.pop("model_artifact_name")

        def _parse_inference_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        inference_url = _parse_inference_url(d.pop("inference_url", UNSET))

        _satellite_parameters = d.pop("satellite_parameters", UNSET)
        satellite_parameters: FreeForm | Unset
        if isinstance(_satellite_parameters, Unset):
            satellite_parameters = UNSET
        else:
            satellite_parameters = FreeForm.from_dict(_satellite_parameters)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _dynamic_attributes_secrets = d.pop("dynamic_attributes_secrets", UNSET)
        dynamic_attributes_secrets: FreeForm | Unset
        if isinstance(_dynamic_attributes_secrets, Unset):
            dynamic_attributes_secrets = UNSET
        else:
            dynamic_attributes_secrets = FreeForm.from_dict(_dynamic_attributes_secrets)

        _env_variables_secrets = d.pop("env_variables_secrets", UNSET)
        env_variables_secrets: FreeForm | Unset
        if isinstance(_env_variables_secrets, Unset):
            env_variables_secrets = UNSET
        else:
            env_variables_secrets = FreeForm.from_dict(_env_variables_secrets)

        _env_variables = d.pop("env_variables", UNSET)
        env_variables: FreeForm | Unset
        if isinstance(_env_variables, Unset):
            env_variables = UNSET
        else:
            env_variables = FreeForm.from_dict(_env_variables)

        def _parse_schemas(
            data: object,
        ) -> ArtifactDeploymentSchemasType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                schemas_type_0 = ArtifactDeploymentSchemasType0.from_dict(data)

                return schemas_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ArtifactDeploymentSchemasType0 | None | Unset, data)

        schemas = _parse_schemas(d.pop("schemas", UNSET))

        def _parse_error_message(
            data: object,
        ) -> ArtifactDeploymentErrorMessageType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_message_type_0 = ArtifactDeploymentErrorMessageType0.from_dict(
                    data
                )

                return error_message_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ArtifactDeploymentErrorMessageType0 | None | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

        def _parse_created_by_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by_user = _parse_created_by_user(d.pop("created_by_user", UNSET))

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

        artifact_deployment = cls(
            id=id,
            name=name,
            status=status,
            orbit_id=orbit_id,
            satellite_id=satellite_id,
            satellite_name=satellite_name,
            artifact_id=artifact_id,
            artifact_name=artifact_name,
            collection_id=collection_id,
            created_at=created_at,
            model_id=model_id,
            model_artifact_name=model_artifact_name,
            inference_url=inference_url,
            satellite_parameters=satellite_parameters,
            description=description,
            dynamic_attributes_secrets=dynamic_attributes_secrets,
            env_variables_secrets=env_variables_secrets,
            env_variables=env_variables,
            schemas=schemas,
            error_message=error_message,
            created_by_user=created_by_user,
            tags=tags,
            updated_at=updated_at,
        )

        artifact_deployment.additional_properties = d
        return artifact_deployment

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
