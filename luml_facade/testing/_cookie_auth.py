"""The ``access_token`` cookie as a credential, as the real server reads it.

The real server takes the token from ``Authorization`` and, only when that header is absent,
from the ``access_token`` cookie (any kind: an API key, a satellite key or a JWT). This ASGI
wrapper turns such a cookie into the bearer header the local routes check.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import CookieError, SimpleCookie
from typing import Any

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]


def cookie_token(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The ``access_token`` cookie of a request without an Authorization header."""
    if any(name.lower() == b"authorization" for name, _ in headers):
        return None
    for name, value in headers:
        if name.lower() == b"cookie":
            try:
                jar = SimpleCookie(value.decode("latin-1"))
            except CookieError:
                continue
            if "access_token" in jar and jar["access_token"].value:
                return jar["access_token"].value
    return None


class CookieCredentials:
    """ASGI middleware: an ``access_token`` cookie stands for ``Authorization: Bearer``."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            token = cookie_token(scope["headers"])
            if token is not None:
                bearer = (b"authorization", b"Bearer " + token.encode("latin-1"))
                scope = {**scope, "headers": [*scope["headers"], bearer]}
        await self._app(scope, receive, send)
