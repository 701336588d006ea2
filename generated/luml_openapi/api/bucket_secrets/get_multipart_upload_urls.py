from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.azure_multipart_upload_details import AzureMultipartUploadDetails
from ...models.bucket_multipart_upload import BucketMultipartUpload
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.other_multipart_upload_details import OtherMultipartUploadDetails
from ...models.s3_multipart_upload_details import S3MultipartUploadDetails
from ...types import Response


def _get_kwargs(
    *,
    body: BucketMultipartUpload,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/bucket-secrets/upload/multipart",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AzureMultipartUploadDetails
    | OtherMultipartUploadDetails
    | S3MultipartUploadDetails
    | ErrorResponse
    | HTTPValidationError
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> (
            AzureMultipartUploadDetails
            | OtherMultipartUploadDetails
            | S3MultipartUploadDetails
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_multipart_upload_details_type_0 = (
                    S3MultipartUploadDetails.from_dict(data)
                )

                return componentsschemas_multipart_upload_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_multipart_upload_details_type_1 = (
                    AzureMultipartUploadDetails.from_dict(data)
                )

                return componentsschemas_multipart_upload_details_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_multipart_upload_details_type_2 = (
                OtherMultipartUploadDetails.from_dict(data)
            )

            return componentsschemas_multipart_upload_details_type_2

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    AzureMultipartUploadDetails
    | OtherMultipartUploadDetails
    | S3MultipartUploadDetails
    | ErrorResponse
    | HTTPValidationError
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BucketMultipartUpload,
) -> Response[
    AzureMultipartUploadDetails
    | OtherMultipartUploadDetails
    | S3MultipartUploadDetails
    | ErrorResponse
    | HTTPValidationError
]:
    """Presigned URLs for every part of a multipart upload, and the URL that completes it

     For S3 send the `upload_id` returned by the initiate request (the POST to the artifact's
    `upload_details.url`); Azure needs none. Part byte ranges are inclusive.

    Args:
        body (BucketMultipartUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AzureMultipartUploadDetails | OtherMultipartUploadDetails | S3MultipartUploadDetails | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BucketMultipartUpload,
) -> (
    AzureMultipartUploadDetails
    | OtherMultipartUploadDetails
    | S3MultipartUploadDetails
    | ErrorResponse
    | HTTPValidationError
    | None
):
    """Presigned URLs for every part of a multipart upload, and the URL that completes it

     For S3 send the `upload_id` returned by the initiate request (the POST to the artifact's
    `upload_details.url`); Azure needs none. Part byte ranges are inclusive.

    Args:
        body (BucketMultipartUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AzureMultipartUploadDetails | OtherMultipartUploadDetails | S3MultipartUploadDetails | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BucketMultipartUpload,
) -> Response[
    AzureMultipartUploadDetails
    | OtherMultipartUploadDetails
    | S3MultipartUploadDetails
    | ErrorResponse
    | HTTPValidationError
]:
    """Presigned URLs for every part of a multipart upload, and the URL that completes it

     For S3 send the `upload_id` returned by the initiate request (the POST to the artifact's
    `upload_details.url`); Azure needs none. Part byte ranges are inclusive.

    Args:
        body (BucketMultipartUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AzureMultipartUploadDetails | OtherMultipartUploadDetails | S3MultipartUploadDetails | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BucketMultipartUpload,
) -> (
    AzureMultipartUploadDetails
    | OtherMultipartUploadDetails
    | S3MultipartUploadDetails
    | ErrorResponse
    | HTTPValidationError
    | None
):
    """Presigned URLs for every part of a multipart upload, and the URL that completes it

     For S3 send the `upload_id` returned by the initiate request (the POST to the artifact's
    `upload_details.url`); Azure needs none. Part byte ranges are inclusive.

    Args:
        body (BucketMultipartUpload):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AzureMultipartUploadDetails | OtherMultipartUploadDetails | S3MultipartUploadDetails | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
