"""Draft what openapi.yaml lacks from a server's /openapi.json, in the house style.

Used by `scripts/api-drift URL --write` (and `make api-update`). It only adds text to the spec;
nothing already there is changed, reordered or reformatted:
- new operations (those api-drift reports as "missing from the spec"): a path block placed
  after its nearest relative, path parameters through `components/parameters`, the tag and
  `x-luml-credentials` of the nearest existing operation, a short operationId (FastAPI's route
  name), the standard error responses (401/403, 404 for a path with ids, 422 when it takes a
  parameter or a body) and `x-luml-draft` saying what to review;
- new fields of schemas the spec already has (added to the `required` list when the server
  requires them), each marked with a `# draft` comment;
- new enum values, appended to the spec's enum;
- the schemas all that needs, named after the server's (without its `In`/`Out` suffix):
  response enums are open (`Open<Name>`: the known values or any other string; nullable ones
  as `anyOf: [known, {type: string, nullable: true}]`, which the local server's response check
  takes), request enums closed.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

METHODS = ("get", "put", "post", "delete", "patch")
WIDTH = 100
DRAFT_KEY = "x-luml-draft"
SCHEMA_PREFIX = "#/components/schemas/"
STANDARD_ERRORS = {
    "400": "BadRequest",
    "401": "Unauthorized",
    "403": "Forbidden",
    "404": "NotFound",
    "409": "Conflict",
    "422": "ValidationFailed",
}
KEPT_KEYWORDS = (
    "type",
    "format",
    "description",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
)
OP_REVIEW = (
    "name it (operationId), write the summary and description, add the errors its handler "
    "raises (400/404/409: the server's document does not list them), check the tag and "
    "x-luml-credentials"
)
SCHEMA_REVIEW = "check the name and describe it"

Path = tuple[str | int, ...]


@dataclass
class Draft:
    """The spec's new text, what was added (one line each) and the tags of what changed."""

    text: str
    changes: list[str] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)


@dataclass(order=True)
class Edit:
    """Text to insert at (line, column); column None inserts whole lines before `line`."""

    line: int
    column: int
    seq: int
    text: str = field(compare=False)


# --- reading the spec: its data, and where each node is in the text


def node_at(root: yaml.Node, path: Path) -> yaml.Node:
    """The composed YAML node at `path` (mapping keys and sequence indexes)."""
    node = root
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next(value for k, value in node.value if k.value == key)
        else:
            node = node.value[int(key)]
    return node


def end_line(node: yaml.Node, lines: list[str]) -> int:
    """The index of the line after the last line that holds `node`'s content."""
    if isinstance(node, yaml.MappingNode) and node.flow_style is False and node.value:
        return end_line(node.value[-1][1], lines)
    if isinstance(node, yaml.SequenceNode) and node.flow_style is False and node.value:
        return end_line(node.value[-1], lines)
    line = node.end_mark.line + (1 if node.end_mark.column > 0 else 0)
    while line > node.start_mark.line + 1 and not content(lines[line - 1]):
        line -= 1
    return line


def content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


