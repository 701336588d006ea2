"""Upload and download speed and memory: luml-facade (sync and async), the official luml-api
client and a plain-httpx baseline, side by side on one LUML server: a local one it starts, or
any running one (`--state FILE` of ../shared/real-backend/up.sh, or `--base-url`/`--api-key`).

    python benchmarks/transfer.py [--sizes 32,256] [--multipart-threshold MiB]
        [--part-size MiB] [--repeat N] [--max-concurrency N] [--clients facade,raw]
        [--state FILE | --base-url URL --api-key KEY --organization O --orbit O
         --collection C [--s3-endpoint URL --bucket NAME]] [--json out.json]

Every transfer runs in its own subprocess, so its peak RSS, CPU time and wall time belong to
one client and one operation; the peak RSS growth over the same child's RSS after imports and
client setup is reported. Uploads are checked byte for byte in storage, downloads against the
source SHA-256. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import importlib.util
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MIB = 1 << 20
CLIENTS = ("curl", "facade", "facade-async", "official", "official-v1fix", "boto3", "raw")
DEFAULT_CLIENTS = "curl,facade,facade-async,official-v1fix,boto3"
STORAGE_ONLY = ("curl", "boto3")  # talk to the S3 storage directly, no LUML API
RESULT = "BENCH-RESULT "
Spec = dict[str, Any]
Run = Callable[[], str | None]


# ---------------------------------------------------------------------------------------------
# child side: one client, one operation, timed and measured


def peak_rss_kib() -> int:
    """This process's peak RSS in KiB: VmHWM on Linux, where ru_maxrss would start at the
    parent's peak (exec carries the old memory map's high-water mark into it)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def cpu_seconds() -> float:
    """User and system CPU time of this process (all threads) and its finished children
    (curl)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def import_transfer_modules(op: str) -> None:
    """Import what the operation's first call imports lazily (untimed, like the client's
    own imports): the transfer flow and the storage data plane."""
    importlib.import_module(f"luml_facade.transfer.{op}")
    importlib.import_module("luml_facade._storage_client")


def warm_up(luml: Any) -> Any:
    """One untimed API call, as a program that already used its client has made: the API
    connection is open and the first call's journal sweep is done. Returns what to await
    (async) or the call's result (sync)."""
    return luml.artifacts.list(limit=1)


def prepare_facade(spec: Spec) -> Run:
    from luml_facade import LumlClient, SilentProgressHandler

    concurrency = spec["max_concurrency"]
    luml = LumlClient(spec["api_key"], spec["url"], *spec["path"], max_concurrency=concurrency)
    import_transfer_modules(spec["op"])
    warm_up(luml)
    silent = SilentProgressHandler()
    if spec["op"] == "upload":
        return lambda: luml.artifacts.upload(spec["file"], spec["name"], on_progress=silent).id
    return lambda: str(
        luml.artifacts.download(spec["artifact_id"], spec["file"], on_progress=silent)
    )


def prepare_facade_async(spec: Spec) -> Run:
    from luml_facade import AsyncLumlClient, SilentProgressHandler

    runner = asyncio.Runner()
    luml = AsyncLumlClient(spec["api_key"], spec["url"], max_concurrency=spec["max_concurrency"])
    organization, orbit, collection = spec["path"]

    async def setup() -> None:
        await luml.setup_config(organization=organization, orbit=orbit, collection=collection)
        await warm_up(luml)

    import_transfer_modules(spec["op"])
    runner.run(setup())
    silent = SilentProgressHandler()

    async def upload() -> str:
        return (await luml.artifacts.upload(spec["file"], spec["name"], on_progress=silent)).id

    async def download() -> str:
        path = await luml.artifacts.download(spec["artifact_id"], spec["file"], on_progress=silent)
        return str(path)

    return lambda: runner.run(upload() if spec["op"] == "upload" else download())


def prepare_official(spec: Spec, *, v1fix: bool = False) -> Run:
    import httpx
    from luml_api import LumlClient
    from luml_api.utils.progress import BaseProgressHandler

    class Silent(BaseProgressHandler):
        def on_chunk(self, uploaded: int, total: int) -> None:
            pass

        def finish(self) -> None:
            pass

    organization, orbit, collection = spec["path"]
    client = LumlClient(
        base_url=spec["url"],
        api_key=spec["api_key"],
        organization=organization,
        orbit=orbit,
        collection=collection,
    )
    if v1fix:  # 0.4.0 asks for multipart URLs at /bucket-secrets/... instead of /v1/bucket-...

        def add_v1(request: httpx.Request) -> None:
            if request.url.path.startswith("/bucket-secrets/"):
                request.url = request.url.copy_with(path="/v1" + request.url.path)

        client._client.event_hooks["request"].append(add_v1)
    client.artifacts.list()  # untimed, like the facade's warm_up
    if spec["op"] == "upload":
        return lambda: client.artifacts.upload(spec["file"], spec["name"], on_progress=Silent()).id
    return lambda: client.artifacts.download(spec["artifact_id"], spec["file"])


