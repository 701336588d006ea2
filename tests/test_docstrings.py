"""The API reference (docs/reference/, built from docstrings by mkdocstrings) documents every
public method of both clients: each resource method and each client method says its
arguments, what it returns, what it raises, and shows an example (Google style)."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "luml_facade"
SOURCES = [*sorted((PACKAGE / "resources").glob("[!_]*.py")), PACKAGE / "_client.py"]
CLIENTS = {"_BaseClient", "LumlClient", "AsyncLumlClient"}


@dataclass(frozen=True)
class Method:
    name: str
    docstring: str
    arguments: bool  # takes arguments besides self
    returns_nothing: bool
    calls_the_server: bool  # an @operation or @paged method


def public_methods() -> list[Method]:
    found = []
    for source in SOURCES:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for cls in (node for node in tree.body if isinstance(node, ast.ClassDef)):
            if source.name == "_client.py" and cls.name not in CLIENTS:
                continue
            for node in cls.body:
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                decorators = {ast.unparse(decorator) for decorator in node.decorator_list}
                if node.name.startswith("_") or decorators & {"property", "cached_property"}:
                    continue
                if any(decorator.endswith(".setter") for decorator in decorators):
                    continue
                returns = ast.unparse(node.returns) if node.returns else "None"
                found.append(
                    Method(
                        f"{source.stem}.{cls.name}.{node.name}",
                        ast.get_docstring(node) or "",
                        bool(node.args.args[1:] or node.args.kwonlyargs),
                        returns in ("None", "Flow[None]"),
                        bool(decorators & {"operation", "paged"}),
                    )
                )
    return found


METHODS = public_methods()


def test_every_resource_is_found() -> None:
    names = {method.name for method in METHODS}
    assert "artifacts.ArtifactResource.upload" in names
    assert "_client.LumlClient.setup_config" in names
    assert len(METHODS) > 60


@pytest.mark.parametrize("method", METHODS, ids=[method.name for method in METHODS])
def test_the_docstring_has_every_section(method: Method) -> None:
    sections = {line.strip() for line in method.docstring.splitlines()}
    wanted = {"Example:"}
    if method.arguments:
        wanted.add("Arguments:")
    if not method.returns_nothing:
        wanted.add("Returns:")
    if method.calls_the_server:
        wanted.add("Raises:")
    assert wanted <= sections, f"{method.name}: missing {sorted(wanted - sections)}"
