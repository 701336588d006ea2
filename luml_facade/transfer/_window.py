"""A byte range of a file on disk, streamed as a request body without loading it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import attrs

CHUNK_SIZE = 1 << 20


@attrs.frozen
class FileWindow:
    """`size` bytes of `path` from `offset`. Each stream it hands out can be replayed (httpx
    re-reads it on a retry), and reports progress through `on_progress(bytes)`; a replay first
    takes back what the failed attempt reported.
    """

    path: Path
    offset: int
    size: int
    on_progress: Callable[[int], None] | None = None

    def sync_stream(self) -> _SyncStream:
        return _SyncStream(self)

    def async_stream(self) -> _AsyncStream:
        return _AsyncStream(self)


class _Progress:
    """Bytes reported in the current attempt, taken back when the body is replayed."""

    def __init__(self, window: FileWindow) -> None:
        self.window = window
        self.reported = 0

    def restart(self) -> None:
        if self.reported and self.window.on_progress:
            self.window.on_progress(-self.reported)
        self.reported = 0

    def add(self, count: int) -> None:
        self.reported += count
        if self.window.on_progress:
            self.window.on_progress(count)


def _read_next(handle: BinaryIO, remaining: int) -> bytes:
    chunk = handle.read(min(CHUNK_SIZE, remaining))
    if not chunk:
        raise OSError("the file got shorter while it was being uploaded")
    return chunk


def _open_at(path: Path, offset: int) -> BinaryIO:
    handle = path.open("rb")
    handle.seek(offset)
    return handle


class _SyncStream:
    def __init__(self, window: FileWindow) -> None:
        self.window = window
        self.progress = _Progress(window)

    def __iter__(self) -> Iterator[bytes]:
        self.progress.restart()
        remaining = self.window.size
        with _open_at(self.window.path, self.window.offset) as handle:
            while remaining > 0:
                chunk = _read_next(handle, remaining)
                remaining -= len(chunk)
                self.progress.add(len(chunk))
                yield chunk


class _AsyncStream:
    def __init__(self, window: FileWindow) -> None:
        self.window = window
        self.progress = _Progress(window)

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