def prepare_raw(spec: Spec) -> Run:
    """Plain httpx on presigned URLs the parent got: one streamed PUT or GET, or the parts in
    order (streamed, 1 MiB reads) and the completion."""
    import httpx

    http = httpx.Client(timeout=300)
    plan, file = spec["raw"], spec["file"]

    def chunks(offset: int, size: int) -> Any:
        with open(file, "rb") as handle:
            handle.seek(offset)
            while size > 0:
                chunk = handle.read(min(MIB, size))
                size -= len(chunk)
                yield chunk

    def put(url: str, offset: int, size: int) -> httpx.Response:
        headers = {"Content-Length": str(size)}
        response = http.put(url, content=chunks(offset, size), headers=headers)
        return response.raise_for_status()

    def download() -> None:
        with http.stream("GET", plan["url"]) as response, open(file, "wb") as out:
            response.raise_for_status()
            for chunk in response.iter_raw(MIB):
                out.write(chunk)

    def upload() -> None:
        if plan["parts"] is None:
            put(plan["url"], 0, os.path.getsize(file))
            return
        xml = ""
        for number, url, start, end in plan["parts"]:
            etag = put(url, start, end - start + 1).headers["etag"]
            xml += f"<Part><PartNumber>{number}</PartNumber><ETag>{etag}</ETag></Part>"
        body = f"<CompleteMultipartUpload>{xml}</CompleteMultipartUpload>"
        http.post(plan["complete_url"], content=body).raise_for_status()

    return upload if spec["op"] == "upload" else download


def prepare_curl(spec: Spec) -> Run:
    """The limit: one streamed `curl` GET of the presigned URL to a file; for uploads, one
    SHA-256 pass over the file (which any artifact upload needs) and one `curl -T` PUT of
    the whole file to a presigned PUT URL."""
    file = spec["file"]

    def download() -> None:
        subprocess.run(["curl", "-sSf", "-o", file, spec["raw"]["url"]], check=True)

    def upload() -> None:
        digest = hashlib.sha256()
        with open(file, "rb") as handle:
            for block in iter(lambda: handle.read(MIB), b""):
                digest.update(block)
        subprocess.run(
            ["curl", "-sSf", "-o", os.devnull, "-T", file, spec["raw"]["put_url"]], check=True
        )

    return upload if spec["op"] == "upload" else download


def prepare_boto3(spec: Spec) -> Run:
    """boto3 / s3transfer with its defaults (8 MiB parts, 10 threads) straight on the S3
    storage: download_file of the object, upload_file to a scratch key."""
    import boto3
    from botocore.config import Config

    s3 = boto3.client(
        "s3",
        endpoint_url=spec["raw"]["endpoint"],
        aws_access_key_id=spec["raw"]["key_id"],
        aws_secret_access_key=spec["raw"]["secret"],
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}),
    )
    bucket, key = spec["raw"]["bucket"], spec["raw"]["key"]
    if spec["op"] == "upload":
        return lambda: s3.upload_file(spec["file"], bucket, key)
    return lambda: s3.download_file(bucket, key, spec["file"])


PREPARE: dict[str, Callable[[Spec], Run]] = {
    "curl": prepare_curl,
    "boto3": prepare_boto3,
    "facade": prepare_facade,
    "facade-async": prepare_facade_async,
    "official": prepare_official,
    "official-v1fix": lambda spec: prepare_official(spec, v1fix=True),
    "raw": prepare_raw,
}


