"""Make two servers' answers comparable: ids, times, URLs, hashes and keys become placeholders.

normalise({"id": "0190a8f2-...", "created_at": "2026-01-01T00:00:00Z"})
-> {"id": "<uuid>", "created_at": "<time>"}
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
TIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
URL_RE = re.compile(r"https?://[^\s\"'<>]+")
KEY_RE = re.compile(r"\bdfs(?:sat)?_[A-Za-z0-9_\-]+")
HASH_RE = re.compile(r"\b[0-9a-fA-F]{32,}\b")

# Fields whose value is opaque per server (cursors, upload ids): only null-or-not matters.
OPAQUE_FIELDS = frozenset({"cursor", "upload_id", "key", "api_key", "unique_identifier"})


def normalise_text(text: str, subs: Mapping[str, str] | None = None) -> str:
    """``text`` with the server's own strings (``subs``) and every id, time, URL, key and
    hash replaced by a placeholder."""
    text = URL_RE.sub("<url>", text)
    for literal, placeholder in sorted((subs or {}).items(), key=lambda kv: -len(kv[0])):
        if literal:
            text = text.replace(literal, placeholder)
    text = KEY_RE.sub("<key>", text)
    text = UUID_RE.sub("<uuid>", text)
    text = TIME_RE.sub("<time>", text)
    return HASH_RE.sub("<hash>", text)


def normalise(value: Any, subs: Mapping[str, str] | None = None, field: str | None = None) -> Any:
    """A JSON value with every string normalised (see normalise_text); opaque fields
    (cursor, upload_id, keys) become ``<opaque>`` unless null."""
    if isinstance(value, dict):
        return {key: normalise(item, subs, key) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item, subs) for item in value]
    if isinstance(value, str):
        if field in OPAQUE_FIELDS:
            return "<opaque>"
        return normalise_text(value, subs)
    return value


def shape(value: Any) -> Any:
    """The JSON structure without values: keys, list element shapes, leaf type names.

    A list's shape is the sorted set of its elements' shapes (``[]`` when empty).
    """
    if isinstance(value, dict):
        return {key: shape(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        shapes: list[Any] = []
        for item in value:
            if shape(item) not in shapes:
                shapes.append(shape(item))
        return sorted(shapes, key=repr)
    if value is None:
        return "null"
    return type(value).__name__
