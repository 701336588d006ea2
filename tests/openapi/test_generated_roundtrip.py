"""Raw generated calls, sync and asyncio, against a stub transport answering like the LUML server.

Each test runs twice (the `api` fixture is parametrized over `sync` and `asyncio`); the stub
records the request the generated code sent and answers with a canned server payload.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from http import HTTPStatus
from types import ModuleType
from typing import Any
from uuid import UUID

import httpx
import pytest
from luml_openapi import errors
from luml_openapi.api.artifacts import (
    create_artifact,
    delete_artifact,
    force_delete_artifact,
    get_artifact,
    get_artifact_delete_url,
    get_artifact_download_url,
    list_artifacts,
    update_artifact,
)
from luml_openapi.api.bucket_secrets import (
    create_bucket_secret,
    delete_bucket_secret,
    get_bucket_secret,
    get_multipart_upload_urls,
    list_bucket_secrets,
    update_bucket_secret,
)
from luml_openapi.api.collections import (
    create_collection,
    delete_collection,
    get_collection,
    list_collections,
    update_collection,
)
from luml_openapi.api.orbits import create_orbit, delete_orbit, get_orbit, list_orbits, update_orbit
from luml_openapi.api.organizations import get_organization, list_my_organizations
from luml_openapi.client import AuthenticatedClient
from luml_openapi.models import (
    Artifact,
    ArtifactCreate,
    ArtifactDetails,
    ArtifactListed,
    ArtifactsList,
    ArtifactStatus,
    ArtifactStatusUpdate,
    ArtifactType,
    ArtifactUpdate,
    ArtifactUrl,
    AzureBucketSecret,
    AzureBucketSecretCreate,
    AzureMultipartUploadDetails,
    AzureUploadDetails,
    BucketMultipartUpload,
    BucketSecretUpdate,
    BucketTypeAzure,
    BucketTypeS3,
    Collection,
    CollectionCreate,
    CollectionDetails,
    CollectionsList,
    CollectionSortBy,
    CollectionType,
    CollectionTypeFilter,
    CollectionUpdate,
    CreatedArtifact,
    DeploymentSummary,
    ErrorResponse,
    FileIndex,
    FreeForm,
    HTTPValidationError,
    LumlArtifactManifest,
    Orbit,
    OrbitCreate,
    OrbitDetails,
    OrbitMember,
    OrbitMemberCreate,
    OrbitRole,
    OrbitSummary,
    OrbitUpdate,
    OrganizationDetails,
    OrganizationSwitcher,
    OrgRole,
    OtherBucketSecret,
    OtherMultipartUploadDetails,
    OtherUploadDetails,
    PartDetails,
    S3BucketSecret,
    S3BucketSecretCreate,
    S3MultipartUploadDetails,
    S3UploadDetails,
    SortOrder,
    TrackSummary,
    ValidationErrorItem,
)
from luml_openapi.types import Response

BASE_URL = "https://api.luml.ai"
TOKEN = "dfs_test"

ORG_ID = UUID("0b8f6f7e-3c1a-4d2e-9f10-6a5b4c3d2e1f")
ORG2_ID = UUID("5d0c2b7a-8e4f-4a31-b6c9-1f2e3d4c5b6a")
SECRET_ID = UUID("3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")
AZURE_SECRET_ID = UUID("7a6b5c4d-3e2f-4109-8a7b-6c5d4e3f2a1b")
OTHER_SECRET_ID = UUID("9e8d7c6b-5a49-4837-a261-50f4e3d2c1b0")
ORBIT_ID = UUID("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
ORBIT2_ID = UUID("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60")
COLLECTION_ID = UUID("4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8")
COLLECTION2_ID = UUID("5f6a7b8c-9d0e-4f1a-b2c3-d4e5f6a7b8c9")
ARTIFACT_ID = UUID("6a7b8c9d-0e1f-4a2b-83c4-e5f6a7b8c9d0")
ARTIFACT2_ID = UUID("7b8c9d0e-1f2a-4b3c-94d5-f6a7b8c9d0e1")
USER_ID = UUID("8c9d0e1f-2a3b-4c4d-a5e6-a7b8c9d0e1f2")
DEPLOYMENT_ID = UUID("9d0e1f2a-3b4c-4d5e-b6f7-b8c9d0e1f2a3")
TRACK_ID = UUID("ae1f2a3b-4c5d-4e6f-87a8-c9d0e1f2a3b4")
MEMBER_ID = UUID("be2f3a4b-5c6d-4e7f-88a9-d0e1f2a3b4c5")

CREATED_AT = "2025-03-04T09:15:27.123456Z"
CREATED_AT_DT = datetime(2025, 3, 4, 9, 15, 27, 123456, tzinfo=UTC)
UPDATED_AT = "2025-03-05T17:02:11Z"
UPDATED_AT_DT = datetime(2025, 3, 5, 17, 2, 11, tzinfo=UTC)

ORG_PATH = f"/v1/organizations/{ORG_ID}"
ORBIT_PATH = f"{ORG_PATH}/orbits/{ORBIT_ID}"
COLLECTION_PATH = f"{ORBIT_PATH}/collections/{COLLECTION_ID}"
ARTIFACT_PATH = f"{COLLECTION_PATH}/artifacts/{ARTIFACT_ID}"

FILE_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
FILE_INDEX = {
    "meta.json": [0, 512],
    "manifest.json": [512, 1024],
    "model.onnx": [1536, 104857600],
}
MANIFEST = {
    "artifact_type": "model",
    "producer_name": "luml-python",
    "producer_version": "0.4.0",
    "producer_tags": [],
    "variant": "pipeline",
    "payload": {},
}
DATASET_MANIFEST = {**MANIFEST, "artifact_type": "dataset"}
EXTRA_VALUES = {"accuracy": 0.931, "f1": 0.887, "epochs": 12}


# --------------------------------------------------------------------------- stub and client


class Stub:
    """An httpx handler: records every request and answers with the configured response."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.status = 200
        self.payload: Any = None

    def reply(self, status: int, payload: Any = None) -> None:
        self.status, self.payload = status, payload

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.payload is None:
            return httpx.Response(self.status)
        return httpx.Response(self.status, json=self.payload)

    @property
    def request(self) -> httpx.Request:
        assert len(self.requests) == 1, f"expected one request, got {len(self.requests)}"
        return self.requests[0]


