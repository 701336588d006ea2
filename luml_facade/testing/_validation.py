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


class RequestValidationProblem(BadRequestProblem):  # type: ignore[misc]
    """A request that does not match the spec; rendered as FastAPI's 422 body."""

    def __init__(self, errors: list[ErrorItem]) -> None:
        super().__init__(detail=json.dumps(errors))
        self.errors = errors


_TYPE_NAMES = {
    "integer": ("int_parsing", "Input should be a valid integer"),
    "number": ("float_parsing", "Input should be a valid number"),
    "string": ("string_type", "Input should be a valid string"),
    "boolean": ("bool_parsing", "Input should be a valid boolean"),
    "array": ("list_type", "Input should be a valid list"),
    "object": ("dict_type", "Input should be a valid dictionary"),
}


def _enum_text(values: list[Any]) -> str:
    quoted = [f"'{value}'" for value in values]
    if len(quoted) < 2:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + f" or {quoted[-1]}"


def _type_and_msg(error: ValidationError) -> tuple[str, str]:
    """A pydantic-style (type, msg) for a jsonschema error."""
    kind, limit = error.validator, error.validator_value
    simple: dict[str, tuple[str, str]] = {
        "required": ("missing", "Field required"),
        "maximum": ("less_than_equal", f"Input should be less than or equal to {limit}"),
        "minimum": ("greater_than_equal", f"Input should be greater than or equal to {limit}"),
        "pattern": ("string_pattern_mismatch", f"String should match pattern '{limit}'"),
        "minLength": ("string_too_short", f"String should have at least {limit} character"),
        "maxLength": ("string_too_long", f"String should have at most {limit} characters"),
        "minItems": ("too_short", f"List should have at least {limit} items"),
        "maxItems": ("too_long", f"List should have at most {limit} items"),
    }
    if kind in simple:
        return simple[kind]
    if kind == "enum":
        return "enum", f"Input should be {_enum_text(list(limit))}"
    if kind == "type":
        return _TYPE_NAMES.get(str(limit), ("type_error", error.message))
    if kind == "format" and limit == "uuid":
        return "uuid_parsing", "Input should be a valid UUID"
    if kind == "format":
        return f"{limit}_parsing", f"Input should be a valid {limit}"
    return "value_error", error.message


def error_item(location: list[str | int], error: ValidationError) -> ErrorItem:
    """One FastAPI-style error entry for a jsonschema error at ``location``."""
    kind, msg = _type_and_msg(error)
    loc = [*location, *error.absolute_path]
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else None
        if missing is not None:
            loc.append(missing)
    return {"loc": loc, "msg": msg, "type": kind, "input": error.instance}


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
            return [{"loc": [location, name], "msg": "Field required", "type": "missing"}]
        return []
    if is_nullable(param) and is_null(value):
        return []
    validator = Draft4Validator(param.get("schema", param), format_checker=FORMAT_CHECKER)
    found = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    return [error_item([location, name], error) for error in found]


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
        except (ValueError, UnicodeDecodeError) as exc:
            item = {"loc": ["body", 0], "msg": "JSON decode error", "type": "json_invalid"}
            raise RequestValidationProblem([item]) from exc

    def _validate(self, body: Any) -> dict[str, Any] | None:
        if body is None:
            item = {"loc": ["body"], "msg": "Field required", "type": "missing"}
            raise RequestValidationProblem([item])
        found = _leaf_errors(self._validator.iter_errors(body))
        if found:
            found.sort(key=lambda e: [str(part) for part in e.absolute_path])
            raise RequestValidationProblem([error_item(["body"], error) for error in found])
        return None


class StrictJSONResponseValidator(JSONResponseBodyValidator):  # type: ignore[misc]
    """Response validation that also checks ``format: uuid``."""

    @property
    def validator(self) -> Draft4Validator:
        return Draft4ResponseValidator(self._schema, format_checker=FORMAT_CHECKER)

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
