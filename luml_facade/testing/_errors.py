"""Errors as the real server renders them: ``{"detail": ...}`` JSON, never problem+json."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from connexion.exceptions import BadRequestProblem, ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from starlette.exceptions import HTTPException

from ._validation import RequestValidationProblem

logger = logging.getLogger("luml_facade.testing")


class ApiError(Exception):
    """An application error: answered as ``status`` with ``{"detail": detail}``."""

    def __init__(self, status: int, detail: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def json_response(
    status: int, body: Any, headers: dict[str, str] | None = None
) -> ConnexionResponse:
    """A JSON response (an empty one for ``body is None``)."""
    content = b"" if body is None else json.dumps(body).encode()
    return ConnexionResponse(
        status_code=status,
        body=content,
        content_type="application/json",
        mimetype="application/json",
        headers=headers or {},
    )


def detail_response(status: int, detail: Any) -> ConnexionResponse:
    return json_response(status, {"detail": detail})


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _validation_errors(exc: BadRequestProblem) -> list[dict[str, Any]]:
    if isinstance(exc, RequestValidationProblem):
        return exc.errors
    if exc.detail == "RequestBody is required":
        return [{"loc": ["body"], "msg": "Field required", "type": "missing"}]
    return [{"loc": ["body"], "msg": str(exc.detail), "type": "value_error"}]


def handle_http_error(_request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    """Map connexion/starlette errors to the real server's bodies."""
    if isinstance(exc, BadRequestProblem):
        return detail_response(422, _validation_errors(exc))
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if status == 401:
        return detail_response(401, "Not authenticated")
    if status == 415:
        item = {"loc": ["body"], "msg": "Input should be a JSON object", "type": "model_type"}
        return detail_response(422, [item])
    if status >= 500:
        logger.error("local LUML server error: %r", exc)
    detail = exc.detail if isinstance(exc, ProblemException) and exc.detail else None
    return detail_response(status, detail or _phrase(status))


def handle_unexpected(_request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    """Any other exception: 500 with the error in ``detail``."""
    logger.exception("local LUML server crashed", exc_info=exc)
    return detail_response(500, f"Internal Server Error: {exc!r}")
