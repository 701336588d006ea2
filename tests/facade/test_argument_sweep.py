"""Every public method of every resource goes through the one argument check: a wrong value
for any of its arguments is an InvalidArgumentError naming that argument (never a server
error, never "a bug in luml-facade"), on both clients."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from typing import Any

import luml_facade.resources
from luml_facade import InvalidArgumentError, LumlClient
from luml_facade._session import Resource, operation, paged

from .conftest import collect, run

NOUNS = [
    "organizations",
    "bucket_secrets",
    "orbits",
    "collections",
    "artifacts",
    "tracks",
    "deployments",
    "satellites",
    "orbit_secrets",
]
UUID = "0199c455-21ed-7aba-9fe5-5231611220de"
GOOD: dict[str, Any] = {  # a right value for each required argument that is not an id
    "size": 10,
    "type": "model",
    "artifact_type": "model",
    "extra_values": {},
    "manifest": {},
    "file_index": {},
    "file_hash": "0" * 64,
}


class Wrong:
    """A value no argument takes."""

    def __repr__(self) -> str:
        return "Wrong()"


RESOURCE_CLASSES = {
    name: value
    for module in pkgutil.iter_modules(luml_facade.resources.__path__)
    for name, value in vars(importlib.import_module(f"luml_facade.resources.{module.name}")).items()
    if isinstance(value, type)
}


def public_methods() -> Iterator[tuple[str, str, str]]:
    """(noun, method, argument) for every argument of every public resource method."""
    for noun in NOUNS:
        getter = getattr(LumlClient, noun).func  # resources are imported lazily: name them
        owner = inspect.get_annotations(getter, eval_str=True, locals=RESOURCE_CLASSES)["return"]
        owner = getattr(owner, "__origin__", owner)
        assert issubclass(owner, Resource), owner
        for name, member in vars(owner).items():
            if name.startswith("_") or not isinstance(member, operation | paged):
                continue
            for argument in list(inspect.signature(member.__wrapped__).parameters)[1:]:
                yield noun, name, argument


CASES = list(public_methods())


def test_the_sweep_covers_every_noun() -> None:
    assert {noun for noun, _, _ in CASES} == set(NOUNS)
    assert len(CASES) > 150


async def test_a_wrong_argument_is_named(workspace: Any) -> None:
    luml = workspace
    missed = []
    for noun, method, argument in CASES:
        bound = getattr(getattr(luml, noun), method)
        parameters = list(inspect.signature(bound).parameters.values())[1:]  # after self
        arguments = {
            parameter.name: Wrong()
            if parameter.name == argument
            else GOOD.get(parameter.name, UUID)
            for parameter in parameters
            if parameter.name == argument or parameter.default is inspect.Parameter.empty
        }
        try:
            result = bound(**arguments)
            await (collect(result) if not inspect.isawaitable(result) else run(result))
        except InvalidArgumentError as error:
            if argument not in str(error):
                missed.append(f"{noun}.{method}({argument}=...): {error}")
            continue
        except Exception as error:
            missed.append(f"{noun}.{method}({argument}=...): {type(error).__name__}: {error}")
            continue
        missed.append(f"{noun}.{method}({argument}=...): accepted")
    assert not missed, "\n".join(missed)
