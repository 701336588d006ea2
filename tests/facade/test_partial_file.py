"""The download's temporary file: the hash lagging behind the receiving holds a connection's
memory to a few buffers (the connection waits), and still hashes every byte in order."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from luml_facade import SilentProgressHandler
from luml_facade.transfer import partial
from luml_facade.transfer.partial import BUFFERS_PER_CONNECTION, CHUNK, PartialFile, Span, SpanSink

CHUNKS = BUFFERS_PER_CONNECTION + 5


def test_a_lagging_hash_holds_a_connection_to_its_few_buffers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hash_may_go = threading.Event()

    class HeldUpSha256:
        def __init__(self) -> None:
            self.real = hashlib.sha256()

        def update(self, data: memoryview) -> None:
            hash_may_go.wait()
            self.real.update(data)

        def hexdigest(self) -> str:
            return self.real.hexdigest()

    monkeypatch.setattr(partial, "hashlib", SimpleNamespace(sha256=HeldUpSha256))
    data = os.urandom(CHUNKS * CHUNK)
    file = PartialFile(tmp_path / "model.luml", len(data), SilentProgressHandler())
    span = Span(0, len(data), whole=True)
    file.open([span])
    sink = SpanSink(file, span)

    def receive() -> None:
        for index in range(CHUNKS):
            buffer = sink.buffer()
            buffer[:CHUNK] = data[index * CHUNK : (index + 1) * CHUNK]
            sink.write(buffer[:CHUNK])

    receiver = threading.Thread(target=receive)
    receiver.start()
    try:
        with file._changed:
            assert file._changed.wait_for(
                lambda: len(sink.lent) == BUFFERS_PER_CONNECTION, timeout=60
            )
            assert span.got == BUFFERS_PER_CONNECTION * CHUNK  # and no further: it waits
    finally:
        hash_may_go.set()
        receiver.join(timeout=60)

    assert not receiver.is_alive()
    assert file.finish_hash() == hashlib.sha256(data).hexdigest()
    assert len(sink.buffers) == BUFFERS_PER_CONNECTION
    file.discard()
    assert list(tmp_path.iterdir()) == []
