"""Hashing every blob again: damage that left a blob's stat as it was (bit rot) is found
here; a damaged blob is removed (the next online lookup fetches it again)."""

from __future__ import annotations

import attrs

from .locks import try_lock
from .store import BlobState, BlobStore


@attrs.frozen(kw_only=True)
class VerifyReport:
    """What `verify` found: blobs whole, blobs damaged (and removed), blobs skipped because
    a process held them."""

    ok: list[str]
    corrupt: list[str]
    busy: list[str]


def verify(store: BlobStore) -> VerifyReport:
    ok, corrupt, busy = [], [], []
    for sha256 in store.hashes():
        lock = try_lock(store.lock_file(sha256))
        if lock is None:
            busy.append(sha256)
            continue
        try:
            if store.rehash(sha256) is BlobState.OK:
                ok.append(sha256)
            else:
                store.discard(sha256)
                corrupt.append(sha256)
        finally:
            lock.release()
    return VerifyReport(ok=ok, corrupt=corrupt, busy=busy)
