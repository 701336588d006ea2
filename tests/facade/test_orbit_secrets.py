"""luml.orbit_secrets on both clients against the local server, and the rule that a secret's
value never shows in a repr, a log line or an error."""

from __future__ import annotations

import logging
import traceback
from typing import Any

import pytest

from luml_facade import (
    APIStatusError,
    BadRequestError,
    InvalidArgumentError,
    NotFoundError,
    OrbitSecret,
)

from .conftest import run

VALUE = "s3cr3t-value-9f2c"


async def test_secret_lifecycle_by_name_and_id(workspace: Any) -> None:
    luml = workspace
    created = await run(luml.orbit_secrets.create("db-password", VALUE, tags=["db"]))
    assert isinstance(created, OrbitSecret)
    assert (created.name, created.value, created.tags) == ("db-password", VALUE, ["db"])
    listed = await run(luml.orbit_secrets.list())
    assert [(secret.id, secret.name, secret.value) for secret in listed] == [
        (created.id, "db-password", None)  # lists carry no values
    ]
    assert await run(luml.orbit_secrets.get("db-password")) == created  # with its value
    assert await run(luml.orbit_secrets.get(created.id)) == created
    assert await run(luml.orbit_secrets.get("nope")) is None

    rotated = await run(luml.orbit_secrets.update("db-password", value="new-value"))
    assert (rotated.name, rotated.value, rotated.tags) == ("db-password", "new-value", ["db"])
    renamed = await run(luml.orbit_secrets.update(created.id, name="db", tags=["x"]))
    assert (renamed.name, renamed.value, renamed.tags) == ("db", "new-value", ["x"])

    await run(luml.orbit_secrets.delete("db"))
    assert await run(luml.orbit_secrets.list()) == []
    with pytest.raises(NotFoundError, match="no orbit secret 'db' in the orbit"):
        await run(luml.orbit_secrets.delete("db"))


async def test_a_taken_name_is_a_bad_request(workspace: Any) -> None:
    await run(workspace.orbit_secrets.create("token", VALUE))
    with pytest.raises(BadRequestError, match="already exist"):
        await run(workspace.orbit_secrets.create("token", "other"))


async def test_values_stay_out_of_reprs_and_logs(
    workspace: Any, caplog: pytest.LogCaptureFixture
) -> None:
    luml = workspace
    caplog.set_level(logging.DEBUG)
    created = await run(luml.orbit_secrets.create("db-password", VALUE))
    fetched = await run(luml.orbit_secrets.get("db-password"))
    updated = await run(luml.orbit_secrets.update("db-password", value=VALUE + "2"))
    for secret in (created, fetched, updated):
        assert VALUE not in repr(secret) and VALUE not in str(secret)
        assert "value='***'" in repr(secret)
    assert VALUE not in repr(await run(luml.orbit_secrets.list()))
    assert "value=None" in repr((await run(luml.orbit_secrets.list()))[0])
    assert VALUE not in caplog.text


def _shows(error: BaseException, value: str) -> bool:
    rendered = "".join(traceback.format_exception(error))
    body = repr(getattr(error, "body", None))
    return any(value in text for text in (str(error), repr(error), rendered, body))


@pytest.mark.parametrize("operation", ["create", "update"])
async def test_a_refused_value_is_blanked_out_of_the_error(workspace: Any, operation: str) -> None:
    luml = workspace
    too_long = "v" * 8000 + VALUE + "v" * 200  # over the server's 8192 characters
    if operation == "update":
        await run(luml.orbit_secrets.create("db-password", VALUE))
    with pytest.raises(InvalidArgumentError, match="value must be at most 8192") as caught:
        if operation == "create":
            await run(luml.orbit_secrets.create("db-password", too_long))
        else:
            await run(luml.orbit_secrets.update("db-password", value=too_long))
    assert not _shows(caught.value, VALUE)
    assert not _shows(caught.value, too_long)


async def test_a_value_echoed_by_the_server_is_blanked(workspace: Any, luml_server: Any) -> None:
    """Whatever the server puts in an error answer, the value sent does not come back out."""
    from luml_facade.testing import Fault

    luml_server.faults.add(
        Fault(
            target="api",
            method="POST",
            path_contains="/secrets",
            status=400,
            body=f'{{"detail": "bad value {VALUE}", "input": "{VALUE}"}}'.encode(),
        )
    )
    with pytest.raises(APIStatusError) as caught:
        await run(workspace.orbit_secrets.create("db-password", VALUE))
    assert caught.value.status_code == 400
    assert caught.value.message == "bad value ***"
    assert not _shows(caught.value, VALUE)
