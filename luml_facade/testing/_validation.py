"""Connexion validators that report failures the way FastAPI does (422 with loc/msg/type)."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterable
from typing import Any

from connexion.datastructures import MediaTypeDict
from connexion.exceptions import BadRequestProblem, NonConformingResponseBody
from connexion.json_schema import Draft4RequestValidator, Draft4ResponseValidator
from connexion.lifecycle import ConnexionRequest
from connexion.utils import is_null, is_nullable
from connexion.validators import (
    VALIDATOR_MAP,
    JSONRequestBodyValidator,
    JSONResponseBodyValidator,
    ParameterValidator,
)
from jsonschema import (  # type: ignore[import-untyped]
    Draft4Validator,
    FormatChecker,
    ValidationError,
)
from jsonschema.validators import extend  # type: ignore[import-untyped]

ErrorItem = dict[str, Any]


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


FORMAT_CHECKER: FormatChecker = copy.deepcopy(Draft4Validator.FORMAT_CHECKER)
FORMAT_CHECKER.checks("uuid")(_is_uuid)


_OBJECT_MSG = "Input should be a valid dictionary or object to extract fields from"


class RequestValidationProblem(BadRequestProblem):  # type: ignore[misc]
    """A request that does not match the spec; rendered as FastAPI's 422 body."""

    def __init__(self, errors: list[ErrorItem]) -> None:
        super().__init__(detail=json.dumps(errors))
        self.errors = errors


_TYPE_NAMES = {
    "integer": ("int_type", "Input should be a valid integer"),
    "number": ("float_type", "Input should be a valid number"),
    "string": ("string_type", "Input should be a valid string"),
    "boolean": ("bool_type", "Input should be a valid boolean"),
    "array": ("list_type", "Input should be a valid list"),
    "object": ("model_attributes_type", _OBJECT_MSG),
}
# pydantic's text when a string does not parse as the wanted type (query values, lax JSON)
_PARSING = {
    "integer": (
        "int_parsing",
        "Input should be a valid integer, unable to parse string as an integer",
    ),
    "number": (
        "float_parsing",
        "Input should be a valid number, unable to parse string as a number",
    ),
    "boolean": ("bool_parsing", "Input should be a valid boolean, unable to interpret input"),
}
UUID_CHARS = set("0123456789abcdefABCDEF-")


def _enum_text(values: list[Any]) -> str:
    quoted = [f"'{value}'" for value in values]
    if len(quoted) < 2:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + f" or {quoted[-1]}"


