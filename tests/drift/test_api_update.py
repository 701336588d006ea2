"""scripts/api-update: which tests it runs for the tags a change touched."""

from __future__ import annotations

from .test_api_drift import ROOT, load_script

api_update = load_script("api-update", "api_update")


def test_the_tests_of_a_tag_are_named_after_it_or_call_its_endpoints() -> None:
    chosen = api_update.tests_of_tags({"deployments"})
    assert "tests/facade/test_deployments.py" in chosen
    assert "tests/server/test_registry_generated.py" in chosen  # luml_openapi.api.deployments
    assert "tests/facade/test_transfers.py" not in chosen
    assert not any(path.startswith("tests/live/") for path in chosen)
    assert api_update.tests_of_tags(set()) == []


def test_the_spec_level_tests_exist() -> None:
    for target in api_update.SPEC_TESTS:
        assert (ROOT / target.split("::")[0]).exists(), target


def test_it_loads_api_drift() -> None:
    assert api_update.load_api_drift().EXCLUDED_KEY == "x-luml-excluded"
