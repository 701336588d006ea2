"""Fixtures for the command-line tests: the `luml` command run through click's CliRunner
against the local LUML server, for a fresh tenant with an orbit and two collections."""

from __future__ import annotations

import io
import json
import os
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from luml_facade import CollectionType, LumlClient
from luml_facade.cli._app import cli
from luml_facade.testing import LocalLuml, Tenant

SETTING_VARIABLES = (
    "LUML_API_KEY",
    "LUML_BASE_URL",
    "LUML_ORGANIZATION",
    "LUML_ORBIT",
    "LUML_COLLECTION",
    "LUML_CONFIG",
)


def write_artifact(path: Path, *, payload_size: int = 4096, f1: float = 0.9) -> Path:
    """A small valid model archive (manifest, payload, one metric)."""
    manifest = {
        "artifact_type": "model",
        "variant": "pipeline",
        "producer_name": "cli-tests",
        "producer_version": "1.0",
        "producer_tags": [],
        "payload": {},
    }
    metrics = [{"tags": ["luml::metrics:v1"], "payload": {"metrics": {"F1": f1}}}]
    members = {
        "manifest.json": json.dumps(manifest).encode(),
        "payload.bin": os.urandom(payload_size),
        "meta-0001.json": json.dumps(metrics).encode(),
    }
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


@dataclass
class Shell:
    """Runs `luml ...` like a user's shell would, with this tenant's environment."""

    server: LocalLuml
    tenant: Tenant
    env: dict[str, str | None]
    config_file: Path
    workdir: Path

    def __call__(self, *args: str, input: str | None = None, **env: str | None) -> Result:
        result = CliRunner().invoke(cli, list(args), input=input, env={**self.env, **env})
        for stream in (result.stdout, result.stderr):
            assert self.tenant.api_key not in stream, "the API key was printed"
        return result

    def json(self, *args: str, **env: str | None) -> Any:
        """Run with --json, check it succeeded, and parse stdout."""
        result = self(*args, "--json", **env)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    def client(self) -> LumlClient:
        return LumlClient(api_key=self.tenant.api_key, base_url=self.server.url, organization=None)


@pytest.fixture
def shell(
    luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Shell]:
    """A tenant with orbit "Models" and collections "churn" (model) and "scratch" (mixed);
    LUML_API_KEY, LUML_BASE_URL and LUML_ORBIT=Models set (so an orbit the tenant may come
    with does not matter), no default collection, a private config path."""
    with LumlClient(api_key=luml_tenant.api_key, base_url=luml_server.url) as luml:
        luml.orbits.create("Models", luml_tenant.bucket_secret_id)
        luml.setup_config(orbit="Models")
        luml.collections.create("churn models", "churn", CollectionType.MODEL)
        luml.collections.create("anything", "scratch", CollectionType.MIXED)
    for name in SETTING_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    workdir = tmp_path / "work"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    config_file = tmp_path / "config" / "luml" / "config.toml"
    env: dict[str, str | None] = {
        "LUML_API_KEY": luml_tenant.api_key,
        "LUML_BASE_URL": luml_server.url,
        "LUML_ORBIT": "Models",
        "LUML_CONFIG": str(config_file),
    }
    yield Shell(luml_server, luml_tenant, env, config_file, workdir)


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    return write_artifact(tmp_path / "churn.luml")
