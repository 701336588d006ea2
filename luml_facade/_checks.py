"""The one argument check every public method of every resource goes through.

`operation` and `paged` (in `_session.py`) call `check_call` before anything is sent: each
argument is held against its type hint (str, int, bool, enums, lists, dicts, paths, None for
a required argument) and against the rule its name has (`Rule`: UUIDs, lengths and list sizes
the server enforces, no empty names). A wrong argument can only be an InvalidArgumentError
that names it and says what to pass. No I/O here.
"""

from __future__ import annotations

import enum
import functools
import inspect
import os
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from typing import Any, TypeVar

import attrs

from ._errors import InvalidArgumentError
from ._lookup import require_uuid
from ._paging import MAX_PAGE

E = TypeVar("E", bound=enum.Enum)

MAX_TEXT = 8192
"""The longest text argument the server takes anywhere (an orbit secret's value); a longer
one (a name, a search, an id) can only be a mistake."""


@attrs.frozen
class Rule:
    """What an argument must be beyond its type (for a list or dict: each item or key)."""

    max_length: int = MAX_TEXT
    empty: bool = True
    uuid: bool = False
    low: int | None = None
    high: int | None = None
    min_items: int = 0
    max_items: int | None = None
    any_text: bool = False
    """A str beside an enum is free text (e.g. a metric key as `sort_by`)."""
    expect: str | None = None
    """How to say what is wanted, instead of the type's own description."""
    hidden: bool = False
    """A secret (a key, a password): errors show its type, never the value."""


SECRET = Rule(hidden=True)
"""A key, a password or a connection string."""

NAME = Rule(empty=False)
"""A name: not empty (the server takes any length)."""

TAGS = Rule(max_length=64, max_items=50)
"""Tags where the server limits them: at most 50, each at most 64 characters."""

COMMON: Mapping[str, Rule] = {
    "limit": Rule(low=1, high=MAX_PAGE),
    "description": Rule(max_length=1000),
    "name": NAME,
    "track": NAME,
    "stage": NAME,
    "stages": NAME,
    "satellite": NAME,
    "deployment": NAME,
    "secret": NAME,
    "artifact": Rule(uuid=True, empty=False),
    "on_progress": Rule(
        expect="False (no progress), True, None (a bar on a terminal) or a "
        "BaseProgressHandler (e.g. TqdmProgressHandler())"
    ),
}
"""Rules by argument name shared by every resource (a resource's own `arguments` win)."""

NOT_UUIDS = frozenset({"upload_id"})
LISTS = (list, tuple, set, frozenset, Sequence)
MAPS = (dict, Mapping)

EXAMPLES = {"tags": "prod", "stages": "dev"}


def rule_for(name: str, rules: Mapping[str, Rule]) -> Rule | None:
    """The rule of argument `name`: the resource's, else the shared one, else (for `*_id` and
    `*_ids`) a UUID."""
    if name in rules:
        return rules[name]
    if name in COMMON:
        return COMMON[name]
    if name.endswith("_value"):
        return NAME
    if (name.endswith(("_id", "_ids"))) and name not in NOT_UUIDS:
        return Rule(uuid=True, empty=False)
    return None


def check_call(
    method: Callable[..., Any], rules: Mapping[str, Rule], args: Any, kwargs: Any
) -> None:
    """Check the arguments of a call of `method` (bound to a resource); raises
    InvalidArgumentError for the first wrong one. Defaults are not checked."""
    signature, hints = _described(method)
    bound = signature.bind(None, *args, **kwargs)
    for name, value in list(bound.arguments.items())[1:]:
        parameter = signature.parameters[name]
        if value is parameter.default:
            continue
        rule = rule_for(name, rules)
        conform(value, hints.get(name, Any), name, rule or Rule())


@functools.cache
def _described(method: Callable[..., Any]) -> tuple[inspect.Signature, dict[str, Any]]:
    return inspect.signature(method), typing.get_type_hints(method)


def conform(value: Any, hint: Any, argument: str, rule: Rule) -> None:
    """Raise InvalidArgumentError unless `value` fits `hint` and `rule`."""
    options = _options(hint)
    if value is None:
        if type(None) in options or Any in options:
            return
        raise InvalidArgumentError(f"{argument} must be {_wanted(hint, argument, rule)}; got None")
    enums = [kind for kind in options if _is_enum(kind)]
    free_text = rule.any_text or not isinstance(value, str) or isinstance(value, enum.Enum)
    if enums and not free_text:
        _member(enums[0], value, argument, rule)
        return
    for option in options:
        if _fits(value, option):
            _apply(value, option, argument, rule)
            return
    shown = type(value).__name__ if rule.hidden else _shown(value)
    raise InvalidArgumentError(f"{argument} must be {_wanted(hint, argument, rule)}; got {shown}")


def _options(hint: Any) -> tuple[Any, ...]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return tuple(typing.get_args(hint))
    return (hint,)


def _is_enum(kind: Any) -> bool:
    return inspect.isclass(kind) and issubclass(kind, enum.Enum)


