from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.created_satellite import CreatedSatellite
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.satellite_create import SatelliteCreate
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    orbit_id: UUID,
    *,
    body: SatelliteCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/organizations/{organization_id}/orbits/{orbit_id}/satellites".format(
            organization_id=quote(str(organization_id), safe=""),
            orbit_id=quote(str(orbit_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreatedSatellite | ErrorResponse | HTTPValidationError | str | None:
    if response.status_code == 200:
        response_200 = CreatedSatellite.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = response.text
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreatedSatellite | ErrorResponse | HTTPValidationError | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SatelliteCreate,
) -> Response[CreatedSatellite | ErrorResponse | HTTPValidationError | str]:
    """Register a satellite and get its API key (shown only this once)

     The satellite starts unpaired. The organization's satellite limit (all orbits together)
    is a 409 `Organization reached maximum number of satellites`. The server needs a `name`
    (without one it answers 500).

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        body (SatelliteCreate): The server needs `name` (without it, a 500).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedSatellite | ErrorResponse | HTTPValidationError | str]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    orbit_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SatelliteCreate,
) -> CreatedSatellite | ErrorResponse | HTTPValidationError | str | None:
    """Register a satellite and get its API key (shown only this once)

     The satellite starts unpaired. The organization's satellite limit (all orbits together)
    is a 409 `Organization reached maximum number of satellites`. The server needs a `name`
    (without one it answers 500).

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        body (SatelliteCreate): The server needs `name` (without it, a 500).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedSatellite | ErrorResponse | HTTPValidationError | str
    """

    return sync_detailed(
        organization_id=organization_id,
        orbit_id=orbit_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SatelliteCreate,
) -> Response[CreatedSatellite | ErrorResponse | HTTPValidationError | str]:
    """Register a satellite and get its API key (shown only this once)

     The satellite starts unpaired. The organization's satellite limit (all orbits together)
    is a 409 `Organization reached maximum number of satellites`. The server needs a `name`
    (without one it answers 500).

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        body (SatelliteCreate): The server needs `name` (without it, a 500).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedSatellite | ErrorResponse | HTTPValidationError | str]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    orbit_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SatelliteCreate,
) -> CreatedSatellite | ErrorResponse | HTTPValidationError | str | None:
    """Register a satellite and get its API key (shown only this once)

     The satellite starts unpaired. The organization's satellite limit (all orbits together)
    is a 409 `Organization reached maximum number of satellites`. The server needs a `name`
    (without one it answers 500).

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        body (SatelliteCreate): The server needs `name` (without it, a 500).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedSatellite | ErrorResponse | HTTPValidationError | str
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            orbit_id=orbit_id,
            client=client,
            body=body,
        )
    ).parsed
