"""What a user is told when things go wrong in odd ways: an upload whose outcome could not be
recorded says what will happen to it, a broken progress handler is reported the same way on
downloads as on uploads, a secret value or the API key never comes back out of an error (in
any spelling, from anything the error links to). Both clients, local server."""

from __future__ import annotations

import html
import json
import socket
import traceback
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pytest

from luml_facade import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncLumlClient,
    FileDownloadError,
    FileUploadError,
    LumlClient,
)
from luml_facade.testing import Fault, Hold, LocalLuml, Tenant

from .conftest import FAST_RETRIES, run, write_artifact
from .test_nothing_lost import ARTIFACTS, raw_statuses, statuses
from .test_transfers import Recorder


@pytest.mark.parametrize(
    ("storage_fails", "settled"),
    [(True, "upload_failed"), (False, "uploaded")],
    ids=["bytes-not-stored", "bytes-stored"],
)
async def test_an_unrecorded_outcome_says_what_the_next_call_will_do(
    workspace: Any,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    storage_fails: bool,
    settled: str,
) -> None:
    """The status update is refused (503) after the bytes were, or were not, stored: the
    note says the next call checks the record and marks it what it then does."""
    path = write_artifact(tmp_path / "m.luml")
    if storage_fails:
        luml_server.faults.add(Fault(target="storage", method="PUT", status=500, times=100))
    luml_server.faults.add(
        Fault(target="api", method="PATCH", path_contains=ARTIFACTS, status=503, times=100)
    )

    with pytest.raises(FileUploadError) as raised:
        await run(workspace.artifacts.upload(path))

    [note] = raised.value.__notes__
    assert "could not be marked upload_failed now" in note
    assert f"checks its record and, if it is still pending_upload, marks it {settled}" in note
    assert await raw_statuses(workspace, luml_server, luml_tenant) == ["pending_upload"]
    luml_server.faults.clear()
    assert await statuses(workspace) == [settled]  # what the note said


async def test_a_download_whose_progress_start_raises_says_fix_the_handler(
    workspace: Any, tmp_path: Path
) -> None:
    class Broken(Recorder):
        def start(self, file_name: str, total: int) -> None:
            raise ValueError("bar broke")

    artifact = await run(workspace.artifacts.upload(write_artifact(tmp_path / "m.luml")))
    target = tmp_path / "out"
    target.mkdir()

    with pytest.raises(FileDownloadError, match=r"start\(\) raised ValueError\('bar broke'\): fix"):
        await run(workspace.artifacts.download(artifact.id, target, on_progress=Broken()))
    assert list(target.iterdir()) == []


# secrets: an orbit secret's value, and the API key, never come back out of an error

SECRET = 'p@ss"wörd\\9f2c/+ ü'  # quotes, a backslash, non-ASCII, URL-special characters


def spelled(value: str) -> dict[str, str]:
    return {
        "verbatim": value,
        "json": json.dumps(value)[1:-1],
        "json-unicode": json.dumps(value, ensure_ascii=False)[1:-1],
        "json-twice": json.dumps(json.dumps(value)[1:-1])[1:-1],
        "repr": repr(value)[1:-1],
        "url": quote(value, safe=""),
        "url-plus": quote_plus(value),
        "html": html.escape(value),
    }


def echo(server: LocalLuml, detail: str) -> None:
    """The next secret create is answered 400 with `detail` (JSON-encoded, as servers do)."""
    body = json.dumps({"detail": detail, "input": {"value": detail}}).encode()
    server.faults.add(
        Fault(target="api", method="POST", path_contains="/secrets", status=400, body=body)
    )


def everything_shown(error: BaseException) -> str:
    """What a user or a log may ever see of an error and its chain."""
    rendered = "".join(traceback.format_exception(error))
    return "\n".join((rendered, str(error), repr(error), repr(getattr(error, "body", None))))


@pytest.mark.parametrize("spelling", list(spelled(SECRET)))
async def test_a_secret_echoed_in_any_spelling_is_blanked(
    workspace: Any, luml_server: LocalLuml, spelling: str
) -> None:
    echo(luml_server, f"value {spelled(SECRET)[spelling]} is not allowed")
    with pytest.raises(APIStatusError) as caught:
        await run(workspace.orbit_secrets.create("db-password", SECRET))
    assert caught.value.message == "value *** is not allowed"
    shown = everything_shown(caught.value)
    assert not [name for name, form in spelled(SECRET).items() if form in shown]


