"""Two error promises of docs/behaviour.md: a 409 is an answer (never retried), and a failure
inside the facade itself is still a LumlAPIError that asks for a bug report."""

from __future__ import annotations

from typing import Any

import pytest

from luml_facade import ConflictError, LumlAPIError
from luml_facade.testing import Fault, LocalLuml, Tenant

from .conftest import run


async def test_a_409_is_an_answer_never_retried(
    luml: Any, luml_server: LocalLuml, luml_tenant: Tenant
) -> None:
    await run(luml.orbits.list())
    luml_server.requests_seen.clear()
    luml_server.faults.add(
        Fault(target="api", method="GET", path_contains="/orbits", status=409, times=5)
    )

    with pytest.raises(ConflictError):
        await run(luml.orbits.list())

    gets = [seen for seen in luml_server.requests_seen if seen.method == "GET"]
    assert len(gets) == 1


async def test_a_failure_inside_the_facade_is_a_luml_api_error_asking_for_a_report(
    luml: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(requested: Any) -> Any:
        raise TypeError("boom")
        yield  # a flow

    monkeypatch.setattr("luml_facade._defaults.resolve", broken)

    with pytest.raises(LumlAPIError, match="bug in luml-facade, please report it") as raised:
        await run(luml.orbits.list())
    assert not isinstance(raised.value, TypeError)
    assert isinstance(raised.value.__cause__, TypeError)
