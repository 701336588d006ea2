"""LumlClient / AsyncLumlClient: configuration, defaults, transport behaviour, security."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

import luml_facade
from luml_facade import (
    AsyncLumlClient,
    AuthenticationError,
    CollectionType,
    ConfigurationError,
    LumlClient,
    MultipleResourcesFoundError,
)
from luml_facade.testing import LocalLuml, Tenant

from .conftest import make_client, run


def test_missing_api_key_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LUML_API_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="LUML_API_KEY"):
        LumlClient()


def test_key_and_url_fall_back_to_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUML_API_KEY", "dfs_from_env")
    monkeypatch.setenv("LUML_BASE_URL", "http://127.0.0.1:9/")
    client = LumlClient()
    assert client.base_url == "http://127.0.0.1:9"
    monkeypatch.delenv("LUML_BASE_URL")
    assert LumlClient().base_url == "https://api.luml.ai"


def test_bad_base_url_says_what_to_fix() -> None:
    with pytest.raises(ConfigurationError, match="http:// or https://"):
        LumlClient(api_key="dfs_x", base_url="api.luml.ai")


def test_the_key_never_shows_in_repr_or_errors(luml_server: LocalLuml) -> None:
    secret = "dfs_top_secret_value"
    client = LumlClient(api_key=secret, base_url=luml_server.url, max_retries=0)
    assert secret not in repr(client)
    assert secret not in repr(client._options)
    assert secret not in repr(client.raw)
    assert secret not in repr(client.raw.get_httpx_client().auth)
    with pytest.raises(AuthenticationError) as raised:
        client.organizations.list()
    assert raised.value.status_code == 401
    assert raised.value.message == "Not authenticated"
    assert secret not in str(raised.value)
    assert secret not in repr(raised.value.body)


def test_tls_verification_is_on_by_default() -> None:
    client = LumlClient(api_key="dfs_x")
    assert client._options.verify is True


async def test_requests_carry_the_key_and_a_user_agent(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    await run(luml.organizations.list())
    api_requests = [seen for seen in luml_server.requests_seen if seen.target == "api"]
    headers = {key.lower(): value for key, value in api_requests[-1].headers.items()}
    assert headers["authorization"] == f"Bearer {luml_tenant.api_key}"
    assert headers["user-agent"].startswith(f"luml-facade/{luml_facade.__version__}")


async def test_logging_never_shows_the_key(
    luml: Any, luml_tenant: Tenant, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        await run(luml.organizations.list())
        await run(luml.bucket_secrets.list())
    assert any("list_my_organizations" in record.getMessage() for record in caplog.records)
    assert all(luml_tenant.api_key not in record.getMessage() for record in caplog.records)


def test_sync_client_closes_its_connections(luml_server: LocalLuml, luml_tenant: Tenant) -> None:
    with make_client("sync", luml_server, luml_tenant) as client:
        client.organizations.list()
        http = client.raw.get_httpx_client()
    assert http.is_closed


async def test_async_client_closes_its_connections(
    luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    async with make_client("async", luml_server, luml_tenant) as client:
        await client.organizations.list()
        http = client.raw.get_async_httpx_client()
    assert http.is_closed


def test_a_custom_httpx_client_is_used(luml_server: LocalLuml, luml_tenant: Tenant) -> None:
    seen: list[httpx.Request] = []
    custom = httpx.Client(event_hooks={"request": [seen.append]})
    client = LumlClient(api_key=luml_tenant.api_key, base_url=luml_server.url, http_client=custom)
    assert [org.name for org in client.organizations.list()] == ["Test Organization"]
    assert seen and seen[0].headers["authorization"] == f"Bearer {luml_tenant.api_key}"
    client.close()
    assert not custom.is_closed  # the caller owns the client it passed


async def test_defaults_pick_the_only_candidates(luml: Any, luml_tenant: Tenant) -> None:
    organization = await run(luml.organizations.get())
    assert organization.id == luml_tenant.organization_id
    orbit = await run(luml.orbits.create("Only", luml_tenant.bucket_secret_id))
    await run(luml.collections.create("d", "only", CollectionType.MODEL))
    assert (await run(luml.orbits.get())).id == orbit.id
    assert (await run(luml.collections.get())).name == "only"


async def test_defaults_by_name_and_by_id(
    client_kind: str, luml: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    first = await run(luml.orbits.create("First", luml_tenant.bucket_secret_id))
    second = await run(luml.orbits.create("Second", luml_tenant.bucket_secret_id))
    await run(luml.setup_config(orbit="Second"))
    assert (await run(luml.orbits.get())).id == second.id
    await run(luml.setup_config(orbit=first.id))
    assert (await run(luml.orbits.get())).id == first.id
    configured = make_client(
        client_kind, luml_server, luml_tenant, organization="Test Organization", orbit="Second"
    )
    assert (await run(configured.orbits.get())).id == second.id


def test_sync_constructor_rejects_an_unknown_default(
    luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    with pytest.raises(ConfigurationError, match=r"no organization 'Nope'.*Test Organization"):
        make_client("sync", luml_server, luml_tenant, organization="Nope")


async def test_async_setup_config_rejects_an_unknown_default(
    luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    client = make_client("async", luml_server, luml_tenant)
    with pytest.raises(ConfigurationError, match="no orbit 'Nope'"):
        await client.setup_config(orbit="Nope")


async def test_unawaited_async_setup_config_resolves_on_first_use(
    luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    client = make_client("async", luml_server, luml_tenant)
    orbit = await client.orbits.create("Lazy", luml_tenant.bucket_secret_id)
    client.setup_config(orbit="Lazy")  # the older documented spelling, not awaited
    assert (await client.orbits.get()).id == orbit.id
    assert (await client.get_defaults())[1] == orbit.id


async def test_several_candidates_leave_no_default_and_say_so(
    luml: Any, luml_tenant: Tenant
) -> None:
    await run(luml.orbits.create("A", luml_tenant.bucket_secret_id))
    await run(luml.orbits.create("B", luml_tenant.bucket_secret_id))
    await run(luml.setup_config())
    with pytest.raises(ConfigurationError, match=r"2 orbits.*'A'.*'B'"):
        await run(luml.collections.list())


async def test_a_call_needing_a_collection_without_one(luml: Any, luml_tenant: Tenant) -> None:
    await run(luml.orbits.create("Empty", luml_tenant.bucket_secret_id))
    with pytest.raises(ConfigurationError, match=r"no default collection.*collection_id="):
        await run(luml.artifacts.list())


async def test_ambiguous_default_name_raises(luml: Any, luml_tenant: Tenant) -> None:
    await run(luml.orbits.create("Twin", luml_tenant.bucket_secret_id))
    await run(luml.orbits.create("Twin", luml_tenant.bucket_secret_id))
    with pytest.raises(MultipleResourcesFoundError, match="2 orbits are named 'Twin'"):
        await run(luml.setup_config(orbit="Twin"))


def test_sync_default_properties(luml_server: LocalLuml, luml_tenant: Tenant) -> None:
    client = make_client("sync", luml_server, luml_tenant)
    orbit = client.orbits.create("Prop", luml_tenant.bucket_secret_id)
    assert client.organization == luml_tenant.organization_id
    client.orbit = "Prop"
    assert client.orbit == orbit.id
    collection = client.collections.create("d", "c", CollectionType.MIXED)
    client.collection = "c"
    assert client.collection == collection.id
    assert "Prop" not in repr(client) and orbit.id in repr(client)


def test_public_names_are_pinned() -> None:
    assert luml_facade.__all__ == sorted(luml_facade.__all__)
    for name in luml_facade.__all__:
        assert hasattr(luml_facade, name), name
    assert {"LumlClient", "AsyncLumlClient", "LumlAPIError", "ArtifactType"} <= set(
        luml_facade.__all__
    )


def test_async_client_is_not_a_sync_client() -> None:
    assert not issubclass(AsyncLumlClient, LumlClient)
