from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.artifact_status import ArtifactStatus
from ..models.artifact_type import ArtifactType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.artifact_deployment import ArtifactDeployment
    from ..models.collection import Collection
    from ..models.file_index import FileIndex
    from ..models.free_form import FreeForm
    from ..models.track_summary import TrackSummary


T = TypeVar("T", bound="ArtifactDetails")


@_attrs_define
class ArtifactDetails:
    id: UUID
    collection_id: UUID
    file_name: str
    extra_values: FreeForm
    """ A JSON object whose keys the server does not fix. """
    manifest: FreeForm
    """ A JSON object whose keys the server does not fix. """
    file_hash: str
    """ Hex SHA-256 of the file. """
    file_index: FileIndex
    """ Each member of the archive: `[offset of its data, size]` in bytes. """
    bucket_location: str
    size: int
    unique_identifier: str
    status: ArtifactStatus | str
    type_: ArtifactType | str
    created_at: datetime.datetime
    collection: Collection
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    created_by_user: None | str | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    deployments: list[ArtifactDeployment] | None | Unset = UNSET
    tracks: list[TrackSummary] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        collection_id = str(self.collection_id)

        file_name = self.file_name

        extra_values = self.extra_values.to_dict()

        manifest = self.manifest.to_dict()

        file_hash = self.file_hash

        file_index = self.file_index.to_dict()

        bucket_location = self.bucket_location

        size = self.size

        unique_identifier = self.unique_identifier

        status: str
        if isinstance(self.status, ArtifactStatus):
            status = self.status.value
        else:
            status = self.status

        type_: str
        if isinstance(self.type_, ArtifactType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        created_at = self.created_at.isoformat()

        collection = self.collection.to_dict()

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        created_by_user: None | str | Unset
        if isinstance(self.created_by_user, Unset):
            created_by_user = UNSET
        else:
            created_by_user = self.created_by_user

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        deployments: list[dict[str, Any]] | None | Unset
        if isinstance(self.deployments, Unset):
            deployments = UNSET
        elif isinstance(self.deployments, list):
            deployments = []
            for deployments_type_0_item_data in self.deployments:
                deployments_type_0_item = deployments_type_0_item_data.to_dict()
                deployments.append(deployments_type_0_item)

        else:
            deployments = self.deployments

        tracks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tracks, Unset):
            tracks = []
            for tracks_item_data in self.tracks:
                tracks_item = tracks_item_data.to_dict()
                tracks.append(tracks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "collection_id": collection_id,
                "file_name": file_name,
                "extra_values": extra_values,
                "manifest": manifest,
                "file_hash": file_hash,
                "file_index": file_index,
                "bucket_location": bucket_location,
                "size": size,
                "unique_identifier": unique_identifier,
                "status": status,
                "type": type_,
                "created_at": created_at,
                "collection": collection,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if tags is not UNSET:
            field_dict["tags"] = tags
        if created_by_user is not UNSET:
            field_dict["created_by_user"] = created_by_user
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if deployments is not UNSET:
            field_dict["deployments"] = deployments
        if tracks is not UNSET:
            field_dict["tracks"] = tracks

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.artifact_deployment import ArtifactDeployment
        from ..models.collection import Collection
        from ..models.file_index import FileIndex
        from ..models.free_form import FreeForm
        from ..models.track_summary import TrackSummary

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        collection_id = UUID(d.pop("collection_id"))

        file_name = d.pop("file_name")

        extra_values = FreeForm.from_dict(d.pop("extra_values"))

        manifest = FreeForm.from_dict(d.pop("manifest"))

        file_hash = d.pop("file_hash")

        file_index = FileIndex.from_dict(d.pop("file_index"))

        bucket_location = d.pop("bucket_location")

        size = d.pop("size")

        unique_identifier = d.pop("unique_identifier")

        def _parse_status(data: object) -> ArtifactStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_artifact_status_type_0 = ArtifactStatus(data)

                return componentsschemas_open_artifact_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ArtifactStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_type_(data: object) -> ArtifactType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_artifact_type_type_0 = ArtifactType(data)

                return componentsschemas_open_artifact_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ArtifactType | str, data)

        type_ = _parse_type_(d.pop("type"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        collection = Collection.from_dict(d.pop("collection"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_created_by_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by_user = _parse_created_by_user(d.pop("created_by_user", UNSET))

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

        def _parse_deployments(data: object) -> list[ArtifactDeployment] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                deployments_type_0 = []
                _deployments_type_0 = data
                for deployments_type_0_item_data in _deployments_type_0:
                    deployments_type_0_item = ArtifactDeployment.from_dict(
                        deployments_type_0_item_data
                    )

                    deployments_type_0.append(deployments_type_0_item)

                return deployments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ArtifactDeployment] | None | Unset, data)

        deployments = _parse_deployments(d.pop("deployments", UNSET))

        _tracks = d.pop("tracks", UNSET)
        tracks: list[TrackSummary] | Unset = UNSET
        if _tracks is not UNSET:
            tracks = []
            for tracks_item_data in _tracks:
                tracks_item = TrackSummary.from_dict(tracks_item_data)

                tracks.append(tracks_item)

        artifact_details = cls(
            id=id,
            collection_id=collection_id,
            file_name=file_name,
            extra_values=extra_values,
            manifest=manifest,
            file_hash=file_hash,
            file_index=file_index,
            bucket_location=bucket_location,
            size=size,
            unique_identifier=unique_identifier,
            status=status,
            type_=type_,
            created_at=created_at,
            collection=collection,
            name=name,
            description=description,
            tags=tags,
            created_by_user=created_by_user,
            updated_at=updated_at,
            deployments=deployments,
            tracks=tracks,
        )

        artifact_details.additional_properties = d
        return artifact_details

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
