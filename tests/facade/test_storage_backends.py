"""The storage backends behind one interface: which backend a bucket type gets, and the
pieces each backend adds (the transfer flows themselves are tested end to end elsewhere)."""

from __future__ import annotations

import httpx
import pytest

from luml_facade import FileUploadError
from luml_facade.storage import BACKENDS, GONE_CODES, Backend, backend_for
from luml_facade.storage.azure import Azure, block_list_body
from luml_facade.storage.s3 import S3, check_completed, complete_multipart_body
from luml_facade.types import BucketType


def test_every_bucket_type_has_a_backend() -> None:
    assert {kind.value for kind in BucketType} <= set(BACKENDS)
    assert isinstance(backend_for(BucketType.S3), S3)
    assert isinstance(backend_for("azure"), Azure)
    assert all(isinstance(backend, Backend) for backend in BACKENDS.values())


def test_an_unknown_backend_says_to_upgrade() -> None:
    with pytest.raises(FileUploadError, match=r"'gcs' upload, which luml-facade .* upgrade"):
        backend_for("gcs")


def test_a_missing_object_is_told_apart_from_a_missing_bucket() -> None:
    assert {"NoSuchKey", "BlobNotFound"} <= GONE_CODES
    assert not {"NoSuchBucket", "ContainerNotFound"} & GONE_CODES


def test_parts_are_completed_in_part_order_whatever_order_they_finished_in() -> None:
    s3 = complete_multipart_body([(2, '"b"'), (1, '"a"')]).decode()
    assert s3.index("<PartNumber>1</PartNumber>") < s3.index("<PartNumber>2</PartNumber>")
    azure = block_list_body([block for _, block in sorted([(2, "Yg=="), (1, "YQ==")])]).decode()
    assert azure.index("YQ==") < azure.index("Yg==")


def test_an_s3_error_inside_a_200_completion_is_a_failure() -> None:
    answer = httpx.Response(200, content=b"<Error><Code>InternalError</Code></Error>")
    with pytest.raises(FileUploadError, match="InternalError"):
        check_completed(answer)


def test_only_azure_puts_need_the_blob_type_header() -> None:
    assert Azure().put_headers == {"x-ms-blob-type": "BlockBlob"}
    assert S3().put_headers == {}
