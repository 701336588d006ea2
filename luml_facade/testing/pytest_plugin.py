"""pytest fixtures for the local LUML server (installed as a pytest11 plugin).

Fixtures:

``luml_server``
    Session-scoped :class:`~luml_facade.testing.LocalLuml` with a small multipart threshold
    (8 MiB) and 5 MiB parts, so multipart uploads can be exercised with small files, and
    roomy limits (:data:`TEST_LIMITS`: many orbits, members and artifacts per organization,
    where the real server allows one orbit); a test of a limit sets ``luml_server.limits``
    (e.g. with ``monkeypatch.setattr(luml_server.limits, "orbits", 1)``). Use
    ``luml_server.url``, ``luml_server.storage_url``, ``luml_server.faults`` and
    ``luml_server.requests_seen``.

``luml_tenant``
    Function-scoped :class:`~luml_facade.testing.Tenant`: a fresh user with its own API key,
    user token (for the JWT-only routes), organization and bucket secret (no orbits or
    collections), so tests do not see each other's data. At teardown it clears
    ``luml_server.faults`` and ``luml_server.requests_seen``.

Example::

    def test_upload(luml_server, luml_tenant):
        client = MyClient(base_url=luml_server.url, api_key=luml_tenant.api_key)
        ...
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._server import LocalLuml, Tenant
from ._service import Limits

TEST_MULTIPART_THRESHOLD = 8 * 1024 * 1024
TEST_PART_SIZE = 5 * 1024 * 1024
TEST_LIMITS = Limits(members=50, orbits=100, satellites=50, artifacts=100_000)


@pytest.fixture(scope="session")
def luml_server() -> Iterator[LocalLuml]:
    """A running local LUML server shared by the whole test session."""
    server = LocalLuml(
        multipart_threshold=TEST_MULTIPART_THRESHOLD,
        part_size=TEST_PART_SIZE,
        limits=Limits(**vars(TEST_LIMITS)),
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def luml_tenant(luml_server: LocalLuml) -> Iterator[Tenant]:
    """A fresh tenant; faults and the request log are cleared afterwards."""
    tenant = luml_server.create_tenant(organization_name="Test Organization")
    try:
        yield tenant
    finally:
        luml_server.faults.clear()
        luml_server.requests_seen.clear()
