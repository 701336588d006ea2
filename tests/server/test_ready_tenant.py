"""The server starts with the tenant the README's quick start names, and says so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from luml_facade import LumlClient
from luml_facade.testing import LocalLuml, Workspace


def names(server: LocalLuml, path: str) -> list[str]:
    headers = {"Authorization": f"Bearer {server.api_key}"}
    response = httpx.get(f"{server.url}/v1{path}", headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    return [item["name"] for item in (body["items"] if isinstance(body, dict) else body)]


def test_default_tenant_is_ready_with_the_readme_names() -> None:
    with LocalLuml() as server:
        tenant = server.default_tenant
        org = f"/organizations/{tenant.organization_id}"
        assert names(server, "/users/me/organizations") == ["My Org"]
        assert names(server, f"{org}/orbits") == ["Default Orbit"]
        orbit = f"{org}/orbits/{tenant.orbit_id}"
        assert names(server, f"{orbit}/collections") == ["churn"]
        assert tenant.bucket_name.startswith("luml-local")  # suffixed when taken in-process
        assert (tenant.orbit_name, tenant.collection_name) == ("Default Orbit", "churn")
        with LumlClient(
            server.api_key, server.url, organization="My Org", orbit="Default Orbit"
        ) as luml:
            collection = luml.collections.get("churn")
            assert collection is not None and collection.id == tenant.collection_id


def test_empty_and_named_workspaces() -> None:
    with LocalLuml(workspace=None) as server:
        tenant = server.default_tenant
        assert tenant.orbit_id is None and tenant.collection_id is None
        assert names(server, f"/organizations/{tenant.organization_id}/orbits") == []
    custom = Workspace(organization="Acme", orbit="Research", collection=None)
    with LocalLuml(workspace=custom) as server:
        tenant = server.default_tenant
        assert (tenant.organization_name, tenant.orbit_name) == ("Acme", "Research")
        assert tenant.collection_id is None
        orbit = f"/organizations/{tenant.organization_id}/orbits/{tenant.orbit_id}"
        assert names(server, f"{orbit}/collections") == []


def test_restart_on_a_state_file_recreates_a_deleted_workspace(tmp_path: Path) -> None:
    db = str(tmp_path / "state.sqlite")
    with LocalLuml(db_path=db) as server:
        first = server.default_tenant
        headers = {"Authorization": f"Bearer {server.api_key}"}
        path = f"/v1/organizations/{first.organization_id}/orbits/{first.orbit_id}"
        assert httpx.delete(server.url + path, headers=headers).status_code == 204
    with LocalLuml(db_path=db) as server:
        again = server.default_tenant
        assert again.api_key == first.api_key
        assert again.orbit_id != first.orbit_id
        assert names(server, f"/organizations/{again.organization_id}/orbits") == ["Default Orbit"]
    with LocalLuml(db_path=db) as server:
        assert server.default_tenant == again


def test_command_line_banner_names_the_tenant_and_stops_on_sigterm() -> None:
    command = [sys.executable, "-m", "luml_facade.testing", "--orbit", "Lab"]
    env = {**os.environ, "PYTHONWARNINGS": "default"}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert process.stdout is not None
        lines = []
        while not lines or lines[-1] != "Press Ctrl-C to stop.":
            line = process.stdout.readline()
            assert line, "the server exited before printing its banner"
            lines.append(line.rstrip("\n"))
        banner = "\n".join(lines)
        assert "Organization: My Org" in banner
        assert "Orbit:        Lab" in banner
        assert "Collection:   churn" in banner
        url = lines[0].split()[-1]
        key = lines[2].split()[-1]
        assert f"  export LUML_BASE_URL={url}" in lines
        assert f"  export LUML_API_KEY={key}" in lines
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    assert process.stderr is not None
    assert "Warning" not in process.stderr.read()


def test_command_line_empty() -> None:
    command = [sys.executable, "-m", "luml_facade.testing", "--empty"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(6)]
        assert banner[3].startswith("Organization: My Org")
        assert not any(line.startswith(("Orbit:", "Collection:")) for line in banner)
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
