"""The sans-I/O core: every piece of logic is a generator ("flow") that yields instructions.

A flow says *what* must happen next (call this endpoint, send this storage request, wait, run
these sub-flows side by side) and gets the outcome back from `yield`; errors are thrown back
into it. `_driver.SyncDriver` and `_driver.AsyncDriver` carry the instructions out, so each
piece of logic (lookup by name, defaults, paging, retries, uploads) is written once for both
clients.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping, Sequence
from types import ModuleType
from typing import Any, TypeAlias, TypeVar

import attrs

T = TypeVar("T")

Flow: TypeAlias = Generator[Any, Any, T]
"""A generator that yields instructions and returns a T."""


@attrs.frozen
class ApiCall:
    """Call a generated endpoint (`endpoint.sync_detailed` / `asyncio_detailed`) with retries.

    The driver answers with the endpoint's `parsed` value, or throws the typed status error.
    """

    endpoint: ModuleType
    kwargs: Mapping[str, Any]
    idempotent: bool = True


@attrs.frozen
class SendApi:
    """One attempt of an ApiCall: answered with the generated `Response`."""

    endpoint: ModuleType
    kwargs: Mapping[str, Any]


@attrs.frozen
class StorageRequest:
    """A request to a presigned storage URL (never carries the API key).

    `body` is bytes, or a FileWindow that the driver streams from disk (and can replay).
    """

    method: str
    url: str
    headers: Mapping[str, str] = attrs.field(factory=dict)
    body: Any = None
    idempotent: bool = True


@attrs.frozen
class SendStorage:
    """One attempt of a StorageRequest: answered with the `httpx.Response` (body read)."""

    request: StorageRequest


@attrs.frozen
class StreamToSink:
    """GET `url` and write the body to `sink` as it arrives: answered with the response
    (headers and status, body not kept). A broken connection is thrown back into the flow."""

    url: str
    headers: Mapping[str, str]
    sink: Any


@attrs.frozen
class Sleep:
    """Wait this many seconds."""

    seconds: float


@attrs.frozen
class Blocking:
    """Run a blocking function (file I/O, hashing): in a worker thread on the async client."""

    function: Callable[[], Any]


@attrs.frozen
class Parallel:
    """Run these flows concurrently, at most `limit` at once; answered with their results in
    order. The first failure cancels what has not started and is thrown back."""

    flows: Sequence[Callable[[], Flow[Any]]]
    limit: int


@attrs.frozen
class Emit:
    """Hand these items to whoever iterates the flow (the lazy `list_all` iterators)."""

    items: Sequence[Any]


def call(endpoint: ModuleType, *, idempotent: bool = True, **kwargs: Any) -> Flow[Any]:
    """Call a generated endpoint and return its parsed 2xx body (None for 204)."""
    return (yield ApiCall(endpoint, kwargs, idempotent))


def blocking(function: Callable[[], T]) -> Flow[T]:
    """Run a blocking function off the event loop (inline on the sync client)."""
    result: T = yield Blocking(function)
    return result


def in_parallel(flows: Sequence[Callable[[], Flow[T]]], limit: int) -> Flow[list[T]]:
    """Run flows concurrently (bounded) and return their results in order."""
    results: list[T] = yield Parallel(flows, max(1, limit))
    return results


def storage(request: StorageRequest) -> Flow[Any]:
    """Send a storage request (with retries when it can be replayed); returns the response."""
    return (yield request)
