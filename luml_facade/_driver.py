"""The two drivers that carry out flows: one blocking, one asyncio. They only do I/O.

Everything else (what to call, retries, paging, uploads) lives in flows (`_flow.py`), so the
sync and async clients share one implementation of each piece of logic.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

import attrs
import httpx
from luml_openapi.client import Client

from ._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    ConfigurationError,
    InvalidArgumentError,
    error_for_status,
)
from ._flow import (
    ApiCall,
    Blocking,
    Emit,
    Flow,
    Parallel,
    SendApi,
    SendStorage,
    Sleep,
    StorageRequest,
    StreamToSink,
)
from ._options import ApiKey
from ._retry import RETRYABLE_STATUSES, RetryPolicy, is_tls_failure
from ._threads import run_in_threads

if TYPE_CHECKING:  # asyncio and the storage transports are imported where they are used:
    # the blocking client needs neither (benchmarks/import_time.py)
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from ._storage_client import AsyncHttpxStorage, BlockingStorage

T = TypeVar("T")
logger = logging.getLogger("luml_facade")
_worker = threading.local()  # .stop: the Event that aborts a Parallel group's transfers

CANCEL_GRACE = 5.0
"""Seconds a cancelled async transfer waits for its storage thread to stop."""


def advance(flow: Flow[Any], value: Any, error: BaseException | None) -> tuple[bool, Any]:
    """Resume `flow` with a value or an error: (True, result) when it ended, else (False, next
    instruction)."""
    try:
        instruction = flow.throw(error) if error is not None else flow.send(value)
    except StopIteration as stop:
        return True, stop.value
    return False, instruction


def with_retries(send: Any, policy: RetryPolicy, *, idempotent: bool) -> Flow[Any]:
    """Yield `send` until it gets a keepable answer or the policy gives up; return the answer."""
    attempt = 0
    while True:
        try:
            answer = yield send
        except httpx.TransportError as error:
            delay = policy.delay_after_error(attempt, error, idempotent=idempotent)
            if delay is None:
                raise
            logger.info("retrying after %s (attempt %d)", type(error).__name__, attempt + 1)
        else:
            delay = policy.delay_after_status(
                attempt, answer.status_code, answer.headers, idempotent=idempotent
            )
            if delay is None:
                return answer
            logger.info("retrying after HTTP %d (attempt %d)", answer.status_code, attempt + 1)
        yield Sleep(delay)
        attempt += 1


@attrs.frozen
class ApiContext:
    """What error messages say about the API: its URL and where the key came from."""

    base_url: str
    key: ApiKey


def api_call(call: ApiCall, policy: RetryPolicy, context: ApiContext) -> Flow[Any]:
    """One API call with retries; returns the parsed 2xx body or raises the typed error."""
    check_sendable(call)
    send = SendApi(call.endpoint, call.kwargs)
    unreachable: tuple[APIConnectionError, httpx.TransportError] | None = None
    try:
        response = yield from with_retries(send, policy, idempotent=call.idempotent)
    except httpx.TransportError as error:
        unreachable = transport_error(error, context.base_url, "the LUML API"), keyless(error)
    except (KeyError, TypeError, ValueError, AttributeError) as error:  # the generated parser
        raise APIResponseValidationError(
            f"{operation_name(call)} answered with a body this client could not read ({error!r})"
        ) from error
    if unreachable is not None:  # raised outside the handler: the original is not its context
        raise unreachable[0] from unreachable[1]
    if 300 <= response.status_code < 400:
        location = response.headers.get("location")
        target = f" to {location}" if location else ""
        raise ConfigurationError(
            f"the LUML API at {context.base_url} answered {response.status_code} (a redirect"
            f"{target}) to {operation_name(call)}: set base_url (or LUML_BASE_URL) to the "
            "address that answers directly; the client never follows redirects with the key"
        )
    if response.status_code >= 400:
        raise error_for_status(
            response.status_code,
            response.content,
            response.headers,
            status_hint(response.status_code, call, policy, context),
        )
    if response.parsed is None and response.status_code != 204:
        raise APIResponseValidationError(
            f"{operation_name(call)} answered {response.status_code} with a body this client "
            "could not read"
        )
    return response.parsed


def status_hint(status: int, call: ApiCall, policy: RetryPolicy, context: ApiContext) -> str:
    """What to do about an error answer, where the client knows more than the server."""
    if status == 401:
        return (
            f"{context.key.describe()} was refused by {context.base_url}: check the key (or "
            "create a new one in LUML) and that base_url points at the right server"
        )
    if status in RETRYABLE_STATUSES and call.idempotent:
        return (
            f"still failing after {policy.max_retries} retries: try again later, or allow more "
            "with max_retries= / retry=RetryPolicy(...)"
        )
    if status in RETRYABLE_STATUSES:
        return "not retried, so it is never created twice: check whether it exists, then retry"
    return ""


def transport_error(error: httpx.TransportError, url: str, what: str) -> APIConnectionError:
    """The typed error for no answer at all, naming the URL and what to check."""
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(
            f"{what} at {url} did not answer in time ({type(error).__name__}: {error}); pass a "
            "larger timeout= if it is slow"
        )
    if is_tls_failure(error):
        return APIConnectionError(
            f"TLS certificate verification failed for {url} ({error}): if the server uses a "
            "private CA pass verify='/path/to/ca-bundle.pem'; otherwise fix its certificate"
        )
    return APIConnectionError(
        f"could not reach {what} at {url} ({type(error).__name__}: {error}); check the URL "
        "(base_url / LUML_BASE_URL), the network and any proxy"
    )


def keyless(error: httpx.TransportError) -> httpx.TransportError:
    """A copy of an httpx error of the LUML API to chain to the typed error: same type and
    message, its request without the key (`Authorization: Bearer ***`), and no traceback,
    cause or context, whose frames and requests hold the key."""
    try:
        request: httpx.Request | None = error.request
    except RuntimeError:  # raised without a request
        request = None
    if request is not None:
        headers = [
            (name, "Bearer ***" if name.lower() == "authorization" else value)
            for name, value in request.headers.multi_items()
        ]
        request = httpx.Request(request.method, request.url, headers=headers)
    try:
        copy = type(error)(str(error), request=request)
    except TypeError:  # a subclass with another signature
        copy = httpx.TransportError(str(error), request=request)
    copy.__suppress_context__ = True
    return copy


def check_sendable(call: ApiCall) -> None:
    """Refuse arguments that can't be sent (a wrong type, a body that is not JSON), naming
    the field, before anything is sent: never mistaken for an unreadable answer."""
    build = getattr(call.endpoint, "_get_kwargs", None)
    if build is None:
        return
    try:
        request = build(**call.kwargs)
    except Exception as error:
        raise InvalidArgumentError(
            f"an argument of {operation_name(call)} can't be sent ({error!r}): check the "
            "arguments' types"
        ) from error
    body = request.get("json")
    fields = body.items() if isinstance(body, dict) else [("the request body", body)]
    for name, value in fields:
        try:
            json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise InvalidArgumentError(
                f"{name} can't be sent as JSON ({error}): pass only str, int, float (not NaN "
                "or infinity), bool, None, lists and dicts with str keys"
            ) from error


def storage_call(request: StorageRequest, policy: RetryPolicy) -> Flow[httpx.Response]:
    """One storage request with retries (bodies are replayable); returns the last answer."""
    answer: httpx.Response = yield from with_retries(
        SendStorage(request), policy, idempotent=request.idempotent
    )
    return answer


def operation_name(call: ApiCall | SendApi) -> str:
    return call.endpoint.__name__.rsplit(".", 1)[-1]


def storage_label(url: str) -> str:
    """Scheme, host and path of a presigned URL: never its signed query string."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