def _fits(value: Any, option: Any) -> bool:
    """Whether `value` has the shape of `option` (contents are checked by `_apply`)."""
    origin = typing.get_origin(option) or option
    if option is Any or option is typing.Any:
        return True
    if option is type(None):
        return value is None
    if origin is bool:
        return isinstance(value, bool)
    if origin is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if origin is str:
        return isinstance(value, str)
    if origin is os.PathLike:
        return isinstance(value, os.PathLike)
    if origin in LISTS:
        return isinstance(value, list | tuple) and not isinstance(value, str)
    if origin in MAPS:
        return isinstance(value, Mapping)
    if _is_enum(origin):
        return isinstance(value, origin)
    if inspect.isclass(origin):
        return isinstance(value, origin)
    return True  # a hint this check does not know: leave it to the server


def _apply(value: Any, option: Any, argument: str, rule: Rule) -> None:
    """Check the contents of a value of the right shape."""
    if isinstance(value, str):
        _text(value, argument, rule)
    elif isinstance(value, int) and not isinstance(value, bool):
        _bounds(value, argument, rule)
    elif isinstance(value, list | tuple):
        _items(value, option, argument, rule)
    elif isinstance(value, Mapping):
        _entries(value, option, argument, rule)


def _text(value: str, argument: str, rule: Rule) -> None:
    if not rule.empty and not value.strip():
        raise InvalidArgumentError(f"{argument} must not be empty")
    if len(value) > rule.max_length:
        raise InvalidArgumentError(
            f"{argument} must be at most {rule.max_length} characters; got {len(value)}"
        )
    if rule.uuid:
        require_uuid(argument.removesuffix("_ids").removesuffix("_id").replace("_", " "), value)


def _bounds(value: int, argument: str, rule: Rule) -> None:
    low, high = rule.low, rule.high
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f">= {low}"
        raise InvalidArgumentError(f"{argument} must be {bounds}, got {value}")


def _items(value: Any, option: Any, argument: str, rule: Rule) -> None:
    if len(value) < rule.min_items:
        raise InvalidArgumentError(f"{argument} must hold at least {rule.min_items} item")
    if rule.max_items is not None and len(value) > rule.max_items:
        raise InvalidArgumentError(f"{argument} must hold at most {rule.max_items} items")
    item_hint = (typing.get_args(option) or (Any,))[0]
    kinds = _options(item_hint)
    for item in value:
        if item is None or not any(_fits(item, kind) for kind in kinds):
            wanted = "strings" if kinds == (str,) else _wanted(item_hint, argument, rule)
            shown = type(item).__name__ if rule.hidden else _shown(item)
            raise InvalidArgumentError(f"{argument} must hold only {wanted}; got {shown}")
        conform(item, item_hint, argument, rule)


def _entries(value: Mapping[Any, Any], option: Any, argument: str, rule: Rule) -> None:
    value_hint = (typing.get_args(option) or (Any, Any))[-1]
    for key, item in value.items():
        if not isinstance(key, str):
            raise InvalidArgumentError(f"{argument} keys must be strings; got {key!r}")
        _text(key, f"{argument} key", attrs.evolve(rule, uuid=False))
        conform(item, value_hint, f"{argument}[{key!r}]", Rule())


def _member(kind: type[enum.Enum], value: str, argument: str, rule: Rule) -> None:
    try:
        kind(value)
    except ValueError:
        raise InvalidArgumentError(
            f"{argument} must be {_wanted(kind, argument, rule)}; got {value!r}"
        ) from None


def _wanted(hint: Any, argument: str, rule: Rule) -> str:
    """What to pass, in words: "one of 'asc', 'desc'", "a list of strings, e.g. ..."."""
    if rule.expect:
        return rule.expect
    options = [option for option in _options(hint) if option is not type(None)]
    if any(typing.get_origin(option) is os.PathLike for option in options):
        return "a path (str or os.PathLike) to a local file"
    enums = [option for option in options if _is_enum(option)]
    if enums:
        return "one of " + ", ".join(repr(member.value) for member in enums[0])
    described = [_word(option, argument) for option in options]
    return " or ".join(dict.fromkeys(described)) or "a value"


def _word(option: Any, argument: str) -> str:
    origin = typing.get_origin(option) or option
    if origin is str:
        return "a string"
    if origin is bool:
        return "True or False"
    if origin is int:
        return "an integer"
    if origin in LISTS:
        item = (typing.get_args(option) or (Any,))[0]
        if _fits("x", item) and not any(_is_enum(kind) for kind in _options(item)):
            return f"a list of strings, e.g. {argument}=['{EXAMPLES.get(argument, '...')}']"
        return f"a list (not a single value), e.g. {argument}=[...]"
    if origin in MAPS:
        return "a dict with str keys"
    if inspect.isclass(origin):
        return f"a {origin.__module__.split('.')[0]}.{origin.__name__}".replace(
            "builtins.", ""
        ).replace("luml_facade.", "")
    return str(option)


def _shown(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:60]}…" if len(text) > 80 else text


# Checks of single values, for what a type hint cannot say (and the client's own options).


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


def file_path(value: Any, argument: str = "file_path") -> str:
    """A path to a local file, as str."""
    try:
        return os.fspath(value)  # type: ignore[no-any-return]
    except TypeError:
        raise InvalidArgumentError(
            f"{argument} must be a path (str or os.PathLike) to a local file, got "
            f"{type(value).__name__} {value!r}"
        ) from None


def duration(value: Any, argument: str) -> timedelta:
    if not isinstance(value, timedelta) or value < timedelta(0):
        raise InvalidArgumentError(
            f"{argument} must be a datetime.timedelta >= 0, e.g. timedelta(hours=1); got {value!r}"
        )
    return value
