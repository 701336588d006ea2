"""`scripts/api-drift --write`: the draft it adds to openapi.yaml for a server change.

The change is the public server's branch feat/monitoring-frontend (its deployment routes, in
fixtures/monitoring-server.json): `monitoring_mode` on deployments, two monitoring routes, the
`reconcile` task type, and an internal route the spec's x-luml-excluded list leaves out.
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from connexion.json_schema import Draft4ResponseValidator

from .test_api_drift import FIXTURES, ROOT, drift_tool

sys.path.insert(0, str(ROOT / "scripts"))
import api_draft  # a script module beside api-drift

MONITORING = FIXTURES / "monitoring-server.json"
DEPLOYMENT = "/v1/organizations/{organization_id}/orbits/{orbit_id}/deployments/{deployment_id}"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """openapi.yaml before and after `api-drift monitoring-server.json --write`."""
    spec = tmp_path_factory.mktemp("draft") / "openapi.yaml"
    before = (ROOT / "openapi.yaml").read_text()
    if "monitoring_mode" in before:
        pytest.skip("openapi.yaml has the monitoring change already: nothing left to draft")
    spec.write_text(before)
    assert drift_tool.main([str(MONITORING), "--spec", str(spec), "--write"]) == 0
    return before, spec.read_text()


def operations_of(doc: dict[str, Any], prefix: str) -> dict[str, dict[str, Any]]:
    return {
        op["operationId"]: op
        for path, item in doc["paths"].items()
        if path.startswith(prefix)
        for method, op in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    }


def test_it_only_adds_lines(written: tuple[str, str]) -> None:
    before, after = written
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    removed = [line for line in diff if line.startswith("- ")]
    changed = [line for line in removed if line[2:].strip()]
    # Flow lists grow in place (`enum: [deploy, undeploy]` -> `[deploy, undeploy, reconcile]`).
    assert changed == ["-       enum: [deploy, undeploy]"]


def test_after_the_draft_the_server_and_the_spec_agree(written: tuple[str, str]) -> None:
    server = json.loads(MONITORING.read_text())
    ours = yaml.safe_load(written[1])
    report = drift_tool.drift(server, ours, drift_tool.Filters(path_prefixes=[DEPLOYMENT[:48]]))
    differences = {
        label: notes
        for label, notes in report
        if notes and notes != ["operation: in the spec, not on the server"]
    }
    assert differences == {}


def test_new_operations_in_the_house_style(written: tuple[str, str]) -> None:
    ours = yaml.safe_load(written[1])
    new = operations_of(ours, f"{DEPLOYMENT}/monitoring")
    assert sorted(new) == ["get_monitoring_eligibility", "mint_monitoring_launch_token"]
    eligibility = new["get_monitoring_eligibility"]
    assert eligibility["tags"] == ["deployments"]
    assert eligibility["summary"] == "Get monitoring eligibility"
    assert "x-luml-draft" in eligibility and "x-luml-credentials" not in eligibility
    responses = eligibility["responses"]
    assert sorted(responses) == ["200", "401", "403", "404", "422"]
    assert responses["404"] == {"$ref": "#/components/responses/NotFound"}
    schema = responses["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/MonitoringEligibility"}
    path_item = ours["paths"][f"{DEPLOYMENT}/monitoring/eligibility"]
    assert path_item["parameters"] == [
        {"$ref": "#/components/parameters/OrganizationId"},
        {"$ref": "#/components/parameters/OrbitId"},
        {"$ref": "#/components/parameters/DeploymentId"},
    ]
    assert "/v1/stats/email-send" not in ours["paths"]  # x-luml-excluded


def test_new_fields_open_enums_and_enum_values(written: tuple[str, str]) -> None:
    schemas = yaml.safe_load(written[1])["components"]["schemas"]
    response_field = {"$ref": "#/components/schemas/OpenMonitoringMode"}
    assert schemas["Deployment"]["properties"]["monitoring_mode"] == response_field
    request_field = {"$ref": "#/components/schemas/MonitoringMode"}
    assert schemas["DeploymentCreate"]["properties"]["monitoring_mode"] == request_field
    assert schemas["DeploymentUpdate"]["properties"]["monitoring_mode"] == {
        "allOf": [request_field],
        "nullable": True,
    }
    assert schemas["MonitoringMode"]["enum"] == ["off", "full"]  # "off" quoted, not false
    assert schemas["OpenMonitoringMode"] == {"anyOf": [request_field, {"type": "string"}]}
    assert schemas["SatelliteTaskType"]["enum"] == ["deploy", "undeploy", "reconcile"]
    marked = [line for line in written[1].splitlines() if "# draft (api-drift --write)" in line]
    assert len(marked) == 3 and all("monitoring_mode:" in line for line in marked)


def test_a_nullable_open_enum_passes_the_local_servers_response_check(
    written: tuple[str, str],
) -> None:
    spec = yaml.safe_load(written[1])
    reason = spec["components"]["schemas"]["MonitoringEligibility"]["properties"]["reason"]
    resolved = json.loads(
        json.dumps(reason).replace(
            '{"$ref": "#/components/schemas/MonitoringIneligibilityReason"}',
            json.dumps(spec["components"]["schemas"]["MonitoringIneligibilityReason"]),
        )
    )
    validator = Draft4ResponseValidator(resolved)
    for value in (None, "monitoring_off", "a_reason_added_later"):
        assert validator.is_valid(value), value
    assert not validator.is_valid(3)


def test_writing_again_adds_nothing(written: tuple[str, str], tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(written[1])
    assert drift_tool.main([str(MONITORING), "--spec", str(spec), "--write"]) == 0
    assert spec.read_text() == written[1]


def test_a_required_field_joins_the_required_list(tmp_path: Path) -> None:
    server = json.loads((FIXTURES / "server.json").read_text())
    thing = server["components"]["schemas"]["Thing"]
    thing["properties"]["size"] = {"type": "integer", "title": "Size"}
    thing["required"].append("size")
    text = (FIXTURES / "spec.yaml").read_text()
    draft = api_draft.draft(server, text, [])
    ours = yaml.safe_load(draft.text)["components"]["schemas"]["Thing"]
    assert ours["required"] == ["id", "owner", "size"]
    assert ours["properties"]["size"] == {"type": "integer"}
    assert draft.changes == ["field size of components/schemas/Thing"]
    assert draft.tags == {"things"}


def test_new_names_drop_the_servers_in_suffix(tmp_path: Path) -> None:
    server = json.loads((FIXTURES / "server.json").read_text())
    server["paths"]["/v1/things/{thing_id}/tags"] = {
        "post": {
            "operationId": "add_thing_tag_v1_things__thing_id__tags_post",
            "summary": "Add Thing Tag",
            "parameters": [
                {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "dry_run", "in": "query", "schema": {"type": "boolean"}},
            ],
            "requestBody": {
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TagIn"}}}
            },
            "responses": {"204": {"description": "Successful Response"}},
        }
    }
    server["components"]["schemas"]["TagIn"] = {
        "type": "object",
        "required": ["name"],
        "properties": {"name": {"type": "string", "maxLength": 64, "title": "Name"}},
    }
    text = (FIXTURES / "spec.yaml").read_text()
    draft = api_draft.draft(server, text, [("POST", "/v1/things/{thing_id}/tags")])
    ours = yaml.safe_load(draft.text)
    operation = ours["paths"]["/v1/things/{thing_id}/tags"]["post"]
    assert operation["operationId"] == "add_thing_tag"
    assert operation["tags"] == ["things"]
    assert operation["parameters"] == [
        {"name": "dry_run", "in": "query", "required": False, "schema": {"type": "boolean"}}
    ]
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Tag"
    }
    assert sorted(operation["responses"]) == ["204", "401", "403", "404", "422"]
    assert ours["components"]["schemas"]["Tag"]["properties"] == {
        "name": {"type": "string", "maxLength": 64}
    }
    # This spec keeps no components/parameters: the path parameter is written in place.
    assert ours["paths"]["/v1/things/{thing_id}/tags"]["parameters"] == [
        {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}
    ]


def test_block_style_lists_grow_by_lines() -> None:
    server = json.loads((FIXTURES / "server.json").read_text())
    thing = server["components"]["schemas"]["Thing"]
    thing["properties"]["state"] = {"type": "string", "enum": ["on", "off", "new"]}
    thing["properties"]["size"] = {"type": "integer"}
    thing["required"].append("size")
    text = (FIXTURES / "spec.yaml").read_text()
    text = text.replace(
        "    Thing:\n      type: object\n      required: [id, owner]\n",
        "    Thing:\n      type: object\n      required:\n        - id\n        - owner\n",
    ).replace(
        "        notes: {type: string, nullable: true}\n",
        "        notes: {type: string, nullable: true}\n"
        '        state:\n          type: string\n          enum:\n            - "on"\n'
        '            - "off"\n',
    )
    drafted = api_draft.draft(server, text, [])
    thing_ours = yaml.safe_load(drafted.text)["components"]["schemas"]["Thing"]
    assert thing_ours["required"] == ["id", "owner", "size"]
    assert thing_ours["properties"]["state"]["enum"] == ["on", "off", "new"]
    assert "        - size\n" in drafted.text and "            - new\n" in drafted.text
