"""Storage backends: one module per kind of bucket, behind one interface (`Backend`).

Adding a backend (GCS, say) is one module with a `Backend` subclass, plus its line here.
"""

from __future__ import annotations

from .._errors import FileUploadError
from .._version import __version__
from ._backend import Backend, Token, describe_failure, storage_error
from .azure import Azure
from .s3 import S3

BACKENDS: dict[str, Backend] = {backend.kind: backend for backend in (S3(), Azure())}

GONE_CODES = frozenset().union(*(backend.gone_codes for backend in BACKENDS.values()))
"""404 codes meaning "this object does not exist", in any backend. Any other 404
(NoSuchBucket, ContainerNotFound, a proxy's page) says nothing about the object."""


def backend_for(kind: object) -> Backend:
    """The backend of a bucket type ("s3", "azure", or the enum); FileUploadError (saying to
    upgrade) for a kind this version does not know."""
    name = str(getattr(kind, "value", kind))
    if name not in BACKENDS:
        raise FileUploadError(
            f"the server asked for a {name!r} upload, which luml-facade {__version__} does not "
            "support: upgrade luml-facade"
        )
    return BACKENDS[name]


__all__ = [
    "BACKENDS",
    "GONE_CODES",
    "Backend",
    "Token",
    "backend_for",
    "describe_failure",
    "storage_error",
]
