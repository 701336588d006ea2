from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.azure_bucket_secret import AzureBucketSecret
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.other_bucket_secret import OtherBucketSecret
from ...models.s3_bucket_secret import S3BucketSecret
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/organizations/{organization_id}/bucket-secrets".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ErrorResponse
    | HTTPValidationError
    | list[AzureBucketSecret | OtherBucketSecret | S3BucketSecret]
    | None
):
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:

            def _parse_response_200_item(
                data: object,
            ) -> AzureBucketSecret | OtherBucketSecret | S3BucketSecret:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_bucket_secret_type_0 = S3BucketSecret.from_dict(
                        data
                    )

                    return componentsschemas_bucket_secret_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_bucket_secret_type_1 = (
                        AzureBucketSecret.from_dict(data)
                    )

                    return componentsschemas_bucket_secret_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_bucket_secret_type_2 = OtherBucketSecret.from_dict(
                    data
                )

                return componentsschemas_bucket_secret_type_2

            response_200_item = _parse_response_200_item(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

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
) -> Response[
    ErrorResponse
    | HTTPValidationError
    | list[AzureBucketSecret | OtherBucketSecret | S3BucketSecret]
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
) -> Response[
    ErrorResponse
    | HTTPValidationError
    | list[AzureBucketSecret | OtherBucketSecret | S3BucketSecret]
]:
    """List the organization's bucket secrets

    Args:
        organization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | list[AzureBucketSecret | OtherBucketSecret | S3BucketSecret]]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> (
    ErrorResponse
    | HTTPValidationError
    | list[AzureBucketSecret | OtherBucketSecret | S3BucketSecret]
    | None
):
    """List the organization's bucket secrets

    Args:
        organization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | list[AzureBucketSecret | OtherBucketSecret | S3BucketSecret]
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[
    ErrorResponse
    | HTTPValidationError
    | list[AzureBucketSecret | OtherBucketSecret | S3BucketSecret]
]:
    """List the organization's bucket secrets

    Args:
        organization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | list[AzureBucketSecret | OtherBucketSecret | S3BucketSecret]]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> (
    ErrorResponse
    | HTTPValidationError
    | list[AzureBucketSecret | OtherBucketSecret | S3BucketSecret]
    | None
):
    """List the organization's bucket secrets

    Args:
        organization_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | list[AzureBucketSecret | OtherBucketSecret | S3BucketSecret]
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
        )
    ).parsed
