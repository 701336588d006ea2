"""Mapping the facade's "None means not given" onto the generated models' UNSET."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from luml_openapi.types import UNSET, Unset

T = TypeVar("T")


def given(value: T | None) -> T | Unset:
    """`value`, or UNSET when it is None: the field is then left out of the request."""
    return UNSET if value is None else value


def given_list(values: Iterable[T] | None) -> list[T] | Unset:
    """`values` as a list, or UNSET when it is None (an empty list is sent as one)."""
    return UNSET if values is None else list(values)
