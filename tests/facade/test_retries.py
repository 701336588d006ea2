"""Retries as the server sees them: how long the client waits between attempts (read from the
arrival times in the local server's request log, never from a clock in the test), which
creates are sent again, and the timeouts a client starts with.

Waits are checked as lower bounds only: the server's log says when each attempt arrived, and
a retry can never arrive sooner than the wait the policy asked for.
"""

from __future__ import annotations

import email.utils
import itertools
import time
import types
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from luml_facade import APIConnectionError, AsyncLumlClient, LumlClient, RetryPolicy
from luml_facade._retry import parse_retry_after
from luml_facade.testing import Fault, LocalLuml, SeenRequest, Tenant

from .conftest import FAST_RETRIES, make_client, run, write_artifact
from .test_errors import settle

# A policy whose waits are long enough to see in the server's log: 0.2 s, 0.4 s, 0.8 s at
# most (full jitter draws below these; `ceiling_jitter` makes it draw the ceiling).
BACKOFF = RetryPolicy(max_retries=3, backoff_base=0.2, backoff_max=8.0)
SLACK = 0.01  # the server logs a request a little after the client sent it; never earlier


@pytest.fixture
def ceiling_jitter(monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, float]]:
    """Full jitter draws uniform(0, ceiling); here it draws the ceiling, and records each
    (low, high) it was asked for."""
    asked: list[tuple[float, float]] = []

    def uniform(low: float, high: float) -> float:
        asked.append((low, high))
        return high

    monkeypatch.setattr("luml_facade._retry.random", types.SimpleNamespace(uniform=uniform))
    return asked


@pytest.fixture
async def backoff_luml(client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant) -> Any:
    """A client (sync or async) with the BACKOFF policy, its defaults already resolved."""
    client = make_client(client_kind, luml_server, luml_tenant, retry=BACKOFF)
    await run(client.orbits.list())
    luml_server.requests_seen.clear()
    yield client
    await run(client.aclose() if client_kind == "async" else client.close())


def arrivals(server: LocalLuml, target: str, method: str, path_part: str) -> list[SeenRequest]:
    return [
        seen
        for seen in server.requests_seen
        if seen.target == target and seen.method == method and path_part in seen.path
    ]


def gaps(seen: list[SeenRequest]) -> list[float]:
    """Seconds between consecutive arrivals."""
    return [later.at - earlier.at for earlier, later in itertools.pairwise(seen)]


def assert_waited(seen: list[SeenRequest], waits: list[float]) -> None:
    """Each retry arrived at least the given wait after the attempt before it."""
    measured = gaps(seen)
    assert len(measured) == len(waits), measured
    for gap, wait in zip(measured, waits, strict=True):
        assert gap >= wait - SLACK, (measured, waits)


# backoff


async def test_api_retries_back_off_exponentially(
    backoff_luml: Any, luml_server: LocalLuml, ceiling_jitter: list[tuple[float, float]]
) -> None:
    luml_server.faults.add(
        Fault(target="api", method="GET", path_contains="/orbits", status=503, times=3)
    )

    assert await run(backoff_luml.orbits.list()) == []

    assert_waited(arrivals(luml_server, "api", "GET", "/orbits"), [0.2, 0.4, 0.8])
    assert ceiling_jitter == [(0, 0.2), (0, 0.4), (0, 0.8)]  # full jitter: from 0 up


async def test_storage_retries_back_off_exponentially(
    backoff_luml: Any,
    workspace: Any,
    luml_server: LocalLuml,
    tmp_path: Path,
    ceiling_jitter: list[tuple[float, float]],
) -> None:
    del workspace  # it set up the defaults of `backoff_luml`'s tenant
    await run(backoff_luml.setup_config(orbit="Models", collection="main"))
    path = write_artifact(tmp_path / "model.luml")
    luml_server.requests_seen.clear()
    luml_server.faults.add(Fault(target="storage", method="PUT", status=503, times=2))

    await run(backoff_luml.artifacts.upload(path))

    assert_waited(arrivals(luml_server, "storage", "PUT", ""), [0.2, 0.4])


def test_backoff_is_capped_by_backoff_max(ceiling_jitter: list[tuple[float, float]]) -> None:
    policy = RetryPolicy(max_retries=10, backoff_base=1.0, backoff_max=3.0)
    assert [policy.backoff(attempt) for attempt in range(4)] == [1.0, 2.0, 3.0, 3.0]


# Retry-After


