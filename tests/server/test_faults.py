"""Fault injection on the storage and on the API."""

from __future__ import annotations

import os

import httpx
import pytest

from luml_facade.testing import Fault, LocalLuml

from .conftest import Api
from .test_storage import complete, create, send_parts


def uploaded(api: Api, storage: httpx.Client, data: bytes) -> str:
    """A stored object's presigned download URL."""
    path, created = create(api, len(data))
    assert storage.put(created["upload_details"]["url"], content=data).status_code == 200
    return str(api.ok("GET", f"{path}/download-url")["url"])


def test_status_fault_nth_and_times(
    api: Api, storage: httpx.Client, luml_server: LocalLuml
) -> None:
    url = uploaded(api, storage, b"payload")
    luml_server.faults.add(
        Fault(
            target="storage",
            method="GET",
            nth=2,
            times=2,
            status=503,
            retry_after="3",
            body=b"<Error>slow down</Error>",
        )
    )
    responses = [storage.get(url) for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 503, 503, 200]
    assert responses[1].headers["retry-after"] == "3"
    assert responses[2].content == b"<Error>slow down</Error>"
    assert responses[3].content == b"payload"


def test_fault_filters_by_method_and_path(
    api: Api, storage: httpx.Client, luml_server: LocalLuml
) -> None:
    url = uploaded(api, storage, b"x")
    luml_server.faults.add(Fault(target="storage", method="PUT", status=500))
    luml_server.faults.add(Fault(target="storage", path_contains="no-such-key", status=500))
    assert storage.get(url).status_code == 200
    luml_server.faults.clear()
    luml_server.faults.add(Fault(target="storage", status=500))
    assert storage.get(url).status_code == 500
    assert storage.get(url).status_code == 200


def test_drop_after_bytes(api: Api, storage: httpx.Client, luml_server: LocalLuml) -> None:
    data = os.urandom(100_000)
    url = uploaded(api, storage, data)
    luml_server.faults.add(Fault(target="storage", method="GET", drop_after_bytes=1000))
    received = b""
    with pytest.raises(httpx.RemoteProtocolError), storage.stream("GET", url) as response:
        assert response.headers["content-length"] == str(len(data))
        for chunk in response.iter_raw():
            received += chunk
    assert received == data[:1000]
    assert storage.get(url).content == data


def test_corrupt_body(api: Api, storage: httpx.Client, luml_server: LocalLuml) -> None:
    data = os.urandom(5000)
    url = uploaded(api, storage, data)
    luml_server.faults.add(Fault(target="storage", method="GET", corrupt_body=True))
    corrupted = storage.get(url).content
    assert len(corrupted) == len(data)
    assert corrupted != data
    assert storage.get(url).content == data


def test_s3_error_in_200_on_complete(
    api: Api, storage: httpx.Client, luml_server: LocalLuml
) -> None:
    data = os.urandom(9 * 1024 * 1024)
    _, created = create(api, len(data))
    details = created["upload_details"]
    fault = Fault(target="storage", method="POST", path_contains="uploadId=", s3_error_in_200=True)
    complete_url, etags = send_parts(api, storage, details, data)
    luml_server.faults.add(fault)
    answer = complete(storage, complete_url, etags)
    assert answer.status_code == 200
    assert "<Error><Code>InternalError</Code>" in answer.text
    location = details["bucket_location"]
    assert luml_server.stored_object(api.tenant.bucket_name, location) is None
    luml_server.faults.clear()  # the fault answered instead of S3: the upload is still open
    assert "<Error>" not in complete(storage, complete_url, etags).text
    assert luml_server.stored_object(api.tenant.bucket_name, location) == data


def test_s3_error_body(luml_server: LocalLuml, storage: httpx.Client) -> None:
    luml_server.faults.add(Fault(target="storage", s3_error_in_200=True))
    response = storage.post(f"{luml_server.storage_url}/any/key?uploadId=1")
    assert response.status_code == 200
    assert "<Code>InternalError</Code>" in response.text
    luml_server.faults.clear()


def test_api_faults(api: Api, luml_server: LocalLuml) -> None:
    path = "/v1/users/me/organizations"
    luml_server.faults.add(Fault(target="api", path_contains=path, status=429, retry_after="1"))
    throttled = api.http.get(path)
    assert (throttled.status_code, throttled.headers["retry-after"]) == (429, "1")
    assert api.http.get(path).status_code == 200
    luml_server.faults.add(Fault(target="api", method="GET", status=503, times=2))
    assert [api.http.get(path).status_code for _ in range(3)] == [503, 503, 200]
    good = api.http.get(path).content
    luml_server.faults.add(Fault(target="api", corrupt_body=True))
    bad = api.http.get(path).content
    assert len(bad) == len(good)
    assert bad != good
    luml_server.faults.add(Fault(target="api", drop_after_bytes=10))
    with pytest.raises(httpx.RemoteProtocolError):
        api.http.get(path)
    assert api.http.get(path).content == good


def test_fault_needs_one_action() -> None:
    with pytest.raises(ValueError, match="exactly one action"):
        Fault(target="storage")
    with pytest.raises(ValueError, match="exactly one action"):
        Fault(target="storage", status=500, corrupt_body=True)
    with pytest.raises(ValueError, match="at least 1"):
        Fault(target="api", status=500, nth=0)
