from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.orbit_create import OrbitCreate
from ...models.orbit_details import OrbitDetails
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    *,
    body: OrbitCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/organizations/{organization_id}/orbits".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | OrbitDetails | None:
    if response.status_code == 200:
        response_200 = OrbitDetails.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | OrbitDetails]:
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
    body: OrbitCreate,
) -> Response[ErrorResponse | HTTPValidationError | OrbitDetails]:
    """Create an orbit

     409 `Organization reached maximum number of orbits` at the organization's `orbits_limit`
    (1 on the real server); 404 `Bucket secret not found`; 400 for `members` that repeat a
    user, name the caller, or name users outside the organization.

    Args:
        organization_id (UUID):
        body (OrbitCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | OrbitDetails]
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
    body: OrbitCreate,
) -> ErrorResponse | HTTPValidationError | OrbitDetails | None:
    """Create an orbit

     409 `Organization reached maximum number of orbits` at the organization's `orbits_limit`
    (1 on the real server); 404 `Bucket secret not found`; 400 for `members` that repeat a
    user, name the caller, or name users outside the organization.

    Args:
        organization_id (UUID):
        body (OrbitCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | OrbitDetails
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
    body: OrbitCreate,
) -> Response[ErrorResponse | HTTPValidationError | OrbitDetails]:
    """Create an orbit

     409 `Organization reached maximum number of orbits` at the organization's `orbits_limit`
    (1 on the real server); 404 `Bucket secret not found`; 400 for `members` that repeat a
    user, name the caller, or name users outside the organization.

    Args:
        organization_id (UUID):
        body (OrbitCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | OrbitDetails]
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
    body: OrbitCreate,
) -> ErrorResponse | HTTPValidationError | OrbitDetails | None:
    """Create an orbit

     409 `Organization reached maximum number of orbits` at the organization's `orbits_limit`
    (1 on the real server); 404 `Bucket secret not found`; 400 for `members` that repeat a
    user, name the caller, or name users outside the organization.

    Args:
        organization_id (UUID):
        body (OrbitCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | OrbitDetails
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            body=body,
        )
    ).parsed
