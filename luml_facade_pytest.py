"""pytest fixtures for the local LUML server (registered as the ``luml_facade`` pytest11 plugin).

This module sits outside the ``luml_facade`` package on purpose: pytest imports every
installed plugin at start-up, and importing anything inside ``luml_facade`` would load the
client (httpx, the generated models). Here only pytest is imported; the server is imported
when a test first asks for a fixture. On a core install (without the ``testing`` extra) the
fixtures fail with the command that installs it; tests that do not use them never notice.

Fixtures:

``luml_server``
    Session-scoped :class:`~luml_facade.testing.LocalLuml` with a small multipart threshold
    (8 MiB) and 5 MiB parts, so multipart uploads can be exercised with small files, and
    roomy limits (many orbits, members and artifacts per organization, where the real server
    allows one orbit); a test of a limit sets ``luml_server.limits`` (e.g. with
    ``monkeypatch.setattr(luml_server.limits, "orbits", 1)``). Use
    ``luml_server.url``, ``luml_server.storage_url``, ``luml_server.faults`` and
    ``luml_server.requests_seen``. Its default tenant (``luml_server.api_key``) is the ready
    one of the README (organization "My Org", orbit "Default Orbit", collection "churn"),
    shared by every test of the session.

``luml_tenant``
    Function-scoped :class:`~luml_facade.testing.Tenant`: a fresh user with its own API key,
    user token (for the JWT-only routes), organization and bucket secret (no orbits or
    collections), so tests do not see each other's data. At teardown it clears
    ``luml_server.faults`` and ``luml_server.requests_seen``.

Example::

    from luml_facade import LumlClient
    from luml_facade.testing import LocalLuml, Tenant

    def test_upload(luml_server: LocalLuml, luml_tenant: Tenant) -> None:
        with LumlClient(api_key=luml_tenant.api_key, base_url=luml_server.url) as luml:
            ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from luml_facade.testing import LocalLuml, Tenant

TEST_MULTIPART_THRESHOLD = 8 * 1024 * 1024
TEST_PART_SIZE = 5 * 1024 * 1024


def _local_luml_class() -> type[LocalLuml]:
    """LocalLuml, or a test failure that names the install command."""
    from luml_facade.testing import MissingExtraError

    try:
        from luml_facade.testing import LocalLuml
    except MissingExtraError as error:
        missing = str(error)
    else:
        return LocalLuml
    pytest.fail(missing.replace("The local LUML server", "The luml_server fixture"), pytrace=False)


@pytest.fixture(scope="session")
def luml_server() -> Iterator[LocalLuml]:
    """A running local LUML server shared by the whole test session."""
    local_luml = _local_luml_class()
    from luml_facade.testing import Limits

    server = local_luml(
        multipart_threshold=TEST_MULTIPART_THRESHOLD,
        part_size=TEST_PART_SIZE,
        limits=Limits(members=50, orbits=100, satellites=50, artifacts=100_000),
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
