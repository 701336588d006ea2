"""Each operation of openapi.yaml is callable from the generated package, by its own name."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
from pathlib import Path
from types import ModuleType

import luml_openapi
import luml_openapi.api
import pytest
import yaml
from luml_openapi.client import AuthenticatedClient, Client

from ._spec import Operation, operations

OPERATIONS = operations()
REPO = Path(__file__).resolve().parents[2]
GENERATED = REPO / "generated"


def endpoint_module(op: Operation) -> ModuleType:
    return importlib.import_module(f"luml_openapi.api.{op.tag}.{op.operation_id}")


def test_package_is_luml_openapi_not_the_official_client_name() -> None:
    assert luml_openapi.__name__ == "luml_openapi"
    assert Path(luml_openapi.__file__).resolve().parent == GENERATED / "luml_openapi"
    # The only package generated/ provides is luml_openapi: nothing there shadows the official
    # client (PyPI `luml-api`, imported as `luml_api`) or the `luml` namespace.
    top_level = sorted(p.name for p in GENERATED.iterdir() if not p.name.startswith((".", "__")))
    assert top_level == ["luml_openapi"]
    assert not (GENERATED / "luml_openapi" / "luml_api").exists()
    spec = importlib.util.find_spec("luml_api")
    if spec is not None:  # the official client may be installed beside us; it must not be ours
        assert spec.origin is None or GENERATED not in Path(spec.origin).resolve().parents


def test_generator_config_pins_the_package_name() -> None:
    config = yaml.safe_load((REPO / "scripts" / "generator-config.yaml").read_text())
    assert config["package_name_override"] == "luml_openapi"
    assert config["project_name_override"] not in {"luml-api", "luml_api", "luml-sdk"}


def test_top_level_exports_the_clients() -> None:
    assert luml_openapi.AuthenticatedClient is AuthenticatedClient
    assert luml_openapi.Client is Client


def test_api_packages_are_exactly_the_spec_tags() -> None:
    packages = {m.name for m in pkgutil.iter_modules(luml_openapi.api.__path__) if m.ispkg}
    assert packages == {op.tag for op in OPERATIONS}


def test_endpoint_modules_are_exactly_the_spec_operations() -> None:
    found = set()
    for tag in {op.tag for op in OPERATIONS}:
        package = importlib.import_module(f"luml_openapi.api.{tag}")
        found |= {(tag, m.name) for m in pkgutil.iter_modules(package.__path__)}
    assert found == {(op.tag, op.operation_id) for op in OPERATIONS}


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_endpoint_module_has_sync_and_async_callables(op: Operation) -> None:
    module = endpoint_module(op)
    names = ["sync_detailed", "asyncio_detailed"]
    if op.has_json_success_body():
        names += ["sync", "asyncio"]
    for name in names:
        assert callable(getattr(module, name, None)), f"{module.__name__}.{name} is missing"
    assert not inspect.iscoroutinefunction(module.sync_detailed)
    assert inspect.iscoroutinefunction(module.asyncio_detailed)
    if op.has_json_success_body():
        assert not inspect.iscoroutinefunction(module.sync)
        assert inspect.iscoroutinefunction(module.asyncio)


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_endpoint_signatures_take_path_query_and_body_by_name(op: Operation) -> None:
    module = endpoint_module(op)
    query = [p["name"] for p in op.parameters if p["in"] == "query"]
    for name in ("sync_detailed", "asyncio_detailed", "sync", "asyncio"):
        function = getattr(module, name, None)
        if function is None:
            continue
        params = inspect.signature(function).parameters
        positional = [
            n for n, p in params.items() if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        ]
        # Path parameters come first, in path order, and may be passed by name.
        assert positional == op.path_params, f"{name}: {positional}"
        assert params["client"].kind is inspect.Parameter.KEYWORD_ONLY
        assert params["client"].default is inspect.Parameter.empty
        for q in query:
            assert q in params, f"{name} lacks query parameter {q}"
            assert params[q].kind is inspect.Parameter.KEYWORD_ONLY
            # A query parameter is optional (has a default) unless the spec requires it.
            required = bool(op.param(q).get("required", False))
            assert (params[q].default is inspect.Parameter.empty) is required, q
        if op.request_body is not None:
            assert params["body"].kind is inspect.Parameter.KEYWORD_ONLY
            assert params["body"].default is inspect.Parameter.empty
        else:
            assert "body" not in params
        expected = set(op.path_params) | set(query) | {"client"}
        if op.request_body is not None:
            expected.add("body")
        assert set(params) == expected
