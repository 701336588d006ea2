"""Azure block blobs: blocks PUT to presigned block URLs, committed by a Put Block List."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

import httpx

from .._errors import FileUploadError
from .._flow import Flow, StorageRequest, storage
from ._backend import Backend, Token, describe_failure


class Azure(Backend):
    """Azure Blob Storage (and Azurite)."""

    kind = "azure"
    put_headers: ClassVar[Mapping[str, str]] = {"x-ms-blob-type": "BlockBlob"}
    gone_codes = frozenset({"BlobNotFound"})

    def token(self, part_number: int, url: str, response: httpx.Response) -> str:
        return block_id(url)

    def complete(self, url: str, tokens: Sequence[Token]) -> Flow[None]:
        headers = {"Content-Type": "application/xml"}
        body = block_list_body([block for _, block in sorted(tokens)])
        response = yield from storage(StorageRequest("PUT", url, headers, body))
        if not response.is_success:
            raise FileUploadError(describe_failure(response, "committing the block list"))


def block_id(part_url: str) -> str:
    """The block id a presigned Azure block URL carries (`blockid=` query parameter)."""
    values = parse_qs(urlsplit(part_url).query).get("blockid")
    if not values:
        raise FileUploadError("an Azure block URL from the server has no blockid")
    return values[0]


def block_list_body(block_ids: Sequence[str]) -> bytes:
    """The Put Block List XML committing these blocks in order."""
    latest = "".join(f"<Latest>{escape(block)}</Latest>" for block in block_ids)
    return f'<?xml version="1.0" encoding="utf-8"?><BlockList>{latest}</BlockList>'.encode()