class StorageRequests(logging.Handler):
    """Counts the facade's storage requests (its debug log): 1 for a download means one
    stream, more means ranges."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += str(record.msg).startswith("storage ")


def child(spec: Spec) -> None:
    run = PREPARE[spec["client"]](spec)  # imports and client setup: the RSS baseline
    base = peak_rss_kib()
    result: dict[str, Any] = {"base_kib": base}
    requests = StorageRequests()
    if spec["client"].startswith("facade"):
        logging.getLogger("luml_facade").addHandler(requests)
        logging.getLogger("luml_facade").setLevel(logging.DEBUG)
    start, cpu = time.perf_counter(), cpu_seconds()
    try:
        result["artifact_id"] = run()
        result["seconds"] = time.perf_counter() - start
        result["cpu_seconds"] = cpu_seconds() - cpu
        if requests.count:
            result["storage_requests"] = requests.count
    except Exception as error:
        result["error"] = f"{type(error).__name__}: {error}".strip()[:300]
    result["peak_kib"] = peak_rss_kib()
    print("\n" + RESULT + json.dumps(result), flush=True)


# ---------------------------------------------------------------------------------------------
# parent side: the server, the files, the runs, the checks and the table


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(8 * MIB), b""):
            digest.update(block)
    return digest.hexdigest()


def run_child(spec: Spec) -> dict[str, Any]:
    """Run one timed operation in a fresh process, after writing every dirty page to disk (so
    no run pays for the writeback of an earlier run's file: on this 2-core VM that made one
    client's 1 GiB write cost 0.3 s in one run and 3 s in the next)."""
    if hasattr(os, "sync"):
        os.sync()
    done = subprocess.run(
        [sys.executable, __file__, "--child"],
        input=json.dumps(spec),
        capture_output=True,
        text=True,
        check=False,
    )
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT):
            return dict(json.loads(line[len(RESULT) :]))
    return {"error": f"child exited {done.returncode}: {done.stderr.strip()[-300:]}"}


def official_unusable() -> str | None:
    if importlib.util.find_spec("luml_api") is None:
        return "luml-api is not installed (`make bench` installs it into .venv-bench)"
    if sys.version_info < (3, 12):
        return "luml-api 0.4.0 uses Python 3.12 syntax (PEP 695): run on Python >= 3.12"
    return None


class Target:
    """The LUML server measured and its storage: the URL, key and (org, orbit, collection)
    the children use, how stored bytes are checked, and S3 access for curl PUT / boto3."""

    url: str
    api_key: str
    path: list[str]
    label: str
    bucket: str | None = None
    storage_url: str | None = None
    credentials: tuple[str, str] = ("local", "local-secret")
    can_cap = False

    def stored_sha256(self, luml: Any, artifact: Any) -> str | None:
        """SHA-256 of an artifact's stored bytes, read through its presigned download URL."""
        return url_sha256(luml.artifacts.download_url(artifact.id)["url"])

    def object_sha256(self, key: str) -> str | None:
        """SHA-256 of a scratch object written straight to the bucket (curl / boto3)."""
        try:
            body = self.s3().get_object(Bucket=self.bucket, Key=key)["Body"]
        except Exception:
            return None
        digest = hashlib.sha256()
        for block in iter(lambda: body.read(8 * MIB), b""):
            digest.update(block)
        return digest.hexdigest()

    def set_cap(self, cap: float) -> None:
        """Pace every storage connection at `cap` MiB/s (0: no cap); local server only."""

    def s3(self) -> Any:
        import boto3
        from botocore.config import Config

        key_id, secret = self.credentials
        return boto3.client(
            "s3",
            endpoint_url=self.storage_url,
            aws_access_key_id=key_id,
            aws_secret_access_key=secret,
            region_name="us-east-1",
            config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
        )


class LocalTarget(Target):
    """A LocalLuml server started for the run, with its own orbit and collection."""

    can_cap = True

    def __init__(self, server: Any, luml: Any) -> None:
        from luml_facade import CollectionType

        self.server = server
        secret = luml.bucket_secrets.list()[0]
        orbit = luml.orbits.create("Benchmarks", secret.id)
        luml.setup_config(orbit=orbit.id)
        collection = luml.collections.create("Benchmarks", "transfer", CollectionType.MIXED)
        luml.setup_config(orbit=orbit.id, collection=collection.id)
        self.url, self.api_key = server.url, server.api_key
        self.path = [server.default_tenant.organization_id, orbit.id, collection.id]
        self.bucket = str(server.default_tenant.bucket_name)
        self.storage_url = server.storage_url
        self.label = (
            f"the local LUML server (luml_facade.testing.LocalLuml) at {server.url}; storage: "
            f"moto S3 behind the local server's storage front at {server.storage_url}, "
            f"bucket {self.bucket}"
        )

    def stored_sha256(self, luml: Any, artifact: Any) -> str | None:
        stored = self.server.stored_object(self.bucket, artifact.bucket_location)
        return None if stored is None else hashlib.sha256(stored).hexdigest()

    def object_sha256(self, key: str) -> str | None:
        stored = self.server.stored_object(self.bucket, key)
        return None if stored is None else hashlib.sha256(stored).hexdigest()

    def set_cap(self, cap: float) -> None:
        from luml_facade.testing import NetworkProfile

        self.server.storage_network = NetworkProfile(bandwidth=cap * MIB if cap else None)


