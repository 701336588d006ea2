"""Contains all the data models used in inputs/outputs.

Each model is imported on first use (PEP 562), so importing one model, or this package, does
not import the others. Written by scripts/generator-templates/models_init.py.jinja.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api_key import ApiKey
    from .artifact import Artifact
    from .artifact_create import ArtifactCreate
    from .artifact_deployment import ArtifactDeployment
    from .artifact_deployment_error_message_type_0 import (
        ArtifactDeploymentErrorMessageType0,
    )
    from .artifact_deployment_schemas_type_0 import ArtifactDeploymentSchemasType0
    from .artifact_details import ArtifactDetails
    from .artifact_listed import ArtifactListed
    from .artifact_status import ArtifactStatus
    from .artifact_status_update import ArtifactStatusUpdate
    from .artifact_type import ArtifactType
    from .artifact_update import ArtifactUpdate
    from .artifact_url import ArtifactUrl
    from .artifacts_list import ArtifactsList
    from .azure_bucket_secret import AzureBucketSecret
    from .azure_bucket_secret_create import AzureBucketSecretCreate
    from .azure_multipart_upload_details import AzureMultipartUploadDetails
    from .azure_upload_details import AzureUploadDetails
    from .bucket_multipart_upload import BucketMultipartUpload
    from .bucket_secret_update import BucketSecretUpdate
    from .bucket_secret_urls import BucketSecretUrls
    from .bucket_secret_urls_request import BucketSecretUrlsRequest
    from .bucket_type import BucketType
    from .bucket_type_azure import BucketTypeAzure
    from .bucket_type_s3 import BucketTypeS3
    from .collection import Collection
    from .collection_create import CollectionCreate
    from .collection_details import CollectionDetails
    from .collection_sort_by import CollectionSortBy
    from .collection_type import CollectionType
    from .collection_type_filter import CollectionTypeFilter
    from .collection_update import CollectionUpdate
    from .collections_list import CollectionsList
    from .created_artifact import CreatedArtifact
    from .created_satellite import CreatedSatellite
    from .deployment import Deployment
    from .deployment_create import DeploymentCreate
    from .deployment_error_message_type_0 import DeploymentErrorMessageType0
    from .deployment_schemas_type_0 import DeploymentSchemasType0
    from .deployment_status import DeploymentStatus
    from .deployment_summary import DeploymentSummary
    from .deployment_update import DeploymentUpdate
    from .deployment_update_dynamic_attributes_secrets_type_0 import (
        DeploymentUpdateDynamicAttributesSecretsType0,
    )
    from .deployment_update_error_message_type_0 import (
        DeploymentUpdateErrorMessageType0,
    )
    from .deployment_update_schemas_type_0 import DeploymentUpdateSchemasType0
    from .error_response import ErrorResponse
    from .file_index import FileIndex
    from .free_form import FreeForm
    from .http_validation_error import HTTPValidationError
    from .luml_artifact_manifest import LumlArtifactManifest
    from .luml_artifact_manifest_payload import LumlArtifactManifestPayload
    from .manifest import Manifest
    from .manifest_dynamic_attributes_item import ManifestDynamicAttributesItem
    from .manifest_env_vars_item import ManifestEnvVarsItem
    from .manifest_inputs_item import ManifestInputsItem
    from .manifest_outputs_item import ManifestOutputsItem
    from .orbit import Orbit
    from .orbit_create import OrbitCreate
    from .orbit_details import OrbitDetails
    from .orbit_member import OrbitMember
    from .orbit_member_add import OrbitMemberAdd
    from .orbit_member_create import OrbitMemberCreate
    from .orbit_member_update import OrbitMemberUpdate
    from .orbit_permissions_type_0 import OrbitPermissionsType0
    from .orbit_role import OrbitRole
    from .orbit_secret import OrbitSecret
    from .orbit_secret_create import OrbitSecretCreate
    from .orbit_secret_update import OrbitSecretUpdate
    from .orbit_summary import OrbitSummary
    from .orbit_update import OrbitUpdate
    from .org_role import OrgRole
    from .organization import Organization
    from .organization_create import OrganizationCreate
    from .organization_details import OrganizationDetails
    from .organization_details_members_by_role import OrganizationDetailsMembersByRole
    from .organization_details_permissions_type_0 import (
        OrganizationDetailsPermissionsType0,
    )
    from .organization_invite import OrganizationInvite
    from .organization_invite_create import OrganizationInviteCreate
    from .organization_member import OrganizationMember
    from .organization_member_create import OrganizationMemberCreate
    from .organization_member_update import OrganizationMemberUpdate
    from .organization_switcher import OrganizationSwitcher
    from .organization_switcher_permissions_type_0 import (
        OrganizationSwitcherPermissionsType0,
    )
    from .organization_update import OrganizationUpdate
    from .other_bucket_secret import OtherBucketSecret
    from .other_multipart_upload_details import OtherMultipartUploadDetails
    from .other_upload_details import OtherUploadDetails
    from .part_details import PartDetails
    from .s3_bucket_secret import S3BucketSecret
    from .s3_bucket_secret_create import S3BucketSecretCreate
    from .s3_multipart_upload_details import S3MultipartUploadDetails
    from .s3_upload_details import S3UploadDetails
    from .satellite import Satellite
    from .satellite_api_key import SatelliteApiKey
    from .satellite_capabilities import SatelliteCapabilities
    from .satellite_capabilities_additional_property_type_0 import (
        SatelliteCapabilitiesAdditionalPropertyType0,
    )
    from .satellite_capability import SatelliteCapability
    from .satellite_create import SatelliteCreate
    from .satellite_parameters import SatelliteParameters
    from .satellite_status import SatelliteStatus
    from .satellite_task import SatelliteTask
    from .satellite_task_result_type_0 import SatelliteTaskResultType0
    from .satellite_task_status import SatelliteTaskStatus
    from .satellite_task_type import SatelliteTaskType
    from .satellite_update import SatelliteUpdate
    from .secret_id_map import SecretIdMap
    from .sort_order import SortOrder
    from .stage import Stage
    from .stage_upsert import StageUpsert
    from .string_map import StringMap
    from .track import Track
    from .track_create import TrackCreate
    from .track_entries_delete import TrackEntriesDelete
    from .track_entries_list import TrackEntriesList
    from .track_entry import TrackEntry
    from .track_entry_create import TrackEntryCreate
    from .track_entry_sort_by import TrackEntrySortBy
    from .track_entry_update import TrackEntryUpdate
    from .track_sort_by import TrackSortBy
    from .track_summary import TrackSummary
    from .track_update import TrackUpdate
    from .tracks_list import TracksList
    from .user import User
    from .validation_error_item import ValidationErrorItem

_MODULES = {
    "ApiKey": ".api_key",
    "Artifact": ".artifact",
    "ArtifactCreate": ".artifact_create",
    "ArtifactDeployment": ".artifact_deployment",
    "ArtifactDeploymentErrorMessageType0": ".artifact_deployment_error_message_type_0",
    "ArtifactDeploymentSchemasType0": ".artifact_deployment_schemas_type_0",
    "ArtifactDetails": ".artifact_details",
    "ArtifactListed": ".artifact_listed",
    "ArtifactStatus": ".artifact_status",
    "ArtifactStatusUpdate": ".artifact_status_update",
    "ArtifactType": ".artifact_type",
    "ArtifactUpdate": ".artifact_update",
    "ArtifactUrl": ".artifact_url",
    "ArtifactsList": ".artifacts_list",
    "AzureBucketSecret": ".azure_bucket_secret",
    "AzureBucketSecretCreate": ".azure_bucket_secret_create",
    "AzureMultipartUploadDetails": ".azure_multipart_upload_details",
    "AzureUploadDetails": ".azure_upload_details",
    "BucketMultipartUpload": ".bucket_multipart_upload",
    "BucketSecretUpdate": ".bucket_secret_update",
    "BucketSecretUrls": ".bucket_secret_urls",
    "BucketSecretUrlsRequest": ".bucket_secret_urls_request",
    "BucketType": ".bucket_type",
    "BucketTypeAzure": ".bucket_type_azure",
    "BucketTypeS3": ".bucket_type_s3",
    "Collection": ".collection",
    "CollectionCreate": ".collection_create",
    "CollectionDetails": ".collection_details",
    "CollectionSortBy": ".collection_sort_by",
    "CollectionType": ".collection_type",
    "CollectionTypeFilter": ".collection_type_filter",
    "CollectionUpdate": ".collection_update",
    "CollectionsList": ".collections_list",
    "CreatedArtifact": ".created_artifact",
    "CreatedSatellite": ".created_satellite",
    "Deployment": ".deployment",
    "DeploymentCreate": ".deployment_create",
    "DeploymentErrorMessageType0": ".deployment_error_message_type_0",
    "DeploymentSchemasType0": ".deployment_schemas_type_0",
    "DeploymentStatus": ".deployment_status",
    "DeploymentSummary": ".deployment_summary",
    "DeploymentUpdate": ".deployment_update",
    "DeploymentUpdateDynamicAttributesSecretsType0": ".deployment_update_dynamic_attributes_secrets_type_0",
    "DeploymentUpdateErrorMessageType0": ".deployment_update_error_message_type_0",
    "DeploymentUpdateSchemasType0": ".deployment_update_schemas_type_0",
    "ErrorResponse": ".error_response",
    "FileIndex": ".file_index",
    "FreeForm": ".free_form",
    "HTTPValidationError": ".http_validation_error",
    "LumlArtifactManifest": ".luml_artifact_manifest",
    "LumlArtifactManifestPayload": ".luml_artifact_manifest_payload",
    "Manifest": ".manifest",
    "ManifestDynamicAttributesItem": ".manifest_dynamic_attributes_item",
    "ManifestEnvVarsItem": ".manifest_env_vars_item",
    "ManifestInputsItem": ".manifest_inputs_item",
    "ManifestOutputsItem": ".manifest_outputs_item",
    "Orbit": ".orbit",
    "OrbitCreate": ".orbit_create",
    "OrbitDetails": ".orbit_details",
    "OrbitMember": ".orbit_member",
    "OrbitMemberAdd": ".orbit_member_add",
    "OrbitMemberCreate": ".orbit_member_create",
    "OrbitMemberUpdate": ".orbit_member_update",
    "OrbitPermissionsType0": ".orbit_permissions_type_0",
    "OrbitRole": ".orbit_role",
    "OrbitSecret": ".orbit_secret",
    "OrbitSecretCreate": ".orbit_secret_create",
    "OrbitSecretUpdate": ".orbit_secret_update",
    "OrbitSummary": ".orbit_summary",
    "OrbitUpdate": ".orbit_update",
    "OrgRole": ".org_role",
    "Organization": ".organization",
    "OrganizationCreate": ".organization_create",
    "OrganizationDetails": ".organization_details",
    "OrganizationDetailsMembersByRole": ".organization_details_members_by_role",
    "OrganizationDetailsPermissionsType0": ".organization_details_permissions_type_0",
    "OrganizationInvite": ".organization_invite",
    "OrganizationInviteCreate": ".organization_invite_create",
    "OrganizationMember": ".organization_member",
    "OrganizationMemberCreate": ".organization_member_create",
    "OrganizationMemberUpdate": ".organization_member_update",
    "OrganizationSwitcher": ".organization_switcher",
    "OrganizationSwitcherPermissionsType0": ".organization_switcher_permissions_type_0",
    "OrganizationUpdate": ".organization_update",
    "OtherBucketSecret": ".other_bucket_secret",
    "OtherMultipartUploadDetails": ".other_multipart_upload_details",
    "OtherUploadDetails": ".other_upload_details",
    "PartDetails": ".part_details",
    "S3BucketSecret": ".s3_bucket_secret",
    "S3BucketSecretCreate": ".s3_bucket_secret_create",
    "S3MultipartUploadDetails": ".s3_multipart_upload_details",
    "S3UploadDetails": ".s3_upload_details",
    "Satellite": ".satellite",
    "SatelliteApiKey": ".satellite_api_key",
    "SatelliteCapabilities": ".satellite_capabilities",
    "SatelliteCapabilitiesAdditionalPropertyType0": ".satellite_capabilities_additional_property_type_0",
    "SatelliteCapability": ".satellite_capability",
    "SatelliteCreate": ".satellite_create",
    "SatelliteParameters": ".satellite_parameters",
    "SatelliteStatus": ".satellite_status",
    "SatelliteTask": ".satellite_task",
    "SatelliteTaskResultType0": ".satellite_task_result_type_0",
    "SatelliteTaskStatus": ".satellite_task_status",
    "SatelliteTaskType": ".satellite_task_type",
    "SatelliteUpdate": ".satellite_update",
    "SecretIdMap": ".secret_id_map",
    "SortOrder": ".sort_order",
    "Stage": ".stage",
    "StageUpsert": ".stage_upsert",
    "StringMap": ".string_map",
    "Track": ".track",
    "TrackCreate": ".track_create",
    "TrackEntriesDelete": ".track_entries_delete",
    "TrackEntriesList": ".track_entries_list",
    "TrackEntry": ".track_entry",
    "TrackEntryCreate": ".track_entry_create",
    "TrackEntrySortBy": ".track_entry_sort_by",
    "TrackEntryUpdate": ".track_entry_update",
    "TrackSortBy": ".track_sort_by",
    "TrackSummary": ".track_summary",
    "TrackUpdate": ".track_update",
    "TracksList": ".tracks_list",
    "User": ".user",
    "ValidationErrorItem": ".validation_error_item",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULES])


__all__ = (
    "ApiKey",
    "Artifact",
    "ArtifactCreate",
    "ArtifactDeployment",
    "ArtifactDeploymentErrorMessageType0",
    "ArtifactDeploymentSchemasType0",
    "ArtifactDetails",
    "ArtifactListed",
    "ArtifactStatus",
    "ArtifactStatusUpdate",
    "ArtifactType",
    "ArtifactUpdate",
    "ArtifactUrl",
    "ArtifactsList",
    "AzureBucketSecret",
    "AzureBucketSecretCreate",
    "AzureMultipartUploadDetails",
    "AzureUploadDetails",
    "BucketMultipartUpload",
    "BucketSecretUpdate",
    "BucketSecretUrls",
    "BucketSecretUrlsRequest",
    "BucketType",
    "BucketTypeAzure",
    "BucketTypeS3",
    "Collection",
    "CollectionCreate",
    "CollectionDetails",
    "CollectionSortBy",
    "CollectionType",
    "CollectionTypeFilter",
    "CollectionUpdate",
    "CollectionsList",
    "CreatedArtifact",
    "CreatedSatellite",
    "Deployment",
    "DeploymentCreate",
    "DeploymentErrorMessageType0",
    "DeploymentSchemasType0",
    "DeploymentStatus",
    "DeploymentSummary",
    "DeploymentUpdate",
    "DeploymentUpdateDynamicAttributesSecretsType0",
    "DeploymentUpdateErrorMessageType0",
    "DeploymentUpdateSchemasType0",
    "ErrorResponse",
    "FileIndex",
    "FreeForm",
    "HTTPValidationError",
    "LumlArtifactManifest",
    "LumlArtifactManifestPayload",
    "Manifest",
    "ManifestDynamicAttributesItem",
    "ManifestEnvVarsItem",
    "ManifestInputsItem",
    "ManifestOutputsItem",
    "Orbit",
    "OrbitCreate",
    "OrbitDetails",
    "OrbitMember",
    "OrbitMemberAdd",
    "OrbitMemberCreate",
    "OrbitMemberUpdate",
    "OrbitPermissionsType0",
    "OrbitRole",
    "OrbitSecret",
    "OrbitSecretCreate",
    "OrbitSecretUpdate",
    "OrbitSummary",
    "OrbitUpdate",
    "OrgRole",
    "Organization",
    "OrganizationCreate",
    "OrganizationDetails",
    "OrganizationDetailsMembersByRole",
    "OrganizationDetailsPermissionsType0",
    "OrganizationInvite",
    "OrganizationInviteCreate",
    "OrganizationMember",
    "OrganizationMemberCreate",
    "OrganizationMemberUpdate",
    "OrganizationSwitcher",
    "OrganizationSwitcherPermissionsType0",
    "OrganizationUpdate",
    "OtherBucketSecret",
    "OtherMultipartUploadDetails",
    "OtherUploadDetails",
    "PartDetails",
    "S3BucketSecret",
    "S3BucketSecretCreate",
    "S3MultipartUploadDetails",
    "S3UploadDetails",
    "Satellite",
    "SatelliteApiKey",
    "SatelliteCapabilities",
    "SatelliteCapabilitiesAdditionalPropertyType0",
    "SatelliteCapability",
    "SatelliteCreate",
    "SatelliteParameters",
    "SatelliteStatus",
    "SatelliteTask",
    "SatelliteTaskResultType0",
    "SatelliteTaskStatus",
    "SatelliteTaskType",
    "SatelliteUpdate",
    "SecretIdMap",
    "SortOrder",
    "Stage",
    "StageUpsert",
    "StringMap",
    "Track",
    "TrackCreate",
    "TrackEntriesDelete",
    "TrackEntriesList",
    "TrackEntry",
    "TrackEntryCreate",
    "TrackEntrySortBy",
    "TrackEntryUpdate",
    "TrackSortBy",
    "TrackSummary",
    "TrackUpdate",
    "TracksList",
    "User",
    "ValidationErrorItem",
)
