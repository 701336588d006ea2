from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TrackEntry")


@_attrs_define
class TrackEntry:
    id: UUID
    track_id: UUID
    artifact_id: UUID
    version: int
    added_by: UUID
    """ The id of the user who added it. """
    created_at: datetime.datetime
    stage_id: None | Unset | UUID = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    artifact_collection_id: None | Unset | UUID = UNSET
    artifact_name: None | str | Unset = UNSET
    artifact_description: None | str | Unset = UNSET
    stage_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        track_id = str(self.track_id)

        artifact_id = str(self.artifact_id)

        version = self.version

        added_by = str(self.added_by)

        created_at = self.created_at.isoformat()

        stage_id: None | str | Unset
        if isinstance(self.stage_id, Unset):
            stage_id = UNSET
        elif isinstance(self.stage_id, UUID):
            stage_id = str(self.stage_id)
        else:
            stage_id = self.stage_id

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        artifact_collection_id: None | str | Unset
        if isinstance(self.artifact_collection_id, Unset):
            artifact_collection_id = UNSET
        elif isinstance(self.artifact_collection_id, UUID):
            artifact_collection_id = str(self.artifact_collection_id)
        else:
            artifact_collection_id = self.artifact_collection_id

        artifact_name: None | str | Unset
        if isinstance(self.artifact_name, Unset):
            artifact_name = UNSET
        else:
            artifact_name = self.artifact_name

        artifact_description: None | str | Unset
        if isinstance(self.artifact_description, Unset):
            artifact_description = UNSET
        else:
            artifact_description = self.artifact_description

        stage_name: None | str | Unset
        if isinstance(self.stage_name, Unset):
            stage_name = UNSET
        else:
            stage_name = self.stage_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "track_id": track_id,
                "artifact_id": artifact_id,
                "version": version,
                "added_by": added_by,
                "created_at": created_at,
            }
        )
        if stage_id is not UNSET:
            field_dict["stage_id"] = stage_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if artifact_collection_id is not UNSET:
            field_dict["artifact_collection_id"] = artifact_collection_id
        if artifact_name is not UNSET:
            field_dict["artifact_name"] = artifact_name
        if artifact_description is not UNSET:
            field_dict["artifact_description"] = artifact_description
        if stage_name is not UNSET:
            field_dict["stage_name"] = stage_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        track_id = UUID(d.pop("track_id"))

        artifact_id = UUID(d.pop("artifact_id"))

        version = d.pop("version")

        added_by = UUID(d.pop("added_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_stage_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_id_type_0 = UUID(data)

                return stage_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        stage_id = _parse_stage_id(d.pop("stage_id", UNSET))

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

        def _parse_artifact_collection_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                artifact_collection_id_type_0 = UUID(data)

                return artifact_collection_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        artifact_collection_id = _parse_artifact_collection_id(
            d.pop("artifact_collection_id", UNSET)
        )

        def _parse_artifact_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        artifact_name = _parse_artifact_name(d.pop("artifact_name", UNSET))

        def _parse_artifact_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        artifact_description = _parse_artifact_description(
            d.pop("artifact_description", UNSET)
        )

        def _parse_stage_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stage_name = _parse_stage_name(d.pop("stage_name", UNSET))

        track_entry = cls(
            id=id,
            track_id=track_id,
            artifact_id=artifact_id,
            version=version,
            added_by=added_by,
            created_at=created_at,
            stage_id=stage_id,
            updated_at=updated_at,
            artifact_collection_id=artifact_collection_id,
            artifact_name=artifact_name,
            artifact_description=artifact_description,
            stage_name=stage_name,
        )

        track_entry.additional_properties = d
        return track_entry

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
