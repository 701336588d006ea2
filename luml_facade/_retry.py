"""When to try a request again, and how long to wait first (no I/O here)."""

from __future__ import annotations

import email.utils
import random
import ssl
import time
from collections.abc import Mapping

import attrs
import httpx

RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})


@attrs.frozen
class RetryPolicy:
    """Bounded exponential backoff with full jitter, honouring Retry-After.

    Idempotent requests are retried on connection errors, timeouts and 429/502/503/504.
    Other requests (creates) are retried only when the connection could not be opened, so the
    server never saw them: a create is never sent twice.

    Example:
        RetryPolicy(max_retries=5, backoff_base=0.25, backoff_max=8.0)
    """

    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    retry_after_max: float = 60.0

    def delay_after_status(
        self, attempt: int, status_code: int, headers: Mapping[str, str], *, idempotent: bool
    ) -> float | None:
        """Seconds to wait before retrying after an answer, or None to keep that answer."""
        if status_code not in RETRYABLE_STATUSES or not idempotent:
            return None
        if attempt >= self.max_retries:
            return None
        hinted = parse_retry_after(headers.get("retry-after"))
        if hinted is not None:
            return min(hinted, self.retry_after_max)
        return self.backoff(attempt)

    def delay_after_error(
        self, attempt: int, error: BaseException, *, idempotent: bool
    ) -> float | None:
        """Seconds to wait before retrying after a transport error, or None to give up."""
        if attempt >= self.max_retries or not isinstance(error, httpx.TransportError):
            return None
        never_sent = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout)
        if not (idempotent or never_sent):
            return None
        if isinstance(error, httpx.UnsupportedProtocol | httpx.ProxyError) or is_tls_failure(error):
            return None  # retrying cannot help: the setup must change
        return self.backoff(attempt)

    def backoff(self, attempt: int) -> float:
        """Full-jitter exponential backoff for the given (0-based) attempt."""
        ceiling = min(self.backoff_max, self.backoff_base * (2**attempt))
        return random.uniform(0, ceiling)  # noqa: S311 - jitter, not cryptography


def is_tls_failure(error: BaseException) -> bool:
    """Whether a transport error comes from TLS (an untrusted or invalid certificate)."""
    seen: BaseException | None = error
    for _ in range(8):
        if seen is None:
            break
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(error)  # a transport that kept only the text


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent/bad."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())