class Api:
    """Calls a generated endpoint module through its sync or its asyncio functions."""

    def __init__(self, mode: str, client: AuthenticatedClient) -> None:
        self.mode = mode
        self.client = client

    async def detailed(self, module: ModuleType, *args: Any, **kwargs: Any) -> Response[Any]:
        if self.mode == "sync":
            result = module.sync_detailed(*args, client=self.client, **kwargs)
        else:
            result = await module.asyncio_detailed(*args, client=self.client, **kwargs)
        assert isinstance(result, Response)
        return result

    async def parsed(self, module: ModuleType, *args: Any, **kwargs: Any) -> Any:
        if self.mode == "sync":
            return module.sync(*args, client=self.client, **kwargs)
        return await module.asyncio(*args, client=self.client, **kwargs)


@pytest.fixture
def stub() -> Stub:
    return Stub()


@pytest.fixture(params=["sync", "asyncio"])
async def api(request: pytest.FixtureRequest, stub: Stub) -> AsyncIterator[Api]:
    client = AuthenticatedClient(
        base_url=BASE_URL, token=TOKEN, httpx_args={"transport": httpx.MockTransport(stub)}
    )
    yield Api(request.param, client)
    if request.param == "sync":
        client.get_httpx_client().close()
    else:
        await client.get_async_httpx_client().aclose()


_NO_BODY = object()


def assert_request(
    request: httpx.Request,
    method: str,
    path: str,
    query: dict[str, list[str]] | None = None,
    body: Any = _NO_BODY,
) -> None:
    assert request.method == method
    assert (request.url.scheme, request.url.host, request.url.port) == (
        "https",
        "api.luml.ai",
        None,
    )
    assert request.url.path == path
    params = request.url.params
    assert {key: params.get_list(key) for key in params.keys()} == (query or {})  # noqa: SIM118
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    if body is _NO_BODY:
        assert request.content == b""
        assert "Content-Type" not in request.headers
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert json.loads(request.content) == body


def assert_plain_str(value: object, expected: str) -> None:
    """An open enum's unknown value stays a plain str (not an enum member, not an error)."""
    assert type(value) is str
    assert value == expected


# --------------------------------------------------------------------------- server payloads


def orbit_json(orbit_id: UUID = ORBIT_ID, role: str | None = "admin") -> dict[str, Any]:
    return {
        "id": str(orbit_id),
        "name": "forecasting",
        "organization_id": str(ORG_ID),
        "bucket_secret_id": str(SECRET_ID),
        "total_members": 3,
        "total_collections": 2,
        "total_satellites": 0,
        "total_artifacts": 17,
        "role": role,
        "created_at": CREATED_AT,
        "updated_at": None,
        "permissions": {"orbit": ["read", "update", "delete"], "collection": ["create"]},
    }


def orbit_details_json() -> dict[str, Any]:
    return {
        **orbit_json(),
        "members": [
            {
                "id": str(USER_ID),
                "orbit_id": str(ORBIT_ID),
                "role": "member",
                "user": {"id": str(USER_ID), "email": "ada@example.com", "full_name": "Ada"},
                "created_at": CREATED_AT,
            }
        ],
        "collections_tags": ["prod", "baseline"],
    }


def s3_secret_json() -> dict[str, Any]:
    return {
        "id": str(SECRET_ID),
        "type": "s3",
        "endpoint": "s3.eu-central-1.amazonaws.com",
        "bucket_name": "ml-artifacts",
        "secure": True,
        "region": "eu-central-1",
        "cert_check": True,
        "orbits": [{"id": str(ORBIT_ID), "name": "forecasting", "created_at": CREATED_AT}],
        "organization_id": str(ORG_ID),
        "created_at": CREATED_AT,
        "updated_at": UPDATED_AT,
    }


def azure_secret_json() -> dict[str, Any]:
    return {
        "id": str(AZURE_SECRET_ID),
        "type": "azure",
        "endpoint": "AccountName=lumlstore;EndpointSuffix=core.windows.net",
        "bucket_name": "artifacts",
        "orbits": [],
        "organization_id": str(ORG_ID),
        "created_at": CREATED_AT,
        "updated_at": None,
    }


def gcs_secret_json() -> dict[str, Any]:
    return {
        "id": str(OTHER_SECRET_ID),
        "type": "gcs",
        "endpoint": "storage.googleapis.com",
        "bucket_name": "ml-artifacts-gcs",
        "organization_id": str(ORG_ID),
        "created_at": CREATED_AT,
        "project": "luml-prod",
    }


def collection_json(
    collection_id: UUID = COLLECTION_ID, type_: str = "model", name: str = "churn-models"
) -> dict[str, Any]:
    return {
        "id": str(collection_id),
        "orbit_id": str(ORBIT_ID),
        "description": "Gradient-boosted churn classifiers",
        "name": name,
        "type": type_,
        "tags": ["prod", "v2"],
        "total_artifacts": 4,
        "created_at": CREATED_AT,
        "updated_at": UPDATED_AT,
    }


def artifact_json(
    artifact_id: UUID = ARTIFACT_ID,
    status: str = "uploaded",
    type_: str = "model",
) -> dict[str, Any]:
    return {
        "id": str(artifact_id),
        "collection_id": str(COLLECTION_ID),
        "file_name": "churn-xgb.luml",
        "name": "churn-xgb",
        "description": "XGBoost, 12 epochs",
        "extra_values": EXTRA_VALUES,
        "manifest": MANIFEST,
        "file_hash": FILE_HASH,
        "file_index": FILE_INDEX,
        "bucket_location": f"orbit-{ORBIT_ID}/collection-{COLLECTION_ID}/{artifact_id}-churn.luml",
        "size": 104859136,
        "unique_identifier": "a1b2c3d4e5f6",
        "tags": ["prod"],
        "status": status,
        "type": type_,
        "created_by_user": "ada@example.com",
        "created_at": CREATED_AT,
        "updated_at": None,
    }


def assert_is_churn_artifact(artifact: Artifact | ArtifactListed | ArtifactDetails) -> None:
    assert artifact.id == ARTIFACT_ID
    assert artifact.collection_id == COLLECTION_ID
    assert artifact.created_at == CREATED_AT_DT
    assert artifact.updated_at is None
    assert artifact.size == 104859136
    assert isinstance(artifact.file_index, FileIndex)
    assert artifact.file_index.to_dict() == FILE_INDEX
    assert artifact.file_index["model.onnx"] == [1536, 104857600]
    assert sorted(artifact.file_index.additional_keys) == sorted(FILE_INDEX)
    assert isinstance(artifact.manifest, FreeForm)
    assert artifact.manifest["artifact_type"] == "model"
    assert artifact.extra_values.to_dict() == EXTRA_VALUES
    assert artifact.tags == ["prod"]


