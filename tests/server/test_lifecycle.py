"""Starting, stopping, persisting, the command line, and refusing to drift from the spec."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from luml_facade.testing import Limits, LocalLuml
from luml_facade.testing._errors import json_response
from luml_facade.testing._handlers_orbits import OrbitHandlers


def orgs(server: LocalLuml, key: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"}
    return httpx.get(f"{server.url}/v1/users/me/organizations", headers=headers)


def test_context_manager_and_two_servers() -> None:
    with LocalLuml() as first, LocalLuml() as second:
        assert first.url != second.url
        assert first.default_tenant.bucket_name != second.default_tenant.bucket_name
        assert orgs(first, first.api_key).json()[0]["name"] == "My Org"
        assert orgs(second, first.api_key).status_code == 401
        url = first.url
    with pytest.raises(httpx.ConnectError):
        httpx.get(url)
    with pytest.raises(RuntimeError):
        _ = first.url


def test_state_persists_in_db_file(tmp_path: Path) -> None:
    db = str(tmp_path / "state.sqlite")
    with LocalLuml(db_path=db, limits=Limits(orbits=2)) as server:
        key = server.api_key
        tenant = server.default_tenant
        body = {"name": "kept", "bucket_secret_id": tenant.bucket_secret_id}
        headers = {"Authorization": f"Bearer {key}"}
        path = f"/v1/organizations/{tenant.organization_id}/orbits"
        assert httpx.post(server.url + path, json=body, headers=headers).status_code == 200
    with LocalLuml(db_path=db, limits=Limits(orbits=2)) as server:
        assert server.api_key == key
        orbits = httpx.get(server.url + path, headers=headers).json()
        assert [orbit["name"] for orbit in orbits] == ["Default Orbit", "kept"]
        secret_path = f"/v1/organizations/{tenant.organization_id}/bucket-secrets"
        secret = httpx.get(server.url + secret_path, headers=headers).json()[0]
        assert server.storage_url.endswith(secret["endpoint"])


def bad_orbits(self: OrbitHandlers, organization_id: str, user: str) -> object:
    return json_response(200, [{"id": "not-a-uuid"}])


def undeclared_status(self: OrbitHandlers, organization_id: str, user: str) -> object:
    return json_response(201, [])


@pytest.mark.parametrize(
    ("handler", "message"),
    [(bad_orbits, "does not conform"), (undeclared_status, "not declared")],
)
def test_response_drift_is_a_server_error(
    monkeypatch: pytest.MonkeyPatch, handler: object, message: str
) -> None:
    monkeypatch.setattr(OrbitHandlers, "list_orbits", handler)
    with LocalLuml() as server:
        path = f"/v1/organizations/{server.default_tenant.organization_id}/orbits"
        headers = {"Authorization": f"Bearer {server.api_key}"}
        response = httpx.get(server.url + path, headers=headers)
    assert response.status_code == 500
    assert message in response.json()["detail"]


def test_command_line() -> None:
    command = [sys.executable, "-m", "luml_facade.testing", "--multipart-threshold", "1000"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(3)]
        api_url, _, key = (line.split()[-1] for line in lines)
        assert lines[1].startswith("S3 storage:")
        response = httpx.get(
            f"{api_url}/v1/users/me/organizations", headers={"Authorization": f"Bearer {key}"}
        )
        assert response.status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
