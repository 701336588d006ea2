"""Building the generated free-form map models (`additional_properties` only) from dicts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, TypeVar


class MapModel(Protocol):
    additional_properties: dict[str, Any]

    def __init__(self) -> None: ...


M = TypeVar("M", bound=MapModel)


def as_map(model: type[M], values: Mapping[str, Any]) -> M:
    """An instance of the generated map model `model` holding `values`."""
    built = model()
    built.additional_properties = dict(values)
    return built
