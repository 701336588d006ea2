"""The real server's bugs that the local server mirrors, so a user's test fails the way
production will (docs/known-real-server-behaviour.md lists them).

On by default; ``LocalLuml(real_server_bugs=False)`` (or ``luml-local-server
--no-real-server-bugs``) answers as the real server presumably means to. Each is a fact seen on
the real backend (luml-ai/luml, see ``make live-diff``):

- PATCH of a bucket secret writes every field, a field left out as null: without ``endpoint``
  or ``bucket_name`` that is a NOT NULL violation answered 409 "already exists"; an S3 secret
  without ``region`` is stored and then fails every read (500); credentials left out are
  cleared.
- PATCH of a collection writes name, description and tags: without ``name`` or
  ``description`` a 500; without ``tags`` the tags are cleared.
- An artifact created without ``name`` is a 500 (NOT NULL).
- PATCH of a deployment without ``dynamic_attributes_secrets`` stores null there: that reply
  and every later read, list or forced delete of it is a 500.
- The multipart route without ``upload_id`` for an S3 bucket is a 500.
"""

from __future__ import annotations

from typing import Any

S3_FIELDS = (
    "endpoint",
    "bucket_name",
    "access_key",
    "secret_key",
    "session_token",
    "secure",
    "region",
    "cert_check",
)
AZURE_FIELDS = ("endpoint", "bucket_name")
BROKEN = "null"
"""What a deployment's dynamic_attributes_secrets column holds once a PATCH left it out."""


class RealServerCrash(Exception):
    """An unhandled exception on the real server: answered with its plain-text 500 (and the
    connection closed)."""


def every_field(body: dict[str, Any], kind: str) -> dict[str, Any]:
    """A bucket-secret PATCH body as the real server applies it: every field, null if left out."""
    fields = AZURE_FIELDS if kind == "azure" else S3_FIELDS
    return {name: body.get(name) for name in fields}


def check_collection_update(body: dict[str, Any]) -> None:
    """The real server's 500 for a collection PATCH without name or description."""
    if body.get("name") is None or body.get("description") is None:
        raise RealServerCrash("collection name/description NOT NULL")


def check_artifact_name(body: dict[str, Any]) -> None:
    """The real server's 500 for an artifact created without a name."""
    if body.get("name") is None:
        raise RealServerCrash("artifact name NOT NULL")


def is_broken_deployment(row: Any) -> bool:
    """A deployment that a PATCH without dynamic_attributes_secrets left unreadable."""
    return bool(row["dynamic_attributes_secrets"] == BROKEN)
