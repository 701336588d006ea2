from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bucket_type_azure import BucketTypeAzure
from ..types import UNSET, Unset

T = TypeVar("T", bound="AzureUploadDetails")


@_attrs_define
class AzureUploadDetails:
    type_: BucketTypeAzure
    bucket_location: str
    bucket_secret_id: UUID
    url: None | str | Unset = UNSET
    """ A SAS URL for a BlockBlob PUT of the whole file; null for a multipart upload. """
    multipart: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        bucket_location = self.bucket_location

        bucket_secret_id = str(self.bucket_secret_id)

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        multipart = self.multipart

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "bucket_location": bucket_location,
                "bucket_secret_id": bucket_secret_id,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url
        if multipart is not UNSET:
            field_dict["multipart"] = multipart

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = BucketTypeAzure(d.pop("type"))

        bucket_location = d.pop("bucket_location")

        bucket_secret_id = UUID(d.pop("bucket_secret_id"))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        multipart = d.pop("multipart", UNSET)

        azure_upload_details = cls(
            type_=type_,
            bucket_location=bucket_location,
            bucket_secret_id=bucket_secret_id,
            url=url,
            multipart=multipart,
        )

        azure_upload_details.additional_properties = d
        return azure_upload_details

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
