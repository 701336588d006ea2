"""The shared model cache: content-addressed blobs, refs, offline mode (docs/cache.md).

`luml.artifacts.cached_path(...)` and `luml.tracks.cached_path_by_stage(...)` fill and read
it; `ModelCache` lists, prunes and verifies it (`luml cache ls|prune|verify`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import NotCachedError
    from .manage import ModelCache
    from .prune import PruneReport
    from .scan import CachedBlob, CacheInfo
    from .verify import VerifyReport

__all__ = [
    "CacheInfo",
    "CachedBlob",
    "ModelCache",
    "NotCachedError",
    "PruneReport",
    "VerifyReport",
]

_HOMES = {
    "CacheInfo": "scan",
    "CachedBlob": "scan",
    "ModelCache": "manage",
    "NotCachedError": "errors",
    "PruneReport": "prune",
    "VerifyReport": "verify",
}


def __getattr__(name: str) -> Any:
    """Imported on first use, so the clients (which import settings only) stay light."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'luml_facade.cache' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{home}", __name__), name)
