from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.azure_bucket_secret_create import AzureBucketSecretCreate
from ...models.bucket_secret_urls import BucketSecretUrls
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.s3_bucket_secret_create import S3BucketSecretCreate
from ...types import Response


def _get_kwargs(
    *,
    body: AzureBucketSecretCreate | S3BucketSecretCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/bucket-secrets/urls",
    }

    if isinstance(body, S3BucketSecretCreate):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BucketSecretUrls | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = BucketSecretUrls.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BucketSecretUrls | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AzureBucketSecretCreate | S3BucketSecretCreate,
) -> Response[BucketSecretUrls | ErrorResponse | HTTPValidationError]:
    """Test URLs for bucket settings that are not saved yet

     Presigned upload, download and delete URLs of a `test_file` object for the S3 or Azure
    settings sent, so a client can check a bucket before it creates the secret. Nothing is
    stored; no request reaches the bucket.

    Args:
        body (AzureBucketSecretCreate | S3BucketSecretCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BucketSecretUrls | ErrorResponse | HTTPValidationError]
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
    body: AzureBucketSecretCreate | S3BucketSecretCreate,
) -> BucketSecretUrls | ErrorResponse | HTTPValidationError | None:
    """Test URLs for bucket settings that are not saved yet

     Presigned upload, download and delete URLs of a `test_file` object for the S3 or Azure
    settings sent, so a client can check a bucket before it creates the secret. Nothing is
    stored; no request reaches the bucket.

    Args:
        body (AzureBucketSecretCreate | S3BucketSecretCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BucketSecretUrls | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AzureBucketSecretCreate | S3BucketSecretCreate,
) -> Response[BucketSecretUrls | ErrorResponse | HTTPValidationError]:
    """Test URLs for bucket settings that are not saved yet

     Presigned upload, download and delete URLs of a `test_file` object for the S3 or Azure
    settings sent, so a client can check a bucket before it creates the secret. Nothing is
    stored; no request reaches the bucket.

    Args:
        body (AzureBucketSecretCreate | S3BucketSecretCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BucketSecretUrls | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AzureBucketSecretCreate | S3BucketSecretCreate,
) -> BucketSecretUrls | ErrorResponse | HTTPValidationError | None:
    """Test URLs for bucket settings that are not saved yet

     Presigned upload, download and delete URLs of a `test_file` object for the S3 or Azure
    settings sent, so a client can check a bucket before it creates the secret. Nothing is
    stored; no request reaches the bucket.

    Args:
        body (AzureBucketSecretCreate | S3BucketSecretCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BucketSecretUrls | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
