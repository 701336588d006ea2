"""Table columns for each facade type (JSON output always has every field)."""

from __future__ import annotations

import json

from ...types import Artifact
from .._output import Column, human_size


def _metrics(artifact: Artifact) -> str:
    return json.dumps(artifact.extra_values, sort_keys=True) if artifact.extra_values else "-"


ORBIT_COLUMNS: list[Column] = [
    ("ID", lambda item: item.id),
    ("NAME", lambda item: item.name),
    ("COLLECTIONS", lambda item: item.total_collections),
    ("ARTIFACTS", lambda item: item.total_artifacts),
    ("CREATED", lambda item: item.created_at),
]

COLLECTION_COLUMNS: list[Column] = [
    ("ID", lambda item: item.id),
    ("NAME", lambda item: item.name),
    ("TYPE", lambda item: item.type),
    ("ARTIFACTS", lambda item: item.total_artifacts),
    ("TAGS", lambda item: item.tags),
    ("CREATED", lambda item: item.created_at),
]

ARTIFACT_COLUMNS: list[Column] = [
    ("ID", lambda item: item.id),
    ("NAME", lambda item: item.name),
    ("TYPE", lambda item: item.type),
    ("STATUS", lambda item: item.status),
    ("SIZE", lambda item: human_size(item.size)),
    ("TAGS", lambda item: item.tags),
    ("CREATED", lambda item: item.created_at),
]

ARTIFACT_DETAILS: list[Column] = [
    ("ID", lambda item: item.id),
    ("Name", lambda item: item.name),
    ("File", lambda item: item.file_name),
    ("Type", lambda item: item.type),
    ("Status", lambda item: item.status),
    ("Size", lambda item: human_size(item.size)),
    ("Tags", lambda item: item.tags),
    ("Description", lambda item: item.description),
    ("Metrics", _metrics),
    ("Collection", lambda item: item.collection_id),
    ("SHA-256", lambda item: item.file_hash),
    ("Created", lambda item: item.created_at),
]

ORBIT_DETAILS: list[Column] = [(header.title(), getter) for header, getter in ORBIT_COLUMNS]
COLLECTION_DETAILS: list[Column] = [
    ("ID", lambda item: item.id),
    ("Name", lambda item: item.name),
    ("Type", lambda item: item.type),
    ("Description", lambda item: item.description),
    ("Artifacts", lambda item: item.total_artifacts),
    ("Tags", lambda item: item.tags),
    ("Orbit", lambda item: item.orbit_id),
    ("Created", lambda item: item.created_at),
]

TRACK_COLUMNS: list[Column] = [
    ("ID", lambda item: item.id),
    ("NAME", lambda item: item.name),
    ("TYPE", lambda item: item.artifact_type),
    ("STAGES", lambda item: [stage.name for stage in item.stages]),
    ("VERSIONS", lambda item: item.total_entries),
    ("CREATED", lambda item: item.created_at),
]

TRACK_DETAILS: list[Column] = [
    ("ID", lambda item: item.id),
    ("Name", lambda item: item.name),
    ("Type", lambda item: item.artifact_type),
    ("Description", lambda item: item.description),
    ("Tags", lambda item: item.tags),
    ("Stages", lambda item: [stage.name for stage in item.stages]),
    ("Versions", lambda item: item.total_entries),
    ("Next version", lambda item: item.next_version),
    ("Orbit", lambda item: item.orbit_id),
    ("Created", lambda item: item.created_at),
]

ENTRY_COLUMNS: list[Column] = [
    ("VERSION", lambda item: f"v{item.version}"),
    ("STAGE", lambda item: item.stage_name),
    ("ARTIFACT", lambda item: item.artifact_name),
    ("ARTIFACT ID", lambda item: item.artifact_id),
    ("ENTRY ID", lambda item: item.id),
    ("ADDED", lambda item: item.created_at),
]

ENTRY_DETAILS: list[Column] = [
    ("Entry", lambda item: item.id),
    ("Version", lambda item: f"v{item.version}"),
    ("Stage", lambda item: item.stage_name),
    ("Artifact", lambda item: item.artifact_name),
    ("Artifact ID", lambda item: item.artifact_id),
    ("Collection", lambda item: item.artifact_collection_id),
    ("Track", lambda item: item.track_id),
    ("Added", lambda item: item.created_at),
]

BUCKET_SECRET_COLUMNS: list[Column] = [
    ("ID", lambda item: item.id),
    ("BUCKET", lambda item: item.bucket_name),
    ("TYPE", lambda item: item.type),
    ("ENDPOINT", lambda item: item.endpoint),
    ("REGION", lambda item: getattr(item, "region", None)),
    ("ORBITS", lambda item: [orbit.get("name", orbit.get("id")) for orbit in item.orbits or []]),
    ("CREATED", lambda item: item.created_at),
]