class _BaseDriver:
    """What both drivers share: the clients, the policy, and how instructions expand."""

    def __init__(self, api: Client, storage: Any, policy: RetryPolicy, context: ApiContext) -> None:
        self.api = api
        self.storage = storage
        self.policy = policy
        self.context = context

    def expand(self, instruction: Any) -> Flow[Any] | None:
        """The flow a high-level instruction stands for, or None for an I/O primitive."""
        if isinstance(instruction, ApiCall):
            return api_call(instruction, self.policy, self.context)
        if isinstance(instruction, StorageRequest):
            return storage_call(instruction, self.policy)
        return None

    @staticmethod
    def log_api(send: SendApi, status: int) -> None:
        logger.debug("LUML API %s -> %d", operation_name(send), status)

    @staticmethod
    def log_storage(method: str, url: str, status: int) -> None:
        logger.debug("storage %s %s -> %d", method, storage_label(url), status)


class SyncDriver(_BaseDriver):
    """Carries out flows with blocking I/O (threads for Parallel)."""

    storage: BlockingStorage

    def run(self, flow: Flow[T]) -> T:
        """Run a flow to its end and return its result."""
        done, item = advance(flow, None, None)
        while not done:
            if isinstance(item, Emit):
                raise TypeError("this flow emits items: iterate it instead")
            value, error = self._outcome(item)
            done, item = advance(flow, value, error)
        result: T = item
        return result

    def iterate(self, flow: Flow[Any]) -> Iterator[Any]:
        """Run a flow lazily, yielding the items it emits."""
        done, item = advance(flow, None, None)
        while not done:
            if isinstance(item, Emit):
                yield from item.items
                done, item = advance(flow, None, None)
                continue
            value, error = self._outcome(item)
            done, item = advance(flow, value, error)

    def _outcome(self, instruction: Any) -> tuple[Any, BaseException | None]:
        try:
            return self._perform(instruction), None
        except BaseException as error:  # thrown back into the flow, which decides
            return None, error

    def _perform(self, instruction: Any) -> Any:
        expanded = self.expand(instruction)
        if expanded is not None:
            return self.run(expanded)
        if isinstance(instruction, SendApi):
            response = instruction.endpoint.sync_detailed(client=self.api, **instruction.kwargs)
            self.log_api(instruction, response.status_code)
            return response
        if isinstance(instruction, SendStorage):
            return self._send_storage(instruction.request)
        if isinstance(instruction, StreamToSink):
            return self._stream(instruction)
        if isinstance(instruction, Sleep):
            return time.sleep(instruction.seconds)
        if isinstance(instruction, Blocking):
            return instruction.function()
        if isinstance(instruction, Parallel):
            return self._parallel(instruction)
        raise TypeError(f"unknown instruction {instruction!r}")

    def _send_storage(self, request: StorageRequest) -> httpx.Response:
        response = self.storage.send(request, getattr(_worker, "stop", None))
        self.log_storage(request.method, request.url, response.status_code)
        return response

    def _stream(self, instruction: StreamToSink) -> httpx.Response:
        response = self.storage.stream(instruction, getattr(_worker, "stop", None))
        self.log_storage("GET", instruction.url, response.status_code)
        return response

    def _parallel(self, instruction: Parallel) -> list[Any]:
        return run_in_threads(self._run_in_worker, instruction.flows, instruction.limit)

    def _run_in_worker(self, make: Callable[[], Flow[T]], stop: threading.Event) -> T:
        _worker.stop = stop
        try:
            return self.run(make())
        finally:
            _worker.stop = None


