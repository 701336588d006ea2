"""What a client's resources share: the driver (sync or async), options and defaults.

`operation` and `paged` turn one generator-based method into a blocking method on
`LumlClient` and a coroutine method on `AsyncLumlClient`, so every resource is written once.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator, Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Concatenate,
    Generic,
    ParamSpec,
    Self,
    TypeVar,
    overload,
)

from ._checks import Rule, check_call
from ._driver import AsyncDriver, SyncDriver
from ._errors import LumlAPIError
from ._flow import Flow
from ._paging import emit_all

if TYPE_CHECKING:
    from ._defaults import Defaults
    from ._options import ClientOptions

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
W = TypeVar("W")
M = TypeVar("M", "SyncMode", "AsyncMode")
logger = logging.getLogger("luml_facade")


class SyncMode:
    """Marks the blocking flavour of a resource (methods return values)."""


class AsyncMode:
    """Marks the asyncio flavour of a resource (methods return coroutines)."""


class Session(Generic[M]):
    """The driver, options and defaults one client's resources share."""

    def __init__(
        self,
        driver: SyncDriver | AsyncDriver,
        options: ClientOptions,
        defaults: Defaults,
        prelude: Callable[[], Flow[Any]] | None = None,
    ) -> None:
        self.driver = driver
        self.options = options
        self.defaults = defaults
        self.prelude = prelude

    def _flow(self, flow: Flow[T], method: Any = None) -> Flow[T]:
        """`flow`, after the prelude (repairing what interrupted transfers left behind)
        unless `method` does that itself (`without_prelude`)."""
        if self.prelude is not None and not getattr(method, "without_prelude", False):
            try:
                yield from self.prelude()
            except Exception as error:  # never fails the caller's call
                logger.info("repairing leftover transfers failed: %s", error)
        try:
            return (yield from flow)
        except (LumlAPIError, Warning):
            raise
        except Exception as error:  # a bug: still typed, and says what to do
            name = getattr(method, "__qualname__", "a call")
            raise LumlAPIError(
                f"{name} failed unexpectedly ({error!r}): this is a bug in luml-facade, please "
                "report it with this traceback"
            ) from error

    def bind_call(self, method: Callable[..., Flow[Any]], owner: Any) -> Callable[..., Any]:
        """`method` as a blocking function or a coroutine function, per this session's driver."""
        driver = self.driver
        rules = owner.arguments
        if isinstance(driver, AsyncDriver):

            async def run_async(*args: Any, **kwargs: Any) -> Any:
                check_call(method, rules, args, kwargs)
                return await driver.run(self._flow(method(owner, *args, **kwargs), method))

            return functools.wraps(method)(run_async)

        def run_sync(*args: Any, **kwargs: Any) -> Any:
            check_call(method, rules, args, kwargs)
            return driver.run(self._flow(method(owner, *args, **kwargs), method))

        return functools.wraps(method)(run_sync)

    def bind_iteration(self, method: Callable[..., Items[Any]], owner: Any) -> Callable[..., Any]:
        """`method` as a function returning a lazy iterator (async iterator on asyncio)."""
        driver = self.driver

        def iterate(*args: Any, **kwargs: Any) -> Any:
            check_call(method, owner.arguments, args, kwargs)
            return driver.iterate(self._flow(method(owner, *args, **kwargs).flow))

        return functools.wraps(method)(iterate)


def without_prelude(method: Callable[P, R]) -> Callable[P, R]:
    """Mark a flow method that runs the session prelude (the journal repair) itself."""
    method.without_prelude = True  # type: ignore[attr-defined]
    return method


class Items(Generic[T]):
    """A flow that emits items of type T (what `paged` methods return)."""

    def __init__(self, flow: Flow[None]) -> None:
        self.flow = flow


def every_page(where: Flow[W], fetch_page: Callable[[W, str | None], Flow[Any]]) -> Items[Any]:
    """What a `paged` method returns: when iteration starts, find where to list (`where`, e.g.
    the default orbit's route), then emit the items of every page `fetch_page(where, cursor)`
    returns, one request at a time as the consumer iterates."""

    def flow() -> Flow[None]:
        place = yield from where
        yield from emit_all(lambda cursor: fetch_page(place, cursor))

    return Items(flow())


class Resource(Generic[M]):
    """Base of every resource: holds the session. `arguments` are the rules of its arguments
    by name (`_checks.Rule`: lengths, UUIDs, no empty names), on top of the shared ones."""

    arguments: ClassVar[Mapping[str, Rule]] = {}

    def __init__(self, session: Session[M]) -> None:
        self._session: Session[M] = session

    @property
    def _defaults(self) -> Defaults:
        defaults: Defaults = self._session.defaults
        return defaults


class operation(Generic[P, R]):
    """Decorate a flow method of a Resource: blocking on LumlClient, a coroutine on
    AsyncLumlClient."""

    def __init__(self, method: Callable[Concatenate[Any, P], Flow[R]]) -> None:
        self._method = method
        self.__doc__ = method.__doc__
        self.__wrapped__ = method

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, instance: Resource[SyncMode], owner: type[Any]) -> Callable[P, R]: ...
    @overload
    def __get__(
        self, instance: Resource[AsyncMode], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, R]]: ...
    def __get__(self, instance: Resource[Any] | None, owner: type[Any]) -> Any:
        if instance is None:
            return self
        return instance._session.bind_call(self._method, instance)


class paged(Generic[P, T]):
    """Decorate a method returning Items[T]: an Iterator[T] on LumlClient, an
    AsyncIterator[T] on AsyncLumlClient. Nothing is fetched until iteration starts."""

    def __init__(self, method: Callable[Concatenate[Any, P], Items[T]]) -> None:
        self._method = method
        self.__doc__ = method.__doc__
        self.__wrapped__ = method

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(
        self, instance: Resource[SyncMode], owner: type[Any]
    ) -> Callable[P, Iterator[T]]: ...
    @overload
    def __get__(
        self, instance: Resource[AsyncMode], owner: type[Any]
    ) -> Callable[P, AsyncIterator[T]]: ...
    def __get__(self, instance: Resource[Any] | None, owner: type[Any]) -> Any:
        if instance is None:
            return self
        return instance._session.bind_iteration(self._method, instance)
