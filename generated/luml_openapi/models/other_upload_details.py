from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OtherUploadDetails")


@_attrs_define
class OtherUploadDetails:
    """Upload details for a storage type this client does not know yet."""

    type_: str
    url: None | str | Unset = UNSET
    multipart: bool | Unset = False
    bucket_location: str | Unset = UNSET
    bucket_secret_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        multipart = self.multipart

        bucket_location = self.bucket_location

        bucket_secret_id: str | Unset = UNSET
        if not isinstance(self.bucket_secret_id, Unset):
            bucket_secret_id = str(self.bucket_secret_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url
        if multipart is not UNSET:
            field_dict["multipart"] = multipart
        if bucket_location is not UNSET:
            field_dict["bucket_location"] = bucket_location
        if bucket_secret_id is not UNSET:
            field_dict["bucket_secret_id"] = bucket_secret_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        multipart = d.pop("multipart", UNSET)

        bucket_location = d.pop("bucket_location", UNSET)

        _bucket_secret_id = d.pop("bucket_secret_id", UNSET)
        bucket_secret_id: UUID | Unset
        if isinstance(_bucket_secret_id, Unset):
            bucket_secret_id = UNSET
        else:
            bucket_secret_id = UUID(_bucket_secret_id)

        other_upload_details = cls(
            type_=type_,
            url=url,
            multipart=multipart,
            bucket_location=bucket_location,
            bucket_secret_id=bucket_secret_id,
        )

        other_upload_details.additional_properties = d
        return other_upload_details

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
