"""A local LUML-compatible server (API + S3 storage) for tests, demos and benchmarks.

from luml_facade.testing import LocalLuml, Fault, build_artifact

with LocalLuml() as server:
    print(server.url, server.storage_url, server.api_key)

`build_artifact` (a valid artifact file for tests and first steps) works on a core install;
`LocalLuml` needs the testing extra (pip install 'luml-facade[testing]') and is imported on
first use, so importing this package costs next to nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._artifact_file import artifact_manifest, build_artifact
from ._extras import MissingExtraError, import_server_module
from ._faults import Fault, Hold, SeenRequest
from ._tenant import Tenant, Workspace

if TYPE_CHECKING:
    from ._azurite import Azurite, AzuriteMissing
    from ._network import NetworkProfile
    from ._server import LocalLuml
    from ._service import Limits

__all__ = [
    "Azurite",
    "AzuriteMissing",
    "Fault",
    "Hold",
    "Limits",
    "LocalLuml",
    "MissingExtraError",
    "NetworkProfile",
    "SeenRequest",
    "Tenant",
    "Workspace",
    "artifact_manifest",
    "build_artifact",
]

_LAZY = {
    "Azurite": "_azurite",
    "AzuriteMissing": "_azurite",
    "LocalLuml": "_server",
    "Limits": "_service",
    "NetworkProfile": "_network",
}


def __getattr__(name: str) -> Any:
    """Import the server's modules on first use (they need the testing extra)."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_server_module(module_name), name)
    globals()[name] = value
    return value
