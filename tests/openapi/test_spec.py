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
    assert DELETES and WITH_INPUT


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


def test_rule_or_validation_error_is_the_list_form_first_then_the_string_form() -> None:
    schema = load_spec()["components"]["schemas"]["RuleOrValidationError"]
    assert schema["anyOf"] == [
        {"$ref": "#/components/schemas/HTTPValidationError"},
        {"$ref": "#/components/schemas/ErrorResponse"},
    ]


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_5xx_is_documented_only_as_the_servers_plain_text_failure(op: Operation) -> None:
    for code, response in op.responses.items():
        if code.startswith("5"):
            assert code == "500"
            assert response["content"] == {"text/plain": {"schema": {"type": "string"}}}


@pytest.mark.parametrize("op", [op for op in OPERATIONS if op not in WITH_INPUT], ids=str)
def test_operation_without_input_declares_no_422(op: Operation) -> None:
    # FastAPI's rule, which scripts/api-drift relies on to compare 422 like any other status.
    assert "422" not in op.responses


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_other_4xx_responses_use_error_response(op: Operation) -> None:
    for code, response in op.responses.items():
        if code.startswith("4") and code != "422":
            assert schema_ref(response) == "#/components/schemas/ErrorResponse", code


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_request_bodies_are_required_json(op: Operation) -> None:
    body = op.request_body
    if body is None:
        return
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
        "minimum": 1,
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
        "OpenDeploymentStatus",
        "OpenSatelliteStatus",
        "OpenSatelliteTaskType",
        "OpenSatelliteTaskStatus",
    ],
)
def test_open_enums_accept_any_string(name: str) -> None:
    schema = load_spec()["components"]["schemas"][name]
    variants = schema["anyOf"]
    assert len(variants) == 2
    closed = resolve(variants[0])
    assert closed["type"] == "string" and closed["enum"]
    assert variants[1] == {"type": "string"}


# --- registry: orbit secrets, deployments, satellites, tracks, track entries

REGISTRY_OPERATIONS = {
    "orbit_secrets": {
        ("get", "/secrets"): "list_orbit_secrets",
        ("post", "/secrets"): "create_orbit_secret",
        ("get", "/secrets/{secret_id}"): "get_orbit_secret",
        ("patch", "/secrets/{secret_id}"): "update_orbit_secret",
        ("delete", "/secrets/{secret_id}"): "delete_orbit_secret",
    },
    "deployments": {
        ("get", "/deployments"): "list_deployments",
        ("post", "/deployments"): "create_deployment",
        ("get", "/deployments/{deployment_id}"): "get_deployment",
        ("patch", "/deployments/{deployment_id}"): "update_deployment",
        ("delete", "/deployments/{deployment_id}"): "delete_deployment",
        ("delete", "/deployments/{deployment_id}/force"): "force_delete_deployment",
    },
    "satellites": {
        ("get", "/satellites"): "list_satellites",
        ("post", "/satellites"): "create_satellite",
        ("get", "/satellites/{satellite_id}"): "get_satellite",
        ("patch", "/satellites/{satellite_id}"): "update_satellite",
        ("delete", "/satellites/{satellite_id}"): "delete_satellite",
        ("post", "/satellites/{satellite_id}/api-key"): "regenerate_satellite_api_key",
    },
    "tracks": {
        ("get", "/tracks"): "list_tracks",
        ("post", "/tracks"): "create_track",
        ("get", "/tracks/{track_id}"): "get_track",
        ("patch", "/tracks/{track_id}"): "update_track",
        ("delete", "/tracks/{track_id}"): "delete_track",
        ("get", "/tracks/{track_id}/stages"): "list_track_stages",
    },
    "track_entries": {
        ("get", "/tracks/{track_id}/entries"): "list_track_entries",
        ("post", "/tracks/{track_id}/entries"): "create_track_entry",
        ("delete", "/tracks/{track_id}/entries"): "delete_track_entries",
        ("get", "/tracks/{track_id}/entries/by-stage"): "get_track_entry_by_stage",
        ("get", "/tracks/{track_id}/entries/{entry_id}"): "get_track_entry",
        ("patch", "/tracks/{track_id}/entries/{entry_id}"): "update_track_entry",
        ("delete", "/tracks/{track_id}/entries/{entry_id}"): "delete_track_entry",
    },
}
ORBIT_PREFIX = "/v1/organizations/{organization_id}/orbits/{orbit_id}"


def test_registry_operations_are_the_decided_30_with_their_tags() -> None:
    expected = {
        (method, ORBIT_PREFIX + tail): (tag, operation_id)
        for tag, ops in REGISTRY_OPERATIONS.items()
        for (method, tail), operation_id in ops.items()
    }
    assert len(expected) == 30  # OPERATIONS.md lists 30 rows for spec-registry
    found = {
        (op.method, op.path): (op.tag, op.operation_id)
        for op in OPERATIONS
        if op.tag in REGISTRY_OPERATIONS
    }
    assert found == expected


