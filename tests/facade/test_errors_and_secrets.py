"""Errors that say what to fix, and a key that never depends on the caller being careful:
both clients, against the local server (and a local TLS listener with an untrusted
certificate)."""

from __future__ import annotations

import datetime
import gc
import socket
import ssl
import threading
import traceback
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from luml_facade import (
    APIConnectionError,
    AsyncLumlClient,
    AuthenticationError,
    ConfigurationError,
    LumlClient,
    RateLimitError,
)
from luml_facade.testing import Fault, LocalLuml, Tenant

from .conftest import FAST_RETRIES, make_client, run, write_artifact


async def close(client: Any) -> None:
    await run(client.aclose() if isinstance(client, AsyncLumlClient) else client.close())


def http_client(kind: str, **options: Any) -> Any:
    return httpx.AsyncClient(**options) if kind == "async" else httpx.Client(**options)


async def close_http(client: Any) -> None:
    await run(client.aclose() if isinstance(client, httpx.AsyncClient) else client.close())


# the key


async def test_one_httpx_client_for_api_and_storage_never_sends_the_key_to_storage(
    client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, tmp_path: Path
) -> None:
    shared = http_client(client_kind)
    luml = make_client(
        client_kind, luml_server, luml_tenant, http_client=shared, storage_http_client=shared
    )
    await run(luml.orbits.create("Models", luml_tenant.bucket_secret_id))
    await run(luml.setup_config(orbit="Models"))
    await run(luml.collections.create("c", "main", "mixed"))
    await run(luml.setup_config(orbit="Models", collection="main"))

    artifact = await run(luml.artifacts.upload(write_artifact(tmp_path / "m.luml")))
    await run(luml.artifacts.download(artifact.id, tmp_path / "copy.luml"))
    await run(luml.artifacts.delete(artifact.id))

    storage = [seen for seen in luml_server.requests_seen if seen.target == "storage"]
    api = [seen for seen in luml_server.requests_seen if seen.target == "api"]
    assert {seen.method for seen in storage} >= {"PUT", "GET", "DELETE"}
    assert all("authorization" not in seen.headers for seen in storage)
    assert all(luml_tenant.api_key not in str(seen.headers) for seen in storage)
    assert all(seen.headers["authorization"] == f"Bearer {luml_tenant.api_key}" for seen in api)
    await close(luml)
    await close_http(shared)


async def test_a_callers_http_client_is_left_unchanged(
    client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    mine = http_client(client_kind, headers={"X-Mine": "1"})
    before = (mine.auth, str(mine.base_url), dict(mine.headers))
    luml = make_client(client_kind, luml_server, luml_tenant, http_client=mine)

    assert [org.name for org in await run(luml.organizations.list())] == ["Test Organization"]

    assert (mine.auth, str(mine.base_url), dict(mine.headers)) == before
    await close(luml)
    assert not mine.is_closed  # the caller owns it
    answer = await run(mine.get(f"{luml_server.url}/v1/users/me/organizations"))
    assert answer.status_code == 401  # the client itself never learnt the key
    assert "authorization" not in luml_server.requests_seen[-1].headers
    await close_http(mine)


def test_a_constructor_that_raises_leaves_no_connection_open(
    luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    def construct() -> None:
        with pytest.raises(ConfigurationError, match="no organization 'nope'"):
            LumlClient(api_key=luml_tenant.api_key, base_url=luml_server.url, organization="nope")

    gc.collect()  # earlier tests' garbage is not this constructor's
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        construct()
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []


# messages that say what to fix


async def test_a_refused_key_says_where_it_came_from_and_never_shows_it(
    client_kind: str, luml_server: LocalLuml, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "dfs_this_is_a_long_secret_key"
    kind = AsyncLumlClient if client_kind == "async" else LumlClient
    luml = kind(api_key=secret, base_url=luml_server.url)
    with pytest.raises(AuthenticationError) as raised:
        await run(luml.organizations.list())
    message = str(raised.value)
    assert message.startswith("401: Not authenticated; the API key from the api_key argument")
    assert "'dfs_…'" in message and secret not in message and secret[:5] not in message
    assert luml_server.url in message
    await close(luml)

    monkeypatch.setenv("LUML_API_KEY", secret)
    luml = kind(base_url=luml_server.url)
    with pytest.raises(AuthenticationError, match="the LUML_API_KEY environment variable"):
        await run(luml.organizations.list())
    await close(luml)


async def test_a_connection_error_names_the_url(client_kind: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    kind = AsyncLumlClient if client_kind == "async" else LumlClient
    luml = kind(api_key="dfs_x", base_url=f"http://127.0.0.1:{port}", retry=FAST_RETRIES)
    with pytest.raises(APIConnectionError, match=f"at http://127.0.0.1:{port} .*check the URL"):
        await run(luml.organizations.list())
    await close(luml)


async def test_base_url_ending_in_v1_says_to_drop_it(luml_server: LocalLuml) -> None:
    with pytest.raises(ConfigurationError, match=f"use '{luml_server.url}'"):
        LumlClient(api_key="dfs_x", base_url=f"{luml_server.url}/v1/")


async def test_429_after_the_retries_says_so(luml: Any, luml_server: LocalLuml) -> None:
    luml_server.faults.add(Fault(target="api", status=429, retry_after="0", times=100))
    with pytest.raises(RateLimitError, match=r"still failing after 3 retries.*max_retries="):
        await run(luml.organizations.list())


async def test_a_redirect_says_to_fix_base_url(luml: Any, luml_server: LocalLuml) -> None:
    luml_server.faults.add(Fault(target="api", status=307))
    with pytest.raises(ConfigurationError, match=r"answered 307 \(a redirect\).*set base_url"):
        await run(luml.organizations.list())


async def test_tracebacks_name_the_public_module(luml: Any, luml_server: LocalLuml) -> None:
    luml_server.faults.add(Fault(target="api", status=401, body=b'{"detail": "nope"}'))
    with pytest.raises(AuthenticationError) as raised:
        await run(luml.organizations.list())
    text = "".join(traceback.format_exception_only(raised.value))
    assert text.startswith("luml_facade.AuthenticationError: 401: nope")
    assert "_errors" not in text


# TLS


@pytest.fixture(scope="module")
def untrusted_tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[int]]]:
    """A TLS listener on 127.0.0.1 with a self-signed certificate; yields (url, accepts)."""
    folder = tmp_path_factory.mktemp("tls")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (folder / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepts: list[int] = []

    def serve() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            accepts.append(1)
            try:
                with context.wrap_socket(connection, server_side=True):
                    pass
            except (ssl.SSLError, OSError):
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{listener.getsockname()[1]}", accepts
    listener.close()


async def test_a_tls_certificate_failure_is_not_retried(
    client_kind: str, untrusted_tls: tuple[str, list[int]]
) -> None:
    url, accepts = untrusted_tls
    accepts.clear()
    kind = AsyncLumlClient if client_kind == "async" else LumlClient
    luml = kind(api_key="dfs_x", base_url=url, retry=FAST_RETRIES)

    with pytest.raises(APIConnectionError, match=r"TLS certificate verification failed.*verify="):
        await run(luml.organizations.list())

    assert len(accepts) == 1
    await close(luml)
