from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bucket_secret_urls import BucketSecretUrls
from ...models.bucket_secret_urls_request import BucketSecretUrlsRequest
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    secret_id: UUID,
    *,
    body: BucketSecretUrlsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/organizations/{organization_id}/bucket-secrets/{secret_id}/urls".format(
            organization_id=quote(str(organization_id), safe=""),
            secret_id=quote(str(secret_id), safe=""),
        ),
    }

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
) -> Response[BucketSecretUrls | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: UUID,
    secret_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BucketSecretUrlsRequest,
) -> Response[BucketSecretUrls | ErrorResponse | HTTPValidationError]:
    """Test URLs for a stored bucket secret, with unsaved changes applied

     Presigned upload, download and delete URLs of a `test_file` object, made from the stored
    secret with the fields sent applied on top (nothing is saved), so a client can check the
    connection before it updates the secret. The body's `id` must be the path's secret
    (400 `Secret id does not match the path`); a different `type` is a
    400 `Bucket type cannot be changed`; 404 `Secret not found`.

    Args:
        organization_id (UUID):
        secret_id (UUID):
        body (BucketSecretUrlsRequest): The stored secret's id, and the fields to try instead of
            the stored ones.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BucketSecretUrls | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        secret_id=secret_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    secret_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BucketSecretUrlsRequest,
) -> BucketSecretUrls | ErrorResponse | HTTPValidationError | None:
    """Test URLs for a stored bucket secret, with unsaved changes applied

     Presigned upload, download and delete URLs of a `test_file` object, made from the stored
    secret with the fields sent applied on top (nothing is saved), so a client can check the
    connection before it updates the secret. The body's `id` must be the path's secret
    (400 `Secret id does not match the path`); a different `type` is a
    400 `Bucket type cannot be changed`; 404 `Secret not found`.

    Args:
        organization_id (UUID):
        secret_id (UUID):
        body (BucketSecretUrlsRequest): The stored secret's id, and the fields to try instead of
            the stored ones.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BucketSecretUrls | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        organization_id=organization_id,
        secret_id=secret_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    secret_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BucketSecretUrlsRequest,
) -> Response[BucketSecretUrls | ErrorResponse | HTTPValidationError]:
    """Test URLs for a stored bucket secret, with unsaved changes applied

     Presigned upload, download and delete URLs of a `test_file` object, made from the stored
    secret with the fields sent applied on top (nothing is saved), so a client can check the
    connection before it updates the secret. The body's `id` must be the path's secret
    (400 `Secret id does not match the path`); a different `type` is a
    400 `Bucket type cannot be changed`; 404 `Secret not found`.

    Args:
        organization_id (UUID):
        secret_id (UUID):
        body (BucketSecretUrlsRequest): The stored secret's id, and the fields to try instead of
            the stored ones.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BucketSecretUrls | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        secret_id=secret_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    secret_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BucketSecretUrlsRequest,
) -> BucketSecretUrls | ErrorResponse | HTTPValidationError | None:
    """Test URLs for a stored bucket secret, with unsaved changes applied

     Presigned upload, download and delete URLs of a `test_file` object, made from the stored
    secret with the fields sent applied on top (nothing is saved), so a client can check the
    connection before it updates the secret. The body's `id` must be the path's secret
    (400 `Secret id does not match the path`); a different `type` is a
    400 `Bucket type cannot be changed`; 404 `Secret not found`.

    Args:
        organization_id (UUID):
        secret_id (UUID):
        body (BucketSecretUrlsRequest): The stored secret's id, and the fields to try instead of
            the stored ones.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BucketSecretUrls | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            secret_id=secret_id,
            client=client,
            body=body,
        )
    ).parsed