def test_by_stage_path_comes_before_the_entry_id_path() -> None:
    # Routers match in order: "by-stage" must not be taken for an {entry_id}.
    paths = list(load_spec()["paths"])
    entries = ORBIT_PREFIX + "/tracks/{track_id}/entries"
    assert paths.index(entries + "/by-stage") < paths.index(entries + "/{entry_id}")


@pytest.mark.parametrize(
    ("operation_id", "sort_enum", "values"),
    [
        ("list_tracks", "TrackSortBy", ["name", "description", "total_entries", "created_at"]),
        (
            "list_track_entries",
            "TrackEntrySortBy",
            ["artifact_name", "description", "stage", "version", "created_at"],
        ),
    ],
)
def test_registry_paged_lists_sort_like_the_server(
    operation_id: str, sort_enum: str, values: list[str]
) -> None:
    op = operation(operation_id)
    assert op.param("sort_by")["schema"] == {"$ref": f"#/components/schemas/{sort_enum}"}
    enum = load_spec()["components"]["schemas"][sort_enum]
    assert enum["enum"] == values
    assert enum["default"] == "created_at"
    assert resolve(op.param("order")["schema"]) == {
        "type": "string",
        "enum": ["asc", "desc"],
        "default": "desc",
    }


def test_registry_query_filters() -> None:
    types = operation("list_tracks").param("types")
    assert (types["style"], types["explode"]) == ("form", True)
    assert types["schema"] == {"type": "array", "items": {"type": "string"}}
    assert operation("list_tracks").param("search")["schema"] == {"type": "string"}
    assert operation("list_track_entries").param("stage")["schema"] == {
        "type": "string",
        "format": "uuid",
    }
    stage_id = operation("get_track_entry_by_stage").param("stage_id")
    assert stage_id["required"] is True
    assert stage_id["schema"] == {"type": "string", "format": "uuid"}
    force = operation("update_track_entry").param("force")
    assert force.get("required", False) is False
    assert force["schema"] == {"type": "boolean", "default": False}
    assert operation("list_satellites").param("paired")["schema"] == {"type": "boolean"}


@pytest.mark.parametrize(
    ("schema", "field", "open_enum"),
    [
        ("Deployment", "status", "OpenDeploymentStatus"),
        ("Satellite", "status", "OpenSatelliteStatus"),
        ("SatelliteTask", "type", "OpenSatelliteTaskType"),
        ("SatelliteTask", "status", "OpenSatelliteTaskStatus"),
        ("Track", "artifact_type", "OpenArtifactType"),
    ],
)
def test_registry_response_enums_are_open(schema: str, field: str, open_enum: str) -> None:
    properties = load_spec()["components"]["schemas"][schema]["properties"]
    assert properties[field] == {"$ref": f"#/components/schemas/{open_enum}"}


def test_deployment_status_values_are_the_servers() -> None:
    assert load_spec()["components"]["schemas"]["DeploymentStatus"]["enum"] == [
        "pending",
        "active",
        "failed",
        "deletion_pending",
        "deletion_failed",
        "not_responding",
    ]


@pytest.mark.parametrize(
    ("schema", "field", "limits"),
    [
        ("OrbitSecretCreate", "name", {"maxLength": 255}),
        ("OrbitSecretCreate", "value", {"maxLength": 8192}),
        ("DeploymentCreate", "name", {"maxLength": 100}),
        ("DeploymentCreate", "description", {"maxLength": 1000}),
        ("SatelliteCreate", "name", {"maxLength": 100}),
        ("SatelliteCreate", "description", {"maxLength": 1000}),
        ("TrackEntriesDelete", "entry_ids", {"minItems": 1}),
    ],
)
def test_registry_request_limits_are_the_servers(
    schema: str, field: str, limits: dict[str, int]
) -> None:
    prop = load_spec()["components"]["schemas"][schema]["properties"][field]
    for key, value in limits.items():
        assert prop[key] == value


@pytest.mark.parametrize(
    "schema", ["OrbitSecretCreate", "OrbitSecretUpdate", "DeploymentCreate", "DeploymentUpdate"]
)
def test_tag_lists_hold_at_most_50_tags_of_64_characters(schema: str) -> None:
    assert load_spec()["components"]["schemas"][schema]["properties"]["tags"] == {
        "type": "array",
        "nullable": True,
        "maxItems": 50,
        "items": {"type": "string", "maxLength": 64},
    }


CREDENTIAL_KINDS = {"jwt", "api_key"}


@pytest.mark.parametrize("op", OPERATIONS, ids=str)
def test_credential_restrictions_are_declared_and_documented(op: Operation) -> None:
    kinds = op.raw.get("x-luml-credentials")
    if kinds is None:  # both kinds accepted
        return
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
