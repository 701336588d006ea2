"""Close the connection after an "unhandled error" 500, as the real server does.

On the real server an unhandled exception becomes a plain-text 500 without ``Connection:
close``, and uvicorn then closes the connection: a request sent next on it is reset. The local
server's handlers mark such answers (see ``_registry_access.server_error``); this ASGI wrapper
removes the mark and, once the answer is sent, raises so that uvicorn closes the connection the
same way.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]

DROP_MARK = b"x-luml-local-drop-connection"


class ConnectionDropped(Exception):
    """Raised after a marked answer so that uvicorn closes the connection."""


class _QuietDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], ConnectionDropped))


logging.getLogger("uvicorn.error").addFilter(_QuietDrops())


class CloseAfterServerError:
    """ASGI middleware: a marked answer is sent unmarked, then the connection is dropped."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        marked = False

        async def unmarked(message: Message) -> None:
            nonlocal marked
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                kept = [(key, value) for key, value in headers if key.lower() != DROP_MARK]
                marked = len(kept) != len(headers)
                message = {**message, "headers": kept}
            await send(message)

        await self._app(scope, receive, unmarked)
        if marked:
            raise ConnectionDropped("unhandled-error answer sent: closing the connection")
