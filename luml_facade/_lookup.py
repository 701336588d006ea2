"""Finding one object by id or exact name, and id checks (no I/O here)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar
from uuid import UUID

from ._errors import InvalidArgumentError, MultipleResourcesFoundError

T = TypeVar("T")


def parse_uuid(value: str) -> UUID | None:
    """The UUID `value` spells, or None when it is not one (then it may be a name)."""
    try:
        return UUID(value)
    except (ValueError, TypeError, AttributeError):
        return None


def require_uuid(kind: str, value: str | UUID) -> UUID:
    """`value` as a UUID, or an InvalidArgumentError saying which id was malformed."""
    if isinstance(value, UUID):
        return value
    parsed = parse_uuid(value)
    if parsed is None:
        raise InvalidArgumentError(
            f"{kind} id must be a UUID (like '0199c455-21ed-7aba-9fe5-5231611220de'), got {value!r}"
        )
    return parsed


Names = Callable[[Any], Sequence[str | None]]
"""The names an item answers to (default: its `name`)."""


def default_names(item: Any) -> tuple[str | None, ...]:
    return (getattr(item, "name", None),)


def pick(
    kind: str,
    value: str,
    items: Iterable[T],
    names: Names = default_names,
) -> T | None:
    """The one item whose id is `value` or whose name is exactly `value` (case-sensitive).

    Returns None when nothing matches; raises MultipleResourcesFoundError when a name matches
    several items (an id match always wins).
    """
    by_name: list[T] = []
    for item in items:
        if getattr(item, "id", None) == value:
            return item
        if value in names(item):
            by_name.append(item)
    if len(by_name) > 1:
        ids = ", ".join(str(getattr(item, "id", "?")) for item in by_name)
        raise MultipleResourcesFoundError(
            f"{len(by_name)} {kind}s are named {value!r} ({ids}): pass the id instead"
        )
    return by_name[0] if by_name else None


def describe(items: Iterable[Any], names: Names = default_names) -> str:
    """ "'name' (id), ..." for error messages that say what exists."""
    listed = [f"{(names(item) or ('?',))[0]!r} ({getattr(item, 'id', '?')})" for item in items]
    return ", ".join(listed) if listed else "none"
