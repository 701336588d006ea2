from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BucketMultipartUpload")


@_attrs_define
class BucketMultipartUpload:
    bucket_id: UUID
    """ The bucket secret's id (`upload_details.bucket_secret_id`). """
    bucket_location: str
    size: int
    upload_id: None | str | Unset = UNSET
    """ The S3 upload id from the initiate request. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bucket_id = str(self.bucket_id)

        bucket_location = self.bucket_location

        size = self.size

        upload_id: None | str | Unset
        if isinstance(self.upload_id, Unset):
            upload_id = UNSET
        else:
            upload_id = self.upload_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bucket_id": bucket_id,
                "bucket_location": bucket_location,
                "size": size,
            }
        )
        if upload_id is not UNSET:
            field_dict["upload_id"] = upload_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bucket_id = UUID(d.pop("bucket_id"))

        bucket_location = d.pop("bucket_location")

        size = d.pop("size")

        def _parse_upload_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        upload_id = _parse_upload_id(d.pop("upload_id", UNSET))

        bucket_multipart_upload = cls(
            bucket_id=bucket_id,
            bucket_location=bucket_location,
            size=size,
            upload_id=upload_id,
        )

        bucket_multipart_upload.additional_properties = d
        return bucket_multipart_upload

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
