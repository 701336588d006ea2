from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bucket_type_s3 import BucketTypeS3

if TYPE_CHECKING:
    from ..models.part_details import PartDetails


T = TypeVar("T", bound="S3MultipartUploadDetails")


@_attrs_define
class S3MultipartUploadDetails:
    type_: BucketTypeS3
    upload_id: str
    parts: list[PartDetails]
    complete_url: str
    """ POST the CompleteMultipartUpload XML here. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        upload_id = self.upload_id

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

        complete_url = self.complete_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "upload_id": upload_id,
                "parts": parts,
                "complete_url": complete_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.part_details import PartDetails

        d = dict(src_dict)
        type_ = BucketTypeS3(d.pop("type"))

        upload_id = d.pop("upload_id")

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = PartDetails.from_dict(parts_item_data)

            parts.append(parts_item)

        complete_url = d.pop("complete_url")

        s3_multipart_upload_details = cls(
            type_=type_,
            upload_id=upload_id,
            parts=parts,
            complete_url=complete_url,
        )

        s3_multipart_upload_details.additional_properties = d
        return s3_multipart_upload_details

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
