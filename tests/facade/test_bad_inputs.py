"""Bad inputs, walked through both clients against the local server: each raises a
LumlAPIError subclass whose message names the argument or says what to fix (never a bare
ValueError/TypeError/PermissionError, never "could not read the server's answer").

Each row: (id, call, expected error class, regex the message must match). `call(ctx)` makes
the facade call on `ctx.luml` (or builds a client); `ctx` also has a real artifact id.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

import luml_facade
from luml_facade import (
    AsyncLumlClient,
    AuthenticationError,
    ConfigurationError,
    FileError,
    InvalidArgumentError,
    LumlAPIError,
    LumlClient,
)
from luml_facade.testing import LocalLuml, Tenant, artifact_manifest

from .conftest import collect, run, write_artifact

UUID = "0199c455-21ed-7aba-9fe5-5231611220de"


@dataclass
class Context:
    luml: Any
    kind: str
    server: LocalLuml
    tenant: Tenant
    tmp: Path
    artifact_id: str
    monkeypatch: pytest.MonkeyPatch

    @property
    def client_class(self) -> type[Any]:
        return AsyncLumlClient if self.kind == "async" else LumlClient

    def build(self, **options: Any) -> Any:
        """Construct a client (the error may come from the constructor)."""
        options.setdefault("api_key", self.tenant.api_key)
        options.setdefault("base_url", self.server.url)
        return self.client_class(**options)

    def other_http(self) -> Any:
        """An httpx client of the wrong kind for this facade client."""
        return httpx.Client() if self.kind == "async" else httpx.AsyncClient()

    def file(self, name: str = "model.luml") -> Path:
        return write_artifact(self.tmp / name)

    def create(self, **overrides: Any) -> Any:
        arguments: dict[str, Any] = {
            "collection_id": None,
            "file_name": "m.luml",
            "extra_values": {},
            "manifest": artifact_manifest("model"),
            "file_hash": "0" * 64,
            "file_index": {"manifest.json": (512, 10)},
            "size": 1024,
            "name": "m",
        }
        arguments.update(overrides)
        return self.luml.artifacts.create(**arguments)


def unreadable(ctx: Context) -> Path:
    """A file that exists but cannot be read (as root, permissions don't stop reads)."""
    if os.geteuid() != 0:
        path = ctx.file("locked.luml")
        path.chmod(0)
        return path
    link = ctx.tmp / "locked.luml"
    link.symlink_to("/proc/self/mem")  # exists, reading it fails with EIO
    return link


def wrong_key(ctx: Context) -> Any:
    return ctx.build(api_key="dfs_wrong_key_0123456789").organizations.list()


def wrong_key_from_env(ctx: Context) -> Any:
    ctx.monkeypatch.setenv("LUML_API_KEY", "dfs_env_key_0123456789")
    return ctx.build(api_key=None).organizations.list()


def no_key(ctx: Context) -> Any:
    ctx.monkeypatch.delenv("LUML_API_KEY", raising=False)
    return ctx.build(api_key=None)


def unknown_default(ctx: Context) -> Any:
    client = ctx.build(organization="no such org")
    return client.get_defaults() if ctx.kind == "async" else client


def directory(ctx: Context) -> Path:
    folder = ctx.tmp / "folder.luml"
    folder.mkdir()
    return folder


def not_a_tar(ctx: Context) -> Path:
    path = ctx.tmp / "x.luml"
    path.write_bytes(b"not a tar" * 100)
    return path


Call = Callable[[Context], Any]


def deploy(c: Context, name: str = "d", **extra: Any) -> Any:
    return c.luml.deployments.create(name, satellite="gpu", artifact=UUID, **extra)


REGISTRY_ROWS: list[tuple[str, Call, str]] = [
    (
        "stages-str",
        lambda c: c.luml.tracks.create("t", "model", stages="dev"),
        r"stages must be a list of strings, e.g. stages=\['dev'\]; got 'dev'",
    ),
    (
        "entry-ids-str",
        lambda c: c.luml.tracks.remove_batch_artifacts("t", UUID),
        "entry_ids must be a list of strings",
    ),
    ("entry-ids-empty", lambda c: c.luml.tracks.remove_batch_artifacts("t", []), "entry_ids"),
    ("entry-ids-bad", lambda c: c.luml.tracks.remove_batch_artifacts("t", ["x"]), "entry id"),
    (
        "entries-sort-by",
        lambda c: c.luml.tracks.list_artifacts("t", sort_by="bogus"),
        "sort_by must be one of 'artifact_name'",
    ),
    (
        "entries-order",
        lambda c: c.luml.tracks.list_artifacts("t", order="sideways"),
        "order must be one of 'asc', 'desc'",
    ),
    (
        "tracks-sort-by",
        lambda c: collect(c.luml.tracks.list_all(sort_by="bogus")),
        "sort_by must be one of",
    ),
    (
        "env-secrets-str",
        lambda c: deploy(c, env_variables_secrets="db"),
        "env_variables_secrets must be a dict with str keys; got 'db'",
    ),
    ("secret-value-int", lambda c: c.luml.orbit_secrets.create("n", 123), "value must be a str"),
    (
        "track-name-huge",
        lambda c: c.luml.tracks.get("x" * 100_000),
        "track_value must be at most 8192 characters",
    ),
    (
        "download-path-int",
        lambda c: c.luml.artifacts.download(c.artifact_id, 1),
        "file_path must be a path",
    ),
    (
        "download-path-bytes",
        lambda c: c.luml.artifacts.download(c.artifact_id, b"path"),
        "file_path must be a path",
    ),
    ("track-get-none", lambda c: c.luml.tracks.get(None), "track_value must be a string; got None"),
    ("track-get-int", lambda c: c.luml.tracks.get(123), "track_value must be a string; got 123"),
    ("deployment-get-none", lambda c: c.luml.deployments.get(None), "deployment_value must be"),
    ("secret-get-none", lambda c: c.luml.orbit_secrets.get(None), "secret_value must be"),
    ("satellite-create-none", lambda c: c.luml.satellites.create(None), "name must be a string"),
    ("track-name-empty", lambda c: c.luml.tracks.create(" ", "model"), "name must not be empty"),
    (
        "stage-name-empty",
        lambda c: c.luml.tracks.create("t", "model", stages=["dev", ""]),
        "stages must not be empty",
    ),
    ("track-rename-empty", lambda c: c.luml.tracks.update("t", name=""), "name must not be empty"),
    ("stage-lookup-empty", lambda c: c.luml.tracks.add_artifact("t", UUID, ""), "stage must not"),
    ("deployment-name-empty", lambda c: deploy(c, ""), "name must not be empty"),
    (
        "env-key-empty",
        lambda c: deploy(c, env_variables={"": "x"}),
        "env_variables key must not be empty",
    ),
    ("satellite-name-empty", lambda c: c.luml.satellites.create(""), "name must not be empty"),
    (
        "satellite-rename-empty",
        lambda c: c.luml.satellites.update("gpu", name=""),
        "name must not be empty",
    ),
    ("secret-name-empty", lambda c: c.luml.orbit_secrets.create("", "v"), "name must not be"),
    (
        "orbit-name-long",
        lambda c: c.luml.orbits.create("x" * 101, UUID),
        "name must be at most 100 characters; got 101",
    ),
    (
        "collection-name-long",
        lambda c: c.luml.collections.create("d", "x" * 101, "model"),
        "name must be at most 100 characters",
    ),
    (
        "collection-tag-long",
        lambda c: c.luml.collections.create("d", "n", "model", tags=["x" * 65]),
        "tags must be at most 64 characters",
    ),
    ("deployment-name-long", lambda c: deploy(c, "x" * 101), "name must be at most 100"),
    ("satellite-name-long", lambda c: c.luml.satellites.create("x" * 101), "at most 100"),
    (
        "secret-name-long",
        lambda c: c.luml.orbit_secrets.create("x" * 256, "v"),
        "name must be at most 255 characters",
    ),
    (
        "description-long",
        lambda c: c.luml.satellites.create("s", "x" * 1001),
        "description must be at most 1000 characters",
    ),
    (
        "artifact-type-bogus",
        lambda c: c.luml.tracks.create("t", "bogus"),
        "artifact_type must be one of",
    ),
]

A = InvalidArgumentError
C = ConfigurationError

ROWS: list[tuple[str, Call, type[LumlAPIError], str]] = [
    # the client itself
    ("no-key", no_key, C, "pass api_key= .* or set the LUML_API_KEY"),
    ("key-not-str", lambda c: c.build(api_key=123), C, "api_key must be a string"),
    ("url-no-scheme", lambda c: c.build(base_url="api.luml.ai"), C, "must start with http"),
    ("url-ends-v1", lambda c: c.build(base_url=c.server.url + "/v1"), C, "must not end in /v1"),
    ("url-not-str", lambda c: c.build(base_url=8080), C, "base_url must be a string"),
    ("timeout-str", lambda c: c.build(timeout="soon"), C, "timeout must be a number"),
    ("timeout-negative", lambda c: c.build(timeout=-1), C, "timeout must be a number"),
    ("retries-negative", lambda c: c.build(max_retries=-1), C, "max_retries must be an integer"),
    ("retries-str", lambda c: c.build(max_retries="3"), C, "max_retries must be an integer"),
    ("concurrency-0", lambda c: c.build(max_concurrency=0), C, "max_concurrency must be"),
    ("retry-not-policy", lambda c: c.build(retry="fast"), C, "retry must be a luml_facade.Retry"),
    ("verify-int", lambda c: c.build(verify=123), C, "verify must be True, False or the path"),
    ("http-client-str", lambda c: c.build(http_client="proxy"), A, "http_client must be an httpx"),
    ("http-client-kind", lambda c: c.build(http_client=c.other_http()), A, "http_client must be"),
    (
        "storage-client-kind",
        lambda c: c.build(storage_http_client=c.other_http()),
        A,
        "storage_http_client must be",
    ),
    ("organization-int", lambda c: c.build(organization=7), A, "organization must be a string"),
    ("wrong-key", wrong_key, AuthenticationError, r"api_key argument \('dfs_…'\) was refused"),
    ("wrong-env-key", wrong_key_from_env, AuthenticationError, "LUML_API_KEY environment var"),
    ("unknown-default", unknown_default, C, "no organization 'no such org'.*available"),
    # listing
    ("types-bogus", lambda c: c.luml.artifacts.list(types=["not-a-type"]), A, "types must be one"),
    ("types-str", lambda c: c.luml.artifacts.list(types="model"), A, r"types must be a list"),
    ("order-sideways", lambda c: c.luml.artifacts.list(order="sideways"), A, "order must be one"),
    ("limit-0", lambda c: c.luml.artifacts.list(limit=0), A, "limit must be between 1 and 100"),
    ("limit-1000", lambda c: c.luml.artifacts.list(limit=1000), A, "limit must be between 1"),
    ("limit-str", lambda c: c.luml.artifacts.list(limit="ten"), A, "limit must be an integer"),
    ("sort-by-int", lambda c: c.luml.artifacts.list(sort_by=3), A, "sort_by must be a column"),
    ("start-after-int", lambda c: c.luml.artifacts.list(start_after=5), A, "start_after must be"),
    ("collection-id-bad", lambda c: c.luml.artifacts.list(collection_id="x"), A, "collection id"),
    ("collection-id-int", lambda c: c.luml.artifacts.list(collection_id=5), A, "collection_id"),
    ("search-int", lambda c: c.luml.artifacts.list(search=5), A, "search must be a string"),
    (
        "list-all-order",
        lambda c: collect(c.luml.artifacts.list_all(order="up")),
        A,
        "order must be one of",
    ),
    ("get-int", lambda c: c.luml.artifacts.get(42), A, "artifact_value must be a string"),
    (
        "collections-type",
        lambda c: c.luml.collections.create("d", "n", type="bogus"),
        A,
        "type must be one of",
    ),
    (
        "collections-order",
        lambda c: c.luml.collections.list(order="sideways"),
        A,
        "order must be one of",
    ),
    (
        "collections-types",
        lambda c: c.luml.collections.list(types=["bogus"]),
        A,
        "types must be one of",
    ),
    ("orbit-secret-id", lambda c: c.luml.orbits.create("o", "nope"), A, "bucket secret id must"),
    (
        "secret-type",
        lambda c: c.luml.bucket_secrets.create("s3.local", "b", type="ftp"),
        A,
        "type must be one of 'azure', 's3'",
    ),
    # update / delete / urls
    (
        "status-bogus",
        lambda c: c.luml.artifacts.update(c.artifact_id, status="bogus"),
        A,
        "status must be one of",
    ),
    (
        "tags-str",
        lambda c: c.luml.artifacts.update(c.artifact_id, tags="prod"),
        A,
        r"tags must be a list of strings, e.g. tags=\['prod'\]",
    ),
    (
        "tags-ints",
        lambda c: c.luml.artifacts.update(c.artifact_id, tags=[1]),
        A,
        "tags must hold only strings",
    ),
    (
        "name-int",
        lambda c: c.luml.artifacts.update(c.artifact_id, name=5),
        A,
        "name must be a string",
    ),
    ("update-bad-id", lambda c: c.luml.artifacts.update("x", name="n"), A, "artifact id must be"),
    ("delete-bad-id", lambda c: c.luml.artifacts.delete("nope"), A, "artifact id must be a UUID"),
    (
        "delete-force-str",
        lambda c: c.luml.artifacts.delete(c.artifact_id, force="yes"),
        A,
        "force must be True or False",
    ),
    ("download-url-int", lambda c: c.luml.artifacts.download_url(5), A, "artifact_id must be"),
    (
        "repair-age-int",
        lambda c: c.luml.artifacts.repair_pending(older_than=5),
        A,
        "older_than must be a datetime.timedelta",
    ),
    (
        "repair-age-negative",
        lambda c: c.luml.artifacts.repair_pending(older_than=timedelta(hours=-1)),
        A,
        "older_than must be",
    ),
    # upload
    ("upload-none", lambda c: c.luml.artifacts.upload(None), A, "file_path must be a path"),
    ("upload-int", lambda c: c.luml.artifacts.upload(123), A, "file_path must be a path"),
    (
        "upload-missing",
        lambda c: c.luml.artifacts.upload(c.tmp / "missing.luml"),
        FileError,
        "missing.luml: no such file",
    ),
    (
        "upload-directory",
        lambda c: c.luml.artifacts.upload(directory(c)),
        FileError,
        "is a directory: pass the artifact file",
    ),
    (
        "upload-unreadable",
        lambda c: c.luml.artifacts.upload(unreadable(c)),
        FileError,
        "locked.luml cannot be read",
    ),
    (
        "upload-zip",
        lambda c: c.luml.artifacts.upload(c.file("m.zip")),
        FileError,
        "unsupported file type '.zip'",
    ),
    (
        "upload-not-tar",
        lambda c: c.luml.artifacts.upload(not_a_tar(c)),
        FileError,
        "not a readable tar archive",
    ),
    (
        "upload-tags-str",
        lambda c: c.luml.artifacts.upload(c.file(), tags="prod"),
        A,
        "tags must be a list",
    ),
    (
        "upload-name-int",
        lambda c: c.luml.artifacts.upload(c.file(), name=1),
        A,
        "name must be a string",
    ),
    (
        "upload-progress-str",
        lambda c: c.luml.artifacts.upload(c.file(), on_progress="bar"),
        A,
        "on_progress must be False",
    ),
    # create
    (
        "create-unserialisable",
        lambda c: c.create(extra_values={"x": object()}),
        A,
        "extra_values can't be sent as JSON",
    ),
    (
        "create-nan",
        lambda c: c.create(extra_values={"loss": math.nan}),
        A,
        r"extra_values can't be sent as JSON .*NaN",
    ),
    (
        "create-index-pair",
        lambda c: c.create(file_index={"a": (1,)}),
        A,
        r"file_index\['a'\] must be an \(offset, size\) pair",
    ),
    ("create-size-negative", lambda c: c.create(size=-1), A, "size must be >= 0"),
    ("create-hash", lambda c: c.create(file_hash="abc"), A, "file_hash must be the file's SHA-256"),
    ("create-manifest", lambda c: c.create(manifest=[1]), A, "manifest must be a dict"),
    ("create-file-name", lambda c: c.create(file_name=""), A, "file_name must not be empty"),
    (
        "orbit-name-object",
        lambda c: c.luml.orbits.update(name=object()),
        A,
        "name must be a string",
    ),
    (
        "collection-tags-set",
        lambda c: c.luml.collections.create("d", "n", "model", tags={1, 2}),
        A,
        r"tags must be a list of strings, e.g. tags=\['prod'\]",
    ),
    # the registry nouns: every public method goes through the one argument check
    *[(name, call, A, message) for name, call, message in REGISTRY_ROWS],
]


@pytest.fixture
async def context(
    workspace: Any,
    client_kind: str,
    luml_server: LocalLuml,
    luml_tenant: Tenant,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Context:
    created = await run(
        workspace.artifacts.create(
            None, "m.luml", {}, artifact_manifest("model"), "0" * 64, {}, 10, "existing"
        )
    )
    return Context(
        workspace, client_kind, luml_server, luml_tenant, tmp_path, created.artifact.id, monkeypatch
    )


def test_there_are_at_least_forty_bad_inputs() -> None:
    assert len(ROWS) >= 40
    assert len({row[0] for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize(("name", "make", "error", "message"), ROWS, ids=[r[0] for r in ROWS])
async def test_a_bad_input_raises_a_typed_error_saying_what_to_fix(
    context: Context, name: str, make: Call, error: type[LumlAPIError], message: str
) -> None:
    with pytest.raises(LumlAPIError) as raised:
        await run(make(context))

    assert isinstance(raised.value, error), repr(raised.value)
    assert type(raised.value).__module__ == "luml_facade"
    assert re.search(message, str(raised.value)), str(raised.value)
    assert context.tenant.api_key not in str(raised.value)
    assert "could not read" not in str(raised.value)
    assert "bug in luml-facade" not in str(raised.value)


def test_public_errors_show_as_luml_facade_names() -> None:
    for name in luml_facade.__all__:
        value = getattr(luml_facade, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            assert value.__module__ == "luml_facade", name
