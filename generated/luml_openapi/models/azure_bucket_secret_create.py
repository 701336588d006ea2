from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bucket_type_azure import BucketTypeAzure

T = TypeVar("T", bound="AzureBucketSecretCreate")


@_attrs_define
class AzureBucketSecretCreate:
    type_: BucketTypeAzure
    endpoint: str
    """ The storage account's connection string (AccountName and AccountKey required). """
    bucket_name: str
    """ The container. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        endpoint = self.endpoint

        bucket_name = self.bucket_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "endpoint": endpoint,
                "bucket_name": bucket_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = BucketTypeAzure(d.pop("type"))

        endpoint = d.pop("endpoint")

        bucket_name = d.pop("bucket_name")

        azure_bucket_secret_create = cls(
            type_=type_,
            endpoint=endpoint,
            bucket_name=bucket_name,
        )

        azure_bucket_secret_create.additional_properties = d
        return azure_bucket_secret_create

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
