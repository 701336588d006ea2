"""A child process that repairs on command, for the multi-process journal test (a script).

Usage: python _repair_child.py BASE_URL API_KEY ORG ORBIT COLLECTION

For each line "go" on stdin it runs `artifacts.repair_pending(older_than=0)` and prints one
JSON line: the ids it repaired (with the status after), the ids it skipped, and the journal
files it still holds open (must be none). It exits at end of input.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import timedelta
from pathlib import Path

from luml_facade import LumlClient
from luml_facade.transfer.journal import journal_dir


def open_journal_files(journal: Path) -> list[str]:
    """Files of the journal directory this process holds open."""
    directory = str(journal)
    found = []
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if target.startswith(directory):
            found.append(target)
    return found


def main() -> None:
    base_url, key, organization, orbit, collection = sys.argv[1:6]
    with LumlClient(api_key=key, base_url=base_url, organization=organization, orbit=orbit) as luml:
        for line in sys.stdin:
            if line.strip() != "go":
                continue
            report = luml.artifacts.repair_pending(
                older_than=timedelta(0), collection_id=collection
            )
            answer = {
                "repaired": {action.artifact_id: action.after for action in report.repaired},
                "skipped": {action.artifact_id: action.reason for action in report.skipped},
                "open": open_journal_files(journal_dir()),
            }
            print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
