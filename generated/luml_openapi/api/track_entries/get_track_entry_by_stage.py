from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.track_entry import TrackEntry
from ...types import UNSET, Response


def _get_kwargs(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    *,
    stage_id: UUID,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_stage_id = str(stage_id)
    params["stage_id"] = json_stage_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/organizations/{organization_id}/orbits/{orbit_id}/tracks/{track_id}/entries/by-stage".format(
            organization_id=quote(str(organization_id), safe=""),
            orbit_id=quote(str(orbit_id), safe=""),
            track_id=quote(str(track_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | TrackEntry | str | None:
    if response.status_code == 200:
        response_200 = TrackEntry.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = response.text
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | HTTPValidationError | TrackEntry | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    stage_id: UUID,
) -> Response[ErrorResponse | HTTPValidationError | TrackEntry | str]:
    """The entry at a stage

     A stage of another track (or none) is a 404 `Stage not found`. A stage no entry is at
    makes the server answer 500 (it fails to render "nothing"): treat that 500 as "empty".

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        stage_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | TrackEntry | str]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        track_id=track_id,
        stage_id=stage_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    stage_id: UUID,
) -> ErrorResponse | HTTPValidationError | TrackEntry | str | None:
    """The entry at a stage

     A stage of another track (or none) is a 404 `Stage not found`. A stage no entry is at
    makes the server answer 500 (it fails to render "nothing"): treat that 500 as "empty".

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        stage_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | TrackEntry | str
    """

    return sync_detailed(
        organization_id=organization_id,
        orbit_id=orbit_id,
        track_id=track_id,
        client=client,
        stage_id=stage_id,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    stage_id: UUID,
) -> Response[ErrorResponse | HTTPValidationError | TrackEntry | str]:
    """The entry at a stage

     A stage of another track (or none) is a 404 `Stage not found`. A stage no entry is at
    makes the server answer 500 (it fails to render "nothing"): treat that 500 as "empty".

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        stage_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | TrackEntry | str]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        track_id=track_id,
        stage_id=stage_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    stage_id: UUID,
) -> ErrorResponse | HTTPValidationError | TrackEntry | str | None:
    """The entry at a stage

     A stage of another track (or none) is a 404 `Stage not found`. A stage no entry is at
    makes the server answer 500 (it fails to render "nothing"): treat that 500 as "empty".

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        stage_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | TrackEntry | str
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            orbit_id=orbit_id,
            track_id=track_id,
            client=client,
            stage_id=stage_id,
        )
    ).parsed
