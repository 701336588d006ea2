"""Progress reporting for uploads and downloads.

`on_progress=` on uploads and downloads takes:

- nothing (or None): a tqdm bar on stderr when it is a terminal, else nothing;
- False: no progress reporting at all; True: always a tqdm bar;
- any `BaseProgressHandler` (below), e.g. `TqdmProgressHandler(file=sys.stdout)`.

Example:
    class Logged(BaseProgressHandler):
        def on_chunk(self, done: int, total: int) -> None:
            log.info("%s: %d/%d bytes", self.file_name, done, total)

        def finish(self) -> None:
            log.info("%s: done", self.file_name)

    luml.artifacts.upload("model.luml", on_progress=Logged())
"""

from __future__ import annotations

import sys
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from .._errors import FileError, InvalidArgumentError


class BaseProgressHandler(ABC):
    """Receives `start`, then `update` per chunk (from any thread), then `finish`.

    `update` adds up the chunks (a negative count takes back bytes of a retried part) and
    calls `on_chunk(done, total)`; override `on_chunk` and `finish`.
    """

    def __init__(self) -> None:
        self.file_name = ""
        self.total = 0
        self.done = 0
        self._lock = threading.Lock()

    def start(self, file_name: str, total: int) -> None:
        """Called once before the first byte moves."""
        self.file_name, self.total, self.done = file_name, total, 0

    def update(self, chunk_size: int) -> None:
        """Called with the size of each chunk moved."""
        with self._lock:  # on_chunk sees `done` in order, whatever thread moved the bytes
            self.done += chunk_size
            self.on_chunk(self.done, self.total)

    @abstractmethod
    def on_chunk(self, done: int, total: int) -> None:
        """Bytes moved so far, out of `total`."""

    @abstractmethod
    def finish(self) -> None:
        """Called once when the transfer ended (successfully or not)."""


class SilentProgressHandler(BaseProgressHandler):
    """Reports nothing (the default when output is not a terminal)."""

    def on_chunk(self, done: int, total: int) -> None:
        pass

    def finish(self) -> None:
        pass


class TqdmProgressHandler(BaseProgressHandler):
    """A tqdm progress bar on stderr."""

    def __init__(self, **tqdm_options: Any) -> None:
        super().__init__()
        self._options = tqdm_options
        self._bar: Any = None

    def start(self, file_name: str, total: int) -> None:
        from tqdm.auto import tqdm

        super().start(file_name, total)
        options = {"unit": "B", "unit_scale": True, "unit_divisor": 1024, "desc": file_name}
        self._bar = tqdm(total=total, **{**options, **self._options})

    def on_chunk(self, done: int, total: int) -> None:
        if self._bar is not None:
            self._bar.update(done - self._bar.n)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


ProgressOption = BaseProgressHandler | bool | None
"""What `on_progress=` takes: a handler, False (off), True (a bar), None (a bar on a terminal)."""


def default_progress(handler: ProgressOption) -> BaseProgressHandler:
    """`handler`; for False silence, for True a tqdm bar, for None a bar on a terminal.

    Raises InvalidArgumentError for anything else.
    """
    if not isinstance(handler, bool | BaseProgressHandler) and handler is not None:
        raise InvalidArgumentError(
            "on_progress must be False (no progress), True, None (a bar on a terminal) or a "
            f"BaseProgressHandler (e.g. TqdmProgressHandler()), got {type(handler).__name__}"
        )
    if isinstance(handler, BaseProgressHandler):
        return handler
    if handler is False:
        return SilentProgressHandler()
    if handler is True or (sys.stderr is not None and sys.stderr.isatty()):
        return TqdmProgressHandler()
    return SilentProgressHandler()


def call_handler(
    method: Callable[..., Any], label: str, error_class: type[FileError], *args: Any
) -> None:
    """Call a progress handler's method; its failure becomes `error_class` saying to fix the
    handler (never mistaken for a fault of the transfer or of luml-facade)."""
    try:
        method(*args)
    except Exception as error:
        raise error_class(
            f"the progress handler's {label}() raised {error!r}: fix the handler passed as "
            "on_progress="
        ) from error
