"""S3 (and S3-compatible stores): multipart uploads in XML (initiate, parts with ETags,
complete)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from xml.sax.saxutils import escape

import httpx

from .._errors import FileUploadError
from .._flow import Flow, StorageRequest, storage
from ._backend import Backend, Token, describe_failure, local_name, storage_error


class S3(Backend):
    """Amazon S3, MinIO and other S3-compatible stores."""

    kind = "s3"
    gone_codes = frozenset({"NoSuchKey"})

    def start(self, url: str | None) -> Flow[str | None]:
        if not url:
            raise FileUploadError("the server's upload details have no url")
        # Initiating is retried like any idempotent request: if a lost answer means S3 did
        # start an upload, that abandoned upload id holds no parts (parts go only to the id we
        # got) and can never be completed, so it cannot overwrite the object; it costs nothing
        # but an entry that the bucket's AbortIncompleteMultipartUpload lifecycle rule clears.
        started = yield from storage(StorageRequest("POST", url))
        return upload_id_from(started)

    def token(self, part_number: int, url: str, response: httpx.Response) -> str:
        return etag_from(response, part_number)

    def complete(self, url: str, tokens: Sequence[Token]) -> Flow[None]:
        headers = {"Content-Type": "application/xml"}
        body = complete_multipart_body(tokens)
        response = yield from storage(StorageRequest("POST", url, headers, body))
        check_completed(response)


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
        if local_name(element.tag) == "UploadId" and element.text:
            return element.text
    raise FileUploadError("storage did not return an UploadId for the multipart upload")


def etag_from(response: httpx.Response, part_number: int) -> str:
    """The ETag of an uploaded S3 part (quotes kept, as S3 expects them back)."""
    etag: str | None = response.headers.get("etag")
    if not etag:
        raise FileUploadError(f"storage returned no ETag for part {part_number}")
    return etag


def complete_multipart_body(etags: Sequence[Token]) -> bytes:
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