# --------------------------------------------------------------------------- organizations


async def test_list_my_organizations(api: Api, stub: Stub) -> None:
    stub.reply(
        200,
        [
            {
                "id": str(ORG_ID),
                "name": "Acme ML",
                "logo": "https://cdn.luml.ai/logos/acme.png",
                "created_at": CREATED_AT,
                "updated_at": UPDATED_AT,
                "role": "owner",
                "permissions": {"organization": ["read", "update"], "orbit": ["create"]},
            },
            {
                "id": str(ORG2_ID),
                "name": "Side project",
                "logo": None,
                "created_at": CREATED_AT,
                "updated_at": None,
                "role": "billing_admin",  # a role this client does not know yet
                "permissions": None,
            },
        ],
    )
    response = await api.detailed(list_my_organizations)

    assert_request(stub.request, "GET", "/v1/users/me/organizations")
    assert response.status_code == HTTPStatus.OK
    first, second = response.parsed
    assert isinstance(first, OrganizationSwitcher) and isinstance(second, OrganizationSwitcher)
    assert first.id == ORG_ID
    assert first.name == "Acme ML"
    assert first.created_at == CREATED_AT_DT
    assert first.updated_at == UPDATED_AT_DT
    assert first.role is OrgRole.OWNER
    assert first.permissions.to_dict() == {"organization": ["read", "update"], "orbit": ["create"]}
    assert second.id == ORG2_ID
    assert second.logo is None and second.updated_at is None and second.permissions is None
    assert_plain_str(second.role, "billing_admin")


async def test_get_organization(api: Api, stub: Stub) -> None:
    stub.reply(
        200,
        {
            "id": str(ORG_ID),
            "name": "Acme ML",
            "logo": None,
            "created_at": CREATED_AT,
            "updated_at": None,
            "invites": [],
            "members": [
                {
                    "id": str(MEMBER_ID),
                    "organization_id": str(ORG_ID),
                    "role": "owner",
                    "user": {"id": str(USER_ID), "email": "ada@example.com"},
                    "created_at": CREATED_AT,
                }
            ],
            "orbits": [orbit_json(role=None)],
            "members_limit": 10,
            "orbits_limit": 5,
            "satellites_limit": 2,
            "artifacts_limit": 100,
            "total_orbits": 1,
            "total_members": 1,
            "total_satellites": 0,
            "total_artifacts": 17,
            "members_by_role": {"owner": 1, "admin": 0, "member": 0},
            "permissions": {"organization": ["read"]},
        },
    )
    details = await api.parsed(get_organization, ORG_ID)

    assert_request(stub.request, "GET", ORG_PATH)
    assert isinstance(details, OrganizationDetails)
    assert details.id == ORG_ID
    assert details.orbits_limit == 5 and details.total_artifacts == 17
    assert details.members_by_role.to_dict() == {"owner": 1, "admin": 0, "member": 0}
    (orbit,) = details.orbits
    assert isinstance(orbit, Orbit)
    assert orbit.id == ORBIT_ID and orbit.bucket_secret_id == SECRET_ID
    assert orbit.role is None
    (member,) = details.members
    assert member.role is OrgRole.OWNER and member.user.id == USER_ID


async def test_get_organization_with_an_api_key_is_a_403_error_response(
    api: Api, stub: Stub
) -> None:
    stub.reply(403, {"detail": "This endpoint requires jwt authentication."})
    response = await api.detailed(get_organization, ORG_ID)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.detail == "This endpoint requires jwt authentication."


# --------------------------------------------------------------------------- bucket secrets


async def test_list_bucket_secrets_tells_storage_types_apart(api: Api, stub: Stub) -> None:
    stub.reply(200, [s3_secret_json(), azure_secret_json(), gcs_secret_json()])
    secrets = await api.parsed(list_bucket_secrets, ORG_ID)

    assert_request(stub.request, "GET", f"{ORG_PATH}/bucket-secrets")
    s3, azure, other = secrets
    assert isinstance(s3, S3BucketSecret)
    assert s3.type_ is BucketTypeS3.S3
    assert s3.id == SECRET_ID and s3.organization_id == ORG_ID
    assert s3.region == "eu-central-1" and s3.secure is True
    assert s3.updated_at == UPDATED_AT_DT
    (summary,) = s3.orbits
    assert isinstance(summary, OrbitSummary)
    assert summary.id == ORBIT_ID and summary.created_at == CREATED_AT_DT

    assert isinstance(azure, AzureBucketSecret)
    assert azure.type_ is BucketTypeAzure.AZURE
    assert azure.endpoint == "AccountName=lumlstore;EndpointSuffix=core.windows.net"
    assert azure.orbits == []

    assert isinstance(other, OtherBucketSecret)
    assert_plain_str(other.type_, "gcs")
    assert other.id == OTHER_SECRET_ID and other.created_at == CREATED_AT_DT
    assert other.bucket_name == "ml-artifacts-gcs"
    assert other["project"] == "luml-prod"


async def test_get_bucket_secret_of_an_unknown_type_is_other_bucket_secret(
    api: Api, stub: Stub
) -> None:
    stub.reply(200, gcs_secret_json())
    response = await api.detailed(get_bucket_secret, ORG_ID, OTHER_SECRET_ID)

    assert_request(stub.request, "GET", f"{ORG_PATH}/bucket-secrets/{OTHER_SECRET_ID}")
    assert isinstance(response.parsed, OtherBucketSecret)
    assert_plain_str(response.parsed.type_, "gcs")


