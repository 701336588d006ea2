"""A file lock per blob (filelock): one downloader per blob across processes and threads.

The lock is an OS lock on an open file (fcntl/msvcrt through filelock), so the kernel drops
it when its holder dies, even by SIGKILL: nothing a crashed process leaves can block the
next one. Waiting is a flow that polls a non-blocking attempt, so the async client waits
without holding a worker thread (and both clients share the code).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .._flow import Flow, Sleep, blocking

if TYPE_CHECKING:
    from filelock import FileLock

POLL_SECONDS = 0.05


def try_lock(path: Path) -> FileLock | None:
    """The lock at `path`, held, or None when another holder has it (no waiting)."""
    from filelock import (
        FileLock,
        Timeout,
    )  # imported on first use: `import luml_facade` stays light

    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return None
    return lock


def hold(path: Path) -> Flow[FileLock]:
    """Wait for the lock at `path` and return it, held (release it with `release`)."""
    while True:
        lock = yield from blocking(lambda: try_lock(path))
        if lock is not None:
            return lock
        yield Sleep(POLL_SECONDS)


def release(lock: FileLock) -> Flow[None]:
    yield from blocking(lock.release)
