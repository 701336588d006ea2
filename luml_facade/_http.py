"""The HTTP clients: one for the LUML API (with the key), a bare one for storage URLs."""

from __future__ import annotations

import sys
from typing import TypeVar

import httpx

from ._options import BearerAuth, ClientOptions
from ._version import __version__

USER_AGENT = (
    f"luml-facade/{__version__} python/{sys.version_info.major}.{sys.version_info.minor} "
    f"httpx/{httpx.__version__}"
)

HttpClient = TypeVar("HttpClient", httpx.Client, httpx.AsyncClient)


def prepare_api_client(client: HttpClient, options: ClientOptions) -> HttpClient:
    """Point a (possibly user-supplied) httpx client at the LUML API with the key.

    A client you pass keeps its transport, proxies, certificates and timeout; the facade sets
    its base URL, authentication and default headers.
    """
    client.base_url = httpx.URL(options.base_url)
    client.auth = BearerAuth(options.api_key)
    client.headers["User-Agent"] = USER_AGENT
    client.headers["Accept"] = "application/json"
    return client


def new_api_client(
    options: ClientOptions, *, asynchronous: bool
) -> httpx.Client | httpx.AsyncClient:
    if asynchronous:
        return prepare_api_client(
            httpx.AsyncClient(timeout=options.timeout, verify=options.verify), options
        )
    return prepare_api_client(httpx.Client(timeout=options.timeout, verify=options.verify), options)


def storage_connections(options: ClientOptions) -> int:
    """Pooled connections (and async worker threads) for presigned storage URLs."""
    return max(10, options.max_concurrency * 2)