class Spec:
    """openapi.yaml as data and as text, with the edits planned so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.root = yaml.compose(text)
        self.raw: dict[str, Any] = yaml.safe_load(text)
        self.edits: list[Edit] = []

    def get(self, path: Path) -> Any:
        node: Any = self.raw
        for key in path:
            node = node[key]
        return node

    def insert_lines(self, line: int, text: str) -> None:
        self.edits.append(Edit(line, -1, len(self.edits), text))

    def insert_inline(self, line: int, column: int, text: str) -> None:
        self.edits.append(Edit(line, column, len(self.edits), text))

    def append_to_mapping(self, path: Path, text: str) -> None:
        """Lines added after the last entry of the block mapping at `path`."""
        self.insert_lines(end_line(node_at(self.root, path), self.lines), text)

    def key_column(self, path: Path) -> int:
        node = node_at(self.root, path)
        assert isinstance(node, yaml.MappingNode) and node.value, path
        return int(node.value[0][0].start_mark.column)

    def result(self) -> str:
        lines = list(self.lines)
        for edit in sorted(self.edits, reverse=True):
            if edit.column < 0:
                lines.insert(edit.line, edit.text)
            else:
                old = lines[edit.line]
                lines[edit.line] = old[: edit.column] + edit.text + old[edit.column :]
        return "".join(lines)


# --- writing YAML the way openapi.yaml does (flow style where it fits)


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    plain = re.fullmatch(r"[A-Za-z_][\w .()/-]*", text) and not text.endswith(" ")
    if plain and yaml.safe_load(text) == text:
        return text
    return json.dumps(text)


def key_text(key: Any) -> str:
    if key == "$ref" or (str(key).startswith("/") and yaml.safe_load(f"{key}: x") == {key: "x"}):
        return str(key)
    return json.dumps(str(key)) if re.fullmatch(r"\d+", str(key)) else scalar(key)


def flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key_text(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    return scalar(value)


BLOCK_KEYS = {
    "properties",
    "responses",
    "content",
    "requestBody",
    "parameters",
    "anyOf",
    "oneOf",
    "application/json",
}


def block(value: dict[str, Any], indent: int) -> Iterator[str]:
    """YAML lines (with newlines) for a mapping at `indent` spaces."""
    pad = " " * indent
    for key, item in value.items():
        head = f"{pad}{key_text(key)}:"
        if isinstance(item, str) and len(head) + 1 + len(scalar(item)) > WIDTH:
            yield f"{head} >-\n"
            yield from (
                f"{pad}  {line}\n"
                for line in textwrap.wrap(item, WIDTH - indent - 2, break_on_hyphens=False)
            )
        elif not isinstance(item, dict | list):
            yield f"{head} {scalar(item)}\n"
        elif item and (key in BLOCK_KEYS or not fits(head, item) or deep(item)):
            yield f"{head}\n"
            yield from nested(item, indent + 2, key == "parameters")
        else:
            yield f"{head} {flow(item)}\n"


def nested(
    item: dict[str, Any] | list[Any], indent: int, block_items: bool = False
) -> Iterator[str]:
    if isinstance(item, dict):
        yield from block(item, indent)
        return
    pad = " " * indent
    for element in item:
        wide = deep(element) or not fits(pad + "- ", element)
        if isinstance(element, dict) and (block_items or wide):
            lines = list(block(element, indent + 2))
            yield pad + "- " + lines[0].lstrip()
            yield from lines[1:]
        else:
            yield f"{pad}- {flow(element)}\n"


def fits(head: str, item: Any) -> bool:
    return len(head) + 1 + len(flow(item)) <= WIDTH


def deep(item: Any) -> bool:
    """A mapping that openapi.yaml writes in block style: operations, responses, objects."""
    if isinstance(item, dict):
        return any(
            key in BLOCK_KEYS or (key == "schema" and isinstance(v, dict) and "$ref" not in v)
            for key, v in item.items()
        )
    return False


# --- the server's document


def fastapi_name(operation: dict[str, Any], method: str, path: str) -> str:
    """FastAPI's operationId without its path-and-method tail: the route function's name."""
    raw = str(operation.get("operationId", ""))
    tail = re.sub(r"\W", "_", path) + "_" + method
    return raw[: -len(tail)] if raw.endswith(tail) and len(raw) > len(tail) else raw


def pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", name) if part)


def segments(path: str) -> list[str]:
    return [part for part in path.split("/") if part]


class Drafter:
    """Plans the insertions into `spec` for what `server` has and the spec lacks."""

    def __init__(self, server: dict[str, Any], spec: Spec) -> None:
        self.server = server
        self.spec = spec
        self.schemas: dict[str, Any] = spec.raw.setdefault("components", {}).setdefault(
            "schemas", {}
        )
        self.names: dict[str, str] = {}  # server schema name -> ours
        self.drafted: dict[str, dict[str, Any]] = {}  # our new schema name -> schema
        self.changes: list[str] = []
        self.tags: set[str] = set()
        self.anchors: dict[str, str] = {}  # drafted path -> the spec's path it follows

    # -- the server's schemas

    def server_schema(self, name: str) -> dict[str, Any]:
        schema: dict[str, Any] = self.server["components"]["schemas"][name]
        return schema

    def resolve_server(self, node: Any) -> tuple[str | None, Any]:
        name = None
        while isinstance(node, dict) and "$ref" in node:
            name = str(node["$ref"]).removeprefix(SCHEMA_PREFIX)
            node = self.server_schema(name)
        return name, node

    def is_enum(self, server_name: str) -> bool:
        return "enum" in self.server_schema(server_name)

    # -- our schemas

    def resolve_ours(self, node: Any, path: Path) -> tuple[str | None, Any, Path]:
        name = None
        while isinstance(node, dict) and "$ref" in node:
            name = str(node["$ref"]).removeprefix(SCHEMA_PREFIX)
            path = ("components", "schemas", name)
            node = self.schemas.get(name, {})
        return name, node, path

    def our_name(self, server_name: str, context: str) -> str:
        """The spec's schema for a server schema: mapped, same-named, or drafted now."""
        name = self.names.get(server_name)
        if name is None:
            name = server_name if server_name in self.schemas else None
        if name is None:
            name = self.draft_schema(server_name, context)
        if context == "response" and self.is_enum(server_name):
            return self.open_enum(name)
        return name

    def new_name(self, server_name: str) -> str:
        short = re.sub(r"(?<=[a-z])(In|Out)$", "", server_name)
        taken = set(self.schemas) | set(self.server["components"]["schemas"]) - {server_name}
        return short if short not in taken else server_name

    def draft_schema(self, server_name: str, context: str) -> str:
        name = self.new_name(server_name)
        self.names[server_name] = name
        if name in self.schemas:
            return name
        schema = self.server_schema(server_name)
        self.schemas[name] = {}  # taken before its fields refer back to it
        drafted = self.house_object(schema, context)
        drafted[DRAFT_KEY] = SCHEMA_REVIEW
        self.schemas[name] = self.drafted[name] = drafted
        self.changes.append(f"schema {name} (from the server's {server_name})")
        return name

    def open_enum(self, name: str) -> str:
        open_name = f"Open{name}"
        if open_name not in self.schemas:
            ref = {"$ref": SCHEMA_PREFIX + name}
            schema = {"anyOf": [ref, {"type": "string"}]}
            self.schemas[open_name] = self.drafted[open_name] = schema
            self.changes.append(f"schema {open_name} (the open form of {name})")
        return open_name

    # -- the house style of a server schema

    def house_object(self, schema: dict[str, Any], context: str) -> dict[str, Any]:
        if "enum" in schema:
            return {"type": schema.get("type", "string"), "enum": list(schema["enum"])}
        return self.house(schema, context)

    def house(self, node: dict[str, Any], context: str) -> dict[str, Any]:
        if "$ref" in node:
            name = str(node["$ref"]).removeprefix(SCHEMA_PREFIX)
            return {"$ref": SCHEMA_PREFIX + self.our_name(name, context)}
        variants = node.get("anyOf") or node.get("oneOf")
        if variants:
            return self.house_union(node, variants, context)
        out: dict[str, Any] = {}
        for key in KEPT_KEYWORDS:
            if key in node:
                out[key] = node[key]
        if "const" in node:
            out["enum"] = [node["const"]]
        elif "enum" in node:
            out["enum"] = list(node["enum"])
        if "default" in node and node["default"] is not None:
            out["default"] = node["default"]
        if "properties" in node:
            out["type"] = "object"
            required = [name for name in node.get("required", []) if name in node["properties"]]
            if required:
                out["required"] = required
            out["properties"] = {
                name: self.house(child, context) for name, child in node["properties"].items()
            }
        if "items" in node:
            out["items"] = self.house(node["items"], context)
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            out["additionalProperties"] = self.house(extra, context) if extra else True
        elif extra is True or (node.get("type") == "object" and "properties" not in node):
            out["additionalProperties"] = True
        return out

    def house_union(
        self, node: dict[str, Any], variants: list[Any], context: str
    ) -> dict[str, Any]:
        kept = [v for v in variants if v.get("type") != "null"]
        nullable = len(kept) < len(variants)
        description = {"description": node["description"]} if "description" in node else {}
        if nullable and len(kept) == 1:
            return {**self.nullable(kept[0], context), **description}
        key = "oneOf" if "oneOf" in node else "anyOf"
        out: dict[str, Any] = {key: [self.house(v, context) for v in kept], **description}
        if nullable:
            out["nullable"] = True
        if "discriminator" in node:
            out["discriminator"] = self.house_discriminator(node["discriminator"], context)
        return out

    def nullable(self, inner: dict[str, Any], context: str) -> dict[str, Any]:
        if "$ref" not in inner:
            return {**self.house(inner, context), "nullable": True}
        server_name = str(inner["$ref"]).removeprefix(SCHEMA_PREFIX)
        name = self.our_name(server_name, "request")
        ref = {"$ref": SCHEMA_PREFIX + name}
        if context == "response" and self.is_enum(server_name):
            # The local server's response check refuses null for allOf + nullable.
            return {"anyOf": [ref, {"type": "string", "nullable": True}]}
        if context == "response":
            ref = {"$ref": SCHEMA_PREFIX + self.our_name(server_name, context)}
        return {"allOf": [ref], "nullable": True}

    def house_discriminator(self, node: dict[str, Any], context: str) -> dict[str, Any]:
        out: dict[str, Any] = {"propertyName": node["propertyName"]}
        if "mapping" in node:
            out["mapping"] = {
                value: SCHEMA_PREFIX + self.our_name(str(ref).removeprefix(SCHEMA_PREFIX), context)
                for value, ref in node["mapping"].items()
            }
        return out


