"""A file body that cannot deliver the bytes it promised fails at once, never loops or hangs:
the request would otherwise wait for bytes that never come until the storage times out."""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from pathlib import Path

import pytest

from luml_facade import FileUploadError
from luml_facade._file_window import ChunkCheck, FileWindow

CHUNK = 64 * 1024


def _checked_window(path: Path, offset: int, size: int) -> FileWindow:
    data = path.read_bytes()
    crcs = tuple(zlib.crc32(data[at : at + CHUNK]) for at in range(0, len(data), CHUNK))
    return FileWindow(path, offset, size, check=ChunkCheck(path.name, len(data), crcs, CHUNK))


def _drain(chunks: Iterable[bytes]) -> bytes:
    """The stream's bytes; fails (instead of hanging) if it never ends."""
    taken: list[bytes] = []
    for chunk in chunks:
        taken.append(chunk)
        assert len(taken) < 1000, "the stream never ends"
    return b"".join(taken)


@pytest.fixture
def model(tmp_path: Path) -> Path:
    path = tmp_path / "m.luml"
    path.write_bytes(bytes(range(256)) * (CHUNK // 256) * 3 + b"tail")  # 3 chunks and 4 bytes
    return path


def test_a_checked_window_reaching_past_the_file_fails_naming_the_byte(model: Path) -> None:
    size = model.stat().st_size
    window = _checked_window(model, 1, size)  # one byte too far

    with pytest.raises(FileUploadError, match=rf"m\.luml has {size} bytes.*byte {size}"):
        _drain(window.sync_stream())


def test_a_checked_window_streams_exactly_its_bytes(model: Path) -> None:
    data = model.read_bytes()
    window = _checked_window(model, CHUNK - 10, CHUNK + 20)

    assert _drain(window.sync_stream()) == data[CHUNK - 10 : 2 * CHUNK + 10]


def test_an_unchecked_window_over_a_file_that_got_shorter_fails(model: Path) -> None:
    window = FileWindow(model, 0, model.stat().st_size + 1)

    with pytest.raises(FileUploadError, match=r"m\.luml got shorter while it was being uploaded"):
        _drain(window.sync_stream())


async def test_the_async_stream_fails_the_same_way(model: Path) -> None:
    window = _checked_window(model, 1, model.stat().st_size)

    with pytest.raises(FileUploadError, match="but the upload asked for byte"):
        taken = 0
        async for _ in window.async_stream():
            taken += 1
            assert taken < 1000, "the stream never ends"
