"""A child process for the double Ctrl-C test (run as a script): `_child.py`'s sync upload,
with each SIGINT it receives announced on stdout ("sigint N") before it raises
KeyboardInterrupt, so the test sends the second one only once the first is being handled.

Usage: python _double_interrupt_child.py BASE_URL API_KEY ORG ORBIT COLLECTION FILE

Prints its outcome last: "ok", or the name of the exception that ended it.
"""

from __future__ import annotations

import signal
import sys
from typing import Any

import _child  # type: ignore[import-not-found]  # next to this script

received = 0


def announce(signum: int, frame: Any) -> None:
    global received
    received += 1
    print(f"sigint {received}", flush=True)
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGINT, announce)
    sys.argv = [sys.argv[0], "sync", "upload", *sys.argv[1:]]
    _child.main()
