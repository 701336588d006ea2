"""A byte range of a file on disk, streamed as a request body without loading it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import attrs

CHUNK_SIZE = 1 << 20


@attrs.define
class FileWindow:
    """`size` bytes of `path` from `offset`, streamed as a request body. Each stream it hands
    out can be replayed, and reports progress through `on_progress(bytes)`; every new attempt
    first takes back what the previous attempt reported, so retries never count twice.
    """

    path: Path
    offset: int
    size: int
    on_progress: Callable[[int], None] | None = None
    progress: _Progress = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.progress = _Progress(self.on_progress)

    def sync_stream(self, stop: threading.Event | None = None) -> _SyncStream:
        """A body for httpx.Client; it aborts between chunks once `stop` is set."""
        return _SyncStream(self, stop)

    def async_stream(self) -> _AsyncStream:
        return _AsyncStream(self)


class _Progress:
    """Bytes reported by the current attempt, taken back when another attempt starts."""

    def __init__(self, report: Callable[[int], None] | None) -> None:
        self.report = report
        self.reported = 0

    def restart(self) -> None:
        if self.reported and self.report:
            self.report(-self.reported)
        self.reported = 0

    def add(self, count: int) -> None:
        self.reported += count
        if self.report:
            self.report(count)


def _read_next(handle: BinaryIO, remaining: int) -> bytes:
    chunk = handle.read(min(CHUNK_SIZE, remaining))
    if not chunk:
        raise OSError("the file got shorter while it was being uploaded")
    return chunk


def _open_at(path: Path, offset: int) -> BinaryIO:
    handle = path.open("rb")
    handle.seek(offset)
    return handle


class TransferAborted(Exception):
    """A streamed body stopped because its sibling transfers failed or were interrupted."""


class _SyncStream:
    def __init__(self, window: FileWindow, stop: threading.Event | None) -> None:
        self.window = window
        self.progress = window.progress
        self.stop = stop

    def __iter__(self) -> Iterator[bytes]:
        self.progress.restart()
        remaining = self.window.size
        with _open_at(self.window.path, self.window.offset) as handle:
            while remaining > 0:
                if self.stop is not None and self.stop.is_set():
                    raise TransferAborted("stopped: another part of this transfer failed")
                chunk = _read_next(handle, remaining)
                remaining -= len(chunk)
                self.progress.add(len(chunk))
                yield chunk


class _AsyncStream:
    def __init__(self, window: FileWindow) -> None:
        self.window = window
        self.progress = window.progress

    async def __aiter__(self) -> AsyncIterator[bytes]:
        self.progress.restart()
        remaining = self.window.size
        handle = await asyncio.to_thread(_open_at, self.window.path, self.window.offset)
        try:
            while remaining > 0:
                chunk = await asyncio.to_thread(_read_next, handle, remaining)
                remaining -= len(chunk)
                self.progress.add(len(chunk))
                yield chunk
        finally:
            await asyncio.to_thread(handle.close)