class RemoteTarget(Target):
    """A running LUML server (`--state` or `--base-url`...): its orbit's bucket holds the
    files; S3 access for curl PUT / boto3 only when its endpoint and bucket are known."""

    def __init__(self, args: argparse.Namespace, luml: Any) -> None:
        self.url, self.api_key = args.base_url, args.api_key
        orbit = luml.orbits.get()
        collection = luml.collections.get()
        self.path = [orbit.organization_id, orbit.id, collection.id]
        self.collection_type = str(collection.type)
        secret = luml.bucket_secrets.get(orbit.bucket_secret_id)
        kind = getattr(secret, "type", "?") if secret else "?"
        where = getattr(secret, "endpoint", None) or "its default endpoint"
        name = getattr(secret, "bucket_name", "?") if secret else "?"
        self.bucket, self.storage_url = args.bucket or name, args.s3_endpoint
        self.credentials = (
            os.environ.get("AWS_ACCESS_KEY_ID", "bench"),
            os.environ.get("AWS_SECRET_ACCESS_KEY", "bench-secret"),
        )
        direct = f"; S3 API for curl PUT/boto3: {self.storage_url}" if self.storage_url else ""
        self.label = (
            f"the LUML server at {self.url} (organization {args.organization!r}, orbit "
            f"{orbit.name!r}, collection {collection.name!r}); storage: the orbit's bucket "
            f"secret, {getattr(kind, 'value', kind)} bucket {name} at {where}{direct}"
        )


def url_sha256(url: str) -> str | None:
    """SHA-256 of what a GET of `url` answers (None for an error answer)."""
    import urllib3

    response = urllib3.request("GET", url, preload_content=False, timeout=300)
    if response.status != 200:
        return None
    digest = hashlib.sha256()
    for block in response.stream(8 * MIB):
        digest.update(block)
    response.release_conn()
    return digest.hexdigest()


