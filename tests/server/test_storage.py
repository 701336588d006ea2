"""Uploads and downloads through presigned URLs against the moto storage."""

from __future__ import annotations

import hashlib
import os
import re
from typing import Any

import attrs
import httpx
import pytest

from luml_facade.testing import LocalLuml

from .conftest import Api

MiB = 1024 * 1024


def create(api: Api, size: int) -> tuple[str, dict[str, Any]]:
    orbit = api.orbit()
    coll = api.collection(orbit)
    created = api.artifact(orbit, coll, size=size)
    path = f"{api.artifacts_path(orbit, coll)}/{created['artifact']['id']}"
    return path, created


def send_parts(
    api: Api, storage: httpx.Client, details: dict[str, Any], data: bytes
) -> tuple[str, list[str]]:
    """The client's S3 multipart flow up to the parts: initiate, part URLs, parts; returns
    the completion URL and the parts' ETags."""
    initiated = storage.post(details["url"])
    assert initiated.status_code == 200
    match = re.search(r"<UploadId>(.+?)</UploadId>", initiated.text)
    assert match is not None
    body = {
        "bucket_id": details["bucket_secret_id"],
        "bucket_location": details["bucket_location"],
        "size": len(data),
        "upload_id": match.group(1),
    }
    urls = api.ok("POST", "/v1/bucket-secrets/upload/multipart", json=body)
    etags = []
    for part in urls["parts"]:
        chunk = data[part["start_byte"] : part["end_byte"] + 1]
        assert len(chunk) == part["part_size"]
        response = storage.put(
            part["url"], content=chunk, headers={"Content-Length": str(len(chunk))}
        )
        assert response.status_code == 200
        etags.append(response.headers["etag"].strip('"'))
    return urls["complete_url"], etags


def complete(storage: httpx.Client, url: str, etags: list[str]) -> httpx.Response:
    xml = "".join(
        f"<Part><PartNumber>{n}</PartNumber><ETag>{e}</ETag></Part>" for n, e in enumerate(etags, 1)
    )
    return storage.post(
        url,
        headers={"Content-Type": "application/xml"},
        content=f"<CompleteMultipartUpload>{xml}</CompleteMultipartUpload>",
    )


def upload_multipart(api: Api, storage: httpx.Client, details: dict[str, Any], data: bytes) -> None:
    """The client's S3 multipart flow: initiate, part URLs, parts, complete."""
    response = complete(storage, *send_parts(api, storage, details, data))
    assert response.status_code == 200
    assert "<Error>" not in response.text


def test_simple_put_round_trip(api: Api, storage: httpx.Client, luml_server: LocalLuml) -> None:
    data = os.urandom(1000)
    path, created = create(api, len(data))
    details = created["upload_details"]
    assert details["multipart"] is False
    assert details["url"].startswith(luml_server.storage_url)
    assert storage.put(details["url"], content=data).status_code == 200
    bucket = api.tenant.bucket_name
    assert luml_server.stored_object(bucket, details["bucket_location"]) == data
    url = api.ok("GET", f"{path}/download-url")["url"]
    assert storage.get(url).content == data


def test_multipart_round_trip(api: Api, storage: httpx.Client, luml_server: LocalLuml) -> None:
    data = os.urandom(12 * MiB + 123)
    path, created = create(api, len(data))
    details = created["upload_details"]
    assert details["multipart"] is True
    assert "uploads" in details["url"]
    upload_multipart(api, storage, details, data)
    url = api.ok("GET", f"{path}/download-url")["url"]
    assert storage.get(url).content == data
    assert luml_server.stored_object(api.tenant.bucket_name, details["bucket_location"]) == data


@attrs.frozen
class OpenUpload:
    """A multipart upload whose parts are all sent, not yet completed."""

    path: str
    location: str
    data: bytes
    complete_url: str
    etags: list[str]


@pytest.fixture
def open_upload(api: Api, storage: httpx.Client) -> OpenUpload:
    data = os.urandom(11 * MiB)
    path, created = create(api, len(data))
    details = created["upload_details"]
    complete_url, etags = send_parts(api, storage, details, data)
    return OpenUpload(path, details["bucket_location"], data, complete_url, etags)


