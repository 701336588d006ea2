"""The shared model cache: content-addressed blobs, refs, offline mode (docs/cache.md).

`luml.artifacts.cached_path(...)` and `luml.tracks.cached_path_by_stage(...)` fill and read
it; `ModelCache` lists, prunes and verifies it (`luml cache ls|prune|verify`).
"""

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
