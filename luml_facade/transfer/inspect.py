"""Reading an artifact file before upload: manifest, metrics, file index, hash and size.

Artifact files (.luml, .fnnx, .pyfnx, .dfs, .tar) are uncompressed tar archives holding a
`manifest.json`. The tar headers are walked first (the member index: data offset and size,
PAX headers and long names included; and the JSON members), seeking over the data; then the
file is read once, front to back, for its SHA-256 and the CRC32s the upload checks against.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import tarfile
import zlib
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from io import BufferedReader
from pathlib import Path
from typing import Any

import attrs

from .._errors import FileError, InvalidArgumentError

SUPPORTED_EXTENSIONS = (".luml", ".fnnx", ".pyfnx", ".dfs", ".tar")
MAX_FILE_SIZE = 5_497_558_138_880  # the server's limit: 5 TiB
READ_SIZE = 1 << 20
CHECK_CHUNK = 1 << 20  # the grid of per-chunk CRC32s that uploads check before sending
JSON_MEMBER_LIMIT = 64 << 20
_FORBIDDEN_NAME_CHARS = re.compile(r"[:\"*`~#%;'^]")

TABULAR_TAGS = (
    "dataforce.studio::tabular_classification:v1",
    "dataforce.studio::tabular_regression:v1",
)
TABULAR_METRICS_TAGS = (
    "falcon.beastbyte.ai::tabular_classification_metrics:v1",
    "falcon.beastbyte.ai::tabular_regression_metrics:v1",
)
REGISTRY_METRICS_TAG = "dataforce.studio::registry_metrics:v1"


@attrs.frozen
class ArtifactFile:
    """What the server needs to know about a file before it is uploaded."""

    path: Path
    file_name: str
    size: int
    file_hash: str
    manifest: dict[str, Any]
    file_index: dict[str, tuple[int, int]]
    extra_values: dict[str, Any]
    chunk_crcs: tuple[int, ...] = ()
    """CRC32 of each CHECK_CHUNK-sized chunk, as hashed: what is sent must match them."""


@attrs.frozen
class _Digest:
    """The SHA-256, the CRC32 of every CHECK_CHUNK chunk, and the byte count of one pass."""

    sha256: str
    crcs: tuple[int, ...]
    size: int


def _digest_file(handle: BufferedReader, size: int) -> _Digest:
    """Read the file's first `size` bytes front to back once (a file that grows meanwhile is
    caught by the caller's second look at it): a helper thread takes the SHA-256 of each chunk
    while this one reads the next and takes its CRC32 (both release the GIL), with two
    buffers taking turns, so the pass costs about one SHA-256 of the file."""
    digest = hashlib.sha256()
    crcs: list[int] = []
    done = 0
    buffers = (memoryview(bytearray(CHECK_CHUNK)), memoryview(bytearray(CHECK_CHUNK)))
    hashing: list[Future[None] | None] = [None, None]
    with ThreadPoolExecutor(1, thread_name_prefix="luml-sha256") as hasher:
        for turn in itertools.cycle((0, 1)):
            pending = hashing[turn]
            if pending is not None:
                pending.result()  # its buffer is free again
            chunk = _read_full(handle, buffers[turn][: min(CHECK_CHUNK, size - done)])
            if not chunk:
                break
            hashing[turn] = hasher.submit(digest.update, chunk)
            crcs.append(zlib.crc32(chunk))
            done += len(chunk)
        for pending in hashing:
            if pending is not None:
                pending.result()
    return _Digest(digest.hexdigest(), tuple(crcs), done)


def _read_full(handle: BufferedReader, buffer: memoryview) -> memoryview:
    """Fill `buffer` (less only at the end of the file); the part filled."""
    filled = 0
    while filled < len(buffer):
        count = handle.readinto(buffer[filled:])
        if not count:
            break
        filled += count
    return buffer[:filled]


def check_path(file_path: str | Path) -> Path:
    """The path as a Path, or a FileError saying what is wrong with it."""
    try:
        path = Path(file_path)
    except TypeError as error:
        raise InvalidArgumentError(
            f"file_path must be a path (str or os.PathLike) to an artifact file, "
            f"got {type(file_path).__name__} {file_path!r}"
        ) from error
    try:
        return _checked(path)
    except PermissionError as error:
        raise FileError(
            f"{path} cannot be read ({error.strerror}): give this user access to it"
        ) from error
    except OSError as error:
        raise FileError(f"{path} cannot be used: {error}") from error


def _checked(path: Path) -> Path:
    if not path.exists():
        raise FileError(f"{path}: no such file")
    if path.is_dir():
        raise FileError(f"{path} is a directory: pass the artifact file itself")
    if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        allowed = ", ".join(SUPPORTED_EXTENSIONS)
        raise FileError(
            f"{path.name}: unsupported file type {path.suffix or '(none)'!r}; use one of {allowed}"
        )
    if _FORBIDDEN_NAME_CHARS.search(path.stem) or re.search(r"\s", path.suffix):
        raise FileError(
            f"{path.name}: the server refuses file names with any of : \" * ` ~ # % ; ' ^"
        )
    size = path.stat().st_size
    if size > MAX_FILE_SIZE:
        raise FileError(
            f"{path.name} is {size} bytes; the server accepts at most {MAX_FILE_SIZE} (5 TiB)"
        )
    return path


def inspect_file(file_path: str | Path) -> ArtifactFile:
    """Validate an artifact file and read what the server needs, in one pass.

    Raises FileError (saying what to fix) for a missing path, a directory, an unsupported
    extension, a file that is not a tar archive, a missing or invalid manifest.json, or a
    file over the server's size limit.
    """
    path = check_path(file_path)
    try:
        before = path.stat()
        with path.open("rb") as handle:
            index, members = _read_members(path, handle)
            handle.seek(0)
            digest = _digest_file(handle, before.st_size)
        after = path.stat()
    except PermissionError as error:
        raise FileError(
            f"{path.name} cannot be read ({error.strerror}): give this user read access to it"
        ) from error
    except OSError as error:
        raise FileError(f"{path.name} cannot be read: {error}") from error
    if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns) or (
        digest.size != after.st_size
    ):
        raise FileError(
            f"{path.name} changed while it was being read ({digest.size} bytes read, "
            f"{after.st_size} now): upload it once nothing writes to it any more"
        )
    manifest = _manifest(path, members.pop("manifest.json", None))
    return ArtifactFile(
        path=path,
        file_name=path.name,
        size=digest.size,
        file_hash=digest.sha256,
        manifest=manifest,
        file_index=index,
        extra_values=extract_metrics(manifest, members.values()),
        chunk_crcs=digest.crcs,
    )


def _read_members(
    path: Path, handle: BufferedReader
) -> tuple[dict[str, tuple[int, int]], dict[str, bytes]]:
    """The file index, and the content of manifest.json and the top-level meta*.json."""
    index: dict[str, tuple[int, int]] = {}
    found: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=handle, mode="r:") as archive:
            for member in archive:
                if not member.isfile():
                    continue
                index[member.name] = (member.offset_data, member.size)
                if _wanted(member) and member.size <= JSON_MEMBER_LIMIT:
                    content = archive.extractfile(member)
                    found[member.name] = content.read() if content else b""
    except tarfile.TarError as error:
        raise FileError(f"{path.name} is not a readable tar archive ({error})") from error
    return index, found


def _wanted(member: tarfile.TarInfo) -> bool:
    name = member.name
    return name == "manifest.json" or (
        name.startswith("meta") and name.endswith(".json") and "/" not in name
    )


def _manifest(path: Path, content: bytes | None) -> dict[str, Any]:
    if content is None:
        raise FileError(f"{path.name} has no manifest.json at the top of the archive")
    try:
        manifest = json.loads(content)
    except ValueError as error:
        raise FileError(f"{path.name}: manifest.json is not valid JSON ({error})") from error
    if not isinstance(manifest, dict):
        raise FileError(f"{path.name}: manifest.json must hold a JSON object")
    return manifest


def extract_metrics(manifest: dict[str, Any], meta_members: Iterable[bytes]) -> dict[str, Any]:
    """Metrics for `extra_values` from the archive's meta members.

    Reads `meta.json` entries tagged as metrics in `producer_tags` (older producers), and
    `meta-<id>.json` entries carrying `tags` and `payload.metrics` (the luml-sdk).
    """
    metrics: dict[str, Any] = {}
    tabular = any(tag in TABULAR_TAGS for tag in manifest.get("producer_tags") or [])
    for content in meta_members:
        for entry in _entries(content):
            metrics.update(_entry_metrics(entry, tabular=tabular))
    return metrics


def _entries(content: bytes) -> list[dict[str, Any]]:
    try:
        data = json.loads(content)
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    return [item for item in items if isinstance(item, dict)]


def _entry_metrics(entry: dict[str, Any], *, tabular: bool) -> dict[str, Any]:
    tags = set(entry.get("producer_tags") or []) | set(entry.get("tags") or [])
    payload = entry.get("payload")
    metrics = payload.get("metrics") if isinstance(payload, dict) else None
    if not isinstance(metrics, dict):
        return {}
    if tabular and tags & set(TABULAR_METRICS_TAGS):
        performance = metrics.get("performance") or {}
        chosen = performance.get("eval_holdout") or performance.get("eval_cv") or {}
        return {
            key: value for key, value in chosen.items() if key != "N_SAMPLES" and _scalar(value)
        }
    return {key: value for key, value in metrics.items() if _scalar(value)}


def _scalar(value: Any) -> bool:
    return isinstance(value, int | float | str | bool)
