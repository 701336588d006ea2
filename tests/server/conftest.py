"""Helpers for the local server's own tests (fixtures come from luml_facade.testing's plugin)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from luml_facade.testing import LocalLuml, Tenant, artifact_manifest

LEGACY_MANIFEST = {
    "variant": "pipeline",
    "producer_name": "tests",
    "producer_version": "1",
    "producer_tags": [],
    "inputs": [],
    "outputs": [],
    "dynamic_attributes": [],
    "env_vars": [],
}
"""The older model manifest (no artifact_type): the server types it by the file index."""
FNNX_INDEX = {
    name: [0, 1]
    for name in (
        "dtypes.json",
        "env.json",
        "manifest.json",
        "meta.json",
        "ops.json",
        "variant_config.json",
    )
}


@dataclass
class Api:
    """An httpx client for one tenant plus shortcuts for building test data."""

    http: httpx.Client
    tenant: Tenant

    @property
    def org(self) -> str:
        return f"/v1/organizations/{self.tenant.organization_id}"

    def ok(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.http.request(method, path, **kwargs)
        assert response.status_code in (200, 204), response.text
        return response.json() if response.content else None

    def orbit(self, name: str = "orbit") -> str:
        body = {"name": name, "bucket_secret_id": self.tenant.bucket_secret_id}
        return str(self.ok("POST", f"{self.org}/orbits", json=body)["id"])

    def collection(self, orbit_id: str, kind: str = "mixed", **extra: Any) -> str:
        body = {"name": "collection", "description": "", "type": kind, **extra}
        return str(self.ok("POST", f"{self.org}/orbits/{orbit_id}/collections", json=body)["id"])

    def artifact_body(self, size: int = 5, **extra: Any) -> dict[str, Any]:
        return {
            "file_name": "model.luml",
            "name": "model",
            "extra_values": {},
            "manifest": artifact_manifest("model"),
            "file_hash": "0" * 64,
            "file_index": {},
            "size": size,
            **extra,
        }

    def artifacts_path(self, orbit_id: str, collection_id: str) -> str:
        return f"{self.org}/orbits/{orbit_id}/collections/{collection_id}/artifacts"

    def artifact(self, orbit_id: str, collection_id: str, **extra: Any) -> dict[str, Any]:
        path = self.artifacts_path(orbit_id, collection_id)
        created: dict[str, Any] = self.ok("POST", path, json=self.artifact_body(**extra))
        return created


def make_api(server: LocalLuml, tenant: Tenant) -> httpx.Client:
    headers = {"Authorization": f"Bearer {tenant.api_key}"}
    return httpx.Client(base_url=server.url, headers=headers, timeout=30)


@pytest.fixture
def api(luml_server: LocalLuml, luml_tenant: Tenant) -> Iterator[Api]:
    """The tenant's API client."""
    with make_api(luml_server, luml_tenant) as http:
        yield Api(http, luml_tenant)


@pytest.fixture
def storage() -> Iterator[httpx.Client]:
    """A plain client for presigned storage URLs."""
    with httpx.Client(timeout=30) as client:
        yield client
