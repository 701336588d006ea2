"""The storage protocols: S3 (multipart XML) and Azure block blobs (block list XML).

Pure functions: they build requests and read answers; the flows in `upload.py` send them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

import httpx

from .._errors import FileUploadError

AZURE_BLOCK_BLOB = {"x-ms-blob-type": "BlockBlob"}


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
    if _local(root.tag) != "Error":
        return "", ""
    fields = {_local(child.tag): (child.text or "") for child in root}
    return fields.get("Code", "Error"), fields.get("Message", "")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def upload_id_from(response: httpx.Response) -> str:
    """The UploadId of an S3 InitiateMultipartUpload answer."""
    if response.status_code != 200:
        raise FileUploadError(describe_failure(response, "starting the multipart upload"))
    try:
        root = ElementTree.fromstring(response.content)  # noqa: S314 - our own presigned URL
    except ElementTree.ParseError as error:
        raise FileUploadError(
            f"storage answered the multipart start with bad XML ({error})"
        ) from error
    for element in root.iter():
        if _local(element.tag) == "UploadId" and element.text:
            return element.text
    raise FileUploadError("storage did not return an UploadId for the multipart upload")


def etag_from(response: httpx.Response, part_number: int) -> str:
    """The ETag of an uploaded S3 part (quotes kept, as S3 expects them back)."""
    etag: str | None = response.headers.get("etag")
    if not etag:
        raise FileUploadError(f"storage returned no ETag for part {part_number}")
    return etag


def complete_multipart_body(etags: Sequence[tuple[int, str]]) -> bytes:
    """The CompleteMultipartUpload XML for (part number, ETag) pairs, in part order."""
    parts = "".join(
        f"<Part><PartNumber>{number}</PartNumber><ETag>{escape(etag)}</ETag></Part>"
        for number, etag in sorted(etags)
    )
    document = f"<CompleteMultipartUpload>{parts}</CompleteMultipartUpload>"
    return f'<?xml version="1.0" encoding="UTF-8"?>{document}'.encode()


def check_completed(response: httpx.Response) -> None:
    """Raise unless CompleteMultipartUpload really succeeded: S3 may answer 200 with <Error>."""
    code, _ = storage_error(response.content)
    if response.status_code != 200 or code:
        raise FileUploadError(describe_failure(response, "completing the multipart upload"))


def azure_block_id(part_url: str) -> str:
    """The block id a presigned Azure block URL carries (`blockid=` query parameter)."""
    values = parse_qs(urlsplit(part_url).query).get("blockid")
    if not values:
        raise FileUploadError("an Azure block URL from the server has no blockid")
    return values[0]


def block_list_body(block_ids: Sequence[str]) -> bytes:
    """The Put Block List XML committing these blocks in order."""
    latest = "".join(f"<Latest>{escape(block_id)}</Latest>" for block_id in block_ids)
    return f'<?xml version="1.0" encoding="utf-8"?><BlockList>{latest}</BlockList>'.encode()
