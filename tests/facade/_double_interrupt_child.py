"""A child process for the double Ctrl-C test (run as a script): a sync upload in parallel
parts; each SIGINT it receives is announced on stdout ("sigint N") before it raises
KeyboardInterrupt, so the test sends the second one only once the first is being handled.

Usage: python _double_interrupt_child.py BASE_URL API_KEY ORG ORBIT COLLECTION FILE

Prints its outcome last: "ok", or the name of the exception that ended it.
"""

from __future__ import annotations

import signal
import sys
from typing import Any

from luml_facade import LumlClient, SilentProgressHandler

received = 0


def announce(signum: int, frame: Any) -> None:
    global received
    received += 1
    print(f"sigint {received}", flush=True)
    raise KeyboardInterrupt


def main() -> None:
    base_url, key, organization, orbit, collection, target = sys.argv[1:7]
    signal.signal(signal.SIGINT, announce)
    try:
        with LumlClient(
            api_key=key,
            base_url=base_url,
            organization=organization,
            orbit=orbit,
            collection=collection,
        ) as luml:
            luml.artifacts.upload(target, on_progress=SilentProgressHandler())
    except BaseException as error:
        print(type(error).__name__, flush=True)
        raise
    print("ok", flush=True)


if __name__ == "__main__":
    main()
