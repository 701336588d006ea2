"""The facade against a newer LUML server: fields and enum values it does not know, and a
replace-all PATCH that requires a field the facade only read.

The newer server is the local server seen through a transport that changes its answers the way
the public server's feat/monitoring-frontend branch does: deployments gain `monitoring_mode`
(NOT NULL: a deployment PATCH without it is a 500) and a `health` object, a deployment's status
may be one this client does not know, and a removal's task is a `reconcile`.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest

from luml_facade import DeploymentStatus
from luml_facade.testing import LocalLuml, Tenant

from .conftest import make_client, run
from .test_deployments import deploy_setup

DEPLOYMENTS = re.compile(r"/orbits/[^/]+/deployments(/(?P<id>[0-9a-f-]{36}))?$")


class NewerServer:
    """The changes a newer server makes to the local server's deployment answers."""

    def __init__(self) -> None:
        self.modes: dict[str, str] = {}
        self.patches: list[dict[str, Any]] = []
        self.status: str | None = None

    def answer_first(self, request: httpx.Request) -> httpx.Response | None:
        """The newer server's own answer (a 500 for a PATCH without monitoring_mode), or None."""
        match = DEPLOYMENTS.search(request.url.path)
        if request.method != "PATCH" or match is None:
            return None
        body = json.loads(request.content)
        self.patches.append(body)
        if body.get("monitoring_mode") is None:  # the NOT NULL column
            return httpx.Response(500, text="Internal Server Error", request=request)
        self.modes[str(match["id"])] = body["monitoring_mode"]
        return None

    def rewrite(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if DEPLOYMENTS.search(request.url.path) is None or response.status_code != 200:
            return response
        data = response.json()
        if isinstance(data, dict) and data.get("type") == "undeploy":
            data["type"] = "reconcile"
        for row in data if isinstance(data, list) else [data]:
            if "satellite_name" in row:
                row["monitoring_mode"] = self.modes.setdefault(row["id"], "full")
                row["health"] = {"cpu": 0.5}
                if self.status is not None and request.method == "GET":
                    row["status"] = self.status
        return httpx.Response(200, json=data, request=request)


class SyncTransport(httpx.BaseTransport):
    def __init__(self, newer: NewerServer) -> None:
        self.newer, self.inner = newer, httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer = self.newer.answer_first(request)
        if answer is not None:
            return answer
        response = self.inner.handle_request(request)
        response.read()
        return self.newer.rewrite(request, response)


class AsyncTransport(httpx.AsyncBaseTransport):
    def __init__(self, newer: NewerServer) -> None:
        self.newer, self.inner = newer, httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        answer = self.newer.answer_first(request)
        if answer is not None:
            return answer
        response = await self.inner.handle_async_request(request)
        await response.aread()
        return self.newer.rewrite(request, response)


@pytest.fixture
def newer() -> NewerServer:
    return NewerServer()


@pytest.fixture
async def luml(
    client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, newer: NewerServer
) -> Any:
    """A client whose API calls reach the local server as the newer server answers them
    (conftest's `workspace` builds on it)."""
    if client_kind == "async":
        http: Any = httpx.AsyncClient(transport=AsyncTransport(newer))
    else:
        http = httpx.Client(transport=SyncTransport(newer))
    client = make_client(client_kind, luml_server, luml_tenant, http_client=http)
    yield client
    await run(client.aclose() if client_kind == "async" else client.close())
    await run(http.aclose() if client_kind == "async" else http.close())


async def test_update_sends_back_a_field_the_server_requires(
    workspace: Any, newer: NewerServer
) -> None:
    luml = workspace
    _, artifact_id, secret = await deploy_setup(luml)
    created = await run(
        luml.deployments.create(
            "churn-api", "gpu-box", artifact_id, dynamic_attributes_secrets={"t": secret.id}
        )
    )
    newer.modes[created.id] = "full"

    updated = await run(luml.deployments.update("churn-api", description="v2"))

    assert (updated.name, updated.description) == ("churn-api", "v2")
    assert updated.dynamic_attributes_secrets == {"t": secret.id}
    sent = newer.patches[-1]
    assert sent["monitoring_mode"] == "full"  # read, then sent back unchanged
    assert sent["health"] == {"cpu": 0.5}  # unknown to the spec: sent back too
    assert {"name", "description", "tags", "schemas", "error_message"} <= set(sent)
    assert newer.modes[created.id] == "full"


async def test_fields_and_enum_values_a_newer_server_adds(
    workspace: Any, newer: NewerServer
) -> None:
    luml = workspace
    await deploy_setup(luml)
    await run(luml.deployments.create("churn-api", "gpu-box", (await _artifact(luml))))
    newer.status = "hibernating"

    found = await run(luml.deployments.get("churn-api"))
    assert found.status == "hibernating"  # a plain string, not an error
    assert [d.name for d in await run(luml.deployments.list())] == ["churn-api"]

    newer.status = None
    assert (await run(luml.deployments.get("churn-api"))).status == DeploymentStatus.PENDING
    task = await run(luml.deployments.delete("churn-api"))
    assert task.type == "reconcile"


async def _artifact(luml: Any) -> str:
    listed = await run(luml.artifacts.list())
    return str(listed.items[0].id)
