"""A client library for accessing LUML API"""

# The clients (and httpx with them) are imported on first use (PEP 562), so importing a model
# does not import httpx. Written by scripts/generator-templates/package_init.py.jinja.
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = (
    "AuthenticatedClient",
    "Client",
)
