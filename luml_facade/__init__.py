"""luml_facade: a fast, typed client for the LUML API.

Example:
    from luml_facade import LumlClient

    luml = LumlClient(api_key="dfs_...", organization="My Org", orbit="Default Orbit")
    artifact = luml.artifacts.upload("model.luml", collection_id=collection.id)

Names are imported on first use (PEP 562): `import luml_facade` costs next to nothing, and
`from luml_facade import LumlClient` imports what a client needs, not the transfer machinery or
every generated model (benchmarks/import_time.py measures it).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from ._client import AsyncLumlClient, LumlClient
    from ._errors import (
        APIConnectionError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConfigurationError,
        ConflictError,
        FileDeleteError,
        FileDownloadError,
        FileError,
        FileUploadError,
        InternalServerError,
        InvalidArgumentError,
        LumlAPIError,
        MultipleResourcesFoundError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        UnprocessableEntityError,
    )
    from ._retry import RetryPolicy
    from .cache.errors import NotCachedError
    from .transfer.progress import (
        BaseProgressHandler,
        SilentProgressHandler,
        TqdmProgressHandler,
    )
    from .types import (
        Artifact,
        ArtifactsList,
        ArtifactSortBy,
        ArtifactStatus,
        ArtifactType,
        AzureBucketSecret,
        BucketCheck,
        BucketCheckStep,
        BucketSecret,
        BucketType,
        Collection,
        CollectionDetails,
        CollectionsList,
        CollectionSortBy,
        CollectionType,
        CollectionTypeFilter,
        CreatedArtifact,
        Deployment,
        DeploymentStatus,
        MultiPartUploadDetails,
        Orbit,
        OrbitSecret,
        Organization,
        PartDetails,
        RepairAction,
        RepairReport,
        S3BucketSecret,
        Satellite,
        SatelliteStatus,
        SatelliteTask,
        SatelliteTaskStatus,
        SatelliteTaskType,
        SatelliteWithKey,
        SortOrder,
        Stage,
        Track,
        TrackEntriesList,
        TrackEntry,
        TrackEntrySortBy,
        TracksList,
        TrackSortBy,
        UploadDetails,
    )

_LAZY: dict[str, str] = {
    "AsyncLumlClient": "._client",
    "LumlClient": "._client",
    "APIConnectionError": "._errors",
    "APIResponseValidationError": "._errors",
    "APIStatusError": "._errors",
    "APITimeoutError": "._errors",
    "AuthenticationError": "._errors",
    "BadRequestError": "._errors",
    "ConfigurationError": "._errors",
    "ConflictError": "._errors",
    "FileDeleteError": "._errors",
    "FileDownloadError": "._errors",
    "FileError": "._errors",
    "FileUploadError": "._errors",
    "InternalServerError": "._errors",
    "InvalidArgumentError": "._errors",
    "LumlAPIError": "._errors",
    "MultipleResourcesFoundError": "._errors",
    "NotFoundError": "._errors",
    "PermissionDeniedError": "._errors",
    "RateLimitError": "._errors",
    "UnprocessableEntityError": "._errors",
    "RetryPolicy": "._retry",
    "NotCachedError": ".cache.errors",
    "BaseProgressHandler": ".transfer.progress",
    "SilentProgressHandler": ".transfer.progress",
    "TqdmProgressHandler": ".transfer.progress",
    "Artifact": ".types",
    "ArtifactsList": ".types",
    "ArtifactSortBy": ".types",
    "ArtifactStatus": ".types",
    "ArtifactType": ".types",
    "AzureBucketSecret": ".types",
    "BucketCheck": ".types",
    "BucketCheckStep": ".types",
    "BucketSecret": ".types",
    "BucketType": ".types",
    "Collection": ".types",
    "CollectionDetails": ".types",
    "CollectionsList": ".types",
    "CollectionSortBy": ".types",
    "CollectionType": ".types",
    "CollectionTypeFilter": ".types",
    "CreatedArtifact": ".types",
    "Deployment": ".types",
    "DeploymentStatus": ".types",
    "MultiPartUploadDetails": ".types",
    "Orbit": ".types",
    "OrbitSecret": ".types",
    "Organization": ".types",
    "PartDetails": ".types",
    "RepairAction": ".types",
    "RepairReport": ".types",
    "S3BucketSecret": ".types",
    "Satellite": ".types",
    "SatelliteStatus": ".types",
    "SatelliteTask": ".types",
    "SatelliteTaskStatus": ".types",
    "SatelliteTaskType": ".types",
    "SatelliteWithKey": ".types",
    "SortOrder": ".types",
    "Stage": ".types",
    "Track": ".types",
    "TrackEntriesList": ".types",
    "TrackEntry": ".types",
    "TrackEntrySortBy": ".types",
    "TracksList": ".types",
    "TrackSortBy": ".types",
    "UploadDetails": ".types",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "Artifact",
    "ArtifactSortBy",
    "ArtifactStatus",
    "ArtifactType",
    "ArtifactsList",
    "AsyncLumlClient",
    "AuthenticationError",
    "AzureBucketSecret",
    "BadRequestError",
    "BaseProgressHandler",
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
    "ConfigurationError",
    "ConflictError",
    "CreatedArtifact",
    "Deployment",
    "DeploymentStatus",
    "FileDeleteError",
    "FileDownloadError",
    "FileError",
    "FileUploadError",
    "InternalServerError",
    "InvalidArgumentError",
    "LumlAPIError",
    "LumlClient",
    "MultiPartUploadDetails",
    "MultipleResourcesFoundError",
    "NotCachedError",
    "NotFoundError",
    "Orbit",
    "OrbitSecret",
    "Organization",
    "PartDetails",
    "PermissionDeniedError",
    "RateLimitError",
    "RepairAction",
    "RepairReport",
    "RetryPolicy",
    "S3BucketSecret",
    "Satellite",
    "SatelliteStatus",
    "SatelliteTask",
    "SatelliteTaskStatus",
    "SatelliteTaskType",
    "SatelliteWithKey",
    "SilentProgressHandler",
    "SortOrder",
    "Stage",
    "TqdmProgressHandler",
    "Track",
    "TrackEntriesList",
    "TrackEntry",
    "TrackEntrySortBy",
    "TrackSortBy",
    "TracksList",
    "UnprocessableEntityError",
    "UploadDetails",
    "__version__",
]