async def test_a_secret_echoed_in_a_validation_list_is_blanked_and_the_rest_kept(
    workspace: Any, luml_server: LocalLuml
) -> None:
    """A pydantic-style 422: the value is blanked inside the list of problems, keys and all,
    and everything else in the body stays as the server sent it."""
    too_long = "String should have at most 8192 characters"
    problem = {"type": "too_long", "loc": ["body", "value"], "msg": too_long, "input": SECRET}
    body = {"detail": [problem], SECRET: "a key"}
    luml_server.faults.add(
        Fault(
            target="api",
            method="POST",
            path_contains="/secrets",
            status=422,
            body=json.dumps(body).encode(),
        )
    )
    with pytest.raises(APIStatusError) as caught:
        await run(workspace.orbit_secrets.create("db-password", SECRET))
    assert caught.value.body == {
        "detail": [{**problem, "input": "***"}],
        "***": "a key",
    }


async def test_a_one_character_secret_blanks_only_whole_tokens(
    workspace: Any, luml_server: LocalLuml
) -> None:
    """A secret "e": the echoed token is blanked; the letter inside words is not."""
    echo(luml_server, "secret value 'e' rejected: e is reserved, see every doc")
    with pytest.raises(APIStatusError) as caught:
        await run(workspace.orbit_secrets.create("db-password", "e"))
    assert caught.value.message == "secret value '***' rejected: *** is reserved, see every doc"


@pytest.mark.parametrize(
    ("secret", "detail", "blanked"),
    [
        # MIN_ANYWHERE (8) characters or more: blanked even inside a longer word
        ("k3y8char", "tokenk3y8charEND", "token***END"),
        ("k3y-with-9", "xk3y-with-9x", "x***x"),
        # a value ending in a backslash, echoed JSON-escaped: the longest spelling first, so
        # no backslash is left over
        ("k3y\\", "value k3y\\\\ refused", "value *** refused"),
    ],
    ids=["eight-inside-a-word", "long-inside-a-word", "backslash-json"],
)
async def test_a_secret_is_blanked_whole(
    workspace: Any, luml_server: LocalLuml, secret: str, detail: str, blanked: str
) -> None:
    echo(luml_server, detail)
    with pytest.raises(APIStatusError) as caught:
        await run(workspace.orbit_secrets.create("db-password", secret))
    assert caught.value.message == blanked


def reachable(error: BaseException) -> str:
    """Everything reachable from an error without its traceback frames: the chain
    (__cause__, __context__), args, attributes, and the headers of any request."""
    texts: list[str] = []
    seen: set[int] = set()
    stack: list[BaseException] = [error]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        texts += [str(current), repr(current), repr(current.args)]
        texts += [repr(value) for value in vars(current).values()]
        request = vars(current).get("_request")
        if request is not None:
            texts.append(repr(request.headers.multi_items()))
        stack += [link for link in (current.__cause__, current.__context__) if link is not None]
    return "\n".join(texts)


@pytest.mark.parametrize("failure", ["refused", "dropped", "timeout"])
async def test_no_api_key_is_reachable_from_a_connection_error(
    client_kind: str, luml_server: LocalLuml, luml_tenant: Tenant, failure: str
) -> None:
    base_url = luml_server.url
    options: dict[str, Any] = {}
    if failure == "refused":
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base_url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    elif failure == "dropped":
        luml_server.faults.add(Fault(target="api", method="GET", drop_after_bytes=3, times=100))
    else:
        hold = Hold(timeout=5)
        luml_server.faults.add(Fault(target="api", method="GET", hold=hold, times=100))
        options["timeout"] = 0.2
    client_class = AsyncLumlClient if client_kind == "async" else LumlClient
    luml = client_class(
        api_key=luml_tenant.api_key, base_url=base_url, retry=FAST_RETRIES, **options
    )
    try:
        with pytest.raises(APIConnectionError) as caught:
            await run(luml.organizations.list())
    finally:
        luml_server.faults.clear()
        if failure == "timeout":
            hold.release.set()
        await run(luml.aclose() if client_kind == "async" else luml.close())
    if failure == "timeout":
        assert isinstance(caught.value, APITimeoutError)
    shown = reachable(caught.value)
    assert luml_tenant.api_key not in shown
    assert "Bearer ***" in shown  # the request is still there to look at, without the key
