"""The typed results the facade returns, and the enums it accepts.

Field names follow the LUML client reference; ids are strings, timestamps are `datetime`,
free-form JSON (manifest, extra values) is a plain `dict`. Enum-valued fields hold the enum
member, or a plain string when a newer server sends a value this client does not know yet.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

import attrs
from luml_openapi.models import (
    ArtifactStatus,
    ArtifactType,
    BucketType,
    CollectionSortBy,
    CollectionType,
    CollectionTypeFilter,
    OrbitRole,
    OrgRole,
    SortOrder,
)
from luml_openapi.types import Unset

__all__ = [
    "Artifact",
    "ArtifactSortBy",
    "ArtifactStatus",
    "ArtifactType",
    "ArtifactsList",
    "AzureBucketSecret",
    "BucketSecret",
    "BucketType",
    "Collection",
    "CollectionDetails",
    "CollectionSortBy",
    "CollectionType",
    "CollectionTypeFilter",
    "CollectionsList",
    "CreatedArtifact",
    "MultiPartUploadDetails",
    "Orbit",
    "OrbitRole",
    "OrgRole",
    "Organization",
    "PartDetails",
    "RepairAction",
    "RepairReport",
    "S3BucketSecret",
    "SortOrder",
    "UploadDetails",
]

T = TypeVar("T")


class ArtifactSortBy(enum.StrEnum):
    """Artifact columns to sort by; any metric key of `extra_values` works too."""

    CREATED_AT = "created_at"
    NAME = "name"
    SIZE = "size"
    DESCRIPTION = "description"
    STATUS = "status"
    TYPE = "type"


def adopt(cls: type[T], model: Any) -> T:
    """Build the facade type `cls` from a generated model (or from an instance of `cls`)."""
    if isinstance(model, cls):
        return model
    values: dict[str, Any] = {}
    for field in attrs.fields(cls):  # type: ignore[arg-type]
        raw = _read(model, field.name)
        nested = field.metadata.get("adopt")
        if nested is not None and raw is not None:
            raw = (
                [adopt(nested, item) for item in raw]
                if isinstance(raw, list)
                else adopt(nested, raw)
            )
        else:
            raw = _plain(raw)
        values[field.name] = raw
    return cls(**values)


def _read(model: Any, name: str) -> Any:
    for attribute in (name, f"{name}_"):
        if hasattr(model, attribute):
            return getattr(model, attribute)
    extra = getattr(model, "additional_properties", None)
    return extra.get(name) if isinstance(extra, dict) else None


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, Unset):
        return None
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "to_dict") and attrs.has(type(value)):
        as_dict: dict[str, Any] = value.to_dict()
        return as_dict
    return value


def _file_index(value: Mapping[str, Any] | None) -> dict[str, tuple[int, int]]:
    return {name: (int(span[0]), int(span[1])) for name, span in (value or {}).items()}


def _dict(value: Mapping[str, Any] | None) -> dict[str, Any]:
    return dict(value or {})


def _bucket_type(value: Any) -> BucketType | str:
    raw = getattr(value, "value", value)
    try:
        return BucketType(raw)
    except ValueError:
        return str(raw)


_frozen = attrs.frozen(kw_only=True)


@_frozen
class Organization:
    """An organization the API key's user belongs to."""

    id: str
    name: str
    logo: str | None = None
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    role: OrgRole | str | None = None
    permissions: dict[str, Any] | None = None


@_frozen
class BucketSecret:
    """Storage credentials of an organization (the credentials themselves are never returned).

    `S3BucketSecret` and `AzureBucketSecret` add their own fields; a storage type this client
    does not know yet comes back as a plain `BucketSecret`.
    """

    id: str
    type: BucketType | str = attrs.field(converter=_bucket_type)
    endpoint: str | None = None
    bucket_name: str
    organization_id: str
    orbits: list[dict[str, Any]] | None = None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None = None


@_frozen
class S3BucketSecret(BucketSecret):
    """An S3 (or S3-compatible) bucket secret."""

    region: str | None = None
    secure: bool | None = None
    cert_check: bool | None = None


@_frozen
class AzureBucketSecret(BucketSecret):
    """An Azure blob container secret; `endpoint` is the public part of the connection string."""


@_frozen
class Orbit:
    """An orbit: a workspace of an organization, storing its files in one bucket."""

    id: str
    name: str
    organization_id: str
    bucket_secret_id: str
    total_members: int | None = None
    total_collections: int | None = None
    total_artifacts: int | None = None
    role: OrbitRole | str | None = None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None = None