async def test_create_s3_bucket_secret(api: Api, stub: Stub) -> None:
    stub.reply(200, s3_secret_json())
    body = S3BucketSecretCreate(
        type_=BucketTypeS3.S3,
        endpoint="s3.eu-central-1.amazonaws.com",
        bucket_name="ml-artifacts",
        region="eu-central-1",
        access_key="AKIAIOSFODNN7EXAMPLE",
        secret_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        secure=True,
    )
    created = await api.parsed(create_bucket_secret, ORG_ID, body=body)

    assert_request(
        stub.request,
        "POST",
        f"{ORG_PATH}/bucket-secrets",
        body={
            "type": "s3",
            "endpoint": "s3.eu-central-1.amazonaws.com",
            "bucket_name": "ml-artifacts",
            "region": "eu-central-1",
            "access_key": "AKIAIOSFODNN7EXAMPLE",
            "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "secure": True,
        },
    )
    assert isinstance(created, S3BucketSecret)
    assert created.id == SECRET_ID


async def test_create_azure_bucket_secret(api: Api, stub: Stub) -> None:
    stub.reply(200, azure_secret_json())
    connection = (
        "DefaultEndpointsProtocol=https;AccountName=lumlstore;"
        "AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net"
    )
    body = AzureBucketSecretCreate(
        type_=BucketTypeAzure.AZURE, endpoint=connection, bucket_name="artifacts"
    )
    created = await api.parsed(create_bucket_secret, ORG_ID, body=body)

    assert_request(
        stub.request,
        "POST",
        f"{ORG_PATH}/bucket-secrets",
        body={"type": "azure", "endpoint": connection, "bucket_name": "artifacts"},
    )
    assert isinstance(created, AzureBucketSecret)
    assert created.id == AZURE_SECRET_ID


async def test_create_bucket_secret_conflict(api: Api, stub: Stub) -> None:
    stub.reply(409, {"detail": "Bucket secret with this name already exists"})
    body = AzureBucketSecretCreate(
        type_=BucketTypeAzure.AZURE, endpoint="AccountName=x;AccountKey=y", bucket_name="a"
    )
    response = await api.detailed(create_bucket_secret, ORG_ID, body=body)

    assert response.status_code == HTTPStatus.CONFLICT
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.detail == "Bucket secret with this name already exists"


async def test_update_bucket_secret_sends_only_the_fields_set(api: Api, stub: Stub) -> None:
    stub.reply(200, {**s3_secret_json(), "bucket_name": "ml-artifacts-v2", "secure": False})
    body = BucketSecretUpdate(bucket_name="ml-artifacts-v2", secure=False, session_token=None)
    updated = await api.parsed(update_bucket_secret, ORG_ID, SECRET_ID, body=body)

    assert_request(
        stub.request,
        "PATCH",
        f"{ORG_PATH}/bucket-secrets/{SECRET_ID}",
        body={"bucket_name": "ml-artifacts-v2", "secure": False, "session_token": None},
    )
    assert isinstance(updated, S3BucketSecret)
    assert updated.bucket_name == "ml-artifacts-v2" and updated.secure is False


async def test_delete_bucket_secret_is_204_with_nothing_parsed(api: Api, stub: Stub) -> None:
    stub.reply(204)
    response = await api.detailed(delete_bucket_secret, ORG_ID, SECRET_ID)

    assert_request(stub.request, "DELETE", f"{ORG_PATH}/bucket-secrets/{SECRET_ID}")
    assert response.status_code == HTTPStatus.NO_CONTENT
    assert response.content == b""
    assert response.parsed is None


async def test_delete_bucket_secret_in_use_is_409(api: Api, stub: Stub) -> None:
    stub.reply(409, {"detail": "Bucket secret is used by 1 orbit(s)"})
    response = await api.detailed(delete_bucket_secret, ORG_ID, SECRET_ID)

    assert response.status_code == HTTPStatus.CONFLICT
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.detail == "Bucket secret is used by 1 orbit(s)"


def _parts(base: str) -> list[dict[str, Any]]:
    return [
        {
            "part_number": 1,
            "url": f"{base}&partNumber=1",
            "start_byte": 0,
            "end_byte": 536870911,
            "part_size": 536870912,
        },
        {
            "part_number": 2,
            "url": f"{base}&partNumber=2",
            "start_byte": 536870912,
            "end_byte": 1073741823,
            "part_size": 536870912,
        },
    ]


S3_PART_BASE = (
    "https://ml-artifacts.s3.amazonaws.com/orbit/a.luml?uploadId=2~xyz&X-Amz-Signature=ab"
)
AZURE_PART_BASE = "https://lumlstore.blob.core.windows.net/artifacts/a.luml?comp=block&sig=cd"


@pytest.mark.parametrize(
    ("payload", "expected_class"),
    [
        (
            {
                "type": "s3",
                "upload_id": "2~xyz",
                "parts": _parts(S3_PART_BASE),
                "complete_url": "https://ml-artifacts.s3.amazonaws.com/orbit/a.luml?uploadId=2~xyz",
            },
            S3MultipartUploadDetails,
        ),
        (
            {
                "type": "azure",
                "parts": _parts(AZURE_PART_BASE),
                "complete_url": "https://lumlstore.blob.core.windows.net/artifacts/a.luml?comp=blocklist",
            },
            AzureMultipartUploadDetails,
        ),
        (
            {"type": "gcs", "session_uri": "https://storage.googleapis.com/x"},
            OtherMultipartUploadDetails,
        ),
    ],
    ids=["s3", "azure", "unknown"],
)
async def test_get_multipart_upload_urls(
    api: Api, stub: Stub, payload: dict[str, Any], expected_class: type
) -> None:
    stub.reply(200, payload)
    body = BucketMultipartUpload(
        bucket_id=SECRET_ID,
        bucket_location="orbit/a.luml",
        size=1073741824,
        upload_id="2~xyz",
    )
    details = await api.parsed(get_multipart_upload_urls, body=body)

    assert_request(
        stub.request,
        "POST",
        "/v1/bucket-secrets/upload/multipart",
        body={
            "bucket_id": str(SECRET_ID),
            "bucket_location": "orbit/a.luml",
            "size": 1073741824,
            "upload_id": "2~xyz",
        },
    )
    assert type(details) is expected_class
    if isinstance(details, OtherMultipartUploadDetails):
        assert_plain_str(details.type_, "gcs")
        assert details["session_uri"] == "https://storage.googleapis.com/x"
        return
    assert isinstance(details, S3MultipartUploadDetails | AzureMultipartUploadDetails)
    assert details.complete_url == payload["complete_url"]
    first, second = details.parts
    assert isinstance(first, PartDetails)
    assert (first.part_number, first.start_byte, first.end_byte) == (1, 0, 536870911)
    assert (second.part_number, second.start_byte, second.part_size) == (2, 536870912, 536870912)
    if isinstance(details, S3MultipartUploadDetails):
        assert details.type_ is BucketTypeS3.S3 and details.upload_id == "2~xyz"
    else:
        assert details.type_ is BucketTypeAzure.AZURE