class Bench:
    def __init__(self, target: Target, luml: Any, scratch: Path, concurrency: int) -> None:
        self.target, self.luml, self.scratch = target, luml, scratch
        self.concurrency = concurrency
        self.count = 0
        self.prefix = f"bench-{os.getpid()}-{int(time.time())}"
        """Names of this run's uploads start with it: only they are deleted."""

    def spec(self, client: str, op: str, file: Path, **extra: Any) -> Spec:
        self.count += 1
        base = {
            "url": self.target.url,
            "api_key": self.target.api_key,
            "path": self.target.path,
            "max_concurrency": self.concurrency,
        }
        name = f"{self.prefix}-{client}-{self.count}"
        return {**base, "client": client, "op": op, "file": str(file), "name": name, **extra}

    def raw_upload_plan(self, source: Path, name: str) -> tuple[str, dict[str, Any]]:
        """Create the record and, for multipart, initiate and get the part URLs (untimed)."""
        import httpx

        from luml_facade.storage.s3 import upload_id_from
        from luml_facade.transfer.inspect import inspect_file

        info = inspect_file(source)
        created = self.luml.artifacts.create(
            None,
            info.file_name,
            info.extra_values,
            info.manifest,
            info.file_hash,
            info.file_index,
            info.size,
            name,
        )
        details = created.upload_details
        if not details.multipart:
            return created.artifact.id, {"url": details.url, "parts": None}
        upload_id = upload_id_from(httpx.post(details.url, timeout=60))
        urls = self.luml.bucket_secrets.get_multipart_upload_urls(
            details.bucket_secret_id, details.bucket_location, info.size, upload_id
        )
        parts = [(p.part_number, p.url, p.start_byte, p.end_byte) for p in urls.parts]
        return created.artifact.id, {"parts": parts, "complete_url": urls.complete_url}

    def storage_upload(self, client: str, source: Path, digest: str) -> dict[str, Any]:
        """curl / boto3: straight to a scratch key of the bucket, checked, then deleted."""
        spec = self.spec(client, "upload", source)
        key = f"bench/{spec['name']}"
        s3 = self.target.s3()
        put_url = s3.generate_presigned_url(
            "put_object", Params={"Bucket": self.target.bucket, "Key": key}, ExpiresIn=3600
        )
        spec["raw"] = {**self.storage_plan(key), "put_url": put_url}
        result = run_child(spec)
        if "error" not in result and self.target.object_sha256(key) != digest:
            result["error"] = "the stored object differs from the source"
        s3.delete_object(Bucket=self.target.bucket, Key=key)
        return result

    def storage_plan(self, key: str) -> dict[str, Any]:
        key_id, secret = self.target.credentials
        endpoint, bucket = self.target.storage_url, self.target.bucket
        return {
            "endpoint": endpoint,
            "bucket": bucket,
            "key": key,
            "key_id": key_id,
            "secret": secret,
        }

    def upload(self, client: str, source: Path, digest: str) -> dict[str, Any]:
        if client in STORAGE_ONLY:
            return self.storage_upload(client, source, digest)
        spec = self.spec(client, "upload", source)
        if client == "raw":
            artifact_id, spec["raw"] = self.raw_upload_plan(source, spec["name"])
        result = run_child(spec)
        if client == "raw" and "error" not in result:
            self.luml.artifacts.update(artifact_id, status="uploaded")
            result["artifact_id"] = artifact_id
        for artifact in list(self.luml.artifacts.list_all()):
            if artifact.name != spec["name"]:
                continue
            status = str(getattr(artifact.status, "value", artifact.status))
            if "error" in result:
                result["error"] += f" (artifact left {status})"
            elif status != "uploaded":
                result["error"] = f"artifact is {status} after the upload"
            elif self.target.stored_sha256(self.luml, artifact) != digest:
                result["error"] = "the stored object differs from the source"
            self.luml.artifacts.delete(artifact.id, force=status != "uploaded")
        return result

    def download(self, client: str, artifact_id: str, digest: str) -> dict[str, Any]:
        target = self.scratch / f"download-{self.count}.luml"
        spec = self.spec(client, "download", target, artifact_id=artifact_id)
        if client in ("raw", "curl"):
            spec["raw"] = self.luml.artifacts.download_url(artifact_id)
        elif client == "boto3":
            location = self.luml.artifacts.get(artifact_id).bucket_location
            spec["raw"] = self.storage_plan(location)
        result = run_child(spec)
        if "error" not in result and (not target.exists() or sha256(target) != digest):
            result["error"] = "the downloaded file differs from the source"
        target.unlink(missing_ok=True)
        return result


def build_source(scratch: Path, size_mib: int, artifact_type: str) -> Path:
    from luml_facade.testing import build_artifact

    payload = scratch / f"payload{size_mib}.bin"
    with payload.open("wb") as out:
        for _ in range(size_mib):
            out.write(os.urandom(MIB))
    path = scratch / f"bench{size_mib}.luml"  # one dot: luml-api splits the name on "."
    build_artifact(
        path, artifact_type=artifact_type, files={"data.bin": payload}, metrics={"rows": 1.0}
    )
    payload.unlink()
    return path


def summarize(runs: list[dict[str, Any]], size: int) -> dict[str, Any]:
    good = [run for run in runs if "error" not in run]
    if not good:
        return {"error": runs[0]["error"] if runs else "not run"}
    seconds = statistics.median(run["seconds"] for run in good)
    speeds = [size / MIB / run["seconds"] for run in good]
    return {
        "seconds": round(seconds, 3),
        "mib_per_s": round(size / MIB / seconds, 1),
        "mib_per_s_min": round(min(speeds), 1),
        "mib_per_s_max": round(max(speeds), 1),
        "cpu_seconds": round(statistics.median(run["cpu_seconds"] for run in good), 2),
        "cpu_per_gib": round(
            statistics.median(run["cpu_seconds"] for run in good) * (1 << 30) / size, 2
        ),
        "runs": len(good),
        "rss_growth_mib": round(
            statistics.median(r["peak_kib"] - r["base_kib"] for r in good) / 1024, 1
        ),
        "rss_base_mib": round(statistics.median(run["base_kib"] for run in good) / 1024, 1),
        "failed_runs": len(runs) - len(good),
    }


def cell(summary: dict[str, Any], key: str) -> str:
    if summary.get("error") == "not run":
        return "-"
    return "FAILED" if "error" in summary else f"{summary[key]:g}"


