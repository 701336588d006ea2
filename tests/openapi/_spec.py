"""Read openapi.yaml once and walk its operations with `$ref`s resolved (shared by the tests)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@cache
def load_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as fh:
        spec: dict[str, Any] = yaml.safe_load(fh)
    return spec


def resolve(node: Any) -> Any:
    """Follow local `$ref`s (`#/components/...`) until a concrete node is reached."""
    spec = load_spec()
    seen: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert isinstance(ref, str) and ref.startswith("#/"), f"non-local $ref {ref!r}"
        assert ref not in seen, f"$ref cycle at {ref}"
        seen.add(ref)
        node = spec
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    raw: dict[str, Any]
    parameters: tuple[dict[str, Any], ...]

    @property
    def operation_id(self) -> str:
        return str(self.raw["operationId"])

    @property
    def tag(self) -> str:
        return str(self.raw["tags"][0])

    @property
    def path_params(self) -> list[str]:
        return [p["name"] for p in self.parameters if p["in"] == "path"]

    def param(self, name: str) -> dict[str, Any]:
        matches = [p for p in self.parameters if p["name"] == name]
        assert len(matches) == 1, f"{self.operation_id}: {len(matches)} parameters named {name}"
        return matches[0]

    @property
    def responses(self) -> dict[str, Any]:
        return {str(code): resolve(r) for code, r in self.raw["responses"].items()}

    @property
    def request_body(self) -> dict[str, Any] | None:
        body = self.raw.get("requestBody")
        return None if body is None else resolve(body)

    def has_json_success_body(self) -> bool:
        return any(
            code.startswith("2") and "application/json" in (resp.get("content") or {})
            for code, resp in self.responses.items()
        )

    def __str__(self) -> str:  # readable parametrize ids
        return self.operation_id


@cache
def operations() -> tuple[Operation, ...]:
    ops: list[Operation] = []
    for path, item in load_spec()["paths"].items():
        shared = [resolve(p) for p in item.get("parameters", [])]
        for method in HTTP_METHODS:
            if method not in item:
                continue
            raw = item[method]
            own = [resolve(p) for p in raw.get("parameters", [])]
            # An operation-level parameter overrides a path-level one with the same name and `in`.
            keys = {(p["name"], p["in"]) for p in own}
            merged = [p for p in shared if (p["name"], p["in"]) not in keys] + own
            ops.append(Operation(path, method, raw, tuple(merged)))
    return tuple(ops)


def operation(operation_id: str) -> Operation:
    (op,) = [o for o in operations() if o.raw.get("operationId") == operation_id]
    return op
