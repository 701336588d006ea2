"""`import luml_facade` loads almost nothing (names load on first use), and every exported
name still resolves; the generated models load one by one (benchmarks/import_time.py times it)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import luml_facade


def loaded_after(statement: str) -> set[str]:
    probe = f"{statement}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd="/"
    )
    return set(result.stdout.split())


def test_import_loads_neither_the_client_nor_httpx_nor_the_models() -> None:
    loaded = loaded_after("import luml_facade")
    heavy = {
        "httpx",
        "urllib3",
        "attrs",
        "luml_openapi",
        "luml_facade._client",
        "luml_facade.types",
    }
    assert not loaded & heavy


def test_one_generated_model_does_not_load_the_others_or_httpx() -> None:
    loaded = loaded_after("from luml_openapi.models import ArtifactStatus")
    models = {name for name in loaded if name.startswith("luml_openapi.models.")}
    assert models == {"luml_openapi.models.artifact_status"}
    assert "httpx" not in loaded


@pytest.mark.parametrize("name", luml_facade.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(luml_facade, name) is not None
    assert name in dir(luml_facade)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        luml_facade.Nope  # noqa: B018