# --------------------------------------------------------------------------- orbits


async def test_list_orbits(api: Api, stub: Stub) -> None:
    stub.reply(200, [orbit_json(), orbit_json(ORBIT2_ID, role="observer")])
    response = await api.detailed(list_orbits, ORG_ID)

    assert_request(stub.request, "GET", f"{ORG_PATH}/orbits")
    first, second = response.parsed
    assert isinstance(first, Orbit)
    assert first.id == ORBIT_ID and first.organization_id == ORG_ID
    assert first.bucket_secret_id == SECRET_ID
    assert first.created_at == CREATED_AT_DT
    assert first.role is OrbitRole.ADMIN
    assert first.total_artifacts == 17
    assert first.permissions["orbit"] == ["read", "update", "delete"]
    assert second.id == ORBIT2_ID
    assert_plain_str(second.role, "observer")


async def test_create_orbit(api: Api, stub: Stub) -> None:
    stub.reply(200, orbit_details_json())
    body = OrbitCreate(
        name="forecasting",
        bucket_secret_id=SECRET_ID,
        members=[OrbitMemberCreate(user_id=USER_ID, role=OrbitRole.MEMBER)],
    )
    created = await api.parsed(create_orbit, ORG_ID, body=body)

    assert_request(
        stub.request,
        "POST",
        f"{ORG_PATH}/orbits",
        body={
            "name": "forecasting",
            "bucket_secret_id": str(SECRET_ID),
            "members": [{"user_id": str(USER_ID), "role": "member"}],
            "notify": False,
        },
    )
    assert isinstance(created, OrbitDetails)
    assert created.id == ORBIT_ID
    assert created.collections_tags == ["prod", "baseline"]
    (member,) = created.members
    assert isinstance(member, OrbitMember)
    assert member.role is OrbitRole.MEMBER and member.user.email == "ada@example.com"


async def test_get_orbit(api: Api, stub: Stub) -> None:
    stub.reply(200, orbit_details_json())
    orbit = await api.parsed(get_orbit, ORG_ID, ORBIT_ID)

    assert_request(stub.request, "GET", ORBIT_PATH)
    assert isinstance(orbit, OrbitDetails)
    assert orbit.name == "forecasting" and orbit.role is OrbitRole.ADMIN


async def test_get_missing_orbit_is_a_404_error_response(api: Api, stub: Stub) -> None:
    stub.reply(404, {"detail": "Orbit not found"})
    response = await api.detailed(get_orbit, ORG_ID, ORBIT_ID)

    assert_request(stub.request, "GET", ORBIT_PATH)
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.detail == "Orbit not found"
    assert json.loads(response.content) == {"detail": "Orbit not found"}


async def test_get_missing_orbit_plain_call_returns_the_error_response(
    api: Api, stub: Stub
) -> None:
    stub.reply(404, {"detail": "Orbit not found"})
    parsed = await api.parsed(get_orbit, ORG_ID, ORBIT_ID)

    assert isinstance(parsed, ErrorResponse)
    assert parsed.detail == "Orbit not found"


async def test_update_orbit_sends_only_the_name(api: Api, stub: Stub) -> None:
    stub.reply(200, {**orbit_json(), "name": "forecasting-prod", "updated_at": UPDATED_AT})
    updated = await api.parsed(
        update_orbit, ORG_ID, ORBIT_ID, body=OrbitUpdate(name="forecasting-prod")
    )

    assert_request(stub.request, "PATCH", ORBIT_PATH, body={"name": "forecasting-prod"})
    assert isinstance(updated, Orbit)
    assert updated.name == "forecasting-prod" and updated.updated_at == UPDATED_AT_DT


async def test_delete_orbit_is_204_with_nothing_parsed(api: Api, stub: Stub) -> None:
    stub.reply(204)
    response = await api.detailed(delete_orbit, ORG_ID, ORBIT_ID)

    assert_request(stub.request, "DELETE", ORBIT_PATH)
    assert response.status_code == HTTPStatus.NO_CONTENT
    assert response.parsed is None


# --------------------------------------------------------------------------- collections


async def test_list_collections_sends_filters_and_parses_a_page(api: Api, stub: Stub) -> None:
    stub.reply(
        200,
        {
            "items": [
                collection_json(),
                collection_json(COLLECTION2_ID, type_="notebook", name="eda"),
            ],
            "cursor": "eyJpZCI6ICI1ZjZhN2I4YyJ9",
        },
    )
    response = await api.detailed(
        list_collections,
        ORG_ID,
        ORBIT_ID,
        cursor="eyJpZCI6ICI0ZTVmNmE3YiJ9",
        limit=10,
        sort_by=CollectionSortBy.NAME,
        order=SortOrder.ASC,
        search="churn",
        types=[CollectionTypeFilter.MODEL, CollectionTypeFilter.DATASET],
    )

    request = stub.request
    assert_request(
        request,
        "GET",
        f"{ORBIT_PATH}/collections",
        query={
            "cursor": ["eyJpZCI6ICI0ZTVmNmE3YiJ9"],
            "limit": ["10"],
            "sort_by": ["name"],
            "order": ["asc"],
            "search": ["churn"],
            "types": ["model", "dataset"],
        },
    )
    assert b"types=model&types=dataset" in request.url.query

    page = response.parsed
    assert isinstance(page, CollectionsList)
    assert page.cursor == "eyJpZCI6ICI1ZjZhN2I4YyJ9"
    known, unknown = page.items
    assert isinstance(known, Collection)
    assert known.id == COLLECTION_ID and known.orbit_id == ORBIT_ID
    assert known.type_ is CollectionType.MODEL
    assert known.created_at == CREATED_AT_DT and known.updated_at == UPDATED_AT_DT
    assert known.total_artifacts == 4
    assert_plain_str(unknown.type_, "notebook")


async def test_list_collections_last_page_and_default_query(api: Api, stub: Stub) -> None:
    stub.reply(200, {"items": [], "cursor": None})
    page = await api.parsed(list_collections, ORG_ID, ORBIT_ID)

    # The generated client always sends the spec's default page size.
    assert_request(stub.request, "GET", f"{ORBIT_PATH}/collections", query={"limit": ["50"]})
    assert isinstance(page, CollectionsList)
    assert page.items == [] and page.cursor is None


