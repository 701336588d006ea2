from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.artifact import Artifact
    from ..models.azure_upload_details import AzureUploadDetails
    from ..models.other_upload_details import OtherUploadDetails
    from ..models.s3_upload_details import S3UploadDetails


T = TypeVar("T", bound="CreatedArtifact")


@_attrs_define
class CreatedArtifact:
    artifact: Artifact
    upload_details: AzureUploadDetails | OtherUploadDetails | S3UploadDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.azure_upload_details import AzureUploadDetails
        from ..models.s3_upload_details import S3UploadDetails

        artifact = self.artifact.to_dict()

        upload_details: dict[str, Any]
        if isinstance(self.upload_details, S3UploadDetails) or isinstance(
            self.upload_details, AzureUploadDetails
        ):
            upload_details = self.upload_details.to_dict()
        else:
            upload_details = self.upload_details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artifact": artifact,
                "upload_details": upload_details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.artifact import Artifact
        from ..models.azure_upload_details import AzureUploadDetails
        from ..models.other_upload_details import OtherUploadDetails
        from ..models.s3_upload_details import S3UploadDetails

        d = dict(src_dict)
        artifact = Artifact.from_dict(d.pop("artifact"))

        def _parse_upload_details(
            data: object,
        ) -> AzureUploadDetails | OtherUploadDetails | S3UploadDetails:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_upload_details_type_0 = S3UploadDetails.from_dict(
                    data
                )

                return componentsschemas_upload_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_upload_details_type_1 = AzureUploadDetails.from_dict(
                    data
                )

                return componentsschemas_upload_details_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_upload_details_type_2 = OtherUploadDetails.from_dict(data)

            return componentsschemas_upload_details_type_2

        upload_details = _parse_upload_details(d.pop("upload_details"))

        created_artifact = cls(
            artifact=artifact,
            upload_details=upload_details,
        )

        created_artifact.additional_properties = d
        return created_artifact

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
