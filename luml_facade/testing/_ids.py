"""Identifiers, API keys and timestamps used by the local server."""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
import uuid
from datetime import UTC, datetime

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7() -> uuid.UUID:
    """A UUIDv7: 48-bit ms timestamp, version 7, a 12-bit in-ms counter, then random bits.

    The counter keeps ids created in the same millisecond in creation order.
    """
    global _last_ms, _counter
    with _lock:
        now_ms = time.time_ns() // 1_000_000
        if now_ms <= _last_ms:
            now_ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:
                now_ms += 1
                _counter = 0
        else:
            _counter = 0
        _last_ms = now_ms
        counter = _counter
    rand_b = secrets.randbits(62)
    value = (now_ms & (2**48 - 1)) << 80
    value |= 0x7 << 76
    value |= counter << 64
    value |= 0b10 << 62
    value |= rand_b
    return uuid.UUID(int=value)


def new_id() -> str:
    """A new UUIDv7 in canonical text form."""
    return str(uuid7())


def new_api_key() -> str:
    """A user API key; the server recognises keys by the ``dfs_`` prefix."""
    return "dfs_" + secrets.token_urlsafe(32)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def new_session_token() -> str:
    """A JWT-shaped user token (header.payload.signature) standing in for a signed-in session.

    The local server only looks it up; no ``dfs_`` prefix, so the server treats it as a JWT.
    """
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = _b64(json.dumps({"jti": secrets.token_hex(16), "iss": "luml-local"}).encode())
    return f"{header}.{payload}.{_b64(secrets.token_bytes(32))}"


def now_iso() -> str:
    """The current UTC time as ISO 8601 with microseconds (sorts lexicographically)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")
