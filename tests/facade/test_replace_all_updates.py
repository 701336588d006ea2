"""Replace-all PATCHes: the facade's update call sends every field of the body.

openapi.yaml marks with `x-luml-replace-all` each PATCH whose server writes every field of the
body (a field left out becomes null). Every such operation needs a facade update in UPDATES
below, and that update must send every field of the generated body model: when the server adds
a field (after `make api-update`), a facade that does not send it back fails here.
"""

from __future__ import annotations

import importlib
import json
import re
import typing
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from luml_facade._send_back import body_fields
from luml_facade.testing import LocalLuml, Tenant

from .conftest import make_client, run
from .test_deployments import deploy_setup

ROOT = Path(__file__).resolve().parents[2]
THIS_FILE = "tests/facade/test_replace_all_updates.py"
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())
REPLACE_ALL = {
    op["operationId"]: op["tags"][0]
    for item in SPEC["paths"].values()
    for method, op in item.items()
    if method == "patch" and op.get("x-luml-replace-all")
}


async def update_deployment(luml: Any) -> None:
    _, artifact_id, secret = await deploy_setup(luml)
    secrets = {"t": secret.id}
    await run(
        luml.deployments.create("api", "gpu-box", artifact_id, dynamic_attributes_secrets=secrets)
    )
    await run(luml.deployments.update("api", description="v2"))


async def update_satellite(luml: Any) -> None:
    await run(luml.satellites.create("gpu-box", "room 4"))
    await run(luml.satellites.update("gpu-box", name="a100"))


async def update_track_entry(luml: Any) -> None:
    _, artifact_id, _ = await deploy_setup(luml)
    await run(luml.tracks.create("churn", "model", stages=["dev"]))
    entry = await run(luml.tracks.add_artifact("churn", artifact_id))
    await run(luml.tracks.update_artifact("churn", entry.id, "dev"))


# operationId -> a facade flow (sync or async client) that ends with that update.
UPDATES: dict[str, Callable[[Any], Awaitable[None]]] = {
    "update_deployment": update_deployment,
    "update_satellite": update_satellite,
    "update_track_entry": update_track_entry,
}


def test_every_replace_all_operation_has_a_facade_update_here() -> None:
    missing = sorted(set(REPLACE_ALL) - set(UPDATES))
    extra = sorted(set(UPDATES) - set(REPLACE_ALL))
    problems = [
        f"{op_id} is marked x-luml-replace-all: add the facade call that updates through it "
        f"to UPDATES in {THIS_FILE}"
        for op_id in missing
    ] + [f"{op_id} is not marked x-luml-replace-all: remove it from UPDATES" for op_id in extra]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def sent() -> list[tuple[str, str, Any]]:
    """The (method, path, JSON body) of each API request the client made."""
    return []


@pytest.fixture
async def luml(
    client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, sent: list[Any]
) -> Any:
    """A client that records its API requests in `sent` (conftest's `workspace` builds on it)."""

    def record(request: httpx.Request) -> None:
        body = json.loads(request.read()) if request.content else None
        sent.append((request.method, request.url.path, body))

    async def arecord(request: httpx.Request) -> None:
        record(request)

    if client_kind == "async":
        http: Any = httpx.AsyncClient(event_hooks={"request": [arecord]})
    else:
        http = httpx.Client(event_hooks={"request": [record]})
    client = make_client(client_kind, luml_server, luml_tenant, http_client=http)
    yield client
    await run(client.aclose() if client_kind == "async" else client.close())
    await run(http.aclose() if client_kind == "async" else http.close())


def facade_files(module_name: str) -> list[str]:
    """The facade modules that import the generated endpoint `module_name`."""
    tag, _, operation_id = module_name.removeprefix("luml_openapi.api.").partition(".")
    return sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "luml_facade").rglob("*.py")
        if f"luml_openapi.api.{tag} import" in (text := path.read_text(encoding="utf-8"))
        and re.search(rf"\b{operation_id}\b", text)
    )


@pytest.mark.parametrize("operation_id", sorted(REPLACE_ALL))
async def test_the_facade_sends_every_field_of_the_body(
    operation_id: str, workspace: Any, sent: list[tuple[str, str, Any]]
) -> None:
    if operation_id not in UPDATES:
        pytest.skip("no facade update listed (the test above fails)")
    await UPDATES[operation_id](workspace)

    module_name = f"luml_openapi.api.{REPLACE_ALL[operation_id]}.{operation_id}"
    body_model = typing.get_type_hints(importlib.import_module(module_name).sync)["body"]
    patches = [body for method, _path, body in sent if method == "PATCH"]
    assert patches, f"{operation_id}: the facade flow sent no PATCH"
    missing = sorted(body_fields(body_model) - set(patches[-1]))
    if missing:
        where = ", ".join(facade_files(module_name)) or "luml_facade/"
        pytest.fail(
            f"{operation_id} replaces every field of {body_model.__name__}, but the facade "
            f"does not send {', '.join(missing)}: send back what it read "
            f"(luml_facade/_send_back.py) in {where}; if it does, the local server does not "
            "answer the field yet (luml_facade/testing/_records*.py)",
            pytrace=False,
        )
