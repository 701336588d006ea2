from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BucketSecretUrls")


@_attrs_define
class BucketSecretUrls:
    """Presigned URLs of a `test_file` object in the bucket."""

    presigned_url: str
    """ Uploads the object. """
    download_url: str
    delete_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        presigned_url = self.presigned_url

        download_url = self.download_url

        delete_url = self.delete_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "presigned_url": presigned_url,
                "download_url": download_url,
                "delete_url": delete_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        presigned_url = d.pop("presigned_url")

        download_url = d.pop("download_url")

        delete_url = d.pop("delete_url")

        bucket_secret_urls = cls(
            presigned_url=presigned_url,
            download_url=download_url,
            delete_url=delete_url,
        )

        bucket_secret_urls.additional_properties = d
        return bucket_secret_urls

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
