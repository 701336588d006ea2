"""The S3 storage: moto's S3 app on a werkzeug server, behind a fault/recording middleware."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import parse_qsl

from moto.core import DEFAULT_ACCOUNT_ID  # type: ignore[attr-defined]
from moto.moto_server.werkzeug_app import create_backend_app
from moto.s3.models import s3_backends
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from ._faults import S3_INTERNAL_ERROR, Fault, Faults, SeenRequest, flip_bytes
from ._network import NetworkProfile, PacedInput, Pacer, paced_chunks
from ._storage_multipart import complete_upload

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
Headers = list[tuple[str, str]]

REGION = "us-east-1"
OBJECT_READ = 1 << 20
_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


class _QuietHandler(WSGIRequestHandler):
    """Request handler that does not log every request."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return


def environ_headers(environ: dict[str, Any]) -> dict[str, str]:
    """The request headers of a WSGI environ, with lower-case names."""
    headers = {
        key[5:].replace("_", "-").lower(): str(value)
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if environ.get(key):
            headers[key.replace("_", "-").lower()] = str(environ[key])
    return headers


def environ_path(environ: dict[str, Any]) -> str:
    """The request target as sent: path and query string."""
    raw = environ.get("REQUEST_URI") or environ.get("RAW_URI")
    if raw:
        return str(raw)
    query = environ.get("QUERY_STRING", "")
    return str(environ.get("PATH_INFO", "")) + (f"?{query}" if query else "")


def _drain(environ: dict[str, Any]) -> None:
    """Read and drop the request body, so a client still sending it is not cut off."""
    stream = environ["wsgi.input"]
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if environ.get("wsgi.input_terminated"):
        while stream.read(1 << 20):
            pass
        return
    while length > 0:
        chunk = stream.read(min(length, 1 << 20))
        if not chunk:
            return
        length -= len(chunk)


def _forward(app: WSGIApp, environ: dict[str, Any]) -> tuple[str, Headers, bytes]:
    """Run the wrapped app and collect its whole response."""
    captured: dict[str, Any] = {}

    def start_response(status: str, headers: Headers, exc_info: Any = None) -> None:
        captured["status"], captured["headers"] = status, headers

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()
    return captured["status"], list(captured["headers"]), body


def _with_length(headers: Headers, length: int) -> Headers:
    kept = [(k, v) for k, v in headers if k.lower() != "content-length"]
    return [*kept, ("Content-Length", str(length))]


class FaultMiddleware:
    """WSGI middleware: records every request, applies storage faults and the network
    profile (latency, per-connection bandwidth), and serves plain object GETs and multipart
    completions itself."""

    def __init__(
        self,
        app: WSGIApp,
        faults: Faults,
        seen: list[SeenRequest],
        network: Callable[[], NetworkProfile] = NetworkProfile,
    ) -> None:
        self._app = app
        self._faults = faults
        self._seen = seen
        self._network = network

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method, path = environ["REQUEST_METHOD"], environ_path(environ)
        self._seen.append(
            SeenRequest("storage", method, path, environ_headers(environ), time.monotonic())
        )
        fault = self._faults.pick("storage", method, path)
        profile = self._network()
        if profile.latency:
            time.sleep(profile.latency)
        if profile.bandwidth is not None:
            environ["wsgi.input"] = PacedInput(environ["wsgi.input"], Pacer(profile.bandwidth))
        if fault is not None and fault.ignore_range:
            environ.pop("HTTP_RANGE", None)
            fault = None
        if fault is None:
            body = serve_object(environ, start_response)
            if body is None:
                body = complete_upload(environ, start_response)
            if body is None:
                body = self._app(environ, start_response)
        else:
            body = self._apply(fault, environ, start_response)
        if profile.bandwidth is not None:
            return paced_chunks(body, Pacer(profile.bandwidth))
        return body

    def _apply(
        self, fault: Fault, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes]:
        if fault.status is not None or fault.s3_error_in_200:
            _drain(environ)
            return _answer(fault, start_response)
        status, headers, body = _forward(self._app, environ)
        if fault.hold is not None:
            fault.hold.reached.set()
            fault.hold.release.wait(fault.hold.timeout)
            start_response(status, _with_length(headers, len(body)))
            return [body]
        if fault.corrupt_body:
            start_response(status, _with_length(headers, len(body)))
            return [flip_bytes(body)]
        start_response(status, _with_length(headers, len(body)))
        return [body[: fault.drop_after_bytes]]


def _answer(fault: Fault, start_response: StartResponse) -> list[bytes]:
    """The canned response of a status or s3_error_in_200 fault."""
    if fault.s3_error_in_200:
        status, body = 200, S3_INTERNAL_ERROR
    else:
        status, body = fault.status or 500, fault.body
    headers: Headers = [("Content-Type", "application/xml"), ("Content-Length", str(len(body)))]
    if fault.retry_after is not None:
        headers.append(("Retry-After", fault.retry_after))
    start_response(f"{status} FAULT", headers)
    return [body]


def _backend() -> Any:
    return s3_backends[DEFAULT_ACCOUNT_ID]["aws"]


def serve_object(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes] | None:
    """Answer a plain (presigned) GET of an existing object straight from moto's buffer, in
    chunks and honouring a single `Range`; None leaves the request to moto (errors, other
    operations, multi-range). moto itself reads the whole object for every request, which
    would make ranged downloads of big files measure moto rather than the client."""
    if environ["REQUEST_METHOD"] != "GET":
        return None
    query = parse_qsl(environ.get("QUERY_STRING", ""))
    if any(not name.startswith("X-Amz-") for name, _ in query):
        return None
    bucket_name, _, key_name = str(environ.get("PATH_INFO", "")).lstrip("/").partition("/")
    backend = _backend()
    if not key_name or bucket_name not in backend.buckets:
        return None
    key = backend.buckets[bucket_name].keys.get(key_name)
    if key is None or getattr(key, "disposed", False):
        return None
    size = int(key.size)
    span = _byte_range(environ.get("HTTP_RANGE"), size)
    if span is False or span is True:
        return None
    headers: Headers = [
        ("Content-Type", "binary/octet-stream"),
        ("ETag", key.etag),
        ("Last-Modified", key.last_modified_RFC1123),
        ("Accept-Ranges", "bytes"),
    ]
    if span is None:
        first, last, status = 0, size - 1, "200 OK"
    else:
        first, last = span
        status = "206 Partial Content"
        headers.append(("Content-Range", f"bytes {first}-{last}/{size}"))
    headers.append(("Content-Length", str(last - first + 1)))
    start_response(status, headers)
    return _object_chunks(key, first, last + 1)


def _byte_range(header: str | None, size: int) -> tuple[int, int] | bool | None:
    """(first, last) of a single satisfiable range, None without one, False otherwise."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if match is None or size == 0:
        return False
    first_text, last_text = match.groups()
    if not first_text:  # suffix range: the last N bytes
        if not last_text:
            return False
        return max(0, size - int(last_text)), size - 1
    first = int(first_text)
    last = min(int(last_text), size - 1) if last_text else size - 1
    if first >= size or last < first:
        return False
    return first, last


def _object_chunks(key: Any, start: int, end: int) -> Iterator[bytes]:
    position = start
    while position < end:
        with key.lock:
            key._value_buffer.seek(position)
            chunk = key._value_buffer.read(min(OBJECT_READ, end - position))
        if not chunk:
            return
        position += len(chunk)
        yield chunk


class StorageServer:
    """moto's S3 on 127.0.0.1, bound at construction; call start() to serve."""

    def __init__(
        self,
        faults: Faults,
        seen: list[SeenRequest],
        port: int = 0,
        network: Callable[[], NetworkProfile] = NetworkProfile,
    ) -> None:
        app = FaultMiddleware(create_backend_app("s3"), faults, seen, network)
        self._server: BaseWSGIServer = make_server(
            "127.0.0.1", port, app, threaded=True, request_handler=_QuietHandler
        )
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="luml-storage", daemon=True
        )
        self._buckets: list[str] = []

    @property
    def port(self) -> int:
        return int(self._server.server_port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def endpoint(self) -> str:
        """Host and port, as a bucket secret stores it."""
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and drop the buckets this server created."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        for name in self._buckets:
            _drop_bucket(name)
        self._buckets.clear()

    def ensure_bucket(self, name: str) -> bool:
        """Create the bucket unless it exists; False if another owner already has it."""
        backend = _backend()
        if name in backend.buckets:
            return name in self._buckets
        backend.create_bucket(name, REGION)
        self._buckets.append(name)
        return True

    def stored_object(self, bucket: str, key: str) -> bytes | None:
        """An object's bytes straight from the backend, or None."""
        backend = _backend()
        if bucket not in backend.buckets:
            return None
        found = backend.get_object(bucket, key)
        return None if found is None else bytes(found.value)

    def remove_stored_object(self, bucket: str, key: str) -> bool:
        """Delete an object straight from the backend; whether it was there."""
        if self.stored_object(bucket, key) is None:
            return False
        _backend().delete_object(bucket, key)
        return True


def _drop_bucket(name: str) -> None:
    backend = _backend()
    bucket = backend.buckets.pop(name, None)
    if bucket is None:
        return
    for key in list(bucket.keys.values()):
        dispose = getattr(key, "dispose", None)
        if dispose is not None:
            dispose()
    for part in list(bucket.multiparts.values()):
        part.dispose()
    s3_backends.bucket_accounts.pop(name, None)
