"""LumlClient and AsyncLumlClient: configuration, defaults, and the resources."""

from __future__ import annotations

import os
from collections.abc import Callable, Generator
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self

import attrs
import httpx
from luml_openapi.client import Client

from ._cache_settings import CacheSettings
from ._checks import text
from ._defaults import Defaults
from ._driver import ApiContext, AsyncDriver, SyncDriver
from ._http import check_storage_client, keyed, new_api_client, storage_connections
from ._options import ClientOptions
from ._retry import RetryPolicy
from ._session import AsyncMode, M, Session, SyncMode
from ._storage_later import LaterStorage

if TYPE_CHECKING:  # each resource module is imported when its property is first read
    from ._flow import Flow
    from ._storage_client import WireStorage
    from .resources.artifacts import ArtifactResource
    from .resources.bucket_secrets import BucketSecretResource
    from .resources.collections import CollectionResource
    from .resources.deployments import DeploymentResource
    from .resources.orbit_secrets import OrbitSecretResource
    from .resources.orbits import OrbitResource
    from .resources.organizations import OrganizationResource
    from .resources.satellites import SatelliteResource
    from .resources.tracks import TrackResource


def _wire_storage(options: ClientOptions) -> WireStorage:
    """The default storage transport (urllib3 pools), imported and built on first use."""
    from ._storage_client import WireStorage

    return WireStorage(options, storage_connections(options))


def _repair_prelude(options: ClientOptions) -> Callable[[], Flow[Any]]:
    """Each call's prelude: settle what interrupted transfers of this key left in the journal
    (transfer/repair.py is imported when the journal holds an entry, not with the client)."""

    def repair() -> Flow[Any]:
        from .transfer.journal import Journal

        if not any(Journal().entries()):  # nothing left behind: one directory listing
            return []
        from .transfer.repair import Recorder, sweep

        return (yield from sweep(Recorder.for_client(options.base_url, options.api_key.reveal())))

    return repair


