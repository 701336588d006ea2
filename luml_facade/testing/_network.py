"""Emulating an object store's network on loopback: a per-connection bandwidth cap and a
latency before every answer (both off by default).

Real object stores serve one connection at tens of MiB/s and answer after tens of
milliseconds; loopback does neither, so on loopback parallel parts and ranges look useless.
With a cap, each connection (each request: a connection carries one at a time) is paced to
`bandwidth` bytes per second in both directions, so what parallel transfers buy shows up in
benchmarks and tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

PACE_CHUNK = 64 * 1024


@dataclass(frozen=True)
class NetworkProfile:
    """`bandwidth`: bytes per second per connection, each way (None: unlimited).
    `latency`: seconds before each answer starts (0: none)."""

    bandwidth: float | None = None
    latency: float = 0.0

    def __post_init__(self) -> None:
        if self.bandwidth is not None and self.bandwidth <= 0:
            raise ValueError("bandwidth must be positive (or None for no cap)")
        if self.latency < 0:
            raise ValueError("latency must not be negative")

    @property
    def active(self) -> bool:
        return self.bandwidth is not None or self.latency > 0


class Pacer:
    """Spreads bytes over time at `rate` bytes per second: `spent(n)` sleeps until n more
    bytes are due. Clock and sleep are injectable (tests use fake ones)."""

    def __init__(
        self,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.rate = rate
        self.clock = clock
        self.sleep = sleep
        self.started = clock()
        self.total = 0

    def spent(self, count: int) -> None:
        self.total += count
        due = self.started + self.total / self.rate
        wait = due - self.clock()
        if wait > 0:
            self.sleep(wait)


def paced_chunks(chunks: Iterable[bytes], pacer: Pacer) -> Iterator[bytes]:
    """Re-cut a body into small chunks and let each go when the pacer says."""
    for chunk in chunks:
        view = memoryview(chunk)
        for start in range(0, len(view), PACE_CHUNK):
            piece = view[start : start + PACE_CHUNK]
            pacer.spent(len(piece))
            yield bytes(piece)


class PacedInput:
    """A `wsgi.input` whose reads are paced (an upload over a capped connection)."""

    def __init__(self, stream: Any, pacer: Pacer) -> None:
        self._stream = stream
        self._pacer = pacer

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0 or size > PACE_CHUNK:
            parts = []
            remaining = size if size is not None and size >= 0 else None
            while remaining is None or remaining > 0:
                piece = self.read(PACE_CHUNK if remaining is None else min(PACE_CHUNK, remaining))
                if not piece:
                    break
                parts.append(piece)
                if remaining is not None:
                    remaining -= len(piece)
            return b"".join(parts)
        data: bytes = self._stream.read(size)
        self._pacer.spent(len(data))
        return data

    def readline(self, size: int = -1) -> bytes:
        line: bytes = self._stream.readline(size)
        self._pacer.spent(len(line))
        return line

    def __iter__(self) -> Iterator[bytes]:
        return iter(lambda: self.read(PACE_CHUNK), b"")
