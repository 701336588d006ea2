"""Keyset pages with opaque cursors, as the real server builds them."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")

SCOPE_NAMESPACE = uuid.UUID("a8f5f167-4f8a-5e6c-9b2d-1c3e4d5a6b7f")
ORDERS = ("asc", "desc")


class InvalidCursor(ValueError):
    """A cursor that does not decode to the five-element form."""


@dataclass(frozen=True)
class Cursor:
    """A decoded cursor: where the previous page ended, and for which query."""

    id_hex: str
    value: Any
    sort_by: str
    order: str
    scope_hex: str | None


def encode_cursor(cursor: Cursor) -> str:
    """urlsafe base64 of ``[id_hex, value, sort_by, order, scope_hex]``."""
    payload = [cursor.id_hex, cursor.value, cursor.sort_by, cursor.order, cursor.scope_hex]
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


def decode_cursor(text: str) -> Cursor:
    """Parse a cursor; InvalidCursor if it is not one this server writes."""
    try:
        raw = base64.b64decode(text, altchars=b"-_", validate=True)
        data = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise InvalidCursor(text) from exc
    if not isinstance(data, list) or len(data) != 5:
        raise InvalidCursor(text)
    id_hex, value, sort_by, order, scope_hex = data
    if not isinstance(sort_by, str) or order not in ORDERS:
        raise InvalidCursor(text)
    if scope_hex is not None and not isinstance(scope_hex, str):
        raise InvalidCursor(text)
    try:
        id_hex = uuid.UUID(hex=str(id_hex)).hex
    except ValueError as exc:
        raise InvalidCursor(text) from exc
    if sort_by == "created_at" and value is not None:
        value = normalize_timestamp(value)
    return Cursor(id_hex, value, sort_by, order, scope_hex)


def normalize_timestamp(value: Any) -> str:
    """An ISO timestamp in the stored form (UTC, microseconds)."""
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise InvalidCursor(str(value)) from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat(timespec="microseconds")


def _norm(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return ",".join(sorted(_norm(item) for item in value))
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, uuid.UUID):
        return value.hex
    return str(value)


def scope_hex(filters: dict[str, Any]) -> str:
    """The hex id of a filter scope; a cursor is only reused within the same scope."""
    text = "|".join(f"{key}={_norm(filters[key])}" for key in sorted(filters))
    return uuid.uuid5(SCOPE_NAMESPACE, text).hex


@dataclass(frozen=True)
class PageRequest:
    """How to sort and where to start."""

    sort_by: str
    order: str
    limit: int
    scope_hex: str | None
    cursor: Cursor | None


def usable_cursor(text: str | None, sort_by: str, order: str, scope: str | None) -> Cursor | None:
    """The decoded cursor if it belongs to this query; a foreign or undecodable one means the
    first page (the real server ignores a cursor it cannot read)."""
    if not text:
        return None
    try:
        cursor = decode_cursor(text)
    except InvalidCursor:
        return None
    if (cursor.sort_by, cursor.order, cursor.scope_hex) != (sort_by, order, scope):
        return None
    return cursor


def _sort_key(value: Any, id_hex: str) -> tuple[bool, Any, str]:
    return (value is not None, value, id_hex)


def page(
    items: Iterable[T],
    request: PageRequest,
    value_of: Callable[[T], Any],
    id_hex_of: Callable[[T], str],
) -> tuple[Sequence[T], str | None]:
    """One page of ``items`` and the cursor of the next (None on the last page).

    Order: the sort value with NULLs first in asc and last in desc, ties broken by id in the
    same direction.
    """
    desc = request.order == "desc"
    keyed = [(_sort_key(value_of(item), id_hex_of(item)), item) for item in items]
    try:
        keyed.sort(key=lambda pair: pair[0], reverse=desc)
        if request.cursor is not None:
            after = _sort_key(request.cursor.value, request.cursor.id_hex)
            keyed = [pair for pair in keyed if (pair[0] < after if desc else pair[0] > after)]
    except TypeError as exc:
        raise InvalidCursor("cursor value does not match the sort column") from exc
    chosen = [item for _, item in keyed[: request.limit]]
    if len(keyed) <= request.limit:
        return chosen, None
    last_key = keyed[request.limit - 1][0]
    next_cursor = Cursor(
        last_key[2], last_key[1], request.sort_by, request.order, request.scope_hex
    )
    return chosen, encode_cursor(next_cursor)
