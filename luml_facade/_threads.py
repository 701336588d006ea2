"""Flows side by side in threads, for the blocking client, in a way Ctrl-C can't break.

The main thread waits on a `queue.SimpleQueue` (implemented in C: a signal can interrupt the
wait but never leaves a lock of it held), not on a Condition such as
`concurrent.futures.wait` and `ThreadPoolExecutor.shutdown` use: a KeyboardInterrupt raised
inside `Condition.wait` can leave its lock held (workers then block forever in
`Event.set()`) or released twice ("release unlocked lock").

After a failure or a Ctrl-C the transfers are told to stop (`stop`: streamed bodies stop at
their next chunk) and the main thread waits for every worker to leave them. A second Ctrl-C
during that wait ends the wait: the workers are daemon threads, so one blocked in a network
read never keeps the process alive, and the interrupted flow settles or journals its
transfer as for any Ctrl-C.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
Maker = Callable[[], Any]

_LEFT = -1  # a worker's last message: it has stopped touching the transfer


def run_in_threads(
    run: Callable[[Maker, threading.Event], T], makers: Sequence[Maker], limit: int
) -> list[T]:
    """`run(make, stop)` for every maker, at most `limit` at once; their results in order.
    The first failure (or a Ctrl-C in the waiting thread) stops the rest and is raised once
    every worker has stopped (or at once on a second Ctrl-C)."""
    stop = threading.Event()
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for index in range(len(makers)):
        todo.put(index)
    done: queue.SimpleQueue[tuple[int, BaseException | None, Any]] = queue.SimpleQueue()

    def work() -> None:
        try:
            while not stop.is_set():
                try:
                    index = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    done.put((index, None, run(makers[index], stop)))
                except BaseException as error:  # handed to the waiting thread
                    done.put((index, error, None))
        finally:
            done.put((_LEFT, None, None))

    running = min(max(1, limit), len(makers))
    for _ in range(running):
        threading.Thread(target=work, name="luml-transfer", daemon=True).start()
    results: list[Any] = [None] * len(makers)
    remaining = len(makers)
    try:
        while remaining:
            index, error, value = done.get()
            if index == _LEFT:
                running -= 1
            elif error is not None:
                raise error
            else:
                results[index] = value
                remaining -= 1
    except BaseException:
        stop.set()
        while running:  # a second Ctrl-C here ends the wait (see the module's docstring)
            if done.get()[0] == _LEFT:
                running -= 1
        raise
    return results
