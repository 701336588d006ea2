"""The API: a connexion AsyncApp driven by openapi.yaml, plus the API fault middleware."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import yaml
from connexion import AsyncApp
from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionResponse
from connexion.options import SwaggerUIOptions
from connexion.resolver import Resolver
from connexion.security import BearerSecurityHandler
from starlette.exceptions import HTTPException

from ._errors import ApiError, detail_response, handle_http_error, handle_unexpected
from ._faults import S3_INTERNAL_ERROR, Fault, Faults, SeenRequest, flip_bytes
from ._handlers_artifacts import ArtifactHandlers
from ._handlers_bucket_urls import BucketUrlHandlers
from ._handlers_deployments import DeploymentHandlers
from ._handlers_entries import TrackEntryHandlers
from ._handlers_members import MemberHandlers
from ._handlers_orbits import OrbitHandlers
from ._handlers_orgs import OrganizationHandlers
from ._handlers_secrets import OrbitSecretHandlers
from ._handlers_tracks import TrackHandlers
from ._handlers_users import UserHandlers
from ._real_bugs import RealServerCrash
from ._registry_access import server_error
from ._service import Service
from ._validation import validator_map

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]
TokenLookup = Callable[[str], dict[str, Any] | None]

USER_CREDENTIALS = ["jwt", "api_key"]
"""What a user route takes when the spec does not limit it (a satellite key gets 403)."""

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def spec_path() -> Path:
    """openapi.yaml at the repository root, else the copy packaged next to this module."""
    in_repo = Path(__file__).resolve().parents[2] / "openapi.yaml"
    return in_repo if in_repo.is_file() else Path(__file__).resolve().parent / "openapi.yaml"


def declared_statuses(spec: dict[str, Any]) -> dict[str, set[str]]:
    """operationId -> the response status codes the spec declares for it."""
    found: dict[str, set[str]] = {}
    for item in spec["paths"].values():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                found[operation["operationId"]] = set(operation.get("responses", {}))
    return found


def accepted_credentials(spec: dict[str, Any]) -> dict[str, list[str]]:
    """operationId -> the only credential kinds it accepts (``x-luml-credentials``), if limited."""
    found: dict[str, list[str]] = {}
    for item in spec["paths"].values():
        for method, operation in item.items():
            if method in HTTP_METHODS and "x-luml-credentials" in operation:
                found[operation["operationId"]] = list(operation["x-luml-credentials"])
    return found


def _checked(
    handler: Callable[..., ConnexionResponse], operation_id: str, statuses: set[str]
) -> Callable[..., ConnexionResponse]:
    """Render ApiError as JSON and refuse any status the spec does not declare."""

    @functools.wraps(handler)
    def wrapper(**kwargs: Any) -> ConnexionResponse:
        try:
            response = handler(**kwargs)
        except ApiError as exc:
            response = detail_response(exc.status, exc.detail)
        except RealServerCrash:
            return server_error()  # a mirrored real-server crash, declared or not
        if str(response.status_code) not in statuses:
            detail = f"{operation_id} answered {response.status_code}, not declared in the spec"
            return detail_response(500, detail)
        return response

    return wrapper


def _not_served(operation_id: str) -> Callable[..., ConnexionResponse]:
    """A stand-in for an operation of the spec that the local server does not serve yet."""

    def handler(**_kwargs: Any) -> ConnexionResponse:
        raise ApiError(501, f"{operation_id} is not served by the local LUML server")

    handler.__name__ = operation_id
    return handler


def _bearer_handler(
    lookup: TokenLookup, credentials: dict[str, list[str]]
) -> type[BearerSecurityHandler]:
    def token_info(token: str, request: Any) -> dict[str, Any] | None:
        """The token's info; the server's 403 for a credential kind the route does not take.

        Checked here, before request validation, as the real server's router dependency is.
        """
        info = lookup(token)
        routing = request.scope.get("extensions", {}).get("connexion_routing", {})
        kinds = credentials.get(routing.get("operation_id", ""), USER_CREDENTIALS)
        if info is not None and kinds and info["scope"] not in kinds:
            detail = f"This endpoint requires {', '.join(kinds)} authentication."
            raise ProblemException(status=403, title="Forbidden", detail=detail)
        return info

    class LocalBearer(BearerSecurityHandler):  # type: ignore[misc]
        """Bearer tokens checked against the local user table."""

        def _resolve_func(self, security_scheme: dict[str, Any]) -> Callable[..., Any]:
            return token_info

    return LocalBearer


def handler_groups(service: Service) -> list[object]:
    """The objects whose methods, named after operationIds, serve the spec's operations."""
    return [
        OrganizationHandlers(service),
        OrbitHandlers(service),
        ArtifactHandlers(service),
        UserHandlers(service),
        MemberHandlers(service),
        BucketUrlHandlers(service),
        OrbitSecretHandlers(service),
        DeploymentHandlers(service),
        TrackHandlers(service),
        TrackEntryHandlers(service),
    ]


