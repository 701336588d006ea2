"""Tables of the registry: orbit secrets, satellites and their tasks, deployments, tracks.

Kept apart from ``_db.SCHEMA`` (which runs this too) so the registry's state reads as one block.
Foreign keys follow the real server: an orbit's deletion takes all of these with it; a satellite
that deployments use, or an artifact that a track holds, is not deleted out from under them.
"""

from __future__ import annotations

REGISTRY_SCHEMA = """
CREATE TABLE IF NOT EXISTS orbit_secrets (
    id TEXT PRIMARY KEY, orbit_id TEXT NOT NULL REFERENCES orbits(id) ON DELETE CASCADE,
    name TEXT NOT NULL, value TEXT NOT NULL, tags TEXT,
    created_at TEXT NOT NULL, updated_at TEXT, UNIQUE (orbit_id, name)
);
CREATE TABLE IF NOT EXISTS satellites (
    id TEXT PRIMARY KEY, orbit_id TEXT NOT NULL REFERENCES orbits(id) ON DELETE CASCADE,
    name TEXT NOT NULL, description TEXT, api_key_hash TEXT NOT NULL UNIQUE,
    paired INTEGER NOT NULL DEFAULT 0, capabilities TEXT NOT NULL DEFAULT '{}', slug TEXT,
    base_url TEXT, last_seen_at TEXT, created_at TEXT NOT NULL, updated_at TEXT
);
CREATE TABLE IF NOT EXISTS satellite_tasks (
    id TEXT PRIMARY KEY,
    satellite_id TEXT NOT NULL REFERENCES satellites(id) ON DELETE CASCADE,
    orbit_id TEXT NOT NULL REFERENCES orbits(id) ON DELETE CASCADE,
    type TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, scheduled_at TEXT NOT NULL,
    started_at TEXT, finished_at TEXT, result TEXT, created_at TEXT NOT NULL, updated_at TEXT
);
CREATE TABLE IF NOT EXISTS deployments (
    id TEXT PRIMARY KEY, orbit_id TEXT NOT NULL REFERENCES orbits(id) ON DELETE CASCADE,
    name TEXT NOT NULL, satellite_id TEXT NOT NULL REFERENCES satellites(id),
    artifact_id TEXT NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    inference_url TEXT, status TEXT NOT NULL, description TEXT,
    dynamic_attributes_secrets TEXT NOT NULL, env_variables_secrets TEXT NOT NULL,
    env_variables TEXT NOT NULL, satellite_parameters TEXT NOT NULL, schemas TEXT,
    error_message TEXT, created_by_user TEXT, tags TEXT, created_at TEXT NOT NULL, updated_at TEXT
);
CREATE TABLE IF NOT EXISTS tracks (
    id TEXT PRIMARY KEY, orbit_id TEXT NOT NULL REFERENCES orbits(id) ON DELETE CASCADE,
    name TEXT NOT NULL, artifact_type TEXT NOT NULL, description TEXT, tags TEXT,
    next_version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT
);
CREATE TABLE IF NOT EXISTS track_stages (
    id TEXT PRIMARY KEY, track_id TEXT NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    name TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT, UNIQUE (track_id, name)
);
CREATE TABLE IF NOT EXISTS track_entries (
    id TEXT PRIMARY KEY, track_id TEXT NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    artifact_id TEXT NOT NULL REFERENCES artifacts(id),
    version INTEGER NOT NULL,
    stage_id TEXT REFERENCES track_stages(id) ON DELETE SET NULL,
    added_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT,
    UNIQUE (track_id, artifact_id), UNIQUE (track_id, version)
);
CREATE INDEX IF NOT EXISTS track_entries_track ON track_entries (track_id);
CREATE INDEX IF NOT EXISTS deployments_orbit ON deployments (orbit_id);
"""
