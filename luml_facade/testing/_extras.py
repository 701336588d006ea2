"""The local server needs the ``testing`` extra; say so plainly when it is missing."""

from __future__ import annotations

import warnings
from importlib import import_module
from types import ModuleType

INSTALL_HINT = "pip install 'luml-facade[testing]'"
# The import names of the testing extra's packages and of what they pull in.
TESTING_PACKAGES = frozenset(
    [
        "connexion",
        "uvicorn",
        "moto",
        "boto3",
        "botocore",
        "flask",
        "flask_cors",
        "werkzeug",
        "starlette",
        "yaml",
    ]
)


class MissingExtraError(ImportError):
    """The local LUML server's packages are not installed (the ``testing`` extra)."""


def import_server_module(name: str, what: str = "The local LUML server") -> ModuleType:
    """``luml_facade.testing.<name>``, or MissingExtraError naming the install command.

    Example:
        _server = import_server_module("_server")
    """
    try:
        with warnings.catch_warnings():
            # connexion imports starlette.testclient, which warns about httpx on import.
            warnings.simplefilter("ignore")
            return import_module(f"luml_facade.testing.{name}")
    except ModuleNotFoundError as error:
        package = (error.name or "").partition(".")[0]
        if package not in TESTING_PACKAGES:
            raise
        raise MissingExtraError(
            f"{what} needs luml-facade's testing extra ({package!r} is not installed). "
            f"Install it with: {INSTALL_HINT}",
            name=error.name,
        ) from error
