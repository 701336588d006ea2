"""The cache's typed error."""

from __future__ import annotations

from .._errors import LumlAPIError


class NotCachedError(LumlAPIError):
    """Offline mode, and what was asked for is not in the cache (or its blob was damaged and
    has been removed): go online once (unset LUML_OFFLINE / `offline=False`) to fetch it."""


NotCachedError.__module__ = "luml_facade"  # tracebacks show the name to import
