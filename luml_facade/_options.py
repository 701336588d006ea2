"""Client settings: where the key and URL come from, timeouts, retries, concurrency."""

from __future__ import annotations

import os
from collections.abc import Generator

import attrs
import httpx

from ._cache_settings import CacheSettings
from ._errors import ConfigurationError
from ._retry import RetryPolicy

DEFAULT_BASE_URL = "https://api.luml.ai"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_STORAGE_TIMEOUT = httpx.Timeout(300.0, connect=10.0)


class ApiKey:
    """The API key, kept out of every repr, str and log line. `source` says where it came
    from (the api_key argument or LUML_API_KEY), for error messages."""

    __slots__ = ("_value", "source")

    def __init__(self, value: str, source: str = "the api_key argument") -> None:
        self._value = value
        self.source = source

    def reveal(self) -> str:
        return self._value

    def hint(self) -> str:
        """At most the first few characters (never more than a quarter of the key)."""
        shown = min(4, len(self._value) // 4)
        return f"{self._value[:shown]}…" if shown else "…"

    def describe(self) -> str:
        """Where the key came from, and its first characters, for a refused key."""
        return f"the API key from {self.source} ({self.hint()!r})"

    def __repr__(self) -> str:
        return "ApiKey('***')"

    __str__ = __repr__


class KeyFrom(str):
    """An API key passed as `api_key=` that says where it came from (the command line reads
    it from LUML_API_KEY or its config file), so a refused key is reported with its source."""

    source: str

    def __new__(cls, value: str, source: str) -> KeyFrom:
        key = super().__new__(cls, value)
        key.source = source
        return key

    def __repr__(self) -> str:
        return "KeyFrom('***')"

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
    cache: CacheSettings = attrs.field(factory=CacheSettings)

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
        key = _api_key(api_key)
        url = _base_url(base_url)
        for name, value, lowest in (
            ("max_retries", max_retries, 0),
            ("max_concurrency", max_concurrency, 1),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or value < lowest:
                raise ConfigurationError(f"{name} must be an integer >= {lowest}, got {value!r}")
        if retry is not None and not isinstance(retry, RetryPolicy):
            raise ConfigurationError(
                f"retry must be a luml_facade.RetryPolicy, got {type(retry).__name__}"
            )
        if not isinstance(verify, bool | str):
            raise ConfigurationError(
                f"verify must be True, False or the path of a CA bundle, got {verify!r}"
            )
        return cls(
            api_key=key,
            base_url=url,
            timeout=_timeout(timeout, DEFAULT_TIMEOUT),
            retry=retry or RetryPolicy(max_retries=max_retries),
            max_concurrency=max_concurrency,
            verify=verify,
        )


def _api_key(given: str | None) -> ApiKey:
    if given is not None and not isinstance(given, str):
        raise ConfigurationError(f"api_key must be a string, got {type(given).__name__}")
    if given:
        source = given.source if isinstance(given, KeyFrom) else "the api_key argument"
        return ApiKey(str.strip(given), source)
    from_environment = os.environ.get("LUML_API_KEY", "").strip()
    if not from_environment:
        raise ConfigurationError(
            "no API key: pass api_key= to the client or set the LUML_API_KEY environment variable"
        )
    return ApiKey(from_environment, "the LUML_API_KEY environment variable")


def _base_url(given: str | None) -> str:
    if given is not None and not isinstance(given, str):
        raise ConfigurationError(f"base_url must be a string, got {type(given).__name__}")
    source = "base_url" if given else "LUML_BASE_URL"
    url = (given or os.environ.get("LUML_BASE_URL") or DEFAULT_BASE_URL).strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ConfigurationError(f"{source} must start with http:// or https://, got {url!r}")
    if url.lower().endswith("/v1"):
        raise ConfigurationError(
            f"{source} must not end in /v1 (every API path already starts with /v1): use "
            f"{url[:-3]!r}"
        )
    try:
        httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as error:
        raise ConfigurationError(f"{source} is not a valid URL ({error}): got {url!r}") from error
    return url


def _timeout(value: float | httpx.Timeout | None, default: httpx.Timeout) -> httpx.Timeout:
    if value is None:
        return default
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigurationError(
            f"timeout must be a number of seconds > 0 or an httpx.Timeout, got {value!r}"
        )
    return httpx.Timeout(value)