def speed(summary: dict[str, Any]) -> str:
    """Median MiB/s, the spread (min-max) of the runs, and their number when some failed."""
    if "error" in summary:
        return "-" if summary["error"] == "not run" else "FAILED"
    low, high = summary["mib_per_s_min"], summary["mib_per_s_max"]
    failed = f", {summary['failed_runs']} failed" if summary["failed_runs"] else ""
    return f"{summary['mib_per_s']:g} ({low:g}-{high:g}{failed})"


def ratio(runs: list[dict[str, Any]], limit: list[dict[str, Any]] | None) -> str:
    """Median (min-max) of the per-run ratios: each run's speed over curl's in the same
    repeat (the runs next to each other in time, so the machine's load hits both alike)."""
    ratios = [
        curl["seconds"] / mine["seconds"]
        for mine, curl in zip(runs, limit or [], strict=False)
        if "error" not in mine and "error" not in curl
    ]
    if not ratios:
        return "-"
    if len(ratios) == 1:
        return f"{ratios[0]:.2f}x"
    return f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})"


def print_table(results: list[dict[str, Any]]) -> None:
    header = (
        "cap MiB/s",
        "size MiB",
        "client",
        "down MiB/s (min-max)",
        "down /curl",
        "down CPU s/GiB",
        "down +RSS",
        "up MiB/s (min-max)",
        "up /curl",
        "up CPU s/GiB",
        "up +RSS",
    )
    lines = [header]
    limits = {(row["cap"], row["size_mib"]): row for row in results if row["client"] == "curl"}
    for row in results:
        up, down = row["upload"], row["download"]
        limit = limits.get((row["cap"], row["size_mib"]))
        lines.append(
            (
                f"{row['cap']:g}" if row["cap"] else "none",
                f"{row['size_mib']:g}",
                row["client"],
                speed(down),
                ratio(row["runs"]["download"], limit and limit["runs"]["download"]),
                cell(down, "cpu_per_gib"),
                cell(down, "rss_growth_mib"),
                speed(up),
                ratio(row["runs"]["upload"], limit and limit["runs"]["upload"]),
                cell(up, "cpu_per_gib"),
                cell(up, "rss_growth_mib"),
            )
        )
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(" ---: " for _ in header) + "|")
    for line in lines[1:]:
        print("| " + " | ".join(line) + " |")
    errors = {
        f"{row['client']} {op} ({row['size_mib']:g} MiB, cap {row['cap']:g})": row[op]["error"]
        for row in results
        for op in ("upload", "download")
        if "error" in row[op] and row[op]["error"] != "not run"
    }
    for what, error in errors.items():
        print(f"FAILED {what}: {error}")
    print_async_over_sync(results)


