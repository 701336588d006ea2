"""Blanking a secret value out of an error: what a server echoes about a value it was sent
(an orbit secret's value), in whatever spelling the echo took.

A server's message may carry the value as sent, JSON-escaped (once, or twice when a JSON
text was quoted inside another), as a Python repr (pydantic's `input_value='...'`),
URL-encoded or HTML-escaped: every spelling is blanked.

How much is blanked depends on the value's length. A value of `MIN_ANYWHERE` characters or
more is blanked wherever it appears: a string that long does not turn up in a message by
chance. A shorter one (a one-letter secret, "on", "test") is blanked only where it stands as
a whole token, not preceded or followed by a letter, digit or underscore: an echoed value
is always set off by quotes, spaces or punctuation, while blanking "a" everywhere would
mangle every word of the message that holds the letter.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import quote, quote_plus

HIDDEN = "***"
MIN_ANYWHERE = 8
"""Values at least this long are blanked even inside a longer word."""


def spellings(value: str) -> set[str]:
    """The ways a server's answer may spell `value` (never the empty string)."""
    escaped = json.dumps(value)[1:-1]
    forms = {
        value,
        escaped,
        json.dumps(value, ensure_ascii=False)[1:-1],
        json.dumps(escaped)[1:-1],  # a JSON text quoted inside another one
        repr(value)[1:-1],
        quote(value, safe=""),
        quote(value),
        quote_plus(value),
        html.escape(value),
    }
    return {form for form in forms if form}


def _pattern(value: str) -> re.Pattern[str]:
    # Not cached here: blanking runs only on the error path, `re` caches the compiled
    # pattern, and a cache of this module's own would hide `spellings` from mutation testing
    # (mutmut's test processes are forked from one that already ran the tests).
    pieces = []
    whole_token = len(value) < MIN_ANYWHERE
    for form in sorted(spellings(value), key=len, reverse=True):
        piece = re.escape(form)
        if whole_token and re.match(r"\w", form):
            piece = r"(?<!\w)" + piece
        if whole_token and re.match(r"\w", form[-1]):
            piece += r"(?!\w)"
        pieces.append(piece)
    return re.compile("|".join(pieces))


def blank(data: Any, value: str) -> Any:
    """`data` (text, or JSON-like dicts and lists of it) with `value` blanked out."""
    if not value:
        return data
    if isinstance(data, str):
        return _pattern(value).sub(HIDDEN, data)
    if isinstance(data, bytes):
        return blank(data.decode("utf-8", errors="replace"), value).encode()
    if isinstance(data, dict):
        return {blank(key, value): blank(item, value) for key, item in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(blank(item, value) for item in data)
    return data


def blank_error(error: BaseException, value: str) -> None:
    """Blank `value` out of an error in place: its args, notes and every text attribute
    (message, body, hint), so no copy holding the value stays in the error chain."""
    error.args = tuple(blank(argument, value) for argument in error.args)
    for name in ("message", "body", "hint"):
        if name in vars(error):
            setattr(error, name, blank(getattr(error, name), value))
    notes = getattr(error, "__notes__", None)
    if notes:
        error.__notes__ = [blank(note, value) for note in notes]
