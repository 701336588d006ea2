"""Every operation of openapi.yaml answers as the spec says, through the generated client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from uuid import UUID

import httpx
import pytest
import yaml
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
    ArtifactCreate,
    ArtifactDetails,
    ArtifactsList,
    ArtifactUpdate,
    ArtifactUrl,
    BucketMultipartUpload,
    BucketSecretUpdate,
    Collection,
    CollectionCreate,
    CollectionDetails,
    CollectionsList,
    CollectionUpdate,
    CreatedArtifact,
    ErrorResponse,
    Orbit,
    OrbitCreate,
    OrbitDetails,
    OrbitUpdate,
    OrganizationDetails,
    OrganizationSwitcher,
    S3BucketSecret,
    S3BucketSecretCreate,
    S3MultipartUploadDetails,
    S3UploadDetails,
)

from luml_facade.testing import LocalLuml, Tenant, artifact_manifest

from ._called import CALLED

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"


def call(operation: ModuleType, *args: Any, expect: int = 200, **kwargs: Any) -> Any:
    """Call an operation; check the status and return the parsed body."""
    CALLED.add(operation.__name__.rsplit(".", 1)[-1])
    response = operation.sync_detailed(*args, **kwargs)
    assert response.status_code == expect, response.content
    return response.parsed


@pytest.fixture
def client(luml_server: LocalLuml, luml_tenant: Tenant) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(base_url=luml_server.url, token=luml_tenant.api_key) as c:
        yield c


def test_organizations(
    client: AuthenticatedClient, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    orgs = call(list_my_organizations, client=client)
    assert [type(org) for org in orgs] == [OrganizationSwitcher]
    assert str(orgs[0].id) == luml_tenant.organization_id
    assert orgs[0].name == "Test Organization"
    org_id = UUID(luml_tenant.organization_id)
    denied = call(get_organization, org_id, client=client, expect=403)
    assert denied.detail == "This endpoint requires jwt authentication."
    token = luml_server.session_token(luml_tenant)
    with AuthenticatedClient(base_url=luml_server.url, token=token) as session:
        details = call(get_organization, org_id, client=session)
    assert isinstance(details, OrganizationDetails)
    assert details.total_members == 1


def test_bucket_secrets(client: AuthenticatedClient, luml_tenant: Tenant) -> None:
    org_id = UUID(luml_tenant.organization_id)
    secrets = call(list_bucket_secrets, org_id, client=client)
    assert [str(s.id) for s in secrets] == [luml_tenant.bucket_secret_id]
    body = S3BucketSecretCreate.from_dict(
        {"type": "s3", "endpoint": "https://s3.example.com", "bucket_name": "b", "region": "eu"}
    )
    created = call(create_bucket_secret, org_id, client=client, body=body)
    assert isinstance(created, S3BucketSecret)
    assert created.endpoint == "s3.example.com"
    again = call(get_bucket_secret, org_id, created.id, client=client)
    assert again.bucket_name == "b"
    update = BucketSecretUpdate.from_dict(
        {"endpoint": "s3.example.com", "bucket_name": "c", "secure": True, "region": "eu"}
    )
    updated = call(update_bucket_secret, org_id, created.id, client=client, body=update)
    assert (updated.bucket_name, updated.secure) == ("c", True)
    call(delete_bucket_secret, org_id, created.id, client=client, expect=204)
    missing = call(get_bucket_secret, org_id, created.id, client=client, expect=404)
    assert missing.detail == "Secret not found"


def test_orbits_collections_artifacts(
    client: AuthenticatedClient, luml_tenant: Tenant, storage: httpx.Client
) -> None:
    org_id, secret_id = UUID(luml_tenant.organization_id), luml_tenant.bucket_secret_id
    orbit_body = OrbitCreate.from_dict({"name": "o", "bucket_secret_id": secret_id})
    orbit = call(create_orbit, org_id, client=client, body=orbit_body)
    assert isinstance(orbit, OrbitDetails)
    assert [type(o) for o in call(list_orbits, org_id, client=client)] == [Orbit]
    assert call(get_orbit, org_id, orbit.id, client=client).name == "o"
    renamed = call(
        update_orbit, org_id, orbit.id, client=client, body=OrbitUpdate.from_dict({"name": "p"})
    )
    assert isinstance(renamed, Orbit)
    assert renamed.name == "p"

    coll_body = CollectionCreate.from_dict({"name": "c", "description": "d", "type": "model"})
    coll = call(create_collection, org_id, orbit.id, client=client, body=coll_body)
    assert isinstance(coll, Collection)
    page = call(list_collections, org_id, orbit.id, client=client)
    assert isinstance(page, CollectionsList)
    assert [c.id for c in page.items] == [coll.id]
    patch = CollectionUpdate.from_dict({"name": "c", "description": "d", "tags": ["x"]})
    assert call(update_collection, org_id, orbit.id, coll.id, client=client, body=patch).tags == [
        "x"
    ]

    art_body = ArtifactCreate.from_dict(
        {
            "file_name": "m.luml",
            "name": "m",
            "extra_values": {"acc": 0.5},
            "manifest": artifact_manifest("model"),
            "file_hash": "h",
            "file_index": {},
            "size": 5,
            "tags": ["t"],
        }
    )
    created = call(create_artifact, org_id, orbit.id, coll.id, client=client, body=art_body)
    assert isinstance(created, CreatedArtifact)
    assert isinstance(created.upload_details, S3UploadDetails)
    assert storage.put(created.upload_details.url, content=b"hello").status_code == 200
    art_id = created.artifact.id
    ids = (org_id, orbit.id, coll.id, art_id)
    status = ArtifactUpdate.from_dict({"status": "uploaded"})
    assert call(update_artifact, *ids, client=client, body=status).status == "uploaded"
    listed = call(list_artifacts, org_id, orbit.id, client=client)
    assert isinstance(listed, ArtifactsList)
    assert listed.items[0].collection_name == "c"
    details = call(get_artifact, *ids, client=client)
    assert isinstance(details, ArtifactDetails)
    coll_details = call(get_collection, org_id, orbit.id, coll.id, client=client)
    assert isinstance(coll_details, CollectionDetails)
    assert (coll_details.artifacts_tags, coll_details.artifacts_extra_values) == (["t"], ["acc"])
    download = call(get_artifact_download_url, *ids, client=client)
    assert isinstance(download, ArtifactUrl)
    assert storage.get(download.url).content == b"hello"

    multipart = BucketMultipartUpload.from_dict(
        {
            "bucket_id": secret_id,
            "bucket_location": created.artifact.bucket_location,
            "size": 12 * 1024 * 1024,
            "upload_id": "upload-1",
        }
    )
    parts = call(get_multipart_upload_urls, client=client, body=multipart)
    assert isinstance(parts, S3MultipartUploadDetails)
    assert [p.part_size for p in parts.parts] == [5 << 20, 5 << 20, 2 << 20]

    assert isinstance(call(get_artifact_delete_url, *ids, client=client), ArtifactUrl)
    call(delete_artifact, *ids, client=client, expect=204)
    second = call(create_artifact, org_id, orbit.id, coll.id, client=client, body=art_body)
    call(
        force_delete_artifact,
        org_id,
        orbit.id,
        coll.id,
        second.artifact.id,
        client=client,
        expect=204,
    )
    call(delete_collection, org_id, orbit.id, coll.id, client=client, expect=204)
    call(delete_orbit, org_id, orbit.id, client=client, expect=204)
    gone = call(get_orbit, org_id, orbit.id, client=client, expect=404)
    assert isinstance(gone, ErrorResponse)


def test_every_operation_was_called() -> None:
    # test_admin_operations.py (collected first) calls the JWT-only and admin operations.
    if not {"list_my_organizations", "create_artifact", "create_organization"} <= CALLED:
        pytest.skip("needs the other tests of this module in the same run")
    spec = yaml.safe_load(SPEC.read_text())
    operations = {
        op["operationId"]
        for item in spec["paths"].values()
        for method, op in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
        # The registry's operations are called in test_registry_generated.py.
        and op["tags"][0]
        not in {"orbit_secrets", "deployments", "satellites", "tracks", "track_entries"}
    }
    assert operations - CALLED == set()
