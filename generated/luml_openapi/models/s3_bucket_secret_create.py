from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bucket_type_s3 import BucketTypeS3
from ..types import UNSET, Unset

T = TypeVar("T", bound="S3BucketSecretCreate")


@_attrs_define
class S3BucketSecretCreate:
    type_: BucketTypeS3
    endpoint: str
    """ Host (and port) of the S3 service; a leading http(s):// is dropped. """
    bucket_name: str
    region: str
    access_key: None | str | Unset = UNSET
    secret_key: None | str | Unset = UNSET
    session_token: None | str | Unset = UNSET
    secure: bool | None | Unset = UNSET
    cert_check: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        endpoint = self.endpoint

        bucket_name = self.bucket_name

        region = self.region

        access_key: None | str | Unset
        if isinstance(self.access_key, Unset):
            access_key = UNSET
        else:
            access_key = self.access_key

        secret_key: None | str | Unset
        if isinstance(self.secret_key, Unset):
            secret_key = UNSET
        else:
            secret_key = self.secret_key

        session_token: None | str | Unset
        if isinstance(self.session_token, Unset):
            session_token = UNSET
        else:
            session_token = self.session_token

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "endpoint": endpoint,
                "bucket_name": bucket_name,
                "region": region,
            }
        )
        if access_key is not UNSET:
            field_dict["access_key"] = access_key
        if secret_key is not UNSET:
            field_dict["secret_key"] = secret_key
        if session_token is not UNSET:
            field_dict["session_token"] = session_token
        if secure is not UNSET:
            field_dict["secure"] = secure
        if cert_check is not UNSET:
            field_dict["cert_check"] = cert_check

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = BucketTypeS3(d.pop("type"))

        endpoint = d.pop("endpoint")

        bucket_name = d.pop("bucket_name")

        region = d.pop("region")

        def _parse_access_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        access_key = _parse_access_key(d.pop("access_key", UNSET))

        def _parse_secret_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret_key = _parse_secret_key(d.pop("secret_key", UNSET))

        def _parse_session_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_token = _parse_session_token(d.pop("session_token", UNSET))

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

        s3_bucket_secret_create = cls(
            type_=type_,
            endpoint=endpoint,
            bucket_name=bucket_name,
            region=region,
            access_key=access_key,
            secret_key=secret_key,
            session_token=session_token,
            secure=secure,
            cert_check=cert_check,
        )

        s3_bucket_secret_create.additional_properties = d
        return s3_bucket_secret_create

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
