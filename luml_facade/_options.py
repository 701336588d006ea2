"""Client settings: where the key and URL come from, timeouts, retries, concurrency."""

from __future__ import annotations

import os
from collections.abc import Generator

import attrs
import httpx

from ._errors import ConfigurationError
from ._retry import RetryPolicy

DEFAULT_BASE_URL = "https://api.luml.ai"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_STORAGE_TIMEOUT = httpx.Timeout(300.0, connect=10.0)


class ApiKey:
    """The API key, kept out of every repr, str and log line."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "ApiKey('***')"

    __str__ = __repr__


class BearerAuth(httpx.Auth):
    """Adds `Authorization: Bearer <key>` to requests of the LUML API client only."""

    def __init__(self, key: ApiKey) -> None:
        self._key = key

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._key.reveal()}"
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(***)"


@attrs.frozen(kw_only=True)
class ClientOptions:
    """Everything a client was configured with (the key is never shown)."""

    api_key: ApiKey = attrs.field(repr=False)
    base_url: str
    timeout: httpx.Timeout = DEFAULT_TIMEOUT
    storage_timeout: httpx.Timeout = DEFAULT_STORAGE_TIMEOUT
    retry: RetryPolicy = attrs.field(factory=RetryPolicy)
    max_concurrency: int = 8
    verify: bool | str = True

    @classmethod
    def from_arguments(
        cls,
        api_key: str | None,
        base_url: str | None,
        *,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        retry: RetryPolicy | None,
        max_concurrency: int,
        verify: bool | str,
    ) -> ClientOptions:
        """Fill in the key and URL from LUML_API_KEY / LUML_BASE_URL; check the rest."""
        key = api_key or os.environ.get("LUML_API_KEY")
        if not key:
            raise ConfigurationError(
                "no API key: pass api_key= to the client or set the LUML_API_KEY environment "
                "variable"
            )
        url = (base_url or os.environ.get("LUML_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ConfigurationError(f"base_url must start with http:// or https://, got {url!r}")
        if max_retries < 0 or max_concurrency < 1:
            raise ConfigurationError("max_retries must be >= 0 and max_concurrency >= 1")
        return cls(
            api_key=ApiKey(key),
            base_url=url,
            timeout=_timeout(timeout, DEFAULT_TIMEOUT),
            retry=retry or RetryPolicy(max_retries=max_retries),
            max_concurrency=max_concurrency,
            verify=verify,
        )


def _timeout(value: float | httpx.Timeout | None, default: httpx.Timeout) -> httpx.Timeout:
    if value is None:
        return default
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)
