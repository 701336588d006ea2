"""Checking a bucket the way the LUML web app does: put a small object through the server's
presigned test URLs, read it back (whole, then a byte range), delete it.

Storage answers are reported, not raised: the outcome says which step failed, with the
storage's own status and error code. Requests go through the storage-request instruction,
so they use the storage client (never the API key) and its retries.
"""

from __future__ import annotations

import contextlib

import httpx

from .._flow import Flow, StorageRequest, storage
from ..calls.bucket_secrets import ProbeUrls
from ..storage import backend_for, storage_error
from ..types import BucketCheck, BucketCheckStep, BucketType

TEST_BODY = b"Connection test..."
RANGE = (0, 10)


class _Failed(Exception):
    """A step's failure: what the storage said (or why it could not be reached)."""

    def __init__(
        self,
        step: BucketCheckStep,
        message: str,
        status_code: int | None = None,
        error_code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.step = step
        self.message = message
        self.status_code = status_code
        self.error_code = error_code


def check_bucket(
    urls: ProbeUrls, kind: BucketType | str, bucket_name: str | None
) -> Flow[BucketCheck]:
    """Run the steps in order; the test object is deleted whatever fails after it was put."""
    passed: list[BucketCheckStep] = []
    try:
        yield from _upload(urls.upload, kind)
        passed.append(BucketCheckStep.UPLOAD)
        try:
            yield from _download(urls.download)
            passed.append(BucketCheckStep.DOWNLOAD)
            yield from _ranged(urls.download)
            passed.append(BucketCheckStep.RANGE)
        except _Failed:
            yield from _clean_up(urls.delete)
            raise
        yield from _delete(urls.delete)
        passed.append(BucketCheckStep.DELETE)
    except _Failed as failure:
        return BucketCheck(
            ok=False,
            bucket_name=bucket_name,
            type=kind,
            passed=passed,
            failed_step=failure.step,
            status_code=failure.status_code,
            error_code=failure.error_code,
            message=failure.message,
        )
    return BucketCheck(ok=True, bucket_name=bucket_name, type=kind, passed=passed)


def _send(step: BucketCheckStep, request: StorageRequest) -> Flow[httpx.Response]:
    try:
        response: httpx.Response = yield from storage(request)
    except httpx.HTTPError as error:  # no answer: refused, DNS, TLS, timeout
        raise _Failed(
            step, f"storage could not be reached ({type(error).__name__}: {error})"
        ) from None
    return response


def _refused(step: BucketCheckStep, response: httpx.Response, action: str) -> _Failed:
    code, detail = storage_error(response.content)
    code = code or response.headers.get("x-ms-error-code", "")
    message = f"{action} answered HTTP {response.status_code}"
    if code:
        message += f": {code}" + (f" ({detail})" if detail else "")
    return _Failed(step, message, response.status_code, code or None)


def _upload(url: str, kind: BucketType | str) -> Flow[None]:
    headers = {"Content-Type": "application/octet-stream", **backend_for(kind).put_headers}
    step = BucketCheckStep.UPLOAD
    response = yield from _send(step, StorageRequest("PUT", url, headers, TEST_BODY))
    if not response.is_success:
        raise _refused(step, response, "putting the test object")


def _download(url: str) -> Flow[None]:
    step = BucketCheckStep.DOWNLOAD
    response = yield from _send(step, StorageRequest("GET", url))
    if response.status_code != 200:
        raise _refused(step, response, "reading the test object back")
    if response.content != TEST_BODY:
        raise _Failed(
            step,
            f"the test object came back as {len(response.content)} bytes that differ from the "
            f"{len(TEST_BODY)} bytes written",
            response.status_code,
        )


def _ranged(url: str) -> Flow[None]:
    """A byte range (downloads resume and run in parallel with ranges)."""
    first, last = RANGE
    step = BucketCheckStep.RANGE
    request = StorageRequest("GET", url, {"Range": f"bytes={first}-{last}"})
    response = yield from _send(step, request)
    expected = {206: TEST_BODY[first : last + 1], 200: TEST_BODY}
    if response.status_code not in expected:
        raise _refused(step, response, "reading a byte range of the test object")
    if response.content != expected[response.status_code]:
        raise _Failed(step, "a byte range of the test object came back wrong", 206)


def _delete(url: str) -> Flow[None]:
    step = BucketCheckStep.DELETE
    response = yield from _send(step, StorageRequest("DELETE", url))
    if not response.is_success:
        raise _refused(step, response, "deleting the test object")


def _clean_up(url: str) -> Flow[None]:
    """Best effort after a failed read: the failure already reported matters more."""
    with contextlib.suppress(_Failed):
        yield from _send(BucketCheckStep.DELETE, StorageRequest("DELETE", url))
