from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.artifact_type import ArtifactType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_index import FileIndex
    from ..models.free_form import FreeForm
    from ..models.luml_artifact_manifest import LumlArtifactManifest
    from ..models.manifest import Manifest


T = TypeVar("T", bound="ArtifactCreate")


@_attrs_define
class ArtifactCreate:
    file_name: str
    """ `<name>.<extension>`; no whitespace in the extension, none of : " * ` ~ # % ; ' ^. """
    extra_values: FreeForm
    """ A JSON object whose keys the server does not fix. """
    manifest: LumlArtifactManifest | Manifest
    """ The artifact file's manifest.json: a LUML manifest (`artifact_type` names the type)
    or the older model manifest (the type is `model` when the file index holds the model
    files). Either form's required fields must be there (else 422, each form's missing
    fields under its title); other keys are kept as sent.
     """
    file_hash: str
    file_index: FileIndex
    """ Each member of the archive: `[offset of its data, size]` in bytes. """
    size: int
    """ At most 5 TiB; the server does not refuse a negative size. """
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    type_: ArtifactType | None | Unset = UNSET
    """ When sent, must be the type the server reads from the manifest
    (else 400 `Artifact's real type does not match the type you specified.`).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.luml_artifact_manifest import LumlArtifactManifest

        file_name = self.file_name

        extra_values = self.extra_values.to_dict()

        manifest: dict[str, Any]
        if isinstance(self.manifest, LumlArtifactManifest):
            manifest = self.manifest.to_dict()
        else:
            manifest = self.manifest.to_dict()

        file_hash = self.file_hash

        file_index = self.file_index.to_dict()

        size = self.size

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

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, ArtifactType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_name": file_name,
                "extra_values": extra_values,
                "manifest": manifest,
                "file_hash": file_hash,
                "file_index": file_index,
                "size": size,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if tags is not UNSET:
            field_dict["tags"] = tags
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.file_index import FileIndex
        from ..models.free_form import FreeForm
        from ..models.luml_artifact_manifest import LumlArtifactManifest
        from ..models.manifest import Manifest

        d = dict(src_dict)
        file_name = d.pop("file_name")

        extra_values = FreeForm.from_dict(d.pop("extra_values"))

        def _parse_manifest(data: object) -> LumlArtifactManifest | Manifest:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_artifact_manifest_type_0 = (
                    LumlArtifactManifest.from_dict(data)
                )

                return componentsschemas_artifact_manifest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_artifact_manifest_type_1 = Manifest.from_dict(data)

            return componentsschemas_artifact_manifest_type_1

        manifest = _parse_manifest(d.pop("manifest"))

        file_hash = d.pop("file_hash")

        file_index = FileIndex.from_dict(d.pop("file_index"))

        size = d.pop("size")

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

        def _parse_type_(data: object) -> ArtifactType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_1 = ArtifactType(data)

                return type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ArtifactType | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        artifact_create = cls(
            file_name=file_name,
            extra_values=extra_values,
            manifest=manifest,
            file_hash=file_hash,
            file_index=file_index,
            size=size,
            name=name,
            description=description,
            tags=tags,
            type_=type_,
        )

        artifact_create.additional_properties = d
        return artifact_create

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