def _retrieve(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()


class AsyncDriver(_BaseDriver):
    """Carries out flows on asyncio; blocking work goes to worker threads, and so does the
    storage I/O of the default transport (bulk bytes: see `_storage_client.py`)."""

    storage: BlockingStorage | AsyncHttpxStorage

    def __init__(
        self,
        api: Client,
        storage: Any,
        policy: RetryPolicy,
        context: ApiContext,
        *,
        thread_count: int = 16,
    ) -> None:
        super().__init__(api, storage, policy, context)
        self.thread_count = thread_count
        self._threads: ThreadPoolExecutor | None = None

    async def run(self, flow: Flow[T]) -> T:
        """Run a flow to its end and return its result."""
        done, item = advance(flow, None, None)
        while not done:
            if isinstance(item, Emit):
                raise TypeError("this flow emits items: iterate it instead")
            value, error = await self._outcome(item)
            done, item = advance(flow, value, error)
        result: T = item
        return result

    async def iterate(self, flow: Flow[Any]) -> AsyncIterator[Any]:
        """Run a flow lazily, yielding the items it emits."""
        done, item = advance(flow, None, None)
        while not done:
            if isinstance(item, Emit):
                for emitted in item.items:
                    yield emitted
                done, item = advance(flow, None, None)
                continue
            value, error = await self._outcome(item)
            done, item = advance(flow, value, error)

    async def _outcome(self, instruction: Any) -> tuple[Any, BaseException | None]:
        try:
            return await self._perform(instruction), None
        except BaseException as error:  # thrown back into the flow, which decides
            return None, error

    async def _perform(self, instruction: Any) -> Any:
        expanded = self.expand(instruction)
        if expanded is not None:
            return await self.run(expanded)
        if isinstance(instruction, SendApi):
            endpoint = instruction.endpoint
            response = await endpoint.asyncio_detailed(client=self.api, **instruction.kwargs)
            self.log_api(instruction, response.status_code)
            return response
        if isinstance(instruction, SendStorage):
            return await self._send_storage(instruction.request)
        if isinstance(instruction, StreamToSink):
            return await self._stream(instruction)
        if isinstance(instruction, Sleep):
            import asyncio

            return await asyncio.sleep(instruction.seconds)
        if isinstance(instruction, Blocking):  # awaited to its end even when cancelled
            function = instruction.function
            return await self._in_thread(lambda stop: function())
        if isinstance(instruction, Parallel):
            return await self._parallel(instruction)
        raise TypeError(f"unknown instruction {instruction!r}")

    async def _send_storage(self, request: StorageRequest) -> httpx.Response:
        from ._storage_client import AsyncHttpxStorage

        storage = self.storage
        if isinstance(storage, AsyncHttpxStorage):
            response = await storage.send(request)
        else:
            response = await self._in_thread(lambda stop: storage.send(request, stop))
        self.log_storage(request.method, request.url, response.status_code)
        return response

    async def _stream(self, instruction: StreamToSink) -> httpx.Response:
        from ._storage_client import AsyncHttpxStorage

        storage = self.storage
        if isinstance(storage, AsyncHttpxStorage):
            response = await storage.stream(instruction)
        else:
            response = await self._in_thread(lambda stop: storage.stream(instruction, stop))
        self.log_storage("GET", instruction.url, response.status_code)
        return response

    async def _in_thread(self, work: Callable[[threading.Event], T]) -> T:
        """Run blocking storage I/O in a worker thread. On cancellation the transfer is told
        to stop at its next chunk, and awaited (briefly), so no thread keeps writing to a
        file the flow is about to discard."""
        import asyncio
        from concurrent.futures import ThreadPoolExecutor

        stop = threading.Event()
        if self._threads is None:
            self._threads = ThreadPoolExecutor(
                max_workers=self.thread_count, thread_name_prefix="luml-storage"
            )
        future = asyncio.get_running_loop().run_in_executor(self._threads, work, stop)
        try:
            return await asyncio.shield(future)
        except asyncio.CancelledError:
            stop.set()
            await asyncio.wait([future], timeout=CANCEL_GRACE)
            future.add_done_callback(_retrieve)  # its error (TransferAborted) is not news
            raise

    def close(self) -> None:
        """Let the storage worker threads go (they finish what they are doing)."""
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)
            self._threads = None

    async def _parallel(self, instruction: Parallel) -> list[Any]:
        import asyncio

        gate = asyncio.Semaphore(instruction.limit)

        async def run_gated(make: Any) -> Any:
            async with gate:
                return await self.run(make())

        try:
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(run_gated(make)) for make in instruction.flows]
        except BaseExceptionGroup as failures:
            raise failures.exceptions[0] from None
        return [task.result() for task in tasks]