def test_a_completed_multipart_upload_has_the_s3_multipart_etag(
    api: Api, storage: httpx.Client, open_upload: OpenUpload
) -> None:
    path, data, complete_url, etags = (
        open_upload.path,
        open_upload.data,
        open_upload.complete_url,
        open_upload.etags,
    )

    response = complete(storage, complete_url, etags)

    assert response.status_code == 200
    digests = b"".join(bytes.fromhex(etag) for etag in etags)
    expected = f'"{hashlib.md5(digests).hexdigest()}-{len(etags)}"'
    assert re.search(r"<ETag>(.+?)</ETag>", response.text).group(1) in (  # type: ignore[union-attr]
        expected,
        expected.replace('"', "&quot;"),
    )
    assert f"<Key>{open_upload.location}</Key>" in response.text
    downloaded = storage.get(api.ok("GET", f"{path}/download-url")["url"])
    assert downloaded.headers["etag"] == expected
    assert downloaded.content == data


def test_a_completion_naming_a_wrong_part_is_refused_and_the_upload_stays_open(
    api: Api, storage: httpx.Client, luml_server: LocalLuml, open_upload: OpenUpload
) -> None:
    etags, bucket = open_upload.etags, api.tenant.bucket_name

    refused = complete(storage, open_upload.complete_url, [etags[0], "0" * 32, *etags[2:]])

    assert refused.status_code == 400
    assert "InvalidPart" in refused.text
    assert luml_server.stored_object(bucket, open_upload.location) is None
    assert complete(storage, open_upload.complete_url, etags).status_code == 200
    assert luml_server.stored_object(bucket, open_upload.location) == open_upload.data


def test_bucket_location_shape(api: Api) -> None:
    orbit = api.orbit()
    coll = api.collection(orbit)
    artifact = api.artifact(orbit, coll)["artifact"]
    unique = artifact["unique_identifier"]
    assert re.fullmatch(r"[0-9a-f]{32}", unique)
    assert artifact["bucket_location"] == f"orbit-{orbit}/collection-{coll}/{unique}-model.luml"


def test_delete_flow_removes_object(
    api: Api, storage: httpx.Client, luml_server: LocalLuml
) -> None:
    path, created = create(api, 3)
    details = created["upload_details"]
    storage.put(details["url"], content=b"abc")
    url = api.ok("GET", f"{path}/delete-url")["url"]
    assert storage.delete(url).status_code == 204
    assert luml_server.stored_object(api.tenant.bucket_name, details["bucket_location"]) is None
    api.ok("DELETE", path)
    assert api.http.get(path).status_code == 404


def test_requests_seen(api: Api, storage: httpx.Client, luml_server: LocalLuml) -> None:
    luml_server.requests_seen.clear()
    _, created = create(api, 3)
    storage.put(created["upload_details"]["url"], content=b"abc")
    targets = [seen.target for seen in luml_server.requests_seen]
    assert targets[-1] == "storage"
    assert "api" in targets
    api_request = next(seen for seen in luml_server.requests_seen if seen.target == "api")
    assert api_request.headers["authorization"] == f"Bearer {api.tenant.api_key}"
    storage_request = luml_server.requests_seen[-1]
    assert storage_request.method == "PUT"
    assert "authorization" not in storage_request.headers
    assert storage_request.path.startswith(f"/{api.tenant.bucket_name}/orbit-")


def test_tenants_are_isolated(luml_server: LocalLuml) -> None:
    first, second = luml_server.create_tenant("A"), luml_server.create_tenant("B")
    assert len({first.api_key, second.api_key, luml_server.api_key}) == 3
    assert first.bucket_name != second.bucket_name
    headers = {"Authorization": f"Bearer {first.api_key}"}
    orgs = httpx.get(f"{luml_server.url}/v1/users/me/organizations", headers=headers).json()
    assert [org["id"] for org in orgs] == [first.organization_id]
    assert luml_server.default_tenant.organization_name == "My Org"
    assert luml_server.api_key.startswith("dfs_")
