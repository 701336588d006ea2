from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bucket_type_s3 import BucketTypeS3
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.orbit_summary import OrbitSummary


T = TypeVar("T", bound="S3BucketSecret")


@_attrs_define
class S3BucketSecret:
    id: UUID
    type_: BucketTypeS3
    endpoint: str
    """ Host (and port) of the S3 service, without a scheme. """
    bucket_name: str
    region: str
    organization_id: UUID
    created_at: datetime.datetime
    secure: bool | None | Unset = UNSET
    cert_check: bool | None | Unset = UNSET
    orbits: list[OrbitSummary] | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_.value

        endpoint = self.endpoint

        bucket_name = self.bucket_name

        region = self.region

        organization_id = str(self.organization_id)

        created_at = self.created_at.isoformat()

        secure: bool | None | Unset
        if isinstance(self.secure, Unset):
            secure = UNSET
        else:
            secure = self.secure

        cert_check: bool | None | Unset
        if isinstance(self.cert_check, Unset):
            cert_check = UNSET
        else:
            cert_check = self.cert_check

        orbits: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.orbits, Unset):
            orbits = []
            for orbits_item_data in self.orbits:
                orbits_item = orbits_item_data.to_dict()
                orbits.append(orbits_item)

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
                "type": type_,
                "endpoint": endpoint,
                "bucket_name": bucket_name,
                "region": region,
                "organization_id": organization_id,
                "created_at": created_at,
            }
        )
        if secure is not UNSET:
            field_dict["secure"] = secure
        if cert_check is not UNSET:
            field_dict["cert_check"] = cert_check
        if orbits is not UNSET:
            field_dict["orbits"] = orbits
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.orbit_summary import OrbitSummary

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = BucketTypeS3(d.pop("type"))

        endpoint = d.pop("endpoint")

        bucket_name = d.pop("bucket_name")

        region = d.pop("region")

        organization_id = UUID(d.pop("organization_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_secure(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        secure = _parse_secure(d.pop("secure", UNSET))

        def _parse_cert_check(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        cert_check = _parse_cert_check(d.pop("cert_check", UNSET))

        _orbits = d.pop("orbits", UNSET)
        orbits: list[OrbitSummary] | Unset = UNSET
        if _orbits is not UNSET:
            orbits = []
            for orbits_item_data in _orbits:
                orbits_item = OrbitSummary.from_dict(orbits_item_data)

                orbits.append(orbits_item)

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

        s3_bucket_secret = cls(
            id=id,
            type_=type_,
            endpoint=endpoint,
            bucket_name=bucket_name,
            region=region,
            organization_id=organization_id,
            created_at=created_at,
            secure=secure,
            cert_check=cert_check,
            orbits=orbits,
            updated_at=updated_at,
        )

        s3_bucket_secret.additional_properties = d
        return s3_bucket_secret

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
