"""The operationIds the raw round-trip modules of tests/server called (checked at the end)."""

from __future__ import annotations

CALLED: set[str] = set()