async def test_retry_after_is_waited_on_api_calls(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    """FAST_RETRIES has no backoff at all: only the server's Retry-After makes it wait."""
    await settle(luml, luml_server)
    luml_server.faults.add(
        Fault(target="api", method="GET", path_contains="/orbits", status=429, retry_after="1")
    )

    assert await run(luml.orbits.list()) == []

    assert_waited(arrivals(luml_server, "api", "GET", "/orbits"), [1.0])


async def test_retry_after_is_waited_on_storage_requests(
    workspace: Any, luml_server: LocalLuml, tmp_path: Path
) -> None:
    path = write_artifact(tmp_path / "model.luml")
    luml_server.faults.add(
        Fault(target="storage", method="PUT", status=503, retry_after="1", times=1)
    )
    artifact = await run(workspace.artifacts.upload(path))
    luml_server.faults.add(
        Fault(target="storage", method="GET", status=503, retry_after="1", times=1)
    )

    await run(workspace.artifacts.download(artifact.id, tmp_path / "copy.luml"))

    assert_waited(arrivals(luml_server, "storage", "PUT", ""), [1.0])
    assert_waited(arrivals(luml_server, "storage", "GET", ""), [1.0])


def test_retry_after_is_capped_by_retry_after_max() -> None:
    policy = RetryPolicy(retry_after_max=5.0)
    wait = policy.delay_after_status(0, 503, {"retry-after": "3600"}, idempotent=True)
    assert wait == 5.0


@pytest.mark.parametrize(
    ("header", "expected"),
    [("7", 7.0), ("0.5", 0.5), ("-3", 0.0), ("soon", None), ("", None), (None, None)],
)
def test_retry_after_seconds(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header) == expected


def test_retry_after_as_an_http_date() -> None:
    in_a_minute = email.utils.formatdate(time.time() + 60, usegmt=True)
    seconds = parse_retry_after(in_a_minute)
    assert seconds is not None and 55 <= seconds <= 60
    assert parse_retry_after(email.utils.formatdate(time.time() - 60, usegmt=True)) == 0.0


def test_retry_after_is_kept_to_retryable_statuses_of_idempotent_requests() -> None:
    policy = RetryPolicy()
    hint = {"retry-after": "2"}
    assert policy.delay_after_status(0, 503, hint, idempotent=True) == 2.0
    assert policy.delay_after_status(0, 500, hint, idempotent=True) is None
    assert policy.delay_after_status(0, 503, hint, idempotent=False) is None
    assert policy.delay_after_status(3, 503, hint, idempotent=True) is None  # out of retries


# a create is retried only when the connection never opened


class FailingFirst:
    """A respx side effect: the first request fails with `error` before reaching the server;
    the next ones pass through to the local server. `attempts` counts the calls (respx may
    see a passed-through request more than once)."""

    def __init__(self, error: httpx.TransportError) -> None:
        self.error = error
        self.attempts = 0

    def __call__(self, request: httpx.Request) -> httpx.Request:
        self.attempts += 1
        if self.attempts == 1:
            raise self.error
        return request  # respx passes a returned request through


@pytest.mark.parametrize(
    "never_opened",
    [httpx.ConnectError("connection refused"), httpx.ConnectTimeout("connect timed out")],
    ids=["refused", "connect-timeout"],
)
async def test_a_create_is_retried_when_the_connection_never_opened(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant, never_opened: httpx.TransportError
) -> None:
    await run(luml.orbits.list())
    luml_server.requests_seen.clear()
    refused_once = FailingFirst(never_opened)
    with respx.mock(assert_all_called=False) as router:
        router.post(url__regex=r"/orbits$").mock(side_effect=refused_once)
        router.route().pass_through()
        orbit = await run(luml.orbits.create("Once", luml_tenant.bucket_secret_id))

    # the refused attempt never reached the server; the retry did, once
    assert refused_once.attempts >= 2
    assert len(arrivals(luml_server, "api", "POST", "/orbits")) == 1
    assert [item.id for item in await run(luml.orbits.list())] == [orbit.id]


@pytest.mark.parametrize(
    "after_sending",
    [
        httpx.ReadError("connection reset"),
        httpx.ReadTimeout("read timed out"),
        httpx.RemoteProtocolError("server disconnected"),
    ],
    ids=["reset", "read-timeout", "disconnected"],
)
async def test_a_create_whose_connection_opened_is_never_sent_again(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant, after_sending: httpx.TransportError
) -> None:
    await run(luml.orbits.list())
    with respx.mock(assert_all_called=False) as router:
        create = router.post(url__regex=r"/orbits$").mock(side_effect=after_sending)
        router.route().pass_through()
        with pytest.raises(APIConnectionError):
            await run(luml.orbits.create("Once", luml_tenant.bucket_secret_id))

    assert create.call_count == 1


# timeouts


@pytest.mark.parametrize("client_class", [LumlClient, AsyncLumlClient])
def test_default_timeouts(client_class: Any) -> None:
    """60 s for an API request (10 s to connect), 300 s for a storage request."""
    luml = client_class(api_key="dfs_x", base_url="http://127.0.0.1:9")
    api = (
        luml.raw.get_async_httpx_client()
        if client_class is AsyncLumlClient
        else luml.raw.get_httpx_client()
    )
    assert api.timeout == httpx.Timeout(60.0, connect=10.0)
    storage = luml._session.driver.storage.transport  # built on first use (_storage_later.py)
    pool_timeout = storage._pool_args["timeout"]
    assert (pool_timeout.connect_timeout, pool_timeout.read_timeout) == (10.0, 300.0)
    assert luml._options.storage_timeout == httpx.Timeout(300.0, connect=10.0)


def test_a_timeout_argument_sets_the_api_timeout() -> None:
    luml = LumlClient(api_key="dfs_x", base_url="http://127.0.0.1:9", timeout=5)
    assert luml.raw.get_httpx_client().timeout == httpx.Timeout(5.0)
    luml.close()


def test_fast_retries_policy_has_no_backoff() -> None:
    # the fixtures' policy: these tests rely on it to tell Retry-After from backoff
    assert (FAST_RETRIES.backoff_base, FAST_RETRIES.backoff_max) == (0.0, 0.0)


def test_transport_errors_are_retried_at_most_max_retries_times() -> None:
    policy = RetryPolicy(max_retries=2, backoff_base=0.0)
    refused = httpx.ConnectError("refused")
    assert [policy.delay_after_error(n, refused, idempotent=True) for n in range(3)] == [
        0.0,
        0.0,
        None,
    ]
    assert policy.delay_after_error(0, ValueError("not transport"), idempotent=True) is None


@pytest.mark.parametrize(
    "error",
    [httpx.UnsupportedProtocol("ftp://"), httpx.ProxyError("proxy refused")],
    ids=["unsupported-protocol", "proxy"],
)
def test_setup_errors_are_never_retried(error: httpx.TransportError) -> None:
    assert RetryPolicy().delay_after_error(0, error, idempotent=True) is None
