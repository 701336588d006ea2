"""A local LUML-compatible server (API + S3 storage) for tests, demos and benchmarks.

from luml_facade.testing import LocalLuml, Fault

with LocalLuml() as server:
    print(server.url, server.storage_url, server.api_key)
"""

import warnings

with warnings.catch_warnings():
    # connexion imports starlette.testclient, which warns about httpx on import.
    warnings.simplefilter("ignore")
    from ._azurite import Azurite, AzuriteMissing
    from ._faults import Fault, SeenRequest
    from ._network import NetworkProfile
    from ._server import LocalLuml, Tenant

__all__ = [
    "Azurite",
    "AzuriteMissing",
    "Fault",
    "LocalLuml",
    "NetworkProfile",
    "SeenRequest",
    "Tenant",
]
