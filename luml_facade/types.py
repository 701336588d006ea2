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
    DeploymentStatus,
    OrbitRole,
    OrgRole,
    SatelliteStatus,
    SatelliteTaskStatus,
    SatelliteTaskType,
    SortOrder,
    TrackEntrySortBy,
    TrackSortBy,
)
from luml_openapi.types import Unset

__all__ = [
    "Artifact",
    "ArtifactSortBy",
    "ArtifactStatus",
    "ArtifactType",
    "ArtifactsList",
    "AzureBucketSecret",
    "BucketCheck",
    "BucketCheckStep",
    "BucketSecret",
    "BucketType",
    "Collection",
    "CollectionDetails",
    "CollectionSortBy",
    "CollectionType",
    "CollectionTypeFilter",
    "CollectionsList",
    "CreatedArtifact",
    "Deployment",
    "DeploymentStatus",
    "MultiPartUploadDetails",
    "Orbit",
    "OrbitRole",
    "OrbitSecret",
    "OrgRole",
    "Organization",
    "PartDetails",
    "RepairAction",
    "RepairReport",
    "S3BucketSecret",
    "Satellite",
    "SatelliteStatus",
    "SatelliteTask",
    "SatelliteTaskStatus",
    "SatelliteTaskType",
    "SatelliteWithKey",
    "SortOrder",
    "Stage",
    "Track",
    "TrackEntriesList",
    "TrackEntry",
    "TrackEntrySortBy",
    "TrackSortBy",
    "TracksList",
    "UploadDetails",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


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


# --- registry: tracks and their entries, deployments, satellites, orbit secrets


def _list(value: list[Any] | None) -> list[Any]:
    return list(value or [])


def _hidden(value: object) -> str:
    """How a secret value shows in a repr: that it is there, never what it is."""
    return "None" if value is None else "'***'"


def _open(enum_class: type[E], value: Any) -> E | str:
    """A known value as the enum member, a value a newer server added as a plain string."""
    raw = getattr(value, "value", value)
    try:
        return enum_class(raw)
    except ValueError:
        return str(raw)


def _artifact_type(value: Any) -> ArtifactType | str:
    return _open(ArtifactType, value)


def _deployment_status(value: Any) -> DeploymentStatus | str:
    return _open(DeploymentStatus, value)


def _satellite_status(value: Any) -> SatelliteStatus | str:
    return _open(SatelliteStatus, value)


def _task_type(value: Any) -> SatelliteTaskType | str:
    return _open(SatelliteTaskType, value)


def _task_status(value: Any) -> SatelliteTaskStatus | str:
    return _open(SatelliteTaskStatus, value)


@attrs.frozen(kw_only=True)
class Stage:
    """A stage of a track ("dev", "staging", "production"); `is_used` when an entry is at it."""

    id: str
    track_id: str
    name: str
    is_used: bool = False
    created_at: datetime.datetime
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class Track:
    """A track: the versions of one model (or dataset) and the stages they are promoted to.

    `stages` come oldest first; `next_version` is the version the next entry gets.
    """

    id: str
    name: str
    orbit_id: str
    artifact_type: ArtifactType | str = attrs.field(converter=_artifact_type)
    description: str | None = None
    tags: list[str] | None = None
    stages: list[Stage] = attrs.field(factory=list, converter=_list, metadata={"adopt": Stage})
    next_version: int
    total_entries: int = 0
    created_at: datetime.datetime
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class TracksList:
    """One page of tracks; pass `cursor` as `start_after=` for the next (None: last page)."""

    items: list[Track] = attrs.field(metadata={"adopt": Track})
    cursor: str | None = None


@attrs.frozen(kw_only=True)
class TrackEntry:
    """One version of a track: an artifact, its version number and the stage it is at."""

    id: str
    track_id: str
    artifact_id: str
    version: int
    stage_id: str | None = None
    stage_name: str | None = None
    artifact_name: str | None = None
    artifact_description: str | None = None
    artifact_collection_id: str | None = None
    added_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class TrackEntriesList:
    """One page of track entries; pass `cursor` as `start_after=` for the next page."""

    items: list[TrackEntry] = attrs.field(metadata={"adopt": TrackEntry})
    cursor: str | None = None


@attrs.frozen(kw_only=True)
class Deployment:
    """An artifact deployed to a satellite.

    `status` is a DeploymentStatus, or a plain string for a status a newer server added. The
    `*_secrets` maps hold orbit secret ids (never values).
    """

    id: str
    name: str
    status: DeploymentStatus | str = attrs.field(converter=_deployment_status)
    orbit_id: str
    satellite_id: str
    satellite_name: str | None = None
    artifact_id: str
    artifact_name: str | None = None
    collection_id: str | None = None
    inference_url: str | None = None
    description: str | None = None
    tags: list[str] | None = None
    satellite_parameters: dict[str, Any] = attrs.field(factory=dict, converter=_dict)
    env_variables: dict[str, str] = attrs.field(factory=dict, converter=_dict)
    env_variables_secrets: dict[str, str] = attrs.field(factory=dict, converter=_dict)
    dynamic_attributes_secrets: dict[str, str] = attrs.field(factory=dict, converter=_dict)
    schemas: dict[str, Any] | None = None
    error_message: dict[str, Any] | None = None
    created_by_user: str | None = None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class SatelliteTask:
    """A task queued for a satellite (`deploy` or `undeploy`)."""

    id: str
    satellite_id: str
    orbit_id: str
    type: SatelliteTaskType | str = attrs.field(converter=_task_type)
    status: SatelliteTaskStatus | str = attrs.field(converter=_task_status)
    payload: dict[str, Any] = attrs.field(factory=dict, converter=_dict)
    result: dict[str, Any] | None = None
    scheduled_at: datetime.datetime | None = None
    started_at: datetime.datetime | None = None
    finished_at: datetime.datetime | None = None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class Satellite:
    """A satellite: a machine of yours that runs deployments of the orbit.

    `status` is `inactive` until it pairs and is seen, `error` when it has not been seen for a
    while; `capabilities` (e.g. `deploy`, `monitoring`) stay empty until it pairs.
    """

    id: str
    orbit_id: str
    name: str | None = None
    description: str | None = None
    base_url: str | None = None
    paired: bool = False
    status: SatelliteStatus | str = attrs.field(converter=_satellite_status)
    capabilities: dict[str, Any] = attrs.field(factory=dict, converter=_dict)
    slug: str | None = None
    last_seen_at: datetime.datetime | None = None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class SatelliteWithKey:
    """A satellite and its API key, which the server shows only once (it keeps a hash).

    The key is left out of the repr: read `api_key` and store it where the satellite runs.
    """

    satellite: Satellite = attrs.field(metadata={"adopt": Satellite})
    api_key: str = attrs.field(repr=_hidden)


@attrs.frozen(kw_only=True)
class OrbitSecret:
    """A secret of an orbit (a value deployments read by the secret's id).

    `value` is never shown in a repr; it is None when the secret came from a list (the server
    does not send values there): `orbit_secrets.get(...)` reads it.
    """

    id: str
    name: str
    value: str | None = attrs.field(default=None, repr=_hidden)
    orbit_id: str
    tags: list[str] | None = None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None = None


class BucketCheckStep(enum.StrEnum):
    """The steps of a bucket check, in order."""

    URLS = "urls"
    UPLOAD = "upload"
    DOWNLOAD = "download"
    RANGE = "range"
    DELETE = "delete"


@attrs.frozen(kw_only=True)
class BucketCheck:
    """The outcome of `bucket_secrets.check(...)`: true when every step passed.

    Otherwise `failed_step` says where it stopped, `status_code` and `error_code` what the
    storage answered (its own code, e.g. `NoSuchBucket`, `SignatureDoesNotMatch`,
    `AuthenticationFailed`) and `message` the rest.
    """

    ok: bool
    bucket_name: str | None = None
    type: BucketType | str | None = None
    passed: list[BucketCheckStep] = attrs.field(factory=list)
    failed_step: BucketCheckStep | None = None
    status_code: int | None = None
    error_code: str | None = None
    message: str | None = None

    def __bool__(self) -> bool:
        return self.ok


@attrs.frozen(kw_only=True)
class UploadDetails:
    """Where to upload an artifact's file: S3 or Azure, one request or multipart."""

    type: BucketType | str = attrs.field(converter=_bucket_type)
    url: str | None = None
    multipart: bool = False
    bucket_location: str | None = None
    bucket_secret_id: str | None = None


@attrs.frozen(kw_only=True)
class CreatedArtifact:
    """A new artifact record (status `pending_upload`) and where to upload its file."""

    artifact: Artifact = attrs.field(metadata={"adopt": Artifact})
    upload_details: UploadDetails = attrs.field(metadata={"adopt": UploadDetails})


@attrs.frozen(kw_only=True)
class PartDetails:
    """One part of a multipart upload: its presigned URL and inclusive byte range."""

    part_number: int
    url: str
    start_byte: int
    end_byte: int
    part_size: int


@attrs.frozen(kw_only=True)
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
