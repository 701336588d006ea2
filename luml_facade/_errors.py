"""Every error the facade raises, under one root: LumlAPIError.

LumlAPIError
├── APIStatusError                the server answered 4xx/5xx (status, message, request_id, body)
│   ├── BadRequestError            400
│   ├── AuthenticationError        401
│   ├── PermissionDeniedError      403
│   ├── NotFoundError              404
│   ├── ConflictError              409
│   ├── UnprocessableEntityError   422
│   ├── RateLimitError             429
│   └── InternalServerError        5xx
├── APIConnectionError            no answer at all (connection refused, reset, timeout)
│   └── APITimeoutError
├── APIResponseValidationError    a 2xx answer the client could not read
├── ConfigurationError            missing key, unknown default, no collection chosen, ...
├── MultipleResourcesFoundError   a name matches several objects
├── InvalidArgumentError          an argument that cannot be used (also a ValueError)
└── FileError                     a local file is unusable (says what to fix)
    ├── FileUploadError            moving bytes to storage failed (artifact marked upload_failed)
    ├── FileDownloadError          download failed or did not verify (no file left behind)
    └── FileDeleteError            the stored file could not be deleted (marked deletion_failed)
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "FileDeleteError",
    "FileDownloadError",
    "FileError",
    "FileUploadError",
    "InternalServerError",
    "InvalidArgumentError",
    "LumlAPIError",
    "MultipleResourcesFoundError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "error_for_status",
]


class LumlAPIError(Exception):
    """The root of every error raised by luml_facade."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class APIStatusError(LumlAPIError):
    """The server answered with an error status.

    Attributes: `status_code`, `message` (the server's `detail`), `request_id` (from the
    `x-request-id` header, if any) and `body` (the decoded JSON body, or the raw text).
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        request_id: str | None = None,
        body: Any = None,
        hint: str = "",
    ) -> None:
        request_note = f" (request id {request_id})" if request_id else ""
        hint_note = f"; {hint}" if hint else ""
        super().__init__(f"{status_code}: {message}{request_note}{hint_note}")
        self.message = message
        self.status_code = status_code
        self.request_id = request_id
        self.body = body
        self.hint = hint


class BadRequestError(APIStatusError):
    """400: the request breaks a rule of the server."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or unknown to the server."""


class PermissionDeniedError(APIStatusError):
    """403: the key's user may not do this."""


class NotFoundError(APIStatusError):
    """404: the object does not exist (or not where the path says)."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state (a duplicate, an object in use)."""


class UnprocessableEntityError(APIStatusError):
    """422: the request does not match the API schema."""


class RateLimitError(APIStatusError):
    """429: too many requests (retried automatically for idempotent calls)."""


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


class APIConnectionError(LumlAPIError):
    """No answer from the server: connection refused or reset, DNS failure, ..."""


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIResponseValidationError(LumlAPIError):
    """The server answered 2xx with a body the client could not read."""


class ConfigurationError(LumlAPIError):
    """The client is missing something it needs, or was given a value that does not exist."""


class MultipleResourcesFoundError(LumlAPIError):
    """A name given where one object is expected matches several; use the id instead."""


class FileError(LumlAPIError):
    """A local file can't be used; the message says what to fix."""


class FileUploadError(FileError):
    """Uploading to storage failed; the artifact was marked `upload_failed`."""


class FileDownloadError(FileError):
    """Downloading failed or the bytes did not verify; nothing was left at the target path."""


class FileDeleteError(FileError):
    """Deleting the stored file failed; the artifact was marked `deletion_failed`."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _decode_body(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return content.decode("utf-8", errors="replace")


def _describe_detail(body: Any, fallback: str) -> str:
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, str):
        return detail
    if isinstance(detail, list):  # FastAPI validation errors
        return "; ".join(_describe_validation_item(item) for item in detail) or fallback
    return body if isinstance(body, str) and body else fallback


def _describe_validation_item(item: Any) -> str:
    if not isinstance(item, dict):
        return str(item)
    location = ".".join(str(part) for part in item.get("loc", []))
    return f"{location}: {item.get('msg', 'invalid')}" if location else str(item.get("msg"))


def error_for_status(
    status_code: int, content: bytes, headers: httpx.Headers, hint: str = ""
) -> APIStatusError:
    """Build the typed error for an error answer, keeping everything the server said;
    `hint` says what to do about it."""
    body = _decode_body(content)
    message = _describe_detail(body, fallback=_reason(status_code))
    if status_code >= 500:
        error_class: type[APIStatusError] = InternalServerError
    else:
        error_class = _STATUS_ERRORS.get(status_code, APIStatusError)
    return error_class(
        message,
        status_code=status_code,
        request_id=headers.get("x-request-id"),
        body=body,
        hint=hint,
    )


def _reason(status_code: int) -> str:
    try:
        phrase = HTTPStatus(status_code).phrase
    except ValueError:
        return f"HTTP {status_code}"
    return f"HTTP {status_code} {phrase} (the answer had no detail)"


class InvalidArgumentError(LumlAPIError, ValueError):
    """An argument can't be used as given (e.g. an id that is not a UUID); says what to pass."""


for _name in __all__:  # tracebacks show `luml_facade.NotFoundError`, the name to import
    _public = globals()[_name]
    if isinstance(_public, type):
        _public.__module__ = "luml_facade"
