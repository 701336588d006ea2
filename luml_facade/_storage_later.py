"""The default storage transport, built on first use.

`WireStorage` (`_storage_client.py`) brings urllib3 and its pools. A client that never moves
a file (`luml whoami`, a script that lists or tags artifacts) never needs it, so the client
holds a `LaterStorage` that builds it at the first storage request: constructing a client
does not import urllib3 (benchmarks/import_time.py measures it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

    from ._flow import StorageRequest, StreamToSink
    from ._storage_client import BlockingStorage


class LaterStorage:
    """A blocking storage transport that `build()` makes on first use (once, thread-safe).

    Example:
        storage = LaterStorage(lambda: WireStorage(options, connections))
        storage.send(request, None)  # builds it, then sends
    """

    def __init__(self, build: Callable[[], BlockingStorage]) -> None:
        self._build = build
        self._built: BlockingStorage | None = None
        self._lock = threading.Lock()

    @property
    def transport(self) -> BlockingStorage:
        """The transport, built now if this is the first use."""
        built = self._built
        if built is None:
            with self._lock:
                if self._built is None:
                    self._built = self._build()
                built = self._built
        return built

    def send(self, request: StorageRequest, stop: threading.Event | None) -> httpx.Response:
        return self.transport.send(request, stop)

    def stream(self, order: StreamToSink, stop: threading.Event | None) -> httpx.Response:
        return self.transport.stream(order, stop)

    def close(self) -> None:
        """Close the transport if it was built (nothing to close otherwise)."""
        if self._built is not None:
            self._built.close()
