"""The live-diff normaliser and comparer (no backend needed)."""

from __future__ import annotations

from typing import Any

import pytest

from .__main__ import main, report
from .compare import Answer, answer, compare, first_difference, summary
from .normalise import normalise, normalise_text, shape
from .scenarios import SCENARIOS

UUID_A = "0190a8f2-1c2d-7e3f-8a9b-0c1d2e3f4a5b"
UUID_B = "01a23bfb-05cf-774f-b546-349a45ff4c5e"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (UUID_A, "<uuid>"),
        ("2026-12-03T12:57:16.495400Z", "<time>"),
        ("2026-12-03T12:57:16+00:00", "<time>"),
        ("http://127.0.0.1:58900/b/o?X-Amz-Signature=ab", "<url>"),
        ("dfs_FdOwQzP3EXKG_iSmQSRkpPd5DJEJ", "<key>"),
        ("dfssat_abc-DEF_1", "<key>"),
        ("ab" * 32, "<hash>"),
        (f"Secret {UUID_A} not found", "Secret <uuid> not found"),
        ("orbit-" + UUID_A + "/" + "c" * 32 + "-model.luml", "orbit-<uuid>/<hash>-model.luml"),
        ("plain words stay", "plain words stay"),
    ],
)
def test_text_placeholders(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


def test_server_strings_become_placeholders_and_urls_go_first() -> None:
    subs = {"127.0.0.1:58900": "<endpoint>", "luml-e2e": "<bucket>"}
    assert normalise_text("127.0.0.1:58900", subs) == "<endpoint>"
    assert normalise_text("http://127.0.0.1:58900/luml-e2e/x", subs) == "<url>"
    assert normalise_text("bucket luml-e2e", subs) == "bucket <bucket>"


def test_normalise_walks_json_and_hides_opaque_fields() -> None:
    body = {"items": [{"id": UUID_A, "n": 1, "ok": True}], "cursor": "WzFd", "upload_id": None}
    assert normalise(body) == {
        "items": [{"id": "<uuid>", "n": 1, "ok": True}],
        "cursor": "<opaque>",
        "upload_id": None,
    }


def test_two_servers_ids_and_times_compare_equal() -> None:
    real = {"id": UUID_A, "created_at": "2026-01-01T00:00:00Z", "name": "x"}
    local = {"id": UUID_B, "created_at": "2026-12-03T13:15:56.433509+00:00", "name": "x"}
    assert normalise(real) == normalise(local)


def test_shape_keeps_keys_and_types_not_values() -> None:
    assert shape({"a": 1, "b": [{"c": "x"}, {"c": "y"}], "d": None}) == {
        "a": "int",
        "b": [{"c": "str"}],
        "d": "null",
    }
    assert shape([]) == []
    assert shape({"role": None}) != shape({"role": "admin"})
    assert shape({"tracks": []}) != shape({"tracks": [{"id": "x"}]})


def verdict(real: tuple[int, Any], local: tuple[int, Any]) -> Any:
    return compare("group: s", "label", answer(*real), answer(*local))


def test_same_answers_are_ok() -> None:
    found = verdict((200, {"id": UUID_A}), (200, {"id": UUID_B}))
    assert (found.same_status, found.same_shape, found.same_text, found.same_body) == (
        True,
        True,
        None,
        True,
    )
    assert found.ok and found.line().startswith("  ok")


def test_a_different_status_shape_or_error_text_is_a_difference() -> None:
    status = verdict((409, {"detail": "x"}), (200, {"id": UUID_A}))
    assert not status.same_status and not status.ok
    text = verdict((404, {"detail": "Orbit not found"}), (404, {"detail": "Not Found"}))
    assert text.same_status and text.same_shape and text.same_text is False and not text.ok
    assert "TEXT" in text.line()
    errors_real = [{"type": "string_too_long", "loc": ["body", "name"], "ctx": {"max_length": 100}}]
    errors_local = [{"type": "string_too_long", "loc": ["body", "name"]}]
    shape_diff = verdict((422, {"detail": errors_real}), (422, {"detail": errors_local}))
    assert not shape_diff.same_shape and not shape_diff.same_text


def test_a_value_difference_alone_is_ok_but_reported() -> None:
    found = verdict((200, {"total": 1}), (200, {"total": 0}))
    assert found.ok and not found.same_body
    assert "BODY" in found.line()
    assert "total" in report([found], 1, show_all=False)


def test_first_difference_names_the_path() -> None:
    assert first_difference({"a": {"b": [1, 2]}}, {"a": {"b": [1, 3]}}) == ".a.b[1]: 2 != 3"
    assert first_difference({"a": 1}, {"a": 1, "b": 2}) == ".b: only local"
    assert first_difference([1], [1, 2]) == ": 1 items != 2 items"
    assert first_difference({"a": 1}, {"a": 1}) is None


def test_summary_counts_every_verdict() -> None:
    found = [
        verdict((200, {"a": 1}), (200, {"a": 1})),
        verdict((404, {"detail": "x"}), (404, {"detail": "y"})),
        verdict((500, None), (200, {"a": 1})),
    ]
    assert summary(found, 2) == (
        "live-diff: 2 scenarios, 3 requests: same status 2/3, same shape 2/3, "
        "same error text 0/2, same body 1/3; 2 differences"
    )


def test_enough_scenarios_over_every_route_group() -> None:
    groups = {name.split(":")[0] for name, _ in SCENARIOS}
    assert len(SCENARIOS) >= 60
    assert {
        "organizations",
        "orbits",
        "collections",
        "artifacts",
        "bucket secrets",
        "orbit secrets",
        "deployments",
        "satellites",
        "tracks",
        "entries",
        "users",
        "auth",
    } <= groups


def test_without_the_state_file_it_says_why_and_succeeds(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("LUML_LIVE_STATE", raising=False)
    assert main([]) == 0
    assert "LUML_LIVE_STATE is not set" in capsys.readouterr().out


def test_answer_normalises_with_the_servers_strings() -> None:
    assert answer(200, {"endpoint": "h:1"}, {"h:1": "<endpoint>"}) == Answer(
        200, {"endpoint": "<endpoint>"}
    )
