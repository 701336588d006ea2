"""openapi.yaml is a valid OpenAPI 3.0 document that follows the rules the client relies on."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator, validate

from ._spec import Operation, load_spec, operation, operations, resolve

EXPECTED_TAGS = {
    "organizations",
    "organization_members",
    "organization_invitations",
    "users",
    "bucket_secrets",
    "orbits",
    "orbit_members",
    "orbit_secrets",
    "collections",
    "artifacts",
    "deployments",
    "satellites",
    "tracks",
    "track_entries",
}
OPERATIONS = operations()
WITH_INPUT = [op for op in OPERATIONS if op.parameters or op.request_body is not None]
DELETES = [op for op in OPERATIONS if op.method == "delete"]
WITH_BODY = [op for op in OPERATIONS if op.request_body is not None]
# Operations that accept only one kind of credential (the others accept both).
RESTRICTED = [op for op in OPERATIONS if "x-luml-credentials" in op.raw]
PAGED_LISTS = ["list_collections", "list_artifacts", "list_tracks", "list_track_entries"]


def schema_ref(response: dict[str, Any]) -> str | None:
    schema = (response.get("content") or {}).get("application/json", {}).get("schema", {})
    ref = schema.get("$ref")
    return ref if isinstance(ref, str) else None


def test_spec_validates_as_openapi_3_0() -> None:
    spec = load_spec()
    assert str(spec["openapi"]).startswith("3.0.")
    validate(spec, cls=OpenAPIV30SpecValidator)


def test_spec_has_operations() -> None:
    # Guard for the parametrized tests below: an empty walk would make them pass vacuously.
    assert len(OPERATIONS) >= 25
    assert DELETES and WITH_INPUT and WITH_BODY and RESTRICTED


def test_operation_ids_are_present_and_unique() -> None:
    ids = [op.raw.get("operationId") for op in OPERATIONS]
    assert all(isinstance(i, str) and re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids), ids
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert duplicates == []


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_operation_has_exactly_one_declared_tag(op: Operation) -> None:
    tags = op.raw.get("tags")
    assert isinstance(tags, list) and len(tags) == 1, f"{op.operation_id}: tags={tags!r}"
    assert tags[0] in EXPECTED_TAGS


def test_declared_tags_are_the_resource_groups_and_all_used() -> None:
    declared = [t["name"] for t in load_spec()["tags"]]
    assert sorted(declared) == sorted(EXPECTED_TAGS)
    assert {op.tag for op in OPERATIONS} <= EXPECTED_TAGS


def test_every_path_starts_with_v1() -> None:
    paths = list(load_spec()["paths"])
    assert paths
    assert [p for p in paths if not p.startswith("/v1/")] == []


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_path_template_matches_declared_path_parameters(op: Operation) -> None:
    in_template = re.findall(r"{([^}]+)}", op.path)
    assert sorted(in_template) == sorted(op.path_params)
    for name in op.path_params:
        param = op.param(name)
        assert param["required"] is True
        assert param["schema"] == {"type": "string", "format": "uuid"}


def test_security_is_http_bearer_applied_globally() -> None:
    spec = load_spec()
    schemes = spec["components"]["securitySchemes"]
    assert len(schemes) == 1
    ((name, scheme),) = schemes.items()
    assert scheme["type"] == "http"
    assert scheme["scheme"].lower() == "bearer"
    assert spec["security"] == [{name: []}]
    # No operation opts out of (or replaces) the global requirement.
    assert [op.operation_id for op in OPERATIONS if "security" in op.raw] == []


# The server's two exceptions: asking for a deployment's deletion answers the queued undeploy
# task (200), and the batch delete of track entries takes the ids in a body.
DELETE_WITH_200 = {"delete_deployment": "#/components/schemas/SatelliteTask"}
DELETE_WITH_BODY = {"delete_track_entries": "#/components/schemas/TrackEntriesDelete"}
# Operations whose 422 is a list (validation) or a string (a rule of the server).
RULE_422 = {"update_track", "create_track_entry", "update_track_entry"}


@pytest.mark.parametrize("op", DELETES, ids=str)
def test_delete_documents_204_without_body(op: Operation) -> None:
    responses = op.responses
    success = sorted(code for code in responses if code.startswith("2"))
    if op.operation_id in DELETE_WITH_200:
        assert success == ["200"]
        assert schema_ref(responses["200"]) == DELETE_WITH_200[op.operation_id]
    else:
        assert success == ["204"]
        assert "content" not in responses["204"]
    body = op.request_body
    if op.operation_id in DELETE_WITH_BODY:
        assert body is not None
        assert body["content"]["application/json"]["schema"] == {
            "$ref": DELETE_WITH_BODY[op.operation_id]
        }
    else:
        assert body is None


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_every_operation_documents_401_as_error_response(op: Operation) -> None:
    responses = op.responses
    assert "401" in responses
    assert schema_ref(responses["401"]) == "#/components/schemas/ErrorResponse"


@pytest.mark.parametrize("op", WITH_INPUT, ids=str)
def test_operation_with_input_documents_422_as_validation_error(op: Operation) -> None:
    responses = op.responses
    assert "422" in responses
    expected = "RuleOrValidationError" if op.operation_id in RULE_422 else "HTTPValidationError"
    assert schema_ref(responses["422"]) == f"#/components/schemas/{expected}"


@pytest.mark.parametrize("op", [op for op in OPERATIONS if op not in WITH_INPUT], ids=str)
def test_operation_without_input_declares_no_422(op: Operation) -> None:
    # FastAPI's rule, which scripts/api-drift relies on to compare 422 like any other status.
    assert "422" not in op.responses


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_other_4xx_responses_use_error_response(op: Operation) -> None:
    for code, response in op.responses.items():
        if code.startswith("4") and code != "422":
            assert schema_ref(response) == "#/components/schemas/ErrorResponse", code


@pytest.mark.parametrize("op", WITH_BODY, ids=str)
def test_request_bodies_are_required_json(op: Operation) -> None:
    body = op.request_body
    assert body is not None
    assert body["required"] is True
    assert list(body["content"]) == ["application/json"]


def test_paged_list_endpoints_are_the_collection_and_artifact_lists() -> None:
    lists = sorted(
        op.operation_id
        for op in OPERATIONS
        if op.tag in {"collections", "artifacts"} and op.operation_id.startswith("list_")
    )
    assert lists == sorted(PAGED_LISTS[:2])


@pytest.mark.parametrize("operation_id", PAGED_LISTS)
def test_paged_list_limit_is_1_to_100_default_50(operation_id: str) -> None:
    limit = operation(operation_id).param("limit")
    assert limit["in"] == "query"
    assert limit.get("required", False) is False
    assert resolve(limit["schema"]) == {
        "type": "integer",
        "minimum": 0,
        "exclusiveMinimum": True,  # Query(gt=0): 0 -> 422 greater_than
        "maximum": 100,
        "default": 50,
    }


@pytest.mark.parametrize("operation_id", PAGED_LISTS)
def test_paged_list_takes_a_cursor_and_returns_one(operation_id: str) -> None:
    op = operation(operation_id)
    cursor = op.param("cursor")
    assert cursor["in"] == "query"
    assert resolve(cursor["schema"]) == {"type": "string"}
    page = resolve(op.responses["200"]["content"]["application/json"]["schema"])
    # The track lists' pydantic models give `cursor` a default: the server does not require it.
    required = {"items"} if operation_id in PAGED_LISTS[2:] else {"items", "cursor"}
    assert set(page["required"]) == required
    assert page["properties"]["cursor"] == {"type": "string", "nullable": True}


@pytest.mark.parametrize(
    ("operation_id", "name", "items"),
    [
        ("list_artifacts", "types", {"$ref": "#/components/schemas/ArtifactType"}),
        ("list_artifacts", "collection_ids", {"type": "string", "format": "uuid"}),
        ("list_collections", "types", {"$ref": "#/components/schemas/CollectionTypeFilter"}),
        ("list_artifacts", "excluded_tracks", {"type": "string", "format": "uuid"}),
    ],
)
def test_multi_value_query_params_are_exploded_form_arrays(
    operation_id: str, name: str, items: dict[str, Any]
) -> None:
    param = operation(operation_id).param(name)
    assert param["in"] == "query"
    assert param.get("required", False) is False
    # Written out explicitly (these are also the query defaults): `?types=a&types=b`.
    assert param["style"] == "form"
    assert param["explode"] is True
    assert param["schema"] == {"type": "array", "items": items}


def test_artifact_type_filter_values() -> None:
    assert resolve({"$ref": "#/components/schemas/ArtifactType"})["enum"] == [
        "model",
        "experiment",
        "dataset",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "OpenOrgRole",
        "OpenOrbitRole",
        "OpenCollectionType",
        "OpenArtifactType",
        "OpenArtifactStatus",
    ],
)
def test_open_enums_accept_any_string(name: str) -> None:
    schema = load_spec()["components"]["schemas"][name]
    variants = schema["anyOf"]
    assert len(variants) == 2
    closed = resolve(variants[0])
    assert closed["type"] == "string" and closed["enum"]
    assert variants[1] == {"type": "string"}


CREDENTIAL_KINDS = {"jwt", "api_key"}


@pytest.mark.parametrize("op", RESTRICTED, ids=str)
def test_credential_restrictions_are_declared_and_documented(op: Operation) -> None:
    kinds = op.raw["x-luml-credentials"]
    assert isinstance(kinds, list) and len(kinds) == 1 and kinds[0] in CREDENTIAL_KINDS
    assert "403" in op.responses
    text = op.raw.get("description", "")
    assert ("JWT" in text) if kinds == ["jwt"] else ("API keys only" in text)


def test_jwt_only_operations_are_the_servers() -> None:
    jwt_only = {op.operation_id for op in OPERATIONS if op.raw.get("x-luml-credentials") == ["jwt"]}
    assert {
        "get_organization",
        "create_organization",
        "update_organization",
        "delete_organization",
        "leave_organization",
        "list_my_invitations",
        "create_api_key",
        "delete_api_key",
        "list_orbit_members",
    } <= jwt_only
    assert {
        op.operation_id
        for op in OPERATIONS
        if op.tag in {"organization_members", "organization_invitations", "orbit_members"}
    } <= jwt_only
    assert "list_my_organizations" not in jwt_only