@dataclass
class Missing:
    """A server field the spec's schema at `target` (its `properties`) lacks."""

    target: Path
    name: str
    schema: dict[str, Any]
    required: bool
    context: str
    via_all_of: bool


class Pairing:
    """Walks a server schema and ours side by side: names, new fields, new enum values."""

    def __init__(self, drafter: Drafter) -> None:
        self.drafter = drafter
        self.missing: list[Missing] = []
        self.enum_values: dict[Path, list[str]] = {}
        self.seen: set[tuple[int, Path]] = set()

    def walk(self, server: Any, ours: Any, path: Path, context: str, tag_field: str = "") -> None:
        """Pair `server` with `ours` (at `path`); `tag_field` is a union's discriminator,
        which each variant of ours narrows to its own value."""
        server_name, s = self.drafter.resolve_server(strip_null(server))
        our_name, o, path = self.drafter.resolve_ours(ours, path)
        if server_name and our_name:
            self.drafter.names.setdefault(server_name, unopened(our_name, o))
        if not isinstance(s, dict) or not isinstance(o, dict) or (id(s), path) in self.seen:
            return
        self.seen.add((id(s), path))
        if "enum" in s:
            self.enum(s, o, path)
            return
        if "allOf" in o and len(o["allOf"]) == 1 and "properties" not in o:
            self.walk(s, o["allOf"][0], (*path, "allOf", 0), context)
            return
        if "properties" in s:
            self.objects(s, o, path, context, tag_field)
        if "items" in s and "items" in o:
            self.walk(s["items"], o["items"], (*path, "items"), context)
        self.unions(s, o, path, context)

    def enum(self, server: dict[str, Any], ours: dict[str, Any], path: Path) -> None:
        found = self.find_enum(ours, path)
        if found is None:
            return  # the spec keeps it a plain string
        enum_path, values = found
        known = {str(v) for v in values}
        new = [str(v) for v in server["enum"] if str(v) not in known]
        if new:
            planned = self.enum_values.setdefault(enum_path, [])
            planned.extend(v for v in new if v not in planned)

    def find_enum(self, node: dict[str, Any], path: Path) -> tuple[Path, list[Any]] | None:
        if "enum" in node:
            return (*path, "enum"), node["enum"]
        for key in ("anyOf", "oneOf", "allOf"):
            for index, variant in enumerate(node.get(key) or []):
                _, resolved, at = self.drafter.resolve_ours(variant, (*path, key, index))
                found = self.find_enum(resolved, at) if isinstance(resolved, dict) else None
                if found:
                    return found
        return None

    def objects(
        self, server: dict[str, Any], ours: dict[str, Any], path: Path, ctx: str, tag_field: str
    ) -> None:
        fields, target, via_all_of = self.our_fields(ours, path)
        required = set(server.get("required", []))
        for name, child in server["properties"].items():
            if name == tag_field:
                continue
            if name in fields:
                self.walk(child, fields[name][0], fields[name][1], ctx)
            elif target is not None:
                self.missing.append(Missing(target, name, child, name in required, ctx, via_all_of))

    def our_fields(
        self, node: dict[str, Any], path: Path
    ) -> tuple[dict[str, tuple[Any, Path]], Path | None, bool]:
        """Our properties (through allOf) and where a new one goes."""
        fields: dict[str, tuple[Any, Path]] = {}
        target: Path | None = (*path, "properties") if "properties" in node else None
        for name, child in (node.get("properties") or {}).items():
            fields[name] = (child, (*path, "properties", name))
        parts = node.get("allOf") or []
        for index, part in enumerate(parts):
            _, resolved, at = self.drafter.resolve_ours(part, (*path, "allOf", index))
            if isinstance(resolved, dict):
                more, part_target, _ = self.our_fields(resolved, at)
                fields.update(more)
                target = part_target or target
        return fields, target, bool(parts)

    def unions(self, server: dict[str, Any], ours: dict[str, Any], path: Path, ctx: str) -> None:
        server_variants = server.get("anyOf") or server.get("oneOf") or []
        our_key = "anyOf" if "anyOf" in ours else "oneOf"
        our_variants = ours.get(our_key) or []
        by_name = {}
        for index, variant in enumerate(our_variants):
            name, _, _ = self.drafter.resolve_ours(variant, ())
            by_name[name] = (variant, (*path, our_key, index))
        tag_field = str((ours.get("discriminator") or {}).get("propertyName", ""))
        for variant in server_variants:
            name, _ = self.drafter.resolve_server(variant)
            mine = by_name.get(self.drafter.names.get(name or "", name))
            if mine is not None:
                self.walk(variant, mine[0], mine[1], ctx, tag_field)


