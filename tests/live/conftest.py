"""The opt-in live suite: tests marked ``live`` run against a real LUML backend.

Run with ``make live-test`` and ``LUML_LIVE_STATE`` set to the state JSON that
``../shared/real-backend/up.sh`` prints (e.g. ``/tmp/luml-real/state.json``): base_url, api_key,
jwt and the seeded organization, orbit, collection and bucket secret. The tests create objects
with unique names and delete them; they never delete the seeded ones, and never create or
delete the user's API key (other users of the backend rely on it).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from luml_openapi.client import AuthenticatedClient

STATE_ENV = "LUML_LIVE_STATE"


@dataclass(frozen=True)
class LiveState:
    """The seeded backend as up.sh describes it."""

    raw: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.raw[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


@pytest.fixture(scope="session")
def live() -> LiveState:
    """The state file named by LUML_LIVE_STATE; the test is skipped when it is not set."""
    path = os.environ.get(STATE_ENV)
    if not path:
        pytest.skip(
            f"{STATE_ENV} is not set: start a real backend with ../shared/real-backend/up.sh and "
            f"set {STATE_ENV} to the state JSON it prints (e.g. /tmp/luml-real/state.json)"
        )
    state = json.loads(Path(path).read_text())
    expires = state.get("jwt_expires_at")
    if expires and datetime.fromisoformat(expires) <= datetime.now(UTC):
        pytest.fail(f"the JWT in {path} expired at {expires}: run up.sh again to refresh it")
    try:
        httpx.get(f"{state['base_url']}/openapi.json", timeout=10).raise_for_status()
    except httpx.HTTPError as exc:
        pytest.fail(f"the backend at {state['base_url']} does not answer: {exc}")
    return LiveState(state)


@pytest.fixture
def by_key(live: LiveState) -> Iterator[AuthenticatedClient]:
    """The generated client with the seeded user's API key."""
    with AuthenticatedClient(base_url=live.base_url, token=live.api_key, timeout=30) as client:
        yield client


@pytest.fixture
def by_jwt(live: LiveState) -> Iterator[AuthenticatedClient]:
    """The generated client signed in as the seeded user (JWT), for the JWT-only routes."""
    with AuthenticatedClient(base_url=live.base_url, token=live.jwt, timeout=30) as client:
        yield client


def unique(prefix: str) -> str:
    """A name no other run uses."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"
