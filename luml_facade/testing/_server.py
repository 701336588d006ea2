"""LocalLuml: the API (uvicorn + connexion) and the storage (moto S3) on 127.0.0.1."""

from __future__ import annotations

import secrets
import socket
import threading
from dataclasses import replace
from types import TracebackType
from typing import Any

import uvicorn

from ._app import ApiFaultMiddleware, build_app
from ._azurite import Azurite
from ._connection_drop import CloseAfterServerError
from ._cookie_auth import CookieCredentials
from ._db import Database
from ._faults import Faults, SeenRequest
from ._handlers_deployments import pair_satellite, satellite_key_hash
from ._ids import new_api_key, new_id, new_session_token, now_iso
from ._network import NetworkProfile
from ._service import Limits, Service, Settings
from ._storage import REGION, StorageServer
from ._tenant import Tenant, Workspace

READY = Workspace()


def _listening_socket(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


class LocalLuml:
    """A LUML-compatible API server with its own S3 storage, for tests and demos.

    ``multipart_threshold``: files larger than this get a multipart upload.
    ``part_size``: multipart part size (default: the real server's rule; never below 5 MiB).
    ``db_path``: SQLite file for the state (None keeps it in memory); the default tenant and
    its API key survive a restart on the same file (stored objects do not).
    ``port``/``storage_port``: fixed ports instead of free ones.
    ``limits``: per-organization limits (orbits, members, artifacts, ...) and organizations per
    user; the default is the real server's (one orbit per organization). ``self.limits`` is
    read on every request, so a test may change it on a running server.
    ``workspace``: the default tenant's names: by default a ready tenant (organization
    "My Org", bucket "luml-local", orbit "Default Orbit", collection "churn": what the
    README's quick start uses); ``workspace=None`` gives an organization and a bucket only.
    ``storage_bandwidth`` (bytes per second per connection, each way) and ``storage_latency``
    (seconds before each storage answer) emulate a real object store's network; both are off
    by default and can be changed on a running server through ``storage_network``.
    ``real_server_bugs``: mirror the real server's known bugs (default True, so a test fails
    the way production will; docs/known-real-server-behaviour.md lists them).

    ``faults`` injects failures; ``requests_seen`` logs every API and storage request as
    :class:`SeenRequest` ``(target, method, path, headers, at)``: lower-case header names,
    ``at`` the arrival time (``time.monotonic()``).
    """

    def __init__(
        self,
        multipart_threshold: int = 524_288_000,
        part_size: int | None = None,
        db_path: str | None = None,
        *,
        port: int = 0,
        storage_port: int = 0,
        limits: Limits | None = None,
        workspace: Workspace | None = READY,
        storage_bandwidth: float | None = None,
        storage_latency: float = 0.0,
        real_server_bugs: bool = True,
    ) -> None:
        self.limits = limits or Limits()
        self.storage_network = NetworkProfile(storage_bandwidth, storage_latency)
        """The storage's emulated network: replace it to change the cap or the latency."""
        self.real_server_bugs = real_server_bugs
        self.multipart_threshold = multipart_threshold
        self.part_size = part_size
        self.db_path = db_path
        self.workspace = workspace
        self.faults = Faults()
        self.requests_seen: list[SeenRequest] = []
        self._port = port
        self._storage_port = storage_port
        self._sock: socket.socket | None = None
        self._storage: StorageServer | None = None
        self._db: Database | None = None
        self._uvicorn: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._default: Tenant | None = None
        self._azurite: Azurite | None = None

    # lifecycle

    def start(self) -> LocalLuml:
        """Bind both servers and start serving; returns self."""
        if self._thread is not None:
            raise RuntimeError("LocalLuml is already running")
        self._storage = StorageServer(
            self.faults, self.requests_seen, self._storage_port, lambda: self.storage_network
        )
        self._storage.start()
        self._db = Database(self.db_path)
        service = Service(
            self._db,
            Settings(
                storage_endpoint=self._storage.endpoint,
                multipart_threshold=self.multipart_threshold,
                part_size=self.part_size,
                ensure_bucket=self._storage.ensure_bucket,
                limits=self.limits,
                real_server_bugs=self.real_server_bugs,
            ),
        )
        self._default = self._seed_default()
        app = ApiFaultMiddleware(
            CloseAfterServerError(CookieCredentials(build_app(service, self._lookup_token))),
            self.faults,
            self.requests_seen,
        )
        self._sock = _listening_socket(self._port)
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, timeout_graceful_shutdown=2, lifespan="on"
        )
        self._uvicorn = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._uvicorn.run, kwargs={"sockets": [self._sock]}, name="luml-api", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Shut both servers down and release their ports."""
        if self._uvicorn is not None and self._thread is not None:
            self._uvicorn.should_exit = True
            self._thread.join()
        if self._sock is not None:
            self._sock.close()
        if self._storage is not None:
            self._storage.stop()
        if self._db is not None:
            self._db.close()
        if self._azurite is not None:
            self._azurite.stop()
            self._azurite = None
        self._uvicorn = self._thread = self._sock = self._storage = self._db = None

    def __enter__(self) -> LocalLuml:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # addresses and identities

    @property
    def url(self) -> str:
        """The API base URL (routes live under /v1)."""
        if self._sock is None:
            raise RuntimeError("LocalLuml is not running")
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    @property
    def storage_url(self) -> str:
        """The S3 endpoint URL."""
        return self._running_storage().url

    @property
    def default_tenant(self) -> Tenant:
        """The seeded user, organization and bucket secret (and orbit and collection)."""
        if self._default is None:
            raise RuntimeError("LocalLuml is not running")
        return self._default

    @property
    def api_key(self) -> str:
        """The default tenant's API key."""
        return self.default_tenant.api_key

    @property
    def user_token(self) -> str:
        """The default tenant's user (signed-in session, JWT) token."""
        return self.default_tenant.user_token

    def start_azurite(self) -> Azurite:
        """Azure Blob Storage for this server: Azurite on a loopback port (started once,
        stopped with the server). Give an Azure bucket secret its `connection_string` and a
        container made with `create_container(name)`; the server then hands out SAS URLs that
        Azurite checks and serves. Raises AzuriteMissing when Azurite is not installed
        (`make azurite`)."""
        if self._azurite is None:
            self._azurite = Azurite().start()
        return self._azurite

    def stored_object(self, bucket_name: str, key: str) -> bytes | None:
        """An object's bytes read straight from the storage backend (None if absent)."""
        return self._running_storage().stored_object(bucket_name, key)

    def remove_stored_object(self, bucket_name: str, key: str) -> bool:
        """Delete an object straight from the storage backend, behind the API's back (as
        someone with access to the bucket would); returns whether it was there."""
        return self._running_storage().remove_stored_object(bucket_name, key)

    def pair_satellite(
        self,
        satellite_id: str,
        capabilities: dict[str, dict[str, Any] | None] | None = None,
        *,
        base_url: str = "http://satellite.local:8000",
        slug: str | None = None,
        last_seen_at: str | None = None,
    ) -> None:
        """Pair a satellite as the satellite itself would (the user API cannot): it becomes
        ``paired`` with these capabilities (default ``{"deploy": None}``) and ``active``, or
        ``error`` when ``last_seen_at`` (ISO 8601) is over 20 minutes old."""
        pair_satellite(
            self._running_db(),
            satellite_id,
            {"deploy": None} if capabilities is None else capabilities,
            base_url=base_url,
            slug=slug,
            last_seen_at=last_seen_at or now_iso(),
        )

    def session_token(self, tenant: Tenant) -> str:
        """A signed-in-session (JWT-scoped) token for the tenant's user, for JWT-only routes."""
        token = self._running_db().scalar(
            "SELECT session_token FROM users WHERE id = ?", (tenant.user_id,)
        )
        if token is None:
            raise KeyError(tenant.user_id)
        return str(token)

    # tenants

    def create_tenant(self, organization_name: str = "Test Organization") -> Tenant:
        """A new user with its own API key, organization and bucket (created in storage)."""
        bucket = f"luml-{secrets.token_hex(6)}"
        self._running_storage().ensure_bucket(bucket)
        return self._insert_tenant(organization_name, bucket, is_default=False)

    def _insert_tenant(self, organization_name: str, bucket: str, *, is_default: bool) -> Tenant:
        db, storage = self._running_db(), self._running_storage()
        user_id, org_id, secret_id, now = new_id(), new_id(), new_id(), now_iso()
        api_key, user_token = new_api_key(), new_session_token()
        with db.transaction():
            db.insert(
                "users",
                {
                    "id": user_id,
                    "email": f"user-{user_id[-12:]}@luml.local",
                    "full_name": "Local User",
                    "api_key": api_key,
                    "session_token": user_token,
                    "is_default": int(is_default),
                    "created_at": now,
                },
            )
            db.insert("organizations", {"id": org_id, "name": organization_name, "created_at": now})
            db.insert(
                "org_members",
                {
                    "id": new_id(),
                    "organization_id": org_id,
                    "user_id": user_id,
                    "role": "owner",
                    "created_at": now,
                },
            )
            db.insert(
                "bucket_secrets",
                {
                    "id": secret_id,
                    "organization_id": org_id,
                    "type": "s3",
                    "endpoint": storage.endpoint,
                    "bucket_name": bucket,
                    "secure": 0,
                    "region": REGION,
                    "is_local": 1,
                    "created_at": now,
                },
            )
        return Tenant(api_key, user_id, org_id, organization_name, secret_id, bucket, user_token)

    def _seed_default(self) -> Tenant:
        """The default tenant: reused from a persistent database, else created; then its
        workspace's orbit and collection, each created when missing."""
        db, storage = self._running_db(), self._running_storage()
        db.run("UPDATE bucket_secrets SET endpoint = ? WHERE is_local = 1", (storage.endpoint,))
        for row in db.all("SELECT id, bucket_name FROM bucket_secrets WHERE is_local = 1"):
            if not storage.ensure_bucket(row["bucket_name"]):
                renamed = f"{row['bucket_name']}-{secrets.token_hex(3)}"
                storage.ensure_bucket(renamed)
                db.update("bucket_secrets", row["id"], {"bucket_name": renamed})
        existing = db.one(
            "SELECT u.api_key, u.id AS user_id, o.id AS org_id, o.name, s.id AS secret_id, "
            "s.bucket_name, u.session_token FROM users u JOIN org_members m ON m.user_id = u.id "
            "JOIN organizations o ON o.id = m.organization_id "
            "JOIN bucket_secrets s ON s.organization_id = o.id AND s.is_local = 1 "
            "WHERE u.is_default = 1 ORDER BY s.created_at LIMIT 1"
        )
        if existing is not None:
            tenant = Tenant(*existing)
        else:
            names = self.workspace or READY
            bucket = names.bucket
            if not storage.ensure_bucket(bucket):
                bucket = f"{names.bucket}-{secrets.token_hex(3)}"
                storage.ensure_bucket(bucket)
            tenant = self._insert_tenant(names.organization, bucket, is_default=True)
        return self._ready(tenant) if self.workspace is not None else tenant

    def _ready(self, tenant: Tenant) -> Tenant:
        """The tenant with the workspace's orbit and collection, created when missing."""
        assert self.workspace is not None
        names = self.workspace
        if names.orbit is None:
            return tenant
        orbit_id = self._find_or_insert_orbit(tenant, names.orbit)
        collection_id = None
        if names.collection is not None:
            collection_id = self._find_or_insert_collection(orbit_id, names)
        return replace(
            tenant,
            orbit_id=orbit_id,
            orbit_name=names.orbit,
            collection_id=collection_id,
            collection_name=names.collection,
        )

    def _find_or_insert_orbit(self, tenant: Tenant, name: str) -> str:
        db = self._running_db()
        found = db.scalar(
            "SELECT id FROM orbits WHERE organization_id = ? AND name = ? ORDER BY created_at",
            (tenant.organization_id, name),
        )
        if found is not None:
            return str(found)
        orbit_id, now = new_id(), now_iso()
        with db.transaction():
            db.insert(
                "orbits",
                {
                    "id": orbit_id,
                    "organization_id": tenant.organization_id,
                    "name": name,
                    "bucket_secret_id": tenant.bucket_secret_id,
                    "created_at": now,
                },
            )
            db.insert(
                "orbit_members",
                {
                    "id": new_id(),
                    "orbit_id": orbit_id,
                    "user_id": tenant.user_id,
                    "role": "admin",
                    "created_at": now,
                },
            )
        return orbit_id

    def _find_or_insert_collection(self, orbit_id: str, names: Workspace) -> str:
        db = self._running_db()
        found = db.scalar(
            "SELECT id FROM collections WHERE orbit_id = ? AND name = ? ORDER BY created_at",
            (orbit_id, names.collection),
        )
        if found is not None:
            return str(found)
        collection_id = new_id()
        db.insert(
            "collections",
            {
                "id": collection_id,
                "orbit_id": orbit_id,
                "name": names.collection,
                "description": names.collection_description,
                "type": names.collection_type,
                "tags": None,
                "created_at": now_iso(),
            },
        )
        return collection_id

    def _lookup_token(self, token: str) -> dict[str, Any] | None:
        """Token info for a bearer token: an API key, a satellite key (which no user route
        takes: 403), or a session token (JWT scope)."""
        if self._db is None:
            return None
        if token.startswith("dfssat_"):
            found = self._db.scalar(
                "SELECT id FROM satellites WHERE api_key_hash = ?", (satellite_key_hash(token),)
            )
            if found is None:
                return None
            # The real server notes the satellite as seen whenever its key authenticates.
            self._db.update("satellites", str(found), {"last_seen_at": now_iso()})
            return {"sub": str(found), "scope": "satellite"}
        column = "api_key" if token.startswith("dfs_") else "session_token"
        user_id = self._db.scalar(f"SELECT id FROM users WHERE {column} = ?", (token,))  # noqa: S608
        if user_id is None:
            return None
        return {"sub": user_id, "scope": "api_key" if column == "api_key" else "jwt"}

    def _running_db(self) -> Database:
        if self._db is None:
            raise RuntimeError("LocalLuml is not running")
        return self._db

    def _running_storage(self) -> StorageServer:
        if self._storage is None:
            raise RuntimeError("LocalLuml is not running")
        return self._storage
