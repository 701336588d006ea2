from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bucket_type_s3 import BucketTypeS3
from ..types import UNSET, Unset

T = TypeVar("T", bound="S3UploadDetails")


@_attrs_define
class S3UploadDetails:
    type_: BucketTypeS3
    url: str
    """ A presigned PUT of the whole file, or (multipart) the POST that initiates the upload. """
    bucket_location: str
    bucket_secret_id: UUID
    multipart: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        url = self.url

        bucket_location = self.bucket_location

        bucket_secret_id = str(self.bucket_secret_id)

        multipart = self.multipart

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "url": url,
                "bucket_location": bucket_location,
                "bucket_secret_id": bucket_secret_id,
            }
        )
        if multipart is not UNSET:
            field_dict["multipart"] = multipart

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = BucketTypeS3(d.pop("type"))

        url = d.pop("url")

        bucket_location = d.pop("bucket_location")

        bucket_secret_id = UUID(d.pop("bucket_secret_id"))

        multipart = d.pop("multipart", UNSET)

        s3_upload_details = cls(
            type_=type_,
            url=url,
            bucket_location=bucket_location,
            bucket_secret_id=bucket_secret_id,
            multipart=multipart,
        )

        s3_upload_details.additional_properties = d
        return s3_upload_details

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