class _BaseClient(Generic[M]):
    """What both clients share: options, HTTP clients, defaults and resources.

    Arguments:
        api_key: the LUML API key; default: the LUML_API_KEY environment variable.
        base_url: default: LUML_BASE_URL, else https://api.luml.ai.
        organization: the default organization, an id or an exact name; left out, it is
            picked when the key's user has exactly one.
        orbit: the default orbit (id or exact name); left out, picked when there is one.
        collection: the default collection (id or exact name); left out, picked when there
            is one.
        timeout: seconds (or an httpx.Timeout) for API calls; default 60 s, 10 s to connect.
        max_retries: retries of idempotent calls and storage requests (default 3).
        retry: a RetryPolicy, for full control of the backoff (overrides max_retries).
        max_concurrency: parts moved at once in multipart transfers (default 8).
        verify: TLS verification: True (default), False, or a CA bundle path.
        http_client: an httpx client (Client or AsyncClient, matching the facade client) for
            API calls, e.g. with proxies. It is not changed: the facade adds the key, URL and
            headers to each of its own requests, so the client never holds the key (it may
            also serve as `storage_http_client`).
        storage_http_client: an httpx client for presigned storage URLs (never given the key),
            e.g. for a proxy or a mock transport. By default storage bytes go through urllib3
            pools, which move bulk data at a fraction of httpx's CPU cost (see _storage_client.py).
        cache_dir: the shared model cache (docs/cache.md); default: LUML_CACHE_DIR, else the
            user cache directory.
        offline: answer cache lookups from the cache alone, with no network call (default:
            the LUML_OFFLINE environment variable); given defaults are then not checked.

    Raises:
        ConfigurationError: no API key, a malformed base URL, or (LumlClient) a default that
            does not exist.
    """

    _asynchronous: bool

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        organization: str | None = None,
        orbit: str | None = None,
        collection: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 3,
        retry: RetryPolicy | None = None,
        max_concurrency: int = 8,
        verify: bool | str = True,
        http_client: httpx.Client | httpx.AsyncClient | None = None,
        storage_http_client: httpx.Client | httpx.AsyncClient | None = None,
        cache_dir: str | os.PathLike[str] | None = None,
        offline: bool | None = None,
    ) -> None:
        self._options = ClientOptions.from_arguments(
            api_key,
            base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry=retry,
            max_concurrency=max_concurrency,
            verify=verify,
        )
        self._options = attrs.evolve(
            self._options, cache=CacheSettings.from_arguments(cache_dir, offline)
        )
        for name, value in (("organization", organization), ("orbit", orbit)):
            text(value, name)
        text(collection, "collection")
        if storage_http_client is not None:
            check_storage_client(storage_http_client, asynchronous=self._asynchronous)
        self._owned: list[Any] = []
        try:
            self._setup(http_client, storage_http_client, organization, orbit, collection)
        except BaseException:
            self._close_owned()  # a constructor that raises leaves no connection open
            raise

    def _setup(
        self,
        http_client: Any,
        storage_http_client: Any,
        organization: str | None,
        orbit: str | None,
        collection: str | None,
    ) -> None:
        options = self._options
        api_http = self._api_http(http_client)
        storage_http = self._storage_transport(storage_http_client)
        self._raw = Client(base_url=options.base_url)
        if self._asynchronous:
            self._raw.set_async_httpx_client(api_http)
        else:
            self._raw.set_httpx_client(api_http)
        context = ApiContext(options.base_url, options.api_key)
        driver: SyncDriver | AsyncDriver
        if self._asynchronous:
            driver = AsyncDriver(
                self._raw,
                storage_http,
                options.retry,
                context,
                thread_count=storage_connections(options),
            )
            self._owned.append(driver)
        else:
            driver = SyncDriver(self._raw, storage_http, options.retry, context)
        self._defaults = Defaults()
        self._defaults.request(organization, orbit, collection)
        self._session: Session[M] = Session(
            driver,
            options,
            self._defaults,
            prelude=None if options.cache.offline else _repair_prelude(options),
        )
        if not options.cache.offline and any(
            value is not None for value in (organization, orbit, collection)
        ):
            self._defaults_requested()

    def _close_owned(self) -> None:
        """Close what this client opened, from a constructor that failed (an httpx
        AsyncClient opened no connection yet and needs an event loop to close)."""
        for client in self._owned:
            if not isinstance(client, httpx.AsyncClient):
                client.close()

    def _defaults_requested(self) -> None:
        """Called when the constructor was given defaults (the async client resolves later)."""

    def _api_http(self, supplied: Any) -> Any:
        if supplied is not None:
            return keyed(supplied, self._options, asynchronous=self._asynchronous)
        return self._own(new_api_client(self._options, asynchronous=self._asynchronous))

    def _storage_transport(self, supplied: Any) -> Any:
        """urllib3 for presigned URLs (see _storage_client.py), or the caller's httpx client.
        The urllib3 transport is built at the first storage request (`LaterStorage`), so a
        client that moves no file does not import it."""
        if supplied is None:
            options = self._options  # not self: the transport holds no reference to the client
            return self._own(LaterStorage(lambda: _wire_storage(options)))
        from ._storage_client import AsyncHttpxStorage, HttpxStorage

        if isinstance(supplied, httpx.AsyncClient):
            return AsyncHttpxStorage(supplied)
        return HttpxStorage(supplied)

    def _own(self, client: Any) -> Any:
        self._owned.append(client)
        return client

    @property
    def raw(self) -> Client:
        """The generated client, authenticated, for calling a raw endpoint yourself.

        The generated functions type path ids as uuid.UUID; wrap the facade's str ids.

        Example:
            from luml_openapi.api.orbits import get_orbit
            response = get_orbit.sync_detailed(UUID(org_id), UUID(orbit_id), client=luml.raw)
        """
        return self._raw

    @property
    def base_url(self) -> str:
        return self._options.base_url

    @cached_property
    def organizations(self) -> OrganizationResource[M]:
        """The caller's organizations."""
        from .resources.organizations import OrganizationResource

        return OrganizationResource(self._session)

    @cached_property
    def bucket_secrets(self) -> BucketSecretResource[M]:
        """Bucket secrets of the default organization."""
        from .resources.bucket_secrets import BucketSecretResource

        return BucketSecretResource(self._session)

    @cached_property
    def orbits(self) -> OrbitResource[M]:
        """Orbits of the default organization."""
        from .resources.orbits import OrbitResource

        return OrbitResource(self._session)

    @cached_property
    def collections(self) -> CollectionResource[M]:
        """Collections of the default orbit."""
        from .resources.collections import CollectionResource

        return CollectionResource(self._session)

    @cached_property
    def artifacts(self) -> ArtifactResource[M]:
        """Artifacts of the default collection."""
        from .resources.artifacts import ArtifactResource

        return ArtifactResource(self._session)

    @cached_property
    def tracks(self) -> TrackResource[M]:
        """Tracks of the default orbit: model versions promoted through stages."""
        from .resources.tracks import TrackResource

        return TrackResource(self._session)

    @cached_property
    def deployments(self) -> DeploymentResource[M]:
        """Deployments of the default orbit (artifacts running on satellites)."""
        from .resources.deployments import DeploymentResource

        return DeploymentResource(self._session)

    @cached_property
    def satellites(self) -> SatelliteResource[M]:
        """Satellites of the default orbit (the machines that run deployments)."""
        from .resources.satellites import SatelliteResource

        return SatelliteResource(self._session)

    @cached_property
    def orbit_secrets(self) -> OrbitSecretResource[M]:
        """Secrets of the default orbit (values deployments read by secret id)."""
        from .resources.orbit_secrets import OrbitSecretResource

        return OrbitSecretResource(self._session)

    def __repr__(self) -> str:
        defaults = self._defaults
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, "
            f"organization={defaults.organization_id!r}, orbit={defaults.orbit_id!r}, "
            f"collection={defaults.collection_id!r})"
        )


