from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.azure_bucket_secret import AzureBucketSecret
from ...models.azure_bucket_secret_create import AzureBucketSecretCreate
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.other_bucket_secret import OtherBucketSecret
from ...models.s3_bucket_secret import S3BucketSecret
from ...models.s3_bucket_secret_create import S3BucketSecretCreate
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    *,
    body: AzureBucketSecretCreate | S3BucketSecretCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/organizations/{organization_id}/bucket-secrets".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
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
) -> (
    AzureBucketSecret
    | OtherBucketSecret
    | S3BucketSecret
    | ErrorResponse
    | HTTPValidationError
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> AzureBucketSecret | OtherBucketSecret | S3BucketSecret:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_bucket_secret_type_0 = S3BucketSecret.from_dict(data)

                return componentsschemas_bucket_secret_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_bucket_secret_type_1 = AzureBucketSecret.from_dict(
                    data
                )

                return componentsschemas_bucket_secret_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_bucket_secret_type_2 = OtherBucketSecret.from_dict(data)

            return componentsschemas_bucket_secret_type_2

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

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
    AzureBucketSecret
    | OtherBucketSecret
    | S3BucketSecret
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
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AzureBucketSecretCreate | S3BucketSecretCreate,
) -> Response[
    AzureBucketSecret
    | OtherBucketSecret
    | S3BucketSecret
    | ErrorResponse
    | HTTPValidationError
]:
    """Create a bucket secret

    Args:
        organization_id (UUID):
        body (AzureBucketSecretCreate | S3BucketSecretCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AzureBucketSecret | OtherBucketSecret | S3BucketSecret | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AzureBucketSecretCreate | S3BucketSecretCreate,
) -> (
    AzureBucketSecret
    | OtherBucketSecret
    | S3BucketSecret
    | ErrorResponse
    | HTTPValidationError
    | None
):
    """Create a bucket secret

    Args:
        organization_id (UUID):
        body (AzureBucketSecretCreate | S3BucketSecretCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AzureBucketSecret | OtherBucketSecret | S3BucketSecret | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AzureBucketSecretCreate | S3BucketSecretCreate,
) -> Response[
    AzureBucketSecret
    | OtherBucketSecret
    | S3BucketSecret
    | ErrorResponse
    | HTTPValidationError
]:
    """Create a bucket secret

    Args:
        organization_id (UUID):
        body (AzureBucketSecretCreate | S3BucketSecretCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AzureBucketSecret | OtherBucketSecret | S3BucketSecret | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: AzureBucketSecretCreate | S3BucketSecretCreate,
) -> (
    AzureBucketSecret
    | OtherBucketSecret
    | S3BucketSecret
    | ErrorResponse
    | HTTPValidationError
    | None
):
    """Create a bucket secret

    Args:
        organization_id (UUID):
        body (AzureBucketSecretCreate | S3BucketSecretCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AzureBucketSecret | OtherBucketSecret | S3BucketSecret | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            body=body,
        )
    ).parsed
