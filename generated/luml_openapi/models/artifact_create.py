from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_index import FileIndex
    from ..models.free_form import FreeForm


T = TypeVar("T", bound="ArtifactCreate")


@_attrs_define
class ArtifactCreate:
    file_name: str
    """ `<name>.<extension>`; no whitespace in the extension, none of : " * ` ~ # % ; ' ^. """
    extra_values: FreeForm
    """ A JSON object whose keys the server does not fix. """
    manifest: FreeForm
    """ A JSON object whose keys the server does not fix. """
    file_hash: str
    file_index: FileIndex
    """ Each member of the archive: `[offset of its data, size]` in bytes. """
    size: int
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    lineage_inputs: list[UUID] | None | Unset = UNSET
    """ Ids of artifacts of the same orbit this one was made from. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_name = self.file_name

        extra_values = self.extra_values.to_dict()

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

        lineage_inputs: list[str] | None | Unset
        if isinstance(self.lineage_inputs, Unset):
            lineage_inputs = UNSET
        elif isinstance(self.lineage_inputs, list):
            lineage_inputs = []
            for lineage_inputs_type_0_item_data in self.lineage_inputs:
                lineage_inputs_type_0_item = str(lineage_inputs_type_0_item_data)
                lineage_inputs.append(lineage_inputs_type_0_item)

        else:
            lineage_inputs = self.lineage_inputs

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
        if lineage_inputs is not UNSET:
            field_dict["lineage_inputs"] = lineage_inputs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.file_index import FileIndex
        from ..models.free_form import FreeForm

        d = dict(src_dict)
        file_name = d.pop("file_name")

        extra_values = FreeForm.from_dict(d.pop("extra_values"))

        manifest = FreeForm.from_dict(d.pop("manifest"))

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

        def _parse_lineage_inputs(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                lineage_inputs_type_0 = []
                _lineage_inputs_type_0 = data
                for lineage_inputs_type_0_item_data in _lineage_inputs_type_0:
                    lineage_inputs_type_0_item = UUID(lineage_inputs_type_0_item_data)

                    lineage_inputs_type_0.append(lineage_inputs_type_0_item)

                return lineage_inputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        lineage_inputs = _parse_lineage_inputs(d.pop("lineage_inputs", UNSET))

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
            lineage_inputs=lineage_inputs,
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