async def test_list_collections_422_parses_fastapi_validation_error(api: Api, stub: Stub) -> None:
    stub.reply(
        422,
        {
            "detail": [
                {
                    "type": "less_than_equal",
                    "loc": ["query", "limit"],
                    "msg": "Input should be less than or equal to 100",
                    "input": "500",
                    "ctx": {"le": 100},
                },
                {
                    "type": "enum",
                    "loc": ["query", "types", 0],
                    "msg": "Input should be 'model', 'dataset', 'experiment' or 'mixed'",
                    "input": "notebook",
                },
            ]
        },
    )
    # The client does not second-guess the server: an out-of-range limit is sent as is.
    response = await api.detailed(list_collections, ORG_ID, ORBIT_ID, limit=500)

    assert_request(stub.request, "GET", f"{ORBIT_PATH}/collections", query={"limit": ["500"]})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    error = response.parsed
    assert isinstance(error, HTTPValidationError)
    first, second = error.detail
    assert isinstance(first, ValidationErrorItem)
    assert first.loc == ["query", "limit"]
    assert first.msg == "Input should be less than or equal to 100"
    assert first.type_ == "less_than_equal"
    assert first["input"] == "500" and first["ctx"] == {"le": 100}
    assert second.loc == ["query", "types", 0]


async def test_create_collection(api: Api, stub: Stub) -> None:
    stub.reply(200, {**collection_json(), "total_artifacts": 0, "updated_at": None})
    body = CollectionCreate(
        description="Gradient-boosted churn classifiers",
        name="churn-models",
        type_=CollectionType.MODEL,
        tags=["prod", "v2"],
    )
    created = await api.parsed(create_collection, ORG_ID, ORBIT_ID, body=body)

    assert_request(
        stub.request,
        "POST",
        f"{ORBIT_PATH}/collections",
        body={
            "description": "Gradient-boosted churn classifiers",
            "name": "churn-models",
            "type": "model",
            "tags": ["prod", "v2"],
        },
    )
    assert isinstance(created, Collection)
    assert created.id == COLLECTION_ID and created.type_ is CollectionType.MODEL
    assert created.total_artifacts == 0 and created.updated_at is None


async def test_get_collection(api: Api, stub: Stub) -> None:
    stub.reply(
        200,
        {
            **collection_json(type_="model_dataset"),
            "artifacts_tags": ["prod", "candidate"],
            "artifacts_extra_values": ["accuracy", "f1"],
        },
    )
    details = await api.parsed(get_collection, ORG_ID, ORBIT_ID, COLLECTION_ID)

    assert_request(stub.request, "GET", COLLECTION_PATH)
    assert isinstance(details, CollectionDetails)
    assert details.type_ is CollectionType.MODEL_DATASET
    assert details.artifacts_tags == ["prod", "candidate"]
    assert details.artifacts_extra_values == ["accuracy", "f1"]


async def test_update_collection_sends_only_the_fields_set(api: Api, stub: Stub) -> None:
    stub.reply(200, {**collection_json(), "description": "Retrained weekly", "tags": []})
    body = CollectionUpdate(description="Retrained weekly", tags=[])
    updated = await api.parsed(update_collection, ORG_ID, ORBIT_ID, COLLECTION_ID, body=body)

    assert_request(
        stub.request, "PATCH", COLLECTION_PATH, body={"description": "Retrained weekly", "tags": []}
    )
    assert isinstance(updated, Collection)
    assert updated.description == "Retrained weekly" and updated.tags == []


async def test_delete_collection(api: Api, stub: Stub) -> None:
    stub.reply(204)
    response = await api.detailed(delete_collection, ORG_ID, ORBIT_ID, COLLECTION_ID)

    assert_request(stub.request, "DELETE", COLLECTION_PATH)
    assert response.status_code == HTTPStatus.NO_CONTENT
    assert response.parsed is None


# --------------------------------------------------------------------------- artifacts


async def test_list_artifacts_repeats_array_query_params(api: Api, stub: Stub) -> None:
    listed = {
        **artifact_json(),
        "deployments": [
            {
                "id": str(DEPLOYMENT_ID),
                "name": "churn-api",
                "status": "active",
                "orbit_id": str(ORBIT_ID),
            }
        ],
        "collection_name": "churn-models",
    }
    future = {
        **artifact_json(ARTIFACT2_ID, status="archived", type_="notebook"),
        "deployments": [],
        "collection_name": "churn-models",
    }
    stub.reply(200, {"items": [listed, future], "cursor": None})
    response = await api.detailed(
        list_artifacts,
        ORG_ID,
        ORBIT_ID,
        types=[ArtifactType.MODEL, ArtifactType.DATASET],
        collection_ids=[COLLECTION_ID, COLLECTION2_ID],
        limit=20,
        sort_by="accuracy",
        order=SortOrder.DESC,
        search="xgb",
        cursor="eyJvZmZzZXQiOiAyMH0",
    )

    request = stub.request
    assert_request(
        request,
        "GET",
        f"{ORBIT_PATH}/artifacts",
        query={
            "types": ["model", "dataset"],
            "cursor": ["eyJvZmZzZXQiOiAyMH0"],
            "limit": ["20"],
            "sort_by": ["accuracy"],
            "order": ["desc"],
            "collection_ids": [str(COLLECTION_ID), str(COLLECTION2_ID)],
            "search": ["xgb"],
        },
    )
    assert b"types=model&types=dataset" in request.url.query
    assert f"collection_ids={COLLECTION_ID}&collection_ids={COLLECTION2_ID}".encode() in (
        request.url.query
    )

    page = response.parsed
    assert isinstance(page, ArtifactsList)
    assert page.cursor is None
    known, unknown = page.items
    assert isinstance(known, ArtifactListed)
    assert_is_churn_artifact(known)
    assert known.status is ArtifactStatus.UPLOADED
    assert known.type_ is ArtifactType.MODEL
    assert known.collection_name == "churn-models"
    (deployment,) = known.deployments
    assert isinstance(deployment, DeploymentSummary)
    assert deployment.id == DEPLOYMENT_ID and deployment.orbit_id == ORBIT_ID

    assert isinstance(unknown, ArtifactListed)
    assert unknown.id == ARTIFACT2_ID
    assert_plain_str(unknown.status, "archived")
    assert_plain_str(unknown.type_, "notebook")
    assert unknown.deployments == []


