"""Error promises of docs/behaviour.md: each answer's typed error and its message, a 409 is an
answer (never retried), and a failure inside the facade itself is still a LumlAPIError that
asks for a bug report."""

from __future__ import annotations

import json
import ssl
from typing import Any

import httpx
import pytest

from luml_facade import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    LumlAPIError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from luml_facade._errors import error_for_status
from luml_facade._retry import is_tls_failure
from luml_facade.testing import Fault, LocalLuml, Tenant

from .conftest import run
from .test_errors import settle


async def test_a_409_is_an_answer_never_retried(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    await settle(luml, luml_server)
    luml_server.faults.add(
        Fault(target="api", method="GET", path_contains="/orbits", status=409, times=5)
    )

    with pytest.raises(ConflictError):
        await run(luml.orbits.list())

    gets = [seen for seen in luml_server.requests_seen if seen.method == "GET"]
    assert len(gets) == 1


async def test_a_failure_inside_the_facade_is_a_luml_api_error_asking_for_a_report(
    luml: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(requested: Any) -> Any:
        raise TypeError("boom")
        yield  # a flow

    monkeypatch.setattr("luml_facade._defaults.resolve", broken)

    with pytest.raises(LumlAPIError, match="bug in luml-facade, please report it") as raised:
        await run(luml.orbits.list())
    assert not isinstance(raised.value, TypeError)
    assert isinstance(raised.value.__cause__, TypeError)


# the typed error for each answer, and its message (unit: no server needed)


def answered(status: int, body: Any, headers: dict[str, str] | None = None) -> Any:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return error_for_status(status, content, httpx.Headers(headers or {}))


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_each_status_has_its_error_class(status: int, error_class: type[Any]) -> None:
    error = answered(status, {"detail": "no"})
    assert type(error) is error_class
    assert (error.status_code, error.message, error.body) == (status, "no", {"detail": "no"})
    assert str(error) == f"{status}: no"


def test_validation_errors_become_one_message_naming_each_field() -> None:
    detail = [
        {"loc": ["body", "name"], "msg": "too short", "type": "string_too_short"},
        {"loc": ["query", "limit"]},
        {"msg": "no location"},
        {"loc": [], "msg": "empty location"},
        "plain text",
    ]
    error = answered(422, {"detail": detail})
    assert error.message == (
        "body.name: too short; query.limit: invalid; no location; empty location; plain text"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"detail": []}, "HTTP 400 Bad Request (the answer had no detail)"),
        ({"other": 1}, "HTTP 400 Bad Request (the answer had no detail)"),
        (b"<html>proxy says no</html>", "<html>proxy says no</html>"),
        (b"", "HTTP 400 Bad Request (the answer had no detail)"),
    ],
    ids=["empty-list", "no-detail", "text", "empty"],
)
def test_an_answer_without_a_detail_says_what_came(body: Any, message: str) -> None:
    assert answered(400, body).message == message


def test_an_unknown_status_without_a_detail() -> None:
    assert answered(599, b"").message == "HTTP 599"


def test_the_request_id_and_the_hint_are_in_the_message() -> None:
    error = error_for_status(
        404, b'{"detail": "gone"}', httpx.Headers({"x-request-id": "req-7"}), "look elsewhere"
    )
    assert error.request_id == "req-7" and error.hint == "look elsewhere"
    assert str(error) == "404: gone (request id req-7); look elsewhere"


@pytest.mark.parametrize(
    ("error", "tls"),
    [
        (httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"), True),
        (httpx.ConnectError("connection refused"), False),
    ],
    ids=["certificate-in-the-message", "refused"],
)
def test_a_tls_failure_is_told_from_its_message_too(error: Exception, tls: bool) -> None:
    # (test_a_tls_certificate_failure_is_not_retried covers an ssl.SSLError in the chain)
    assert is_tls_failure(error) is tls


@pytest.mark.parametrize("link", ["__cause__", "__context__"])
def test_a_tls_failure_is_told_from_an_ssl_error_in_its_chain(link: str) -> None:
    """A TLS failure whose text does not say so (a plain-HTTP server behind an https URL):
    the ssl.SSLError it was raised from, or while handling, tells."""
    error = httpx.ConnectError("the handshake failed")
    setattr(error, link, ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number"))
    assert is_tls_failure(error)


def test_an_error_built_by_hand_has_no_hint() -> None:
    error = APIStatusError("refused", status_code=400)
    assert str(error) == "400: refused"
    assert (error.hint, error.request_id, error.body) == ("", None, None)


def test_a_body_that_is_not_utf8_is_kept_readable() -> None:
    error = answered(502, b"\xffbad gateway")
    assert error.message == error.body == "\ufffdbad gateway"


def test_every_error_keeps_its_message() -> None:
    assert ConfigurationError("set base_url").message == "set base_url"