def unopened(name: str, schema: Any) -> str:
    """`DeploymentStatus` for our open `OpenDeploymentStatus`, else the name itself."""
    if name.startswith("Open") and isinstance(schema, dict) and "anyOf" in schema:
        first = schema["anyOf"][0]
        if isinstance(first, dict) and "$ref" in first:
            return str(first["$ref"]).removeprefix(SCHEMA_PREFIX)
    return name


def strip_null(node: Any) -> Any:
    """A server `anyOf: [X, {type: null}]` as X (not resolved)."""
    variants = node.get("anyOf") if isinstance(node, dict) else None
    if variants and any(v.get("type") == "null" for v in variants):
        kept = [v for v in variants if v.get("type") != "null"]
        if len(kept) == 1:
            return kept[0]
    return node


def json_schema(container: Any) -> Any:
    if not isinstance(container, dict):
        return None
    return (container.get("content") or {}).get("application/json", {}).get("schema")


def operations(raw: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in raw.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield method, path, item[method]


# --- the draft


def draft(server: dict[str, Any], spec_text: str, missing: list[tuple[str, str]]) -> Draft:
    """The spec text with what the server has and it lacks added as a draft."""
    spec = Spec(spec_text)
    drafter = Drafter(server, spec)
    known_schemas = set(drafter.schemas)
    pair_existing(drafter, spec)
    new_operations = [(method.lower(), path) for method, path in missing]
    for method, path in sorted(new_operations, key=lambda item: (item[1], item[0])):
        add_operation(drafter, spec, method, path)
    write_schemas(drafter, spec, known_schemas)
    return Draft(spec.result(), drafter.changes, drafter.tags)


def pair_existing(drafter: Drafter, spec: Spec) -> None:
    """New fields and enum values of the operations both documents have."""
    server_ops = {(m, p): op for m, p, op in operations(drafter.server)}
    for _round in range(5):
        pairing = Pairing(drafter)
        for method, path, ours in operations(spec.raw):
            theirs = server_ops.get((method, path))
            if theirs is None:
                continue
            op_path: Path = ("paths", path, method)
            body = json_schema(theirs.get("requestBody"))
            our_body = json_schema(ours.get("requestBody"))
            if body is not None and our_body is not None:
                at = (*op_path, "requestBody", "content", "application/json", "schema")
                pairing.walk(body, our_body, at, "request")
            for code, response in (theirs.get("responses") or {}).items():
                mine = (ours.get("responses") or {}).get(code)
                if code.startswith("2") and json_schema(response) and json_schema(mine):
                    at = (*op_path, "responses", code, "content", "application/json", "schema")
                    pairing.walk(json_schema(response), json_schema(mine), at, "response")
            pair_parameters(pairing, theirs, ours, op_path)
        plan_enum_values(drafter, spec, pairing.enum_values)
        direct = [m for m in pairing.missing if not m.via_all_of]
        found = direct or pairing.missing
        if not found:
            return
        add_fields(drafter, spec, found)


def pair_parameters(
    pairing: Pairing, theirs: dict[str, Any], ours: dict[str, Any], op_path: Path
) -> None:
    for param in theirs.get("parameters", []):
        for index, mine in enumerate(ours.get("parameters", [])):
            if mine.get("name") == param["name"] and mine.get("in") == param["in"]:
                at = (*op_path, "parameters", index, "schema")
                pairing.walk(param.get("schema", {}), mine.get("schema", {}), at, "request")


def plan_enum_values(drafter: Drafter, spec: Spec, found: dict[Path, list[str]]) -> None:
    for path, values in found.items():
        current = spec.get(path)
        values = [v for v in values if v not in {str(c) for c in current}]
        if not values:
            continue
        current.extend(values)
        node = node_at(spec.root, path)
        assert isinstance(node, yaml.SequenceNode)
        if node.flow_style:
            end = node.end_mark
            spec.insert_inline(end.line, end.column - 1, "".join(f", {scalar(v)}" for v in values))
        else:
            pad = " " * node.value[0].start_mark.column
            text = "".join(f"{pad[:-2]}- {scalar(v)}\n" for v in values)
            spec.insert_lines(end_line(node, spec.lines), text)
        drafter.changes.append(f"enum values {', '.join(values)} in {'/'.join(map(str, path))}")
        drafter.tags |= tags_using(spec.raw, path)


def add_fields(drafter: Drafter, spec: Spec, found: list[Missing]) -> None:
    done: set[tuple[Path, str]] = set()
    for item in found:
        if (item.target, item.name) in done:
            continue
        done.add((item.target, item.name))
        schema = drafter.house(item.schema, item.context)
        properties = spec.get(item.target)
        properties[item.name] = schema
        column = spec.key_column(item.target)
        lines = list(block({item.name: schema}, column))
        lines[0] = lines[0].rstrip("\n") + "  # draft (api-drift --write)\n"
        spec.append_to_mapping(item.target, "".join(lines))
        if item.required:
            add_required(spec, item.target[:-1], item.name)
        where = "/".join(map(str, item.target[:-1]))
        drafter.changes.append(f"field {item.name} of {where}")
        drafter.tags |= tags_using(spec.raw, item.target)


def add_required(spec: Spec, schema_path: Path, name: str) -> None:
    schema = spec.get(schema_path)
    if "required" not in schema:
        node = node_at(spec.root, (*schema_path, "properties"))
        properties_key = next(k for k, v in node_at(spec.root, schema_path).value if v is node)
        pad = " " * properties_key.start_mark.column
        spec.insert_lines(properties_key.start_mark.line, f"{pad}required: [{scalar(name)}]\n")
        schema["required"] = [name]
        return
    schema["required"].append(name)
    node = node_at(spec.root, (*schema_path, "required"))
    if node.flow_style:
        spec.insert_inline(node.end_mark.line, node.end_mark.column - 1, f", {scalar(name)}")
    else:
        pad = " " * node.value[0].start_mark.column
        spec.insert_lines(end_line(node, spec.lines), f"{pad[:-2]}- {scalar(name)}\n")


def tags_using(raw: dict[str, Any], path: Path) -> set[str]:
    """The tags of the operations whose request or response reaches the node at `path`."""
    if path[0] == "paths":
        operation = raw["paths"][path[1]][path[2]]
        return {str(operation.get("tags", [""])[0])}
    name = str(path[2])
    users = schema_users(raw)
    found: set[str] = set()
    pending, seen = [name], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        found |= users.get(current, (set(), set()))[0]
        pending.extend(users.get(current, (set(), set()))[1])
    return found


def schema_users(raw: dict[str, Any]) -> dict[str, tuple[set[str], set[str]]]:
    """Schema name -> (tags of operations that refer to it, schemas that refer to it)."""
    users: dict[str, tuple[set[str], set[str]]] = {}
    for _method, _path, operation in operations(raw):
        tag = str((operation.get("tags") or [""])[0])
        for name in re.findall(r"#/components/schemas/(\w+)", json.dumps(operation)):
            users.setdefault(name, (set(), set()))[0].add(tag)
    for owner, schema in raw.get("components", {}).get("schemas", {}).items():
        for name in re.findall(r"#/components/schemas/(\w+)", json.dumps(schema)):
            users.setdefault(name, (set(), set()))[1].add(owner)
    return users


def add_operation(drafter: Drafter, spec: Spec, method: str, path: str) -> None:
    theirs = drafter.server["paths"][path][method]
    nearest = nearest_paths(spec.raw, path)
    siblings = [op for p in nearest for _m, q, op in operations(spec.raw) if q == p]
    tag = str((siblings[-1].get("tags") or [""])[0]) if siblings else pascal(path).lower()
    operation = build_operation(drafter, spec, method, path, theirs, tag, siblings)
    item = spec.raw["paths"].setdefault(path, {})
    if item:
        spec.append_to_mapping(("paths", path), "".join(block({method: operation}, 4)))
    else:
        params = [param_ref(drafter, spec, name) for name in path_names(path)]
        body: dict[str, Any] = {"parameters": params} if params else {}
        body[method] = operation
        text = "\n" + "".join(block({path: body}, 2))
        anchor = drafter.anchors.setdefault(path, drafter.anchors.get(nearest[-1], nearest[-1]))
        spec.insert_lines(end_line(node_at(spec.root, ("paths", anchor)), spec.lines), text)
        item["parameters"] = params
    item[method] = operation
    drafter.changes.append(f"operation {operation['operationId']}: {method.upper()} {path}")
    drafter.tags.add(tag)


def nearest_paths(raw: dict[str, Any], path: str) -> list[str]:
    """The spec's paths sharing the longest leading part with `path`, in file order."""
    wanted = segments(path)

    def shared(other: str) -> int:
        count = 0
        for a, b in zip(segments(other), wanted, strict=False):
            if a != b:
                break
            count += 1
        return count

    best = max(shared(p) for p in raw["paths"])
    return [p for p in raw["paths"] if shared(p) == best]


def path_names(path: str) -> list[str]:
    return re.findall(r"{([^}]+)}", path)


def param_ref(drafter: Drafter, spec: Spec, name: str) -> dict[str, Any]:
    """A `components/parameters` reference for path parameter `name` (drafted if new; inline
    when the spec keeps no `components/parameters`)."""
    inline = {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
    if "parameters" not in spec.raw["components"]:
        return inline
    params = spec.raw["components"]["parameters"]
    for key, param in params.items():
        if param.get("name") == name and param.get("in") == "path":
            return {"$ref": f"#/components/parameters/{key}"}
    key = pascal(name)
    params[key] = {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "string", "format": "uuid"},
        DRAFT_KEY: "check the schema",
    }
    column = spec.key_column(("components", "parameters"))
    spec.append_to_mapping(("components", "parameters"), "".join(block({key: params[key]}, column)))
    drafter.changes.append(f"parameter {key}")
    return {"$ref": f"#/components/parameters/{key}"}


def build_operation(
    drafter: Drafter,
    spec: Spec,
    method: str,
    path: str,
    theirs: dict[str, Any],
    tag: str,
    siblings: list[dict[str, Any]],
) -> dict[str, Any]:
    taken = {op.get("operationId") for _m, _p, op in operations(spec.raw)}
    name = fastapi_name(theirs, method, path)
    operation_id = name if name not in taken else f"{name}_draft"
    operation: dict[str, Any] = {"tags": [tag], "operationId": operation_id}
    kinds = {json.dumps(op.get("x-luml-credentials")) for op in siblings}
    if len(kinds) == 1 and siblings and "x-luml-credentials" in siblings[0]:
        operation["x-luml-credentials"] = siblings[0]["x-luml-credentials"]
    summary = str(theirs.get("summary") or name.replace("_", " "))
    operation["summary"] = summary[:1].upper() + summary[1:].lower()
    if theirs.get("description"):
        operation["description"] = theirs["description"]
    operation[DRAFT_KEY] = OP_REVIEW
    query = [p for p in theirs.get("parameters", []) if p.get("in") != "path"]
    if query:
        operation["parameters"] = [query_param(drafter, spec, p) for p in query]
    body = json_schema(theirs.get("requestBody"))
    if body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": drafter.house(body, "request")}},
        }
    operation["responses"] = responses(drafter, path, theirs, bool(query) or body is not None)
    return operation