async def test_list_artifacts_default_query(api: Api, stub: Stub) -> None:
    stub.reply(200, {"items": [], "cursor": None})
    page = await api.parsed(list_artifacts, ORG_ID, ORBIT_ID)

    # The generated client always sends the spec's defaults for limit and sort_by.
    assert_request(
        stub.request,
        "GET",
        f"{ORBIT_PATH}/artifacts",
        query={"limit": ["50"], "sort_by": ["created_at"]},
    )
    assert isinstance(page, ArtifactsList) and page.items == []


def _artifact_create() -> ArtifactCreate:
    return ArtifactCreate(
        file_name="churn-xgb.luml",
        name="churn-xgb",
        description="XGBoost, 12 epochs",
        extra_values=FreeForm.from_dict(EXTRA_VALUES),
        manifest=LumlArtifactManifest.from_dict(MANIFEST),
        file_hash=FILE_HASH,
        file_index=FileIndex.from_dict(FILE_INDEX),
        size=104859136,
        tags=["prod"],
        type_=ArtifactType.MODEL,
    )


ARTIFACT_CREATE_JSON = {
    "file_name": "churn-xgb.luml",
    "name": "churn-xgb",
    "description": "XGBoost, 12 epochs",
    "extra_values": EXTRA_VALUES,
    "manifest": MANIFEST,
    "file_hash": FILE_HASH,
    "file_index": FILE_INDEX,
    "size": 104859136,
    "tags": ["prod"],
    "type": "model",
}
BUCKET_LOCATION = f"orbit-{ORBIT_ID}/collection-{COLLECTION_ID}/{ARTIFACT_ID}-churn.luml"


@pytest.mark.parametrize(
    ("upload_details", "expected_class"),
    [
        (
            {
                "type": "s3",
                "url": f"https://ml-artifacts.s3.amazonaws.com/{BUCKET_LOCATION}?X-Amz-Signature=ab",
                "multipart": False,
                "bucket_location": BUCKET_LOCATION,
                "bucket_secret_id": str(SECRET_ID),
            },
            S3UploadDetails,
        ),
        (
            {
                "type": "azure",
                "url": None,
                "multipart": True,
                "bucket_location": BUCKET_LOCATION,
                "bucket_secret_id": str(AZURE_SECRET_ID),
            },
            AzureUploadDetails,
        ),
        (
            {
                "type": "gcs",
                "url": "https://storage.googleapis.com/upload/x",
                "bucket_location": BUCKET_LOCATION,
                "bucket_secret_id": str(OTHER_SECRET_ID),
                "resumable": True,
            },
            OtherUploadDetails,
        ),
    ],
    ids=["s3", "azure", "unknown"],
)
async def test_create_artifact_parses_upload_details_by_storage_type(
    api: Api, stub: Stub, upload_details: dict[str, Any], expected_class: type
) -> None:
    stub.reply(
        200,
        {
            "artifact": {**artifact_json(status="pending_upload"), "updated_at": UPDATED_AT},
            "upload_details": upload_details,
        },
    )
    created = await api.parsed(
        create_artifact, ORG_ID, ORBIT_ID, COLLECTION_ID, body=_artifact_create()
    )

    assert_request(stub.request, "POST", f"{COLLECTION_PATH}/artifacts", body=ARTIFACT_CREATE_JSON)
    assert isinstance(created, CreatedArtifact)
    assert isinstance(created.artifact, Artifact)
    assert created.artifact.id == ARTIFACT_ID
    assert created.artifact.status is ArtifactStatus.PENDING_UPLOAD
    assert created.artifact.type_ is ArtifactType.MODEL
    assert created.artifact.updated_at == UPDATED_AT_DT
    assert created.artifact.file_index["meta.json"] == [0, 512]

    details = created.upload_details
    assert type(details) is expected_class
    assert details.bucket_location == BUCKET_LOCATION
    if isinstance(details, S3UploadDetails):
        assert details.type_ is BucketTypeS3.S3
        assert details.url == upload_details["url"]
        assert details.multipart is False
        assert details.bucket_secret_id == SECRET_ID
    elif isinstance(details, AzureUploadDetails):
        assert details.type_ is BucketTypeAzure.AZURE
        assert details.url is None
        assert details.multipart is True
        assert details.bucket_secret_id == AZURE_SECRET_ID
    else:
        assert isinstance(details, OtherUploadDetails)
        assert_plain_str(details.type_, "gcs")
        assert details.bucket_secret_id == OTHER_SECRET_ID
        assert details["resumable"] is True


async def test_create_artifact_with_only_required_fields(api: Api, stub: Stub) -> None:
    stub.reply(
        200,
        {
            "artifact": artifact_json(status="pending_upload", type_="dataset"),
            "upload_details": {
                "type": "s3",
                "url": "https://ml-artifacts.s3.amazonaws.com/x?uploads",
                "multipart": True,
                "bucket_location": BUCKET_LOCATION,
                "bucket_secret_id": str(SECRET_ID),
            },
        },
    )
    body = ArtifactCreate(
        file_name="train.parquet",
        extra_values=FreeForm(),
        manifest=LumlArtifactManifest.from_dict(DATASET_MANIFEST),
        file_hash=FILE_HASH,
        file_index=FileIndex(),
        size=0,
    )
    created = await api.parsed(create_artifact, ORG_ID, ORBIT_ID, COLLECTION_ID, body=body)

    assert json.loads(stub.request.content) == {
        "file_name": "train.parquet",
        "extra_values": {},
        "manifest": DATASET_MANIFEST,
        "file_hash": FILE_HASH,
        "file_index": {},
        "size": 0,
    }
    assert isinstance(created, CreatedArtifact)
    assert created.artifact.type_ is ArtifactType.DATASET
    assert isinstance(created.upload_details, S3UploadDetails)
    assert created.upload_details.multipart is True