@_frozen
class Collection:
    """A collection of artifacts in an orbit."""

    id: str
    orbit_id: str
    name: str
    description: str | None = None
    type: CollectionType | str
    tags: list[str] | None = None
    total_artifacts: int = 0
    created_at: datetime.datetime
    updated_at: datetime.datetime | None = None


@_frozen
class CollectionDetails(Collection):
    """A collection with the tags and metric keys of its artifacts."""

    artifacts_tags: list[str] | None = None
    artifacts_extra_values: list[str] | None = None


@_frozen
class CollectionsList:
    """One page of collections; pass `cursor` as `start_after=` for the next (None: last page)."""

    items: list[Collection] = attrs.field(metadata={"adopt": Collection})
    cursor: str | None = None


@_frozen
class Artifact:
    """An artifact (model, dataset or experiment) and where its file is stored.

    `metrics` is the same dict as `extra_values` (the name older client pages use).
    """

    id: str
    collection_id: str
    name: str | None = None
    file_name: str
    description: str | None = None
    extra_values: dict[str, Any] = attrs.field(factory=dict, converter=_dict)
    manifest: dict[str, Any] = attrs.field(factory=dict, converter=_dict)
    file_hash: str
    file_index: dict[str, tuple[int, int]] = attrs.field(factory=dict, converter=_file_index)
    bucket_location: str
    size: int
    unique_identifier: str
    status: ArtifactStatus | str
    type: ArtifactType | str
    tags: list[str] | None = None
    created_by_user: str | None = None
    collection_name: str | None = None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None = None

    @property
    def metrics(self) -> dict[str, Any]:
        """The artifact's metrics: the same dict as `extra_values`."""
        return self.extra_values


@_frozen
class ArtifactsList:
    """One page of artifacts; pass `cursor` as `start_after=` for the next (None: last page)."""

    items: list[Artifact] = attrs.field(metadata={"adopt": Artifact})
    cursor: str | None = None


@_frozen
class UploadDetails:
    """Where to upload an artifact's file: S3 or Azure, one request or multipart."""

    type: BucketType | str = attrs.field(converter=_bucket_type)
    url: str | None = None
    multipart: bool = False
    bucket_location: str | None = None
    bucket_secret_id: str | None = None


@_frozen
class CreatedArtifact:
    """A new artifact record (status `pending_upload`) and where to upload its file."""

    artifact: Artifact = attrs.field(metadata={"adopt": Artifact})
    upload_details: UploadDetails = attrs.field(metadata={"adopt": UploadDetails})


@_frozen
class PartDetails:
    """One part of a multipart upload: its presigned URL and inclusive byte range."""

    part_number: int
    url: str
    start_byte: int
    end_byte: int
    part_size: int


@_frozen
class MultiPartUploadDetails:
    """Presigned URLs for every part, and the URL that completes the upload."""

    type: BucketType | str = attrs.field(converter=_bucket_type)
    upload_id: str | None = None
    parts: list[PartDetails] = attrs.field(metadata={"adopt": PartDetails})
    complete_url: str | None = None


def adopt_bucket_secret(model: Any) -> BucketSecret:
    """The facade type for a generated bucket secret (S3, Azure, or one not known yet)."""
    kind = _bucket_type(_read(model, "type"))
    if kind == BucketType.S3:
        return adopt(S3BucketSecret, model)
    if kind == BucketType.AZURE:
        return adopt(AzureBucketSecret, model)
    return adopt(BucketSecret, model)


@attrs.frozen(kw_only=True)
class RepairAction:
    """What a repair did to (or found about) one artifact.

    `before` is the status it was found in (`pending_upload`, `pending_deletion`), `after` what
    it is now (`upload_failed`, `uploaded`, `deletion_failed`, `deleted`, or the same status
    for an artifact left alone), and `reason` says why.
    """

    artifact_id: str
    collection_id: str
    name: str | None = None
    before: str
    after: str
    reason: str


@attrs.frozen(kw_only=True)
class RepairReport:
    """The outcome of `artifacts.repair_pending()`: what was repaired and what was left alone
    (e.g. an upload still running in a process on this machine)."""

    repaired: list[RepairAction] = attrs.field(factory=list)
    skipped: list[RepairAction] = attrs.field(factory=list)

    def __bool__(self) -> bool:
        return bool(self.repaired)
