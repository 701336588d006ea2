"""Errors and retries as a user sees them: typed errors carrying what the server said,
bounded retries for idempotent calls only."""

from __future__ import annotations

import socket
from typing import Any

import httpx
import pytest
import respx

from luml_facade import (
    APIConnectionError,
    APIResponseValidationError,
    InternalServerError,
    LumlAPIError,
    LumlClient,
    NotFoundError,
    RateLimitError,
    UnprocessableEntityError,
)
from luml_facade.testing import Fault, LocalLuml, Tenant, artifact_manifest

from .conftest import FAST_RETRIES, run


async def settle(luml: Any, server: LocalLuml) -> None:
    """Resolve the client's defaults first, so only the call under test is counted."""
    await run(luml.orbits.list())
    server.requests_seen.clear()


def api_calls(server: LocalLuml, method: str, path_part: str) -> int:
    return sum(
        1
        for seen in server.requests_seen
        if seen.target == "api" and seen.method == method and path_part in seen.path
    )


@pytest.mark.parametrize("status", [429, 502, 503, 504])
async def test_idempotent_calls_are_retried(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant, status: int
) -> None:
    await settle(luml, luml_server)
    luml_server.faults.add(
        Fault(
            target="api",
            method="GET",
            path_contains="/orbits",
            status=status,
            retry_after="0",
            times=2,
        )
    )
    assert await run(luml.orbits.list()) == []
    assert api_calls(luml_server, "GET", "/orbits") == 3


async def test_retries_are_bounded(luml: Any, luml_server: LocalLuml, luml_tenant: Tenant) -> None:
    await settle(luml, luml_server)
    luml_server.faults.add(
        Fault(
            target="api",
            method="GET",
            path_contains="/orbits",
            status=429,
            retry_after="0",
            times=50,
        )
    )
    with pytest.raises(RateLimitError) as raised:
        await run(luml.orbits.list())
    assert raised.value.status_code == 429
    assert api_calls(luml_server, "GET", "/orbits") == 1 + FAST_RETRIES.max_retries


async def test_a_create_is_never_sent_twice(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    await settle(luml, luml_server)
    luml_server.faults.add(Fault(target="api", method="POST", path_contains="/orbits", status=503))
    with pytest.raises(InternalServerError) as raised:
        await run(luml.orbits.create("Once", luml_tenant.bucket_secret_id))
    assert raised.value.status_code == 503
    assert api_calls(luml_server, "POST", "/orbits") == 1
    assert await run(luml.orbits.list()) == []


async def test_status_errors_carry_the_server_message(luml: Any, luml_tenant: Tenant) -> None:
    with pytest.raises(NotFoundError) as raised:
        await run(luml.orbits.update(name="x", orbit_id="0199c455-21ed-7aba-9fe5-5231611220de"))
    error = raised.value
    assert isinstance(error, LumlAPIError)
    assert (error.status_code, error.message, error.body) == (
        404,
        "Orbit not found",
        {"detail": "Orbit not found"},
    )
    assert str(error) == "404: Orbit not found"


async def test_validation_errors_name_the_field(workspace: Any) -> None:
    # a file name the server's pattern refuses (the facade checks types, not this pattern)
    with pytest.raises(UnprocessableEntityError, match="file_name") as raised:
        await run(
            workspace.artifacts.create(
                None, "bad:name.luml", {}, artifact_manifest(), "0" * 64, {}, 10, "n"
            )
        )
    assert raised.value.status_code == 422
    assert isinstance(raised.value.body["detail"], list)


def test_no_server_is_a_connection_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = LumlClient(api_key="dfs_x", base_url=f"http://127.0.0.1:{port}", retry=FAST_RETRIES)
    with pytest.raises(APIConnectionError, match="could not reach the LUML API"):
        client.organizations.list()


@respx.mock
def test_request_id_and_non_json_error_bodies_are_kept() -> None:
    # A fault no local server produces: a proxy's HTML 500 with a request id.
    respx.get("https://api.luml.ai/v1/users/me/organizations").mock(
        return_value=httpx.Response(
            500, text="<html>upstream failed</html>", headers={"x-request-id": "req-42"}
        )
    )
    client = LumlClient(api_key="dfs_x", retry=FAST_RETRIES)
    with pytest.raises(InternalServerError) as raised:
        client.organizations.list()
    assert raised.value.request_id == "req-42"
    assert raised.value.body == "<html>upstream failed</html>"
    assert "req-42" in str(raised.value)


@respx.mock
def test_an_unreadable_success_body_is_an_error() -> None:
    respx.get("https://api.luml.ai/v1/users/me/organizations").mock(
        return_value=httpx.Response(200, json={"unexpected": True})
    )
    client = LumlClient(api_key="dfs_x", retry=FAST_RETRIES)
    with pytest.raises(APIResponseValidationError, match="list_my_organizations"):
        client.organizations.list()