def build_app(service: Service, lookup: TokenLookup) -> AsyncApp:
    """The connexion app: routing, security, validation and responses from openapi.yaml."""
    path = spec_path()
    spec = yaml.safe_load(path.read_text())
    statuses = declared_statuses(spec)
    credentials = accepted_credentials(spec)
    handlers = handler_groups(service)

    def resolve(operation_id: str) -> Callable[..., ConnexionResponse]:
        for group in handlers:
            handler = getattr(group, operation_id, None)
            if handler is not None:
                return _checked(handler, operation_id, statuses[operation_id])
        return _checked(_not_served(operation_id), operation_id, statuses[operation_id] | {"501"})

    app = AsyncApp(__name__)
    app.add_api(
        path,
        resolver=Resolver(function_resolver=resolve),
        validate_responses=True,
        strict_validation=False,
        validator_map=validator_map(),
        security_map={"bearer": _bearer_handler(lookup, credentials)},
        swagger_ui_options=SwaggerUIOptions(swagger_ui=False),
    )
    app.add_error_handler(ProblemException, handle_http_error)
    app.add_error_handler(HTTPException, handle_http_error)
    app.add_error_handler(Exception, handle_unexpected)
    return app


class DroppedResponse(Exception):
    """Raised to make uvicorn close a connection mid-body (a drop_after_bytes fault)."""


class _QuietDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], DroppedResponse))


logging.getLogger("uvicorn.error").addFilter(_QuietDrops())


def _scope_path(scope: MutableMapping[str, Any]) -> str:
    raw: bytes = scope.get("raw_path") or scope["path"].encode()
    query: bytes = scope.get("query_string", b"")
    return (raw + (b"?" + query if query else b"")).decode("latin-1")


def _scope_headers(scope: MutableMapping[str, Any]) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


class ApiFaultMiddleware:
    """ASGI middleware: records every API request, applies API faults."""

    def __init__(self, app: ASGIApp, faults: Faults, seen: list[SeenRequest]) -> None:
        self._app = app
        self._faults = faults
        self._seen = seen

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        method, path = scope["method"], _scope_path(scope)
        self._seen.append(SeenRequest("api", method, path, _scope_headers(scope), time.monotonic()))
        fault = self._faults.pick("api", method, path)
        if fault is None:
            await self._app(scope, receive, send)
        elif fault.status is not None or fault.s3_error_in_200:
            await _answer(fault, send)
        else:
            await self._forward_broken(fault, scope, receive, send)

    async def _forward_broken(
        self, fault: Fault, scope: MutableMapping[str, Any], receive: Receive, send: Send
    ) -> None:
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self._app(scope, receive, capture)
        body = b"".join(chunks)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        if fault.hold is not None:
            fault.hold.reached.set()
            await asyncio.to_thread(fault.hold.release.wait, fault.hold.timeout)
            with contextlib.suppress(Exception):  # the client may have gone meanwhile
                await send({**start, "headers": headers})
                await send({"type": "http.response.body", "body": body})
            return
        await send({**start, "headers": headers})
        if fault.corrupt_body:
            await send({"type": "http.response.body", "body": flip_bytes(body)})
            return
        partial = body[: fault.drop_after_bytes]
        await send({"type": "http.response.body", "body": partial, "more_body": True})
        raise DroppedResponse("fault: response body cut short")


async def _answer(fault: Fault, send: Send) -> None:
    if fault.s3_error_in_200:
        status, body, kind = 200, S3_INTERNAL_ERROR, b"application/xml"
    else:
        status, body, kind = fault.status or 500, fault.body, b"application/json"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    if fault.retry_after is not None:
        headers.append((b"retry-after", fault.retry_after.encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
