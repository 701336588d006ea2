"""scripts/api-drift: what it reports between a server's /openapi.json and our spec (fixtures)."""

from __future__ import annotations

import copy
import importlib.machinery
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_script(file_name: str, module_name: str) -> ModuleType:
    """A script of scripts/ (no .py suffix) as a module."""
    loader = importlib.machinery.SourceFileLoader(module_name, str(ROOT / "scripts" / file_name))
    spec = importlib.util.spec_from_loader(module_name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    loader.exec_module(module)
    return module


drift_tool = load_script("api-drift", "api_drift")


@pytest.fixture
def server() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads((FIXTURES / "server.json").read_text())
    return raw


@pytest.fixture
def ours() -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load((FIXTURES / "spec.yaml").read_text())
    return raw


def notes(server: dict[str, Any], ours: dict[str, Any], **filters: Any) -> dict[str, list[str]]:
    report = drift_tool.drift(server, ours, drift_tool.Filters(**filters))
    return {label: found for label, found in report if found}


def test_matching_documents_have_no_difference(
    server: dict[str, Any], ours: dict[str, Any]
) -> None:
    # Also pins the rules: the spec's list excludes the auth and satellite routes, the path
    # parameter given at path level counts, `notes` nullable vs anyOf-null is no difference,
    # the free-form `extra` is opaque, our 404 is an extra error (not a difference), the
    # discriminator `type` is required only on our side, and our fallback variant OtherIn
    # does not make fields optional.
    assert notes(server, ours) == {}


def test_cli_exit_0_and_a_no_differences_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = drift_tool.main([str(FIXTURES / "server.json"), "--spec", str(FIXTURES / "spec.yaml")])
    assert code == 0
    assert capsys.readouterr().out == "no differences (2 operations compared)\n"


def test_cli_exit_1_and_lists_per_operation(
    tmp_path: Path, server: dict[str, Any], ours: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    del ours["paths"]["/v1/things"]
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(ours))
    server_file = tmp_path / "server.json"
    server_file.write_text(json.dumps(server))

    code = drift_tool.main([str(server_file), "--spec", str(spec)])

    assert code == 1
    assert capsys.readouterr().out.splitlines() == [
        "POST /v1/things",
        "  operation: missing from the spec",
        "1 of 2 operations differ",
    ]


def test_unreadable_source_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.json").write_text("[]")
    assert drift_tool.main([str(tmp_path / "x.json")]) == 2
    assert drift_tool.main([str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_operation_only_in_our_spec(server: dict[str, Any], ours: dict[str, Any]) -> None:
    ours["paths"]["/v1/things/{thing_id}"]["delete"] = {
        "operationId": "delete_thing",
        "responses": {"204": {"description": "gone"}},
    }
    assert notes(server, ours) == {
        "DELETE /v1/things/{thing_id} (delete_thing)": ["operation: in the spec, not on the server"]
    }


def test_parameters_lacking_extra_and_required(
    server: dict[str, Any], ours: dict[str, Any]
) -> None:
    server_params = server["paths"]["/v1/things/{thing_id}"]["get"]["parameters"]
    server_params.append({"name": "limit", "in": "query", "required": True, "schema": {}})
    server_params[1]["required"] = True  # verbose
    our_op = ours["paths"]["/v1/things/{thing_id}"]["get"]
    our_op["parameters"].append({"name": "tags", "in": "query", "schema": {"type": "string"}})

    assert notes(server, ours)["GET /v1/things/{thing_id} (get_thing)"] == [
        "parameter: spec lacks query parameter limit (required)",
        "parameter: spec has extra query parameter tags",
        "parameter: query parameter verbose should be required",
    ]


def test_a_path_parameter_fastapi_leaves_out_still_counts(
    server: dict[str, Any], ours: dict[str, Any]
) -> None:
    server_params = server["paths"]["/v1/things/{thing_id}"]["get"]["parameters"]
    del server_params[0]
    assert notes(server, ours) == {}


def test_response_fields_nested_and_required(server: dict[str, Any], ours: dict[str, Any]) -> None:
    thing = server["components"]["schemas"]["Thing"]
    thing["properties"]["limit"] = {"type": "integer"}
    thing["required"].append("notes")
    server["components"]["schemas"]["User"]["properties"]["photo"] = {"type": "string"}
    ours["components"]["schemas"]["User"]["properties"]["old_field"] = {"type": "string"}

    found = notes(server, ours)
    expected_fields = [
        "response 200: spec lacks field limit (optional)",
        "response 200: field notes should be required",
        "response 200: spec has extra field owner.old_field",
        "response 200: spec lacks field owner.photo (optional)",
    ]
    assert found["GET /v1/things/{thing_id} (get_thing)"] == expected_fields
    # The request body does not use User, so only the response part of POST differs.
    assert found["POST /v1/things (create_thing)"] == expected_fields


def test_free_form_objects_hide_what_is_below(server: dict[str, Any], ours: dict[str, Any]) -> None:
    server["components"]["schemas"]["Thing"]["properties"]["owner"] = {
        "type": "object",
        "additionalProperties": True,
    }
    assert notes(server, ours) == {}


def test_array_items_are_followed(server: dict[str, Any], ours: dict[str, Any]) -> None:
    for doc in (server, ours):
        owner = doc["components"]["schemas"]["Thing"]["properties"]["owner"]
        doc["components"]["schemas"]["Thing"]["properties"]["owner"] = {
            "type": "array",
            "items": owner,
        }
    server["components"]["schemas"]["User"]["required"].append("email")
    found = notes(server, ours)
    assert found["GET /v1/things/{thing_id} (get_thing)"] == [
        "response 200: field owner[].email should be required"
    ]


def test_request_body_union_fields(server: dict[str, Any], ours: dict[str, Any]) -> None:
    server["components"]["schemas"]["AzureIn"]["properties"]["key"] = {"type": "string"}
    ours["components"]["schemas"]["S3In"]["properties"]["lineage"] = {"type": "array"}
    assert notes(server, ours)["POST /v1/things (create_thing)"] == [
        "request body: spec lacks field key (optional)",
        "request body: spec has extra field lineage",
    ]


def test_missing_or_extra_body(server: dict[str, Any], ours: dict[str, Any]) -> None:
    del ours["paths"]["/v1/things"]["post"]["requestBody"]
    server_get = server["paths"]["/v1/things/{thing_id}"]["get"]
    our_get = ours["paths"]["/v1/things/{thing_id}"]["get"]
    our_get["requestBody"] = copy.deepcopy(server["paths"]["/v1/things"]["post"]["requestBody"])
    del server_get  # the server's GET has no body
    found = notes(server, ours)
    assert found["POST /v1/things (create_thing)"] == ["request body: spec lacks the body"]
    assert found["GET /v1/things/{thing_id} (get_thing)"] == [
        "request body: spec has a body the server does not take"
    ]


def test_status_codes(server: dict[str, Any], ours: dict[str, Any]) -> None:
    server_responses = server["paths"]["/v1/things"]["post"]["responses"]
    server_responses["403"] = {"description": "Not enough rights"}
    our_responses = ours["paths"]["/v1/things/{thing_id}"]["get"]["responses"]
    our_responses["204"] = {"description": "also"}
    found = notes(server, ours)
    assert found["POST /v1/things (create_thing)"] == ["status: spec lacks 403"]
    assert found["GET /v1/things/{thing_id} (get_thing)"] == [
        "status: spec has extra success status 204"
    ]


def test_extra_error_codes_are_information_only(
    server: dict[str, Any], ours: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = drift_tool.drift(server, ours, options=drift_tool.Options(show_extra_errors=True))
    shown = {label: found for label, found in report if found}
    assert shown == {
        "GET /v1/things/{thing_id} (get_thing)": [
            "status (info, not a difference): spec also declares 404"
        ]
    }
    _lines, compared, differing = drift_tool.render(report)
    assert (compared, differing) == (2, 0)


def test_422_is_compared_like_any_status(server: dict[str, Any], ours: dict[str, Any]) -> None:
    del ours["paths"]["/v1/things"]["post"]["responses"]["422"]
    assert notes(server, ours)["POST /v1/things (create_thing)"] == ["status: spec lacks 422"]


def test_filters_by_tag_path_prefix_and_exclusion(
    server: dict[str, Any], ours: dict[str, Any]
) -> None:
    del ours["paths"]["/v1/things"]
    everything = notes(server, ours)
    assert list(everything) == ["POST /v1/things"]
    # An operation missing from our spec has no tag of ours: a tag filter leaves it out.
    assert notes(server, ours, tags=["things"]) == {}
    assert list(notes(server, ours, path_prefixes=["/v1/things"])) == ["POST /v1/things"]
    assert notes(server, ours, exclude=[r"^/v1/things$"]) == {}


def test_the_exclusion_list_of_the_spec_is_honoured(
    server: dict[str, Any], ours: dict[str, Any]
) -> None:
    ours["x-luml-excluded"]["POST /v1/things"] = "made up for the test"
    del ours["paths"]["/v1/things"]
    assert notes(server, ours) == {}
    # A method names one operation only; without the entries everything is in scope.
    ours["x-luml-excluded"] = {"GET /v1/things": "not this one"}
    assert list(notes(server, ours)) == [
        "POST /satellites/v1/pair",
        "POST /v1/auth/signin",
        "POST /v1/things",
    ]


def test_an_operation_of_the_spec_is_compared_even_when_a_rule_matches(
    server: dict[str, Any], ours: dict[str, Any]
) -> None:
    ours["x-luml-excluded"]["/v1/things*"] = "too broad"
    server["components"]["schemas"]["Thing"]["properties"]["limit"] = {"type": "integer"}
    assert "POST /v1/things (create_thing)" in notes(server, ours)


def test_an_exclusion_needs_a_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = yaml.safe_load((FIXTURES / "spec.yaml").read_text())
    spec["x-luml-excluded"]["/v1/stats/*"] = ""
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(spec))
    code = drift_tool.main([str(FIXTURES / "server.json"), "--spec", str(tmp_path / "spec.yaml")])
    assert code == 2
    assert "'/v1/stats/*' needs a reason" in capsys.readouterr().err


def test_exclusions_are_counted_and_stale_ones_shown(
    server: dict[str, Any], ours: dict[str, Any]
) -> None:
    ours["x-luml-excluded"]["POST /v1/stats/email-send"] = "internal"
    assert drift_tool.exclusion_lines(server, ours) == [
        "(info) x-luml-excluded '/v1/auth/*': 1 operation(s) left out",
        "(info) x-luml-excluded '/satellites/*': 1 operation(s) left out",
        "(info) x-luml-excluded 'POST /v1/stats/email-send' matches nothing on this server",
    ]


def test_enum_values_are_compared(server: dict[str, Any], ours: dict[str, Any]) -> None:
    server["components"]["schemas"]["Thing"]["properties"]["state"] = {
        "$ref": "#/components/schemas/State"
    }
    server["components"]["schemas"]["State"] = {"type": "string", "enum": ["on", "off", "new"]}
    ours["components"]["schemas"]["Thing"]["properties"]["state"] = {
        "anyOf": [{"$ref": "#/components/schemas/State"}, {"type": "string"}]
    }
    ours["components"]["schemas"]["State"] = {"type": "string", "enum": ["on", "off", "gone"]}
    assert notes(server, ours)["GET /v1/things/{thing_id} (get_thing)"] == [
        "response 200: field state: spec lacks enum value(s) new",
        "response 200: field state: spec has extra enum value(s) gone",
    ]
    # YAML reads a plain `off` as false: that is flagged, not taken for "off".
    ours["components"]["schemas"]["State"]["enum"] = ["on", False, "new"]
    assert notes(server, ours)["GET /v1/things/{thing_id} (get_thing)"] == [
        "response 200: field state: spec lacks enum value(s) off",
        "response 200: field state: spec has extra enum value(s) False (not a string: quote it)",
    ]


def test_a_field_kept_as_a_plain_string_is_not_compared(
    server: dict[str, Any], ours: dict[str, Any]
) -> None:
    server["components"]["schemas"]["Thing"]["properties"]["state"] = {
        "type": "string",
        "enum": ["on"],
    }
    ours["components"]["schemas"]["Thing"]["properties"]["state"] = {"type": "string"}
    assert notes(server, ours) == {}


def test_parameter_enum_values_are_compared(server: dict[str, Any], ours: dict[str, Any]) -> None:
    server_params = server["paths"]["/v1/things/{thing_id}"]["get"]["parameters"]
    server_params.append(
        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["a", "b"]}}
    )
    ours["paths"]["/v1/things/{thing_id}"]["get"]["parameters"].append(
        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["a"]}}
    )
    assert notes(server, ours)["GET /v1/things/{thing_id} (get_thing)"] == [
        "parameter: query parameter sort: spec lacks enum value(s) b"
    ]


def test_our_spec_against_a_server_document_made_from_it() -> None:
    # Sanity check on the real spec: compared with itself it has no difference.
    ours = drift_tool.load_document(str(ROOT / "openapi.yaml"))
    report = drift_tool.drift(copy.deepcopy(ours), ours)
    assert [label for label, found in report if found] == []
    assert len(report) >= 49
