"""Checking arguments before anything is sent: every bad value becomes an
InvalidArgumentError that names the argument and says what to pass (no I/O here)."""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from datetime import timedelta
from typing import Any, TypeVar

from ._errors import InvalidArgumentError

E = TypeVar("E", bound=enum.Enum)


def _allowed(kind: type[enum.Enum]) -> str:
    return ", ".join(repr(member.value) for member in kind)


def choice(kind: type[E], value: Any, argument: str) -> E:
    """`value` as a member of the enum `kind`, or an error listing the allowed values."""
    if isinstance(value, kind):
        return value
    raw = getattr(value, "value", value)
    try:
        return kind(raw)
    except (ValueError, TypeError):
        pass
    raise InvalidArgumentError(f"{argument} must be one of {_allowed(kind)}; got {value!r}")


def choices(kind: type[E], values: Any, argument: str) -> list[E] | None:
    """A list of enum members (None stays None); a lone string is refused with a hint."""
    if values is None:
        return None
    if isinstance(values, str | enum.Enum) or not isinstance(values, Sequence | set | frozenset):
        raise InvalidArgumentError(
            f"{argument} must be a list, e.g. {argument}=[{_allowed(kind).split(', ')[0]}]; "
            f"got {values!r}"
        )
    return [choice(kind, value, argument) for value in values]


def text(value: Any, argument: str, *, optional: bool = True, empty: bool = True) -> Any:
    """A string argument (None allowed when `optional`)."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{argument} must be a string, got {type(value).__name__}")
    if not empty and not value.strip():
        raise InvalidArgumentError(f"{argument} must not be empty")
    return value


def text_list(value: Any, argument: str) -> list[str] | None:
    """A list of strings (None allowed), e.g. tags."""
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Sequence | set | frozenset):
        raise InvalidArgumentError(
            f"{argument} must be a list of strings, e.g. {argument}=['prod']; got {value!r}"
        )
    bad = [item for item in value if not isinstance(item, str)]
    if bad:
        raise InvalidArgumentError(f"{argument} must hold only strings; got {bad[0]!r}")
    return list(value)


def integer(value: Any, argument: str, low: int, high: int | None = None) -> int:
    """An int within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgumentError(f"{argument} must be an integer, got {value!r}")
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f">= {low}"
        raise InvalidArgumentError(f"{argument} must be {bounds}, got {value}")
    return value


def flag(value: Any, argument: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidArgumentError(f"{argument} must be True or False, got {value!r}")
    return value


def file_path(value: Any, argument: str = "file_path") -> str:
    """A path to a local file, as str."""
    try:
        return os.fspath(value)  # type: ignore[no-any-return]
    except TypeError:
        raise InvalidArgumentError(
            f"{argument} must be a path (str or os.PathLike) to a local file, got "
            f"{type(value).__name__} {value!r}"
        ) from None


def mapping(value: Any, argument: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        raise InvalidArgumentError(f"{argument} must be a dict with str keys, got {value!r}")
    return value


def duration(value: Any, argument: str) -> timedelta:
    if not isinstance(value, timedelta) or value < timedelta(0):
        raise InvalidArgumentError(
            f"{argument} must be a datetime.timedelta >= 0, e.g. timedelta(hours=1); got {value!r}"
        )
    return value


def instance(value: Any, kind: type[Any], argument: str, example: str) -> Any:
    """`value` if it is None or a `kind`, else an error showing an example."""
    if value is None or isinstance(value, kind):
        return value
    raise InvalidArgumentError(
        f"{argument} must be a {kind.__name__} (e.g. {example}), got {type(value).__name__}"
    )
