"""What every storage backend offers, and what they share: reading a storage error answer.

A backend is the protocol of one kind of bucket behind presigned URLs the server hands out.
The transfer flows only talk to this interface; they never ask which backend they have.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping, Sequence
from typing import ClassVar

import httpx

from .._errors import FileUploadError
from .._file_window import FileWindow
from .._flow import Flow, StorageRequest, storage

Token = tuple[int, str]
"""What completing a multipart upload needs of one sent part: (part number, its token)."""


class Backend:
    """One kind of storage. Subclasses say how to start, send a part of and complete a
    multipart upload; whole-object PUTs, ranged GETs and DELETEs are plain HTTP for all."""

    kind = ""
    put_headers: ClassVar[Mapping[str, str]] = {}
    """Headers every PUT of object bytes needs."""
    gone_codes: frozenset[str] = frozenset()
    """Error codes of a 404 that means "this object does not exist"."""

    def start(self, url: str | None) -> Flow[str | None]:
        """Plan a multipart upload: the upload id to ask the server's part URLs for (None: the
        backend needs none, and nothing is sent)."""
        yield from ()
        return None

    def send(self, url: str, window: FileWindow, action: str) -> Flow[httpx.Response]:
        """PUT a window of the file (streamed, explicit Content-Length); FileUploadError
        unless storage took it."""
        headers = {"Content-Length": str(window.size), **self.put_headers}
        response: httpx.Response = yield from storage(StorageRequest("PUT", url, headers, window))
        if not response.is_success:
            raise FileUploadError(describe_failure(response, action))
        return response

    def send_part(self, part_number: int, url: str, window: FileWindow) -> Flow[Token]:
        """Send one part; returns what `complete` needs of it."""
        response = yield from self.send(url, window, f"uploading part {part_number}")
        return part_number, self.token(part_number, url, response)

    def token(self, part_number: int, url: str, response: httpx.Response) -> str:
        """What completing the upload needs of a part storage took."""
        raise NotImplementedError

    def complete(self, url: str, tokens: Sequence[Token]) -> Flow[None]:
        """Join the parts into the object."""
        yield from ()
        raise NotImplementedError


def describe_failure(response: httpx.Response, action: str) -> str:
    """A one-line account of a failed storage answer (its code and message, never the URL)."""
    code, message = storage_error(response.content)
    detail = f": {code} {message}".rstrip() if code else ""
    return f"{action} failed with HTTP {response.status_code}{detail}"


def storage_error(content: bytes) -> tuple[str, str]:
    """(Code, Message) of an S3/Azure XML error body, or ("", "") when there is none."""
    if b"<Error" not in content[:512]:
        return "", ""
    try:
        root = ElementTree.fromstring(content)  # noqa: S314 - answer from our own presigned URL
    except ElementTree.ParseError:
        return "Error", content[:200].decode("utf-8", "replace")
    if local_name(root.tag) != "Error":
        return "", ""
    fields = {local_name(child.tag): (child.text or "") for child in root}
    return fields.get("Code", "Error"), fields.get("Message", "")


def local_name(tag: str) -> str:
    """An XML tag without its namespace."""
    return tag.rsplit("}", 1)[-1]