class LumlClient(_BaseClient[SyncMode]):
    """The blocking LUML client.

    The key and URL fall back to the LUML_API_KEY and LUML_BASE_URL environment variables (the
    URL to https://api.luml.ai). Defaults may be ids or exact names; each one not given is
    picked automatically when exactly one candidate exists. Given defaults are resolved here,
    so an unknown one raises ConfigurationError naming what exists.

    Example:
        with LumlClient(api_key="dfs_...", organization="My Org", orbit="Default Orbit") as luml:
            for artifact in luml.artifacts.list_all():
                print(artifact.name)
    """

    _asynchronous = False

    def _defaults_requested(self) -> None:
        self._settle()  # the sync client checks given defaults at once

    @property
    def _driver(self) -> SyncDriver:
        driver = self._session.driver
        assert isinstance(driver, SyncDriver)
        return driver

    def _settle(self) -> None:
        self._driver.run(self._defaults.settle())

    def setup_config(
        self,
        *,
        organization: str | None = None,
        orbit: str | None = None,
        collection: str | None = None,
    ) -> None:
        """Set the default organization, orbit and collection (ids or exact names).

        Arguments:
            organization: The default organization; None: the only one, if there is one.
            orbit: The default orbit; None: the only one of the organization, if there is one.
            collection: The default collection; None: the only one of the orbit, if any.

        Raises:
            ConfigurationError: one of them does not exist (the message lists what does).

        Example:
            luml.setup_config(organization="My Org", orbit="Default Orbit", collection="churn")
        """
        self._defaults.request(organization, orbit, collection)
        self._settle()

    @property
    def organization(self) -> str | None:
        """The default organization's id."""
        self._settle()
        return self._defaults.organization_id

    @organization.setter
    def organization(self, value: str | None) -> None:
        self.setup_config(organization=value)

    @property
    def orbit(self) -> str | None:
        """The default orbit's id."""
        self._settle()
        return self._defaults.orbit_id

    @orbit.setter
    def orbit(self, value: str | None) -> None:
        self.setup_config(organization=self._defaults.organization_id, orbit=value)

    @property
    def collection(self) -> str | None:
        """The default collection's id."""
        self._settle()
        return self._defaults.collection_id

    @collection.setter
    def collection(self, value: str | None) -> None:
        defaults = self._defaults
        self.setup_config(
            organization=defaults.organization_id, orbit=defaults.orbit_id, collection=value
        )

    def close(self) -> None:
        """Close the connections this client opened (`with LumlClient(...)` does it).

        Example:
            luml.close()
        """
        for client in self._owned:
            client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class _Settling:
    """What AsyncLumlClient.setup_config returns: awaiting it resolves the defaults now;
    not awaiting it is fine too (they are resolved on first use)."""

    def __init__(self, client: AsyncLumlClient) -> None:
        self._client = client

    def __await__(self) -> Generator[Any, None, None]:
        return self._client._settle().__await__()


class AsyncLumlClient(_BaseClient[AsyncMode]):
    """The asyncio LUML client: the same resources, with coroutine methods and async
    iterators. Defaults (constructor or `setup_config`) are resolved on first use.

    Example:
        async with AsyncLumlClient(api_key="dfs_...") as luml:
            await luml.setup_config(organization="My Org", orbit="Default Orbit")
            async for artifact in luml.artifacts.list_all():
                print(artifact.name)
    """

    _asynchronous = True

    async def _settle(self) -> None:
        driver = self._session.driver
        assert isinstance(driver, AsyncDriver)
        await driver.run(self._defaults.settle())

    def setup_config(
        self,
        *,
        organization: str | None = None,
        orbit: str | None = None,
        collection: str | None = None,
    ) -> _Settling:
        """Set the default organization, orbit and collection (ids or exact names).

        `await` it to resolve them at once; otherwise they are resolved on first use.

        Arguments:
            organization: The default organization; None: the only one, if there is one.
            orbit: The default orbit; None: the only one of the organization, if there is one.
            collection: The default collection; None: the only one of the orbit, if any.

        Returns:
            An awaitable (awaiting it is optional).

        Raises:
            ConfigurationError: (when awaited, or on first use) one of them does not exist.

        Example:
            await luml.setup_config(organization="My Org", orbit="Default Orbit")
        """
        self._defaults.request(organization, orbit, collection)
        return _Settling(self)

    async def get_defaults(self) -> tuple[str | None, str | None, str | None]:
        """The default organization, orbit and collection ids, resolved now.

        Returns:
            (organization id, orbit id, collection id); None for a level with no default.

        Raises:
            ConfigurationError: a default names nothing, or several candidates exist.

        Example:
            organization_id, orbit_id, collection_id = await luml.get_defaults()
        """
        await self._settle()
        defaults = self._defaults
        return defaults.organization_id, defaults.orbit_id, defaults.collection_id

    async def aclose(self) -> None:
        """Close the connections this client opened (`async with` does it).

        Example:
            await luml.aclose()
        """
        for client in self._owned:
            closing = getattr(client, "aclose", None)
            if closing is not None:
                await closing()
            else:
                client.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
