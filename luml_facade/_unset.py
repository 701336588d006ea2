"""Mapping the facade's "None means not given" onto the generated models' UNSET."""

from __future__ import annotations

from typing import TypeVar

from luml_openapi.types import UNSET, Unset

T = TypeVar("T")


def given(value: T | None) -> T | Unset:
    """`value`, or UNSET when it is None: the field is then left out of the request."""
    return UNSET if value is None else value
