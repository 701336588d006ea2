"""The server's state in SQLite: one connection shared by all threads behind a lock."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ._db_registry import REGISTRY_SCHEMA

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY, email TEXT NOT NULL, full_name TEXT NOT NULL,
    api_key TEXT NOT NULL UNIQUE, session_token TEXT NOT NULL UNIQUE,
    is_default INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS organizations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, logo TEXT,
    created_at TEXT NOT NULL, updated_at TEXT
);
CREATE TABLE IF NOT EXISTS org_members (
    id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id),
    user_id TEXT NOT NULL REFERENCES users(id), role TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT, UNIQUE (organization_id, user_id)
);
CREATE TABLE IF NOT EXISTS bucket_secrets (
    id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id),
    type TEXT NOT NULL, endpoint TEXT NOT NULL, bucket_name TEXT NOT NULL,
    access_key TEXT, secret_key TEXT, session_token TEXT, secure INTEGER, region TEXT,
    cert_check INTEGER, is_local INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT,
    UNIQUE (endpoint, bucket_name, organization_id)
);
CREATE TABLE IF NOT EXISTS orbits (
    id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id),
    name TEXT NOT NULL, bucket_secret_id TEXT NOT NULL REFERENCES bucket_secrets(id),
    created_at TEXT NOT NULL, updated_at TEXT
);
CREATE TABLE IF NOT EXISTS orbit_members (
    id TEXT PRIMARY KEY, orbit_id TEXT NOT NULL REFERENCES orbits(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id), role TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT
);
CREATE TABLE IF NOT EXISTS collections (
    id TEXT PRIMARY KEY, orbit_id TEXT NOT NULL REFERENCES orbits(id) ON DELETE CASCADE,
    name TEXT NOT NULL, description TEXT NOT NULL, type TEXT NOT NULL, tags TEXT,
    created_at TEXT NOT NULL, updated_at TEXT
);
CREATE TABLE IF NOT EXISTS artifacts (
    id TEXT PRIMARY KEY,
    collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL, name TEXT, description TEXT, extra_values TEXT NOT NULL,
    manifest TEXT NOT NULL, file_hash TEXT NOT NULL, file_index TEXT NOT NULL,
    bucket_location TEXT NOT NULL, size INTEGER NOT NULL, unique_identifier TEXT NOT NULL,
    tags TEXT, status TEXT NOT NULL, type TEXT NOT NULL, created_by_user TEXT,
    created_at TEXT NOT NULL, updated_at TEXT
);
CREATE TABLE IF NOT EXISTS org_invites (
    id TEXT PRIMARY KEY, organization_id TEXT NOT NULL REFERENCES organizations(id),
    email TEXT NOT NULL, role TEXT NOT NULL, invited_by TEXT, created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS artifacts_collection ON artifacts (collection_id);
CREATE INDEX IF NOT EXISTS collections_orbit ON collections (orbit_id);
"""

Row = sqlite3.Row


class Database:
    """A locked SQLite connection; ``path=None`` keeps everything in memory."""

    def __init__(self, path: str | None = None) -> None:
        self._conn = sqlite3.connect(
            path or ":memory:", check_same_thread=False, isolation_level=None
        )
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        with self._lock:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.executescript(SCHEMA)
            self._conn.executescript(REGISTRY_SCHEMA)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Every row of a query."""
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        """The first row of a query, or None."""
        with self._lock:
            row: Row | None = self._conn.execute(sql, params).fetchone()
            return row

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.one(sql, params)
        return None if row is None else row[0]

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Execute a statement; the number of rows it changed."""
        with self._lock:
            return self._conn.execute(sql, params).rowcount

    def insert(self, table: str, values: dict[str, Any]) -> None:
        """Insert one row from a column -> value mapping."""
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        self.run(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))  # noqa: S608

    def update(self, table: str, row_id: str, values: dict[str, Any]) -> None:
        """Set columns of the row with this id."""
        if not values:
            return
        assignments = ", ".join(f"{column} = ?" for column in values)
        sql = f"UPDATE {table} SET {assignments} WHERE id = ?"  # noqa: S608
        self.run(sql, [*values.values(), row_id])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock and run the block in one transaction."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()
