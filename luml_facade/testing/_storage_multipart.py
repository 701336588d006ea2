"""Completing an S3 multipart upload the way an object store does: without reading the data.

moto assembles a completed upload by joining every part into one bytes object (several
copies of the whole file) and taking a CRC over it, which for big files costs as much as the
upload itself; S3 answers in milliseconds. Here a valid CompleteMultipartUpload request gets
the object created by moto's backend with S3's multipart ETag (the MD5 of the parts' MD5s,
`-<count>`), its bytes copied part by part into the object's buffer. Anything unusual (an
unknown upload, a wrong or missing part, a part too small, unordered parts, a checksum asked
for, a malformed body) is left to moto, which answers with S3's error.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl, unquote
from xml.sax.saxutils import escape

from moto import settings
from moto.core import DEFAULT_ACCOUNT_ID  # type: ignore[attr-defined]
from moto.s3.models import s3_backends

StartResponse = Callable[..., Any]
COPY_CHUNK = 1 << 20
MAX_BODY = 1 << 20
"""A CompleteMultipartUpload body larger than this is left to moto."""


def complete_upload(
    environ: dict[str, Any], start_response: StartResponse
) -> Iterable[bytes] | None:
    """Answer a valid CompleteMultipartUpload request; None leaves the request to moto (with
    its body put back)."""
    if environ["REQUEST_METHOD"] != "POST":
        return None
    query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
    upload_id = query.get("uploadId")
    if not upload_id or any(name != "uploadId" and not name.startswith("X-Amz-") for name in query):
        return None
    body = _read_body(environ)
    if body is None:
        return None
    bucket_name, _, key_name = unquote(str(environ.get("PATH_INFO", ""))).lstrip("/").partition("/")
    backend = s3_backends[DEFAULT_ACCOUNT_ID]["aws"]
    bucket = backend.buckets.get(bucket_name)
    multipart = None if bucket is None else bucket.multiparts.get(upload_id)
    if (
        bucket is None
        or multipart is None
        or multipart.key_name != key_name
        or _asks_for_checksum(multipart)
    ):
        return None
    parts = _listed_parts(body, multipart)
    if parts is None or bucket.multiparts.pop(upload_id, None) is None:
        return None
    key = _store(backend, bucket_name, multipart, parts)
    host = environ.get("HTTP_HOST", "127.0.0.1")
    answer = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
        f"<Location>http://{escape(host)}/{escape(bucket_name)}/{escape(key_name)}</Location>"
        f"<Bucket>{escape(bucket_name)}</Bucket><Key>{escape(key_name)}</Key>"
        f"<ETag>{escape(key.etag)}</ETag></CompleteMultipartUploadResult>"
    ).encode()
    start_response(
        "200 OK", [("Content-Type", "application/xml"), ("Content-Length", str(len(answer)))]
    )
    return [answer]


def _read_body(environ: dict[str, Any]) -> bytes | None:
    """The request body (then also put back for moto), or None when too big or unsized."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None
    if not 0 < length <= MAX_BODY:
        return None
    body: bytes = environ["wsgi.input"].read(length)
    environ["wsgi.input"] = io.BytesIO(body)
    return body


def _asks_for_checksum(multipart: Any) -> bool:
    metadata = multipart.metadata
    return bool(metadata.get("x-amz-checksum-algorithm") or metadata.get("x-amz-checksum-type"))


def _listed_parts(body: bytes, multipart: Any) -> list[Any] | None:
    """The parts the body lists, in order, when S3 would accept them; else None."""
    if b"<!" in body:  # a DOCTYPE or ENTITY: not what a client sends, moto decides
        return None
    try:
        root = ElementTree.fromstring(body)  # noqa: S314  # loopback test server, no DTDs
    except ElementTree.ParseError:
        return None
    listed: list[tuple[int, str]] = []
    for element in root:
        if _local_name(element.tag) != "Part":
            return None
        fields = {_local_name(child.tag): (child.text or "").strip() for child in element}
        if not fields.get("PartNumber", "").isdigit() or "ETag" not in fields:
            return None
        listed.append((int(fields["PartNumber"]), fields["ETag"].strip('"')))
    numbers = [number for number, _ in listed]
    if not listed or numbers != sorted(set(numbers)):
        return None
    parts = []
    for number, etag in listed:
        part = multipart.parts.get(number)
        if part is None or part.etag.strip('"') != etag:
            return None
        parts.append(part)
    if any(part.contentsize < settings.S3_UPLOAD_PART_MIN_SIZE for part in parts[:-1]):
        return None
    return parts


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def _store(backend: Any, bucket_name: str, multipart: Any, parts: list[Any]) -> Any:
    """Create the object from the parts (moto's backend does the bookkeeping)."""
    digests = b"".join(bytes.fromhex(part.etag.strip('"')) for part in parts)
    etag = f"{hashlib.md5(digests, usedforsecurity=False).hexdigest()}-{len(parts)}"
    key = backend.put_object(
        bucket_name,
        multipart.key_name,
        b"",
        storage=multipart.storage,
        etag=etag,
        multipart=multipart,
        encryption=multipart.sse_encryption,
        kms_key_id=multipart.kms_key_id,
        disable_notification=True,
    )
    with key.lock:
        target = key._value_buffer
        for part in parts:
            with part.lock:
                part._value_buffer.seek(0)
                shutil.copyfileobj(part._value_buffer, target, COPY_CHUNK)
        key.contentsize = sum(part.contentsize for part in parts)
    key.set_metadata(multipart.metadata)
    backend.put_object_tagging(key, multipart.tags)
    backend.put_object_acl(
        bucket_name=bucket_name,
        key_name=key.name,
        acl=multipart.acl,
        disable_notification=True,
    )
    multipart.dispose()
    return key