async def test_get_artifact(api: Api, stub: Stub) -> None:
    stub.reply(
        200,
        {
            **artifact_json(),
            "deployments": None,
            "collection": collection_json(),
            "tracks": [
                {
                    "id": str(TRACK_ID),
                    "name": "nightly",
                    "created_at": CREATED_AT,
                    "updated_at": None,
                }
            ],
        },
    )
    details = await api.parsed(get_artifact, ORG_ID, ORBIT_ID, COLLECTION_ID, ARTIFACT_ID)

    assert_request(stub.request, "GET", ARTIFACT_PATH)
    assert isinstance(details, ArtifactDetails)
    assert_is_churn_artifact(details)
    assert details.status is ArtifactStatus.UPLOADED
    assert details.deployments is None
    assert isinstance(details.collection, Collection)
    assert details.collection.id == COLLECTION_ID
    (track,) = details.tracks
    assert isinstance(track, TrackSummary)
    assert track.id == TRACK_ID and track.created_at == CREATED_AT_DT


async def test_get_artifact_with_future_status_and_type(api: Api, stub: Stub) -> None:
    stub.reply(
        200,
        {**artifact_json(status="quarantined", type_="prompt"), "collection": collection_json()},
    )
    details = await api.parsed(get_artifact, ORG_ID, ORBIT_ID, COLLECTION_ID, ARTIFACT_ID)

    assert isinstance(details, ArtifactDetails)
    assert_plain_str(details.status, "quarantined")
    assert_plain_str(details.type_, "prompt")
    assert details.to_dict()["status"] == "quarantined"


async def test_update_artifact_status(api: Api, stub: Stub) -> None:
    stub.reply(200, {**artifact_json(status="uploaded"), "updated_at": UPDATED_AT})
    body = ArtifactUpdate(status=ArtifactStatusUpdate.UPLOADED)
    updated = await api.parsed(
        update_artifact, ORG_ID, ORBIT_ID, COLLECTION_ID, ARTIFACT_ID, body=body
    )

    assert_request(stub.request, "PATCH", ARTIFACT_PATH, body={"status": "uploaded"})
    assert isinstance(updated, Artifact)
    assert updated.status is ArtifactStatus.UPLOADED
    assert updated.updated_at == UPDATED_AT_DT


async def test_update_artifact_bad_transition_is_400(api: Api, stub: Stub) -> None:
    stub.reply(400, {"detail": "Unable to change status from 'uploaded' to 'upload_failed'"})
    body = ArtifactUpdate(status=ArtifactStatusUpdate.UPLOAD_FAILED, name="renamed")
    response = await api.detailed(
        update_artifact, ORG_ID, ORBIT_ID, COLLECTION_ID, ARTIFACT_ID, body=body
    )

    assert json.loads(stub.request.content) == {"name": "renamed", "status": "upload_failed"}
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert isinstance(response.parsed, ErrorResponse)
    assert "upload_failed" in response.parsed.detail


@pytest.mark.parametrize(
    ("module", "suffix", "url"),
    [
        (
            get_artifact_download_url,
            "download-url",
            "https://ml-artifacts.s3.amazonaws.com/orbit/a.luml?X-Amz-Signature=dl",
        ),
        (
            get_artifact_delete_url,
            "delete-url",
            "https://lumlstore.blob.core.windows.net/artifacts/a.luml?sp=d&sig=del",
        ),
    ],
    ids=["download", "delete"],
)
async def test_artifact_presigned_urls(
    api: Api, stub: Stub, module: ModuleType, suffix: str, url: str
) -> None:
    stub.reply(200, {"url": url})
    response = await api.detailed(module, ORG_ID, ORBIT_ID, COLLECTION_ID, ARTIFACT_ID)

    assert_request(stub.request, "GET", f"{ARTIFACT_PATH}/{suffix}")
    assert isinstance(response.parsed, ArtifactUrl)
    assert response.parsed.url == url


@pytest.mark.parametrize(
    ("module", "path"),
    [(delete_artifact, ARTIFACT_PATH), (force_delete_artifact, f"{ARTIFACT_PATH}/force")],
    ids=["confirm", "force"],
)
async def test_delete_artifact_is_204_with_nothing_parsed(
    api: Api, stub: Stub, module: ModuleType, path: str
) -> None:
    stub.reply(204)
    response = await api.detailed(module, ORG_ID, ORBIT_ID, COLLECTION_ID, ARTIFACT_ID)

    assert_request(stub.request, "DELETE", path)
    assert response.status_code == HTTPStatus.NO_CONTENT
    assert response.content == b""
    assert response.parsed is None


async def test_delete_artifact_not_pending_deletion_is_400(api: Api, stub: Stub) -> None:
    stub.reply(400, {"detail": "Unable to confirm deletion with status 'uploaded'"})
    response = await api.detailed(delete_artifact, ORG_ID, ORBIT_ID, COLLECTION_ID, ARTIFACT_ID)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.detail == "Unable to confirm deletion with status 'uploaded'"


# --------------------------------------------------------------------------- cross-cutting


@pytest.mark.parametrize(
    ("module", "args"),
    [
        (list_my_organizations, ()),
        (list_bucket_secrets, (ORG_ID,)),
        (list_orbits, (ORG_ID,)),
        (get_collection, (ORG_ID, ORBIT_ID, COLLECTION_ID)),
        (get_artifact, (ORG_ID, ORBIT_ID, COLLECTION_ID, ARTIFACT_ID)),
    ],
    ids=["organizations", "bucket_secrets", "orbits", "collections", "artifacts"],
)
async def test_unauthenticated_is_a_401_error_response(
    api: Api, stub: Stub, module: ModuleType, args: tuple[UUID, ...]
) -> None:
    stub.reply(401, {"detail": "Not authenticated"})
    response = await api.detailed(module, *args)

    assert stub.request.headers["Authorization"] == "Bearer dfs_test"
    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.detail == "Not authenticated"


async def test_undocumented_status_parses_as_none(api: Api, stub: Stub) -> None:
    stub.reply(502, {"message": "Bad gateway"})
    response = await api.detailed(get_orbit, ORG_ID, ORBIT_ID)

    assert response.status_code == HTTPStatus.BAD_GATEWAY
    assert response.parsed is None
    assert json.loads(response.content) == {"message": "Bad gateway"}


async def test_undocumented_status_raises_when_asked(api: Api, stub: Stub) -> None:
    stub.reply(502, {"message": "Bad gateway"})
    api.client.raise_on_unexpected_status = True

    with pytest.raises(errors.UnexpectedStatus) as excinfo:
        await api.detailed(get_orbit, ORG_ID, ORBIT_ID)
    assert excinfo.value.status_code == 502
    assert b"Bad gateway" in excinfo.value.content
