"""A byte range of a file on disk, streamed as a request body without loading it."""

from __future__ import annotations

import asyncio
import threading
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import attrs

from ._errors import FileUploadError

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
    check: ChunkCheck | None = None
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


@attrs.frozen
class ChunkCheck:
    """The CRC32 of every `chunk`-sized chunk of the file as it was hashed (and its size).

    Streams read whole chunks of this grid and check each before sending any of its bytes,
    so a file that changes after it was hashed is never stored under the old hash.
    """

    file_name: str
    file_size: int
    crcs: tuple[int, ...]
    chunk: int

    def verified(self, handle: BinaryIO, index: int) -> bytes:
        """Chunk `index` of the file, read and checked."""
        start = index * self.chunk
        length = min(self.chunk, self.file_size - start)
        handle.seek(start)
        data = handle.read(length)
        if len(data) != length or zlib.crc32(data) != self.crcs[index]:
            raise FileUploadError(
                f"{self.file_name} changed while it was being uploaded (bytes {start}-"
                f"{start + length - 1} differ from what was hashed); nothing was stored as "
                "uploaded: upload it again once nothing writes to it"
            )
        return data


def _open_at(path: Path, offset: int) -> BinaryIO:
    handle = path.open("rb")
    handle.seek(offset)
    return handle


class _Reader:
    """Hands out the window's bytes in order: checked grid chunks when there is a check."""

    def __init__(self, window: FileWindow, handle: BinaryIO) -> None:
        self.window = window
        self.handle = handle
        self.position = window.offset
        self.end = window.offset + window.size

    def next(self) -> bytes:
        check = self.window.check
        if check is None:
            chunk = self.handle.read(min(CHUNK_SIZE, self.end - self.position))
        elif self.position >= check.file_size:
            raise FileUploadError(
                f"{check.file_name} has {check.file_size} bytes, but the upload asked for byte "
                f"{self.position} of it"
            )
        else:
            index = self.position // check.chunk
            data = check.verified(self.handle, index)
            start = self.position - index * check.chunk
            stop = min(len(data), self.end - index * check.chunk)
            chunk = data if start == 0 and stop == len(data) else data[start:stop]
        if not chunk:  # the file got shorter: fail, never stream empty chunks for ever
            raise FileUploadError(
                f"{self.handle.name} got shorter while it was being uploaded: upload it again "
                "once nothing writes to it"
            )
        self.position += len(chunk)
        return chunk


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
            reader = _Reader(self.window, handle)
            while remaining > 0:
                if self.stop is not None and self.stop.is_set():
                    raise TransferAborted("stopped: another part of this transfer failed")
                chunk = reader.next()
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
        reader = _Reader(self.window, handle)
        try:
            while remaining > 0:
                chunk = await asyncio.to_thread(reader.next)
                remaining -= len(chunk)
                self.progress.add(len(chunk))
                yield chunk
        finally:
            await asyncio.to_thread(handle.close)
