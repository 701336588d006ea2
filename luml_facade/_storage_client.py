"""The storage data plane: how bytes move to and from presigned storage URLs.

API calls go through the generated httpx client; bulk bytes do not. Measured on loopback,
httpx's streaming costs about 3.5 CPU s per GiB downloaded and half of curl's speed, while
urllib3 reading into reused buffers costs a fraction of that and keeps up with curl. So
presigned URLs get `WireStorage` (urllib3, blocking): the sync client calls it directly, the
async client runs each storage request in a worker thread (a transfer is bulk I/O either way).

A caller-supplied httpx client (`storage_http_client=`, e.g. for a proxy or a mock) is used
through `HttpxStorage` / `AsyncHttpxStorage` instead: same answers, httpx's speed.

Every transport answers with an `httpx.Response` (status, headers, body for non-streamed
requests) and raises `httpx.TransportError` subclasses, so the flows see one vocabulary.
"""

from __future__ import annotations

import asyncio
import http.client
import threading
import urllib.request
from collections.abc import Iterator
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx
import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ProtocolError,
    ProxyError,
    ReadTimeoutError,
    SSLError,
)

from ._file_window import FileWindow, TransferAborted
from ._flow import StorageRequest, StreamToSink
from ._http import USER_AGENT
from ._options import ClientOptions

READ_BUFFER = 1 << 20
"""Bytes asked of a caller's httpx client at once (urllib3 reads into the sink's buffers)."""


class Sink(Protocol):
    """Where a streamed body goes (see `transfer/download.py`)."""

    def begin(self, response: httpx.Response) -> None: ...

    def buffer(self) -> memoryview:
        """A buffer to read the next chunk into (lent: `write` gets a prefix of it)."""
        ...

    def write(self, chunk: memoryview) -> None: ...


class BlockingStorage(Protocol):
    """A storage transport with blocking calls (run in worker threads by the async client)."""

    def send(self, request: StorageRequest, stop: threading.Event | None) -> httpx.Response: ...

    def stream(self, order: StreamToSink, stop: threading.Event | None) -> httpx.Response: ...

    def close(self) -> None: ...


def _answer(method: str, url: str, status: int, headers: Any, content: bytes) -> httpx.Response:
    return httpx.Response(
        status,
        headers=list(headers.items()),
        content=content,
        request=httpx.Request(method, url),
    )


def _transport_error(error: BaseException, url: str) -> httpx.TransportError:
    """The httpx error class the retry policy knows for a urllib3/socket error."""
    request = httpx.Request("GET", url)
    message = f"{type(error).__name__}: {error}"
    if isinstance(error, ConnectTimeoutError):
        return httpx.ConnectTimeout(message, request=request)
    if isinstance(error, ReadTimeoutError | TimeoutError):
        return httpx.ReadTimeout(message, request=request)
    if isinstance(error, ProxyError):
        return httpx.ProxyError(message, request=request)
    if isinstance(error, NewConnectionError | SSLError | ConnectionRefusedError):
        return httpx.ConnectError(message, request=request)
    if isinstance(error, ProtocolError):
        return httpx.RemoteProtocolError(message, request=request)
    return httpx.ReadError(message, request=request)


class WireStorage:
    """urllib3 connection pools for presigned URLs: no API key, no redirects, no retries
    (the flows retry), honours HTTP(S)_PROXY / NO_PROXY like httpx does."""

    def __init__(self, options: ClientOptions, connections: int) -> None:
        timeout = options.storage_timeout
        self._pool_args: dict[str, Any] = {
            "num_pools": 16,
            "maxsize": connections,
            "block": False,
            "timeout": urllib3.Timeout(connect=timeout.connect, read=timeout.read),
            "retries": False,
            "headers": {"User-Agent": USER_AGENT},
            **_tls_arguments(options.verify),
        }
        self._direct = urllib3.PoolManager(**self._pool_args)
        self._proxied: dict[str, urllib3.ProxyManager] = {}
        self._lock = threading.Lock()

    def _manager(self, url: str) -> urllib3.PoolManager:
        parts = urlsplit(url)
        proxy = urllib.request.getproxies().get(parts.scheme)
        if not proxy or urllib.request.proxy_bypass(parts.hostname or ""):
            return self._direct
        with self._lock:
            if proxy not in self._proxied:
                self._proxied[proxy] = urllib3.ProxyManager(proxy, **self._pool_args)
            return self._proxied[proxy]

    def send(self, request: StorageRequest, stop: threading.Event | None) -> httpx.Response:
        """One request; the whole (small) answer body is read."""
        body: Any = request.body
        if isinstance(body, FileWindow):
            body = body.sync_stream(stop)
        try:
            response = self._manager(request.url).request(
                request.method,
                request.url,
                body=body,
                headers=dict(request.headers),
                redirect=False,
                retries=False,
                preload_content=True,
            )
        except TransferAborted:
            raise
        except (HTTPError, OSError) as error:
            raise _transport_error(error, request.url) from error
        return _answer(
            request.method, request.url, response.status, response.headers, response.data
        )

    def stream(self, order: StreamToSink, stop: threading.Event | None) -> httpx.Response:
        """GET into the sink through the buffers it lends; a broken body raises httpx.ReadError
        after every byte received has been written."""
        try:
            response = self._manager(order.url).request(
                "GET",
                order.url,
                headers=dict(order.headers),
                redirect=False,
                retries=False,
                preload_content=False,
                decode_content=False,
            )
        except (HTTPError, OSError) as error:
            raise _transport_error(error, order.url) from error
        try:
            if not 200 <= response.status < 300:
                return _answer("GET", order.url, response.status, response.headers, response.read())
            answer = _answer("GET", order.url, response.status, response.headers, b"")
            order.sink.begin(answer)
            _pump(response, order.sink, stop)
            return answer
        except (HTTPError, OSError, http.client.HTTPException) as error:
            raise _transport_error(error, order.url) from error
        finally:
            if response.isclosed():  # type: ignore[attr-defined]  # read to its end: reusable
                response.release_conn()
            else:
                response.close()

    def close(self) -> None:
        self._direct.clear()
        for manager in self._proxied.values():
            manager.clear()