def query_param(drafter: Drafter, spec: Spec, param: dict[str, Any]) -> dict[str, Any]:
    for key, mine in spec.raw["components"].get("parameters", {}).items():
        if mine.get("name") == param["name"] and mine.get("in") == param["in"]:
            return {"$ref": f"#/components/parameters/{key}"}
    out: dict[str, Any] = {
        "name": param["name"],
        "in": param["in"],
        "required": bool(param.get("required")),
    }
    if param.get("description"):
        out["description"] = param["description"]
    out["schema"] = drafter.house(param.get("schema", {}), "request")
    return out


def responses(
    drafter: Drafter, path: str, theirs: dict[str, Any], takes_input: bool
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    declared = theirs.get("responses") or {}
    for code, response in sorted(declared.items()):
        if not code.startswith("2"):
            continue
        schema = json_schema(response)
        if schema is None:
            out[code] = {"description": "Done."}
            continue
        out[code] = {
            "description": "DRAFT: what the answer holds.",
            "content": {"application/json": {"schema": drafter.house(schema, "response")}},
        }
    errors = {"401", "403"} | {code for code in declared if code[0] in "45"}
    if path_names(path):
        errors.add("404")
    if takes_input or path_names(path):
        errors.add("422")
    for code in sorted(errors):
        if code in STANDARD_ERRORS:
            out[code] = {"$ref": f"#/components/responses/{STANDARD_ERRORS[code]}"}
        else:
            description = str(declared.get(code, {}).get("description") or "An error.")
            out[code] = {"description": description}
    return out


def write_schemas(drafter: Drafter, spec: Spec, known: set[str]) -> None:
    """The new schemas, at the end of components/schemas, under a comment."""
    new = [name for name in drafter.drafted if name not in known]
    if not new:
        return
    column = spec.key_column(("components", "schemas"))
    pad = " " * column
    text = f"\n{pad}# --- drafted by api-drift --write: review the names and the descriptions\n"
    for name in new:
        text += "".join(block({name: drafter.drafted[name]}, column))
    spec.append_to_mapping(("components", "schemas"), text)
