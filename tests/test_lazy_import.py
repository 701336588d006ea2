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


# What a blocking client does not need before its first call: the storage transport (urllib3),
# asyncio, the transfer machinery, the cache, the calls of any noun, the facade's result types
# and any endpoint (calls/_route.py and calls/_resolve.py, which the defaults use, may load).
NOT_BEFORE_THE_FIRST_CALL = (
    "urllib3",
    "asyncio",
    "luml_facade._storage_client",
    "luml_facade._file_window",
    "luml_facade.transfer",
    "luml_facade.storage",
    "luml_facade.cache",
    "luml_facade.resources",
    "luml_facade.types",
    "luml_openapi.api",
)


def not_yet_needed(loaded: set[str]) -> set[str]:
    nouns = {
        name
        for name in loaded
        if name.startswith("luml_facade.calls.") and not name.startswith("luml_facade.calls._")
    }
    return nouns | {name for name in loaded if name.startswith(NOT_BEFORE_THE_FIRST_CALL)}


@pytest.mark.parametrize(
    "statement",
    [
        "from luml_facade import LumlClient",
        "from luml_facade import LumlClient\n"
        "LumlClient(api_key='dfs_x', base_url='http://127.0.0.1:9').close()",
    ],
    ids=["import", "construct"],
)
def test_a_client_loads_nothing_its_first_call_does_not_need(statement: str) -> None:
    loaded = loaded_after(statement)
    assert "httpx" in loaded  # the probe did import the client
    assert not_yet_needed(loaded) == set()


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
