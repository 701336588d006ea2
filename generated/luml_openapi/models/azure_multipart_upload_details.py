from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bucket_type_azure import BucketTypeAzure

if TYPE_CHECKING:
    from ..models.part_details import PartDetails


T = TypeVar("T", bound="AzureMultipartUploadDetails")


@_attrs_define
class AzureMultipartUploadDetails:
    type_: BucketTypeAzure
    parts: list[PartDetails]
    complete_url: str
    """ PUT the BlockList XML here. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

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
                "parts": parts,
                "complete_url": complete_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.part_details import PartDetails

        d = dict(src_dict)
        type_ = BucketTypeAzure(d.pop("type"))

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = PartDetails.from_dict(parts_item_data)

            parts.append(parts_item)

        complete_url = d.pop("complete_url")

        azure_multipart_upload_details = cls(
            type_=type_,
            parts=parts,
            complete_url=complete_url,
        )

        azure_multipart_upload_details.additional_properties = d
        return azure_multipart_upload_details

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