def _pump(response: Any, sink: Sink, stop: threading.Event | None) -> None:
    """Copy a response body into the sink through the buffers it lends (no per-chunk bytes)."""
    # urllib3's own readinto reads a bytes object and copies it; the http.client response
    # underneath reads from the socket straight into the buffer (and raises IncompleteRead
    # when the body ends early). Used only for identity-encoded bodies.
    raw = getattr(response, "_fp", None)
    direct = isinstance(raw, http.client.HTTPResponse)
    encoded = response.headers.get("content-encoding", "identity") != "identity"
    readinto = raw.readinto if direct and not encoded else response.readinto  # type: ignore[union-attr]
    while True:
        if stop is not None and stop.is_set():
            raise TransferAborted("stopped: another part of this transfer failed")
        view = sink.buffer()
        count = readinto(view)
        if not count:
            break
        sink.write(view[:count])


def _tls_arguments(verify: bool | str) -> dict[str, Any]:
    if verify is False:
        return {"cert_reqs": "CERT_NONE", "assert_hostname": False}
    if isinstance(verify, str):
        return {"cert_reqs": "CERT_REQUIRED", "ca_certs": verify}
    try:
        import certifi
    except ImportError:  # pragma: no cover - httpx depends on certifi
        return {"cert_reqs": "CERT_REQUIRED"}
    return {"cert_reqs": "CERT_REQUIRED", "ca_certs": certifi.where()}


class HttpxStorage:
    """A caller's httpx.Client as the storage transport (blocking)."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def send(self, request: StorageRequest, stop: threading.Event | None) -> httpx.Response:
        body = request.body
        content = body.sync_stream(stop) if isinstance(body, FileWindow) else body
        return self.client.request(
            request.method, request.url, headers=dict(request.headers), content=content
        )

    def stream(self, order: StreamToSink, stop: threading.Event | None) -> httpx.Response:
        with self.client.stream("GET", order.url, headers=dict(order.headers)) as response:
            if not response.is_success:
                response.read()
                return response
            order.sink.begin(response)
            for chunk in _stopping(response.iter_bytes(READ_BUFFER), stop):
                order.sink.write(memoryview(chunk))
        return response

    def close(self) -> None:
        """The caller owns the client."""


def _stopping(chunks: Iterator[bytes], stop: threading.Event | None) -> Iterator[bytes]:
    for chunk in chunks:
        if stop is not None and stop.is_set():
            raise TransferAborted("stopped: another part of this transfer failed")
        yield chunk


class AsyncHttpxStorage:
    """A caller's httpx.AsyncClient as the storage transport (runs on the event loop)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def send(self, request: StorageRequest) -> httpx.Response:
        body = request.body
        content = body.async_stream() if isinstance(body, FileWindow) else body
        return await self.client.request(
            request.method, request.url, headers=dict(request.headers), content=content
        )

    async def stream(self, order: StreamToSink) -> httpx.Response:
        async with self.client.stream("GET", order.url, headers=dict(order.headers)) as response:
            if not response.is_success:
                await response.aread()
                return response
            await asyncio.to_thread(order.sink.begin, response)
            async for chunk in response.aiter_bytes(READ_BUFFER):
                await asyncio.to_thread(order.sink.write, memoryview(chunk))
        return response
