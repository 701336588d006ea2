"""The HTTP clients: one for the LUML API (with the key), a bare one for storage URLs."""

from __future__ import annotations

import sys
from typing import Any, TypeVar

import httpx

from ._errors import InvalidArgumentError
from ._options import BearerAuth, ClientOptions
from ._version import __version__

USER_AGENT = (
    f"luml-facade/{__version__} python/{sys.version_info.major}.{sys.version_info.minor} "
    f"httpx/{httpx.__version__}"
)

HttpClient = TypeVar("HttpClient", httpx.Client, httpx.AsyncClient)


def prepare_api_client(client: HttpClient, options: ClientOptions) -> HttpClient:
    """Point an httpx client the facade created itself at the LUML API with the key."""
    client.base_url = httpx.URL(options.base_url)
    client.auth = BearerAuth(options.api_key)
    client.headers["User-Agent"] = USER_AGENT
    client.headers["Accept"] = "application/json"
    return client


class _Keyed:
    """What both keyed wrappers share: the key, base URL and headers added per request."""

    def __init__(self, options: ClientOptions) -> None:
        self._base = options.base_url
        self.auth = BearerAuth(options.api_key)
        self.headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}

    def _arguments(self, url: Any, headers: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
        text = str(url)
        absolute = text if "://" in text else f"{self._base}/{text.lstrip('/')}"
        merged = {**self.headers, **(headers or {})}
        return {"url": absolute, "headers": merged, "auth": self.auth, **kwargs}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._base!r})"


class KeyedClient(_Keyed):
    """A caller's httpx.Client used for API calls: the key, base URL and headers are added to
    each request, and the caller's client itself is never changed. Whatever else the caller
    uses that client for (even presigned storage URLs) never carries the key.
    """

    def __init__(self, client: httpx.Client, options: ClientOptions) -> None:
        super().__init__(options)
        self._client = client

    @property
    def is_closed(self) -> bool:
        return self._client.is_closed

    def request(self, method: str, url: Any, *, headers: Any = None, **kwargs: Any) -> Any:
        return self._client.request(method, **self._arguments(url, headers, kwargs))


class AsyncKeyedClient(_Keyed):
    """KeyedClient for a caller's httpx.AsyncClient."""

    def __init__(self, client: httpx.AsyncClient, options: ClientOptions) -> None:
        super().__init__(options)
        self._client = client

    @property
    def is_closed(self) -> bool:
        return self._client.is_closed

    async def request(self, method: str, url: Any, *, headers: Any = None, **kwargs: Any) -> Any:
        return await self._client.request(method, **self._arguments(url, headers, kwargs))


def keyed(client: Any, options: ClientOptions, *, asynchronous: bool) -> _Keyed:
    """Wrap a caller's httpx client for API calls (it must match the facade client's kind)."""
    wanted = httpx.AsyncClient if asynchronous else httpx.Client
    if not isinstance(client, wanted):
        facade = "AsyncLumlClient" if asynchronous else "LumlClient"
        raise InvalidArgumentError(
            f"http_client must be an {wanted.__module__}.{wanted.__name__} for {facade}, got "
            f"{type(client).__name__}"
        )
    if isinstance(client, httpx.AsyncClient):
        return AsyncKeyedClient(client, options)
    return KeyedClient(client, options)


def check_storage_client(client: Any, *, asynchronous: bool) -> None:
    """A caller's storage client must match the facade client's kind."""
    wanted = httpx.AsyncClient if asynchronous else httpx.Client
    if not isinstance(client, wanted):
        facade = "AsyncLumlClient" if asynchronous else "LumlClient"
        raise InvalidArgumentError(
            f"storage_http_client must be an {wanted.__module__}.{wanted.__name__} for "
            f"{facade}, got {type(client).__name__}"
        )


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
