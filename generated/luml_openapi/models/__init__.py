"""Contains all the data models used in inputs/outputs"""

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
from .deployment_summary import DeploymentSummary
from .error_response import ErrorResponse
from .file_index import FileIndex
from .free_form import FreeForm
from .http_validation_error import HTTPValidationError
from .orbit import Orbit
from .orbit_create import OrbitCreate
from .orbit_details import OrbitDetails
from .orbit_member import OrbitMember
from .orbit_member_add import OrbitMemberAdd
from .orbit_member_create import OrbitMemberCreate
from .orbit_member_update import OrbitMemberUpdate
from .orbit_permissions_type_0 import OrbitPermissionsType0
from .orbit_role import OrbitRole
from .orbit_summary import OrbitSummary
from .orbit_update import OrbitUpdate
from .org_role import OrgRole
from .organization import Organization
from .organization_create import OrganizationCreate
from .organization_details import OrganizationDetails
from .organization_details_members_by_role import OrganizationDetailsMembersByRole
from .organization_details_permissions_type_0 import OrganizationDetailsPermissionsType0
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
from .sort_order import SortOrder
from .track_summary import TrackSummary
from .user import User
from .validation_error_item import ValidationErrorItem

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
    "DeploymentSummary",
    "ErrorResponse",
    "FileIndex",
    "FreeForm",
    "HTTPValidationError",
    "Orbit",
    "OrbitCreate",
    "OrbitDetails",
    "OrbitMember",
    "OrbitMemberAdd",
    "OrbitMemberCreate",
    "OrbitMemberUpdate",
    "OrbitPermissionsType0",
    "OrbitRole",
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
    "SortOrder",
    "TrackSummary",
    "User",
    "ValidationErrorItem",
)