def _plural(count: Any, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def uuid_error(value: str) -> str:
    """The uuid crate's reason (as pydantic of the real server words it) for a bad UUID."""
    text = value.removeprefix("urn:uuid:")
    offset = len(value) - len(text)
    for index, char in enumerate(text):
        if char not in UUID_CHARS:
            return (
                "invalid character: expected an optional prefix of `urn:uuid:` followed by "
                f"[0-9a-fA-F-], found `{char}` at {index + offset + 1}"
            )
    groups = text.split("-")
    if len(groups) == 1:
        return f"invalid length: expected length 32 for simple format, found {len(text)}"
    if len(groups) != 5:
        return f"invalid group count: expected 5, found {len(groups)}"
    for number, (group, wanted) in enumerate(zip(groups, (8, 4, 4, 4, 12), strict=True)):
        if len(group) != wanted:
            return f"invalid group length in group {number}: expected {wanted}, found {len(group)}"
    return "invalid format"


def _email_reason(value: str) -> str:
    if "@" not in value:
        return "An email address must have an @-sign."
    if not value.split("@", 1)[0]:
        return "There must be something before the @-sign."
    return "The part after the @-sign is not valid. It should have a period."


def _bounds(kind: str, limit: Any, error: ValidationError) -> tuple[str, str, dict[str, Any]]:
    exclusive = bool(error.schema.get(f"exclusive{kind.capitalize()}"))
    if kind == "maximum":
        if exclusive:
            return "less_than", f"Input should be less than {limit}", {"lt": limit}
        return "less_than_equal", f"Input should be less than or equal to {limit}", {"le": limit}
    if exclusive:
        return "greater_than", f"Input should be greater than {limit}", {"gt": limit}
    return (
        "greater_than_equal",
        f"Input should be greater than or equal to {limit}",
        {"ge": limit},
    )


def _type_and_msg(error: ValidationError) -> tuple[str, str, dict[str, Any] | None]:
    """A pydantic-style (type, msg, ctx) for a jsonschema error."""
    kind, limit, value = error.validator, error.validator_value, error.instance
    custom = error.schema.get("x-pydantic-error") if isinstance(error.schema, dict) else None
    if custom:
        return custom["type"], custom["msg"], custom.get("ctx")
    if kind == "required":
        return "missing", "Field required", None
    if kind in ("maximum", "minimum"):
        return _bounds(kind, limit, error)
    if kind == "pattern":
        return (
            "string_pattern_mismatch",
            f"String should match pattern '{limit}'",
            {"pattern": limit},
        )
    if kind in ("minLength", "maxLength"):
        word = "least" if kind == "minLength" else "most"
        key = "min_length" if kind == "minLength" else "max_length"
        kind_name = "string_too_short" if kind == "minLength" else "string_too_long"
        msg = f"String should have at {word} {_plural(limit, 'character')}"
        return kind_name, msg, {key: limit}
    if kind in ("minItems", "maxItems"):
        word = "least" if kind == "minItems" else "most"
        key = "min_length" if kind == "minItems" else "max_length"
        count = _plural(limit, "item")
        msg = f"List should have at {word} {count} after validation, not {len(value)}"
        ctx = {"field_type": "List", key: limit, "actual_length": len(value)}
        return ("too_short" if kind == "minItems" else "too_long"), msg, ctx
    if kind == "enum":
        literal = error.schema.get("x-pydantic-literal")
        if literal:
            return "literal_error", f"Input should be {literal}", {"expected": literal}
        expected = _enum_text(list(limit))
        return "enum", f"Input should be {expected}", {"expected": expected}
    if kind == "type":
        if isinstance(value, str) and str(limit) in _PARSING:
            kind_name, msg = _PARSING[str(limit)]
            return kind_name, msg, None
        kind_name, msg = _TYPE_NAMES.get(str(limit), ("type_error", error.message))
        return kind_name, msg, None
    if kind == "format" and limit == "uuid":
        reason = uuid_error(str(value))
        return "uuid_parsing", f"Input should be a valid UUID, {reason}", {"error": reason}
    if kind == "format" and limit == "email":
        reason = _email_reason(str(value))
        msg = f"value is not a valid email address: {reason}"
        return "value_error", msg, {"reason": reason}
    if kind == "format":
        return f"{limit}_parsing", f"Input should be a valid {limit}", None
    return "value_error", error.message, None


def error_item(
    location: list[str | int],
    error: ValidationError,
    *,
    raw_input: bool = False,
    relative: bool = False,
) -> ErrorItem:
    """One FastAPI-style error entry for a jsonschema error at ``location``.

    ``raw_input``: the value came from a path or query string, so ``input`` is the text sent.
    ``relative``: ``location`` already holds the error's parents (a union branch's errors).
    """
    kind, msg, ctx = _type_and_msg(error)
    loc = [*location, *(error.relative_path if relative else error.absolute_path)]
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else None
        if missing is not None:
            loc.append(missing)
    value = error.instance
    if raw_input and isinstance(value, bool):
        value = str(value).lower()
    elif raw_input and isinstance(value, int | float):
        value = str(value)
    item: ErrorItem = {"type": kind, "loc": loc, "msg": msg, "input": value}
    if ctx is not None:
        item["ctx"] = ctx
    return item


def _branch_title(schema: dict[str, Any]) -> str | None:
    title = schema.get("title")
    return str(title) if title else None


def _union_items(location: list[str | int], error: ValidationError) -> list[ErrorItem] | None:
    """pydantic's errors for a failed oneOf/anyOf: a discriminated union names the tag (or
    says it is missing/unknown), a plain union reports every branch under its title."""
    schema, value = error.schema, error.instance
    here = [*location, *error.absolute_path]
    discriminator = schema.get("discriminator")
    if discriminator and isinstance(value, dict):
        name = discriminator["propertyName"]
        ctx: dict[str, Any] = {"discriminator": f"'{name}'"}
        if name not in value:
            msg = f"Unable to extract tag using discriminator '{name}'"
            return [
                {"type": "union_tag_not_found", "loc": here, "msg": msg, "input": value, "ctx": ctx}
            ]
        tag = value[name]
        if str(tag) not in discriminator.get("mapping", {}):
            expected = schema.get("x-pydantic-expected-tags") or ", ".join(
                f"'{key}'" for key in discriminator.get("mapping", {})
            )
            msg = (
                f"Input tag '{tag}' found using '{name}' does not match any of the expected "
                f"tags: {expected}"
            )
            ctx = {**ctx, "tag": str(tag), "expected_tags": expected}
            return [
                {"type": "union_tag_invalid", "loc": here, "msg": msg, "input": value, "ctx": ctx}
            ]
        branch = _branch_index(schema, discriminator["mapping"][str(tag)], tag, name)
        subs = [sub for sub in error.context or [] if sub.schema_path[0] == branch]
        return _items_under([*here, str(tag)], subs)
    titles = [_branch_title(branch) for branch in schema.get(str(error.validator), [])]
    if titles and all(titles):
        items: list[ErrorItem] = []
        for index, title in enumerate(titles):
            subs = [sub for sub in error.context or [] if sub.schema_path[0] == index]
            items.extend(_items_under([*here, str(title)], subs))
        return items
    return None


def _branch_index(schema: dict[str, Any], _ref: str, tag: Any, name: str) -> int:
    """Which oneOf branch the tag selects (connexion has resolved the $refs)."""
    for index, branch in enumerate(schema.get("oneOf") or schema.get("anyOf") or []):
        enum = branch.get("properties", {}).get(name, {})
        values = enum.get("enum") or [
            item for part in enum.get("allOf", []) for item in part.get("enum", [])
        ]
        if tag in values:
            return index
    return 0


def _items_under(location: list[str | int], errors: Iterable[ValidationError]) -> list[ErrorItem]:
    """Error items for sub-errors of a union branch, placed under ``location``."""
    items: list[ErrorItem] = []
    ordered = sorted(errors, key=lambda e: [str(part) for part in e.relative_path])
    for sub in ordered:
        items.append(error_item(location, sub, relative=True))
    return items


def body_errors(errors: Iterable[ValidationError], schema: dict[str, Any]) -> list[ErrorItem]:
    """Every body error, unions expanded the way pydantic reports them, in the order of the
    schema's properties (pydantic's field order)."""
    items: list[ErrorItem] = []
    leaves: list[ValidationError] = []
    for error in errors:
        if error.validator in ("oneOf", "anyOf") and error.context:
            found = _union_items(["body"], error)
            if found is not None:
                items.extend(found)
                continue
        leaves.extend(_leaf_errors([error]))
    items.extend(error_item(["body"], error) for error in leaves)
    fields = list(schema.get("properties", {}))

    def position(item: ErrorItem) -> int:
        loc = item["loc"]
        return fields.index(loc[1]) if len(loc) > 1 and loc[1] in fields else len(fields)

    items.sort(key=position)
    return items


def _leaf_errors(errors: Iterable[ValidationError]) -> list[ValidationError]:
    """Descend into oneOf/anyOf failures to the errors of the best-matching branch."""
    leaves: list[ValidationError] = []
    for error in errors:
        if error.validator in ("oneOf", "anyOf") and error.context:
            best = min(error.context, key=lambda sub: len(list(sub.context or [])))
            branch = [sub for sub in error.context if sub.schema_path[0] == best.schema_path[0]]
            leaves.extend(_leaf_errors(branch))
        else:
            leaves.append(error)
    return leaves


class FastApiParameterValidator(ParameterValidator):  # type: ignore[misc]
    """Validates path/query/header parameters and collects every failure."""

    def validate_request(self, request: ConnexionRequest) -> None:
        errors: list[ErrorItem] = []
        sources = {
            "query": request.query_params,
            "path": request.path_params,
            "header": request.headers,
            "cookie": request.cookies,
        }
        for location, values in sources.items():
            for param in self.parameters.get(location, []):
                errors.extend(_check_parameter(location, param, values.get(param["name"])))
        if errors:
            raise RequestValidationProblem(errors)


def _check_parameter(location: str, param: dict[str, Any], value: Any) -> list[ErrorItem]:
    name = param["name"]
    if value is None:
        if param.get("required"):
            item = {"type": "missing", "loc": [location, name], "msg": "Field required"}
            return [{**item, "input": None}]
        return []
    if is_nullable(param) and is_null(value):
        return []
    validator = Draft4Validator(param.get("schema", param), format_checker=FORMAT_CHECKER)
    found = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    raw = location in ("query", "path")
    return [error_item([location, name], error, raw_input=raw) for error in found]


class FastApiJSONBodyValidator(JSONRequestBodyValidator):  # type: ignore[misc]
    """Validates a JSON body and reports every failure with its ``["body", ...]`` location."""

    @property
    def _validator(self) -> Draft4Validator:
        return Draft4RequestValidator(self._schema, format_checker=FORMAT_CHECKER)

    async def _parse(self, stream: Any, scope: Any) -> Any:
        raw = b"".join([chunk async for chunk in stream])
        if not raw:
            return None
        try:
            return json.loads(raw.decode(self._encoding))
        except json.JSONDecodeError as exc:
            item = {
                "type": "json_invalid",
                "loc": ["body", exc.pos],
                "msg": "JSON decode error",
                "input": {},
                "ctx": {"error": exc.msg},
            }
            raise RequestValidationProblem([item]) from exc
        except (ValueError, UnicodeDecodeError) as exc:
            item = {
                "type": "json_invalid",
                "loc": ["body", 0],
                "msg": "JSON decode error",
                "input": {},
                "ctx": {"error": str(exc)},
            }
            raise RequestValidationProblem([item]) from exc

    def _validate(self, body: Any) -> dict[str, Any] | None:
        if body is None:
            item = {"type": "missing", "loc": ["body"], "msg": "Field required", "input": None}
            raise RequestValidationProblem([item])
        found = body_errors(self._validator.iter_errors(body), self._schema)
        if found:
            raise RequestValidationProblem(found)
        return None


def _nullable_all_of(validator: Any, all_of: Any, instance: Any, schema: dict[str, Any]) -> Any:
    """``allOf`` that lets null through when the schema says ``nullable: true`` (OpenAPI 3.0's
    way to make a ``$ref`` nullable)."""
    if instance is None and schema.get("nullable"):
        return
    for index, subschema in enumerate(all_of):
        yield from validator.descend(instance, subschema, schema_path=index)


_ResponseValidator = extend(Draft4ResponseValidator, {"allOf": _nullable_all_of})


class StrictJSONResponseValidator(JSONResponseBodyValidator):  # type: ignore[misc]
    """Response validation that also checks ``format: uuid``."""

    @property
    def validator(self) -> Draft4Validator:
        return _ResponseValidator(self._schema, format_checker=FORMAT_CHECKER)

    def _validate(self, body: Any) -> None:
        try:
            self.validator.validate(body)
        except ValidationError as exc:
            path = "/".join(str(part) for part in exc.absolute_path)
            detail = f"Response body does not conform to specification at '{path}': {exc.message}"
            raise NonConformingResponseBody(detail=detail) from exc


def validator_map() -> dict[str, Any]:
    """Connexion's validator map with the FastAPI-style request validators."""
    return {
        "parameter": FastApiParameterValidator,
        "body": MediaTypeDict({"*/*json": FastApiJSONBodyValidator}),
        "response": MediaTypeDict(
            {**dict(VALIDATOR_MAP["response"]), "*/*json": StrictJSONResponseValidator}
        ),
    }
