"""Fault injection rules and the log of requests the API and the storage received."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Target = Literal["api", "storage"]

S3_INTERNAL_ERROR = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b"<Error><Code>InternalError</Code>"
    b"<Message>We encountered an internal error. Please try again.</Message>"
    b"<RequestId>LOCALFAULT</RequestId><HostId>local</HostId></Error>"
)

_FLIP = bytes(b ^ 0xFF for b in range(256))


@dataclass(frozen=True, eq=False)
class Hold:
    """Holds answers back: the request is processed, then its answer waits until `release`
    is set (or `timeout` seconds pass). `reached` is set each time an answer is held, so a
    test can act (send a signal, cancel a task) while the request is in flight.

    Example::

        hold = Hold()
        server.faults.add(Fault(target="api", method="POST", path_contains="/artifacts",
                                hold=hold))
        ...  # start the upload elsewhere
        assert hold.reached.wait(10)
        ...  # interrupt the client, then
        hold.release.set()
    """

    reached: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    timeout: float = 30.0


@dataclass(frozen=True)
class Fault:
    """One fault rule: which requests it hits and what happens to them.

    Set exactly one action: ``status`` (answer it instead of forwarding, with optional
    ``retry_after`` and ``body``), ``drop_after_bytes`` (forward, then cut the response body
    after that many bytes), ``corrupt_body`` (forward, flip every byte of the body) or
    ``s3_error_in_200`` (answer 200 with an S3 ``InternalError`` XML body), ``hold`` (forward,
    then keep the answer back until the :class:`Hold` is released) or ``ignore_range`` (serve
    the whole object, as storage without Range support does).
    ``nth``/``times``: the fault hits matching requests number nth .. nth+times-1, counted
    from when it was added. ``method`` matches case-insensitively; ``path_contains`` is a
    substring of the request target as sent (path and query string, e.g. ``"uploadId="``).
    """

    target: Target
    method: str | None = None
    path_contains: str | None = None
    nth: int = 1
    times: int = 1
    status: int | None = None
    retry_after: str | None = None
    body: bytes = b""
    drop_after_bytes: int | None = None
    corrupt_body: bool = False
    s3_error_in_200: bool = False
    hold: Hold | None = None
    ignore_range: bool = False

    def __post_init__(self) -> None:
        actions = [
            self.status is not None,
            self.drop_after_bytes is not None,
            self.corrupt_body,
            self.s3_error_in_200,
            self.hold is not None,
            self.ignore_range,
        ]
        if sum(actions) != 1:
            raise ValueError("a Fault needs exactly one action")
        if self.nth < 1 or self.times < 1:
            raise ValueError("nth and times must be at least 1")

    def matches(self, target: str, method: str, path: str) -> bool:
        """Whether a request falls under this rule (before nth/times counting)."""
        if target != self.target:
            return False
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return self.path_contains is None or self.path_contains in path


def flip_bytes(data: bytes) -> bytes:
    """The same bytes with every bit inverted (same length, always different)."""
    return data.translate(_FLIP)


@dataclass
class _Entry:
    fault: Fault
    seen: int = 0


@dataclass
class Faults:
    """The active fault rules; thread-safe."""

    _entries: list[_Entry] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, fault: Fault) -> None:
        """Activate a rule; its request count starts now."""
        with self._lock:
            self._entries.append(_Entry(fault))

    def clear(self) -> None:
        """Remove every rule."""
        with self._lock:
            self._entries.clear()

    def pick(self, target: str, method: str, path: str) -> Fault | None:
        """Count this request against every matching rule; return the first that fires."""
        chosen: Fault | None = None
        with self._lock:
            for entry in self._entries:
                if not entry.fault.matches(target, method, path):
                    continue
                entry.seen += 1
                first = entry.fault.nth
                if chosen is None and first <= entry.seen < first + entry.fault.times:
                    chosen = entry.fault
        return chosen


class SeenRequest(NamedTuple):
    """A request the API or the storage received; header names are lower-case. `at` is
    when it arrived (`time.monotonic()`), so tests can read the waits between retries."""

    target: str
    method: str
    path: str
    headers: dict[str, str]
    at: float = 0.0
