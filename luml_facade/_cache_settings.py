"""Where the shared cache lives and whether the client may use the network for it."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import attrs

CACHE_DIR_ENV = "LUML_CACHE_DIR"
OFFLINE_ENV = "LUML_OFFLINE"
_TRUE = {"1", "true", "yes", "on"}


def default_cache_dir() -> Path:
    """$LUML_CACHE_DIR, else the user cache directory (e.g. ~/.cache/luml-facade/cache)."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # imported on use: `import luml_facade` stays light

    return Path(platformdirs.user_cache_dir("luml-facade", appauthor=False)) / "cache"


def offline_from_environment() -> bool:
    """Whether LUML_OFFLINE asks for offline mode ("1", "true", "yes" or "on")."""
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in _TRUE


@attrs.frozen
class CacheSettings:
    """The cache directory and offline mode of one client.

    `cache_dir`: None means $LUML_CACHE_DIR or the user cache directory, looked up when the
    cache is first used. `offline`: None means LUML_OFFLINE.
    """

    cache_dir: Path | None = attrs.field(default=None, converter=attrs.converters.optional(Path))
    offline: bool = attrs.field(factory=offline_from_environment)

    @classmethod
    def from_arguments(
        cls, cache_dir: str | os.PathLike[str] | None, offline: bool | None
    ) -> CacheSettings:
        """The settings for a client's `cache_dir=` and `offline=` arguments."""
        if offline is None:
            return cls(None if cache_dir is None else Path(cache_dir))
        return cls(None if cache_dir is None else Path(cache_dir), bool(offline))

    def root(self) -> Path:
        """The cache directory in force."""
        return self.cache_dir if self.cache_dir is not None else default_cache_dir()


def server_key(base_url: str) -> str:
    """The refs namespace of one server: its host and port, safe as a directory name."""
    parts = urlsplit(base_url)
    host = parts.hostname or "server"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{host}_{port}".replace(":", "_")