def print_async_over_sync(results: list[dict[str, Any]]) -> None:
    """facade-async's speed over facade's (sync), per repeat: >1 means async was faster."""
    rows = {(row["cap"], row["size_mib"], row["client"]): row for row in results}
    for (cap, size, client), row in rows.items():
        sync = rows.get((cap, size, "facade"))
        if client != "facade-async" or sync is None:
            continue
        for op in ("download", "upload"):
            text = ratio(row["runs"][op], sync["runs"][op])
            if text != "-":
                capped = f", cap {cap:g} MiB/s" if cap else ""
                print(f"async over sync, {op} {size:g} MiB{capped}, per run: {text}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="256,1024", help="payload sizes in MiB, uncapped (default 256,1024)"
    )
    parser.add_argument(
        "--cap",
        type=float,
        default=25,
        help="emulated storage bandwidth per connection, MiB/s, for the capped runs "
        "(default 25; 0 skips them)",
    )
    parser.add_argument(
        "--capped-sizes", default="512", help="payload sizes in MiB under the cap (default 512)"
    )
    parser.add_argument("--multipart-threshold", type=float, default=64, help="MiB (default 64)")
    parser.add_argument("--part-size", type=float, default=16, help="MiB, >= 5 (default 16)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cell, median shown")
    parser.add_argument(
        "--max-concurrency", type=int, default=8, help="the facade's parallel parts (default 8)"
    )
    parser.add_argument(
        "--clients",
        default=DEFAULT_CLIENTS,
        help=f"comma-separated, of {','.join(CLIENTS)} (default {DEFAULT_CLIENTS})",
    )
    parser.add_argument(
        "--ops", default="download,upload", help="download, upload or both (default both)"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    remote = parser.add_argument_group(
        "another LUML server (default: a local one started for the run)",
        "Its multipart threshold and part size apply (--multipart-threshold, --part-size and "
        "the capped runs are for the local server). Only this run's uploads are deleted.",
    )
    remote.add_argument(
        "--state",
        type=Path,
        help="the JSON of ../shared/real-backend/up.sh (/tmp/luml-real/state.json): base_url, "
        "api_key, organization, orbit, collection, s3_endpoint, bucket",
    )
    remote.add_argument("--base-url", help="the LUML API's URL")
    remote.add_argument("--api-key", help="an API key (default: $LUML_API_KEY)")
    remote.add_argument("--organization", help="organization name or id")
    remote.add_argument("--orbit", help="orbit name or id")
    remote.add_argument("--collection", help="collection name or id (artifacts go there)")
    remote.add_argument(
        "--s3-endpoint",
        help="the orbit bucket's S3 API URL, for curl PUT and boto3 (credentials: "
        "$AWS_ACCESS_KEY_ID / $AWS_SECRET_ACCESS_KEY; moto takes any); without it those skip",
    )
    remote.add_argument("--bucket", help="the bucket's name (default: the orbit's bucket secret's)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.state:
        state = json.loads(args.state.read_text())
        for field, key in (
            ("base_url", "base_url"),
            ("api_key", "api_key"),
            ("organization", "organization"),
            ("orbit", "orbit"),
            ("collection", "collection"),
            ("s3_endpoint", "s3_endpoint"),
            ("bucket", "bucket"),
        ):
            if getattr(args, field) is None:
                setattr(args, field, state.get(key))
    if args.base_url:
        args.api_key = args.api_key or os.environ.get("LUML_API_KEY")
        missing = [f"--{name}" for name in ("api_key", "organization", "orbit", "collection")]
        missing = [flag for flag in missing if not getattr(args, flag[2:])]
        if missing:
            parser.error(
                f"--base-url needs {', '.join(flag.replace('_', '-') for flag in missing)}"
            )
    return args


def main() -> int:
    args = parse_args()
    if args.child:
        child(json.loads(sys.stdin.read()))
        return 0
    clients = [name for name in args.clients.split(",") if name]
    unknown = set(clients) - set(CLIENTS)
    if unknown:
        raise SystemExit(f"unknown clients: {', '.join(sorted(unknown))}; known: {CLIENTS}")
    skipped = official_unusable()
    if skipped:
        print(f"skipping the official client: {skipped}")
        clients = [name for name in clients if not name.startswith("official")]
    with tempfile.TemporaryDirectory(prefix="luml-bench-") as scratch:
        if args.base_url:
            return run_remote(args, clients, Path(scratch))
        return run_local(args, clients, Path(scratch))


def run_local(args: argparse.Namespace, clients: list[str], scratch: Path) -> int:
    from luml_facade import LumlClient
    from luml_facade.testing import LocalLuml

    threshold, part_size = int(args.multipart_threshold * MIB), int(args.part_size * MIB)
    with (
        LocalLuml(multipart_threshold=threshold, part_size=part_size, workspace=None) as server,
        LumlClient(server.api_key, server.url) as luml,
    ):
        target = LocalTarget(server, luml)
        plan = f"multipart above {args.multipart_threshold:g} MiB in {args.part_size:g} MiB parts"
        return run_all(args, clients, scratch, target, luml, "model", plan)


def run_remote(args: argparse.Namespace, clients: list[str], scratch: Path) -> int:
    from luml_facade import LumlClient

    with LumlClient(
        args.api_key, args.base_url, args.organization, args.orbit, args.collection
    ) as luml:
        target = RemoteTarget(args, luml)
        if not target.storage_url:
            print("no --s3-endpoint: curl uploads and boto3 are skipped")
            clients = [name for name in clients if name != "boto3"]
        kind = target.collection_type
        artifact_type = "model" if "model" in kind or kind == "mixed" else kind.split("_")[0]
        return run_all(args, clients, scratch, target, luml, artifact_type, "the server's plan")


def run_all(
    args: argparse.Namespace,
    clients: list[str],
    scratch: Path,
    target: Target,
    luml: Any,
    artifact_type: str,
    upload_plan: str,
) -> int:
    sizes = [int(text) for text in args.sizes.split(",") if text]
    capped_sizes = [int(text) for text in args.capped_sizes.split(",") if text]
    started, load = time.perf_counter(), os.getloadavg()
    print(f"benchmarking against {target.label}", flush=True)
    results: list[dict[str, Any]] = []
    hash_seconds: dict[int, float] = {}
    bench = Bench(target, luml, scratch, args.max_concurrency)
    plan = [(0.0, size) for size in sizes]
    if args.cap and target.can_cap:
        plan += [(args.cap, size) for size in capped_sizes]
    elif args.cap:
        print("capped runs are for the local server (it paces its storage): skipped")
    for cap, size_mib in plan:
        target.set_cap(0)
        source = build_source(scratch, size_mib, artifact_type)
        hashing = time.perf_counter()
        size, digest = source.stat().st_size, sha256(source)
        hash_seconds[size_mib] = time.perf_counter() - hashing
        reference = luml.artifacts.upload(source, f"{bench.prefix}-reference", on_progress=None)
        try:
            target.set_cap(cap)
            runs = run_cell(args, clients, bench, source, digest, reference.id, cap, size_mib)
        finally:
            target.set_cap(0)
            luml.artifacts.delete(reference.id)
        for name in clients:
            results.append(
                {
                    "cap": cap,
                    "size_mib": round(size / MIB, 2),
                    "client": name,
                    "upload": summarize(runs[name]["upload"], size),
                    "download": summarize(runs[name]["download"], size),
                    "runs": runs[name],
                }
            )
        source.unlink()
    elapsed = time.perf_counter() - started
    load_text = "/".join(f"{value:.1f}" for value in (*load, *os.getloadavg()[:1]))
    print(
        f"\nAgainst {target.label}.\nPython {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
        f"load average (1/5/15 min at the start, 1 min at the end) {load_text}, "
        f"{elapsed:.0f} s in all, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"uploads: {upload_plan}; facade max_concurrency {args.max_concurrency}; median of "
        f"{args.repeat} runs per cell (min-max in brackets).\n/curl: the median (min-max) of "
        "per-run ratios, each run's speed over curl's in the same repeat (downloads: one "
        "streamed GET; uploads: a SHA-256 pass plus one PUT). CPU s/GiB: the "
        "client process's CPU time (all threads, curl's included) per GiB moved. +RSS: its peak "
        "RSS growth over its own RSS after imports and client setup (MiB).\n"
    )
    print_table(results)
    for size_mib, seconds in hash_seconds.items():
        per_gib = seconds * 1024 / size_mib
        print(
            f"one SHA-256 pass over the {size_mib} MiB file (warm cache): {seconds:.2f} s, "
            f"{per_gib:.2f} s/GiB"
        )
    if args.json:
        skip = ("json", "child", "api_key")
        config = {key: str(value) for key, value in vars(args).items() if key not in skip}
        document = {
            "target": target.label,
            "config": config,
            "python": sys.version,
            "cpus": os.cpu_count(),
            "load_average": [load, os.getloadavg()],
            "sha256_seconds": hash_seconds,
        }
        args.json.write_text(json.dumps({**document, "results": results}, indent=2) + "\n")
    return 0


def run_cell(
    args: argparse.Namespace,
    clients: list[str],
    bench: Bench,
    source: Path,
    digest: str,
    reference: str,
    cap: float,
    size_mib: int,
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Every client, `args.repeat` times, the order rotating per repeat."""
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {
        name: {"upload": [], "download": []} for name in clients
    }
    for repeat in range(args.repeat):
        for name in clients[repeat % len(clients) :] + clients[: repeat % len(clients)]:
            print(f"cap {cap:g} size {size_mib} run {repeat + 1}: {name}", flush=True)
            if "upload" in args.ops and (name not in STORAGE_ONLY or bench.target.storage_url):
                runs[name]["upload"].append(bench.upload(name, source, digest))
            if "download" in args.ops:
                runs[name]["download"].append(bench.download(name, reference, digest))
            for op in ("upload", "download"):
                done = runs[name][op]
                if done and len(done) == repeat + 1:
                    print(f"  {op}: {brief(done[-1], source.stat().st_size)}", flush=True)
    return runs


def brief(run: dict[str, Any], size: int) -> str:
    if "error" in run:
        return f"FAILED {run['error']}"
    mib_s = size / MIB / run["seconds"]
    requests = f", {run['storage_requests']} storage requests" if "storage_requests" in run else ""
    return f"{mib_s:.0f} MiB/s, {run['cpu_seconds'] * (1 << 30) / size:.2f} CPU s/GiB{requests}"


if __name__ == "__main__":
    raise SystemExit(main())
