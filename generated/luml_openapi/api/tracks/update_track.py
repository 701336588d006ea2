from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.track import Track
from ...models.track_update import TrackUpdate
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    *,
    body: TrackUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/organizations/{organization_id}/orbits/{orbit_id}/tracks/{track_id}".format(
            organization_id=quote(str(organization_id), safe=""),
            orbit_id=quote(str(orbit_id), safe=""),
            track_id=quote(str(track_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | Track | str | None:
    if response.status_code == 200:
        response_200 = Track.from_dict(response.json())

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

        def _parse_response_422(data: object) -> ErrorResponse | HTTPValidationError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_rule_or_validation_error_type_0 = (
                    HTTPValidationError.from_dict(data)
                )

                return componentsschemas_rule_or_validation_error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_rule_or_validation_error_type_1 = ErrorResponse.from_dict(
                data
            )

            return componentsschemas_rule_or_validation_error_type_1

        response_422 = _parse_response_422(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | Track | str]:
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
    body: TrackUpdate,
) -> Response[ErrorResponse | HTTPValidationError | Track | str]:
    """Update a track (only the fields sent change); `stages` replaces the stage list

     `stages` is the whole wanted list: an item with an `id` keeps (and may rename) that
    stage, one without an `id` adds a stage, and stages not listed are deleted. An `id` of
    another track is a 422 `Stage does not belong to this track.`; deleting a stage an entry
    is at is a 409 `Cannot remove stages that are assigned to a version: '<name>' (<id>).`;
    repeated names are a 409 `Duplicate stage names are not allowed.` `name: null` makes the
    server answer 500.

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        body (TrackUpdate): Only the fields sent change; `stages` is the whole wanted stage list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | HTTPValidationError | Track | str]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        track_id=track_id,
        body=body,
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
    body: TrackUpdate,
) -> ErrorResponse | HTTPValidationError | Track | str | None:
    """Update a track (only the fields sent change); `stages` replaces the stage list

     `stages` is the whole wanted list: an item with an `id` keeps (and may rename) that
    stage, one without an `id` adds a stage, and stages not listed are deleted. An `id` of
    another track is a 422 `Stage does not belong to this track.`; deleting a stage an entry
    is at is a 409 `Cannot remove stages that are assigned to a version: '<name>' (<id>).`;
    repeated names are a 409 `Duplicate stage names are not allowed.` `name: null` makes the
    server answer 500.

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        body (TrackUpdate): Only the fields sent change; `stages` is the whole wanted stage list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | HTTPValidationError | Track | str
    """

    return sync_detailed(
        organization_id=organization_id,
        orbit_id=orbit_id,
        track_id=track_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: TrackUpdate,
) -> Response[ErrorResponse | HTTPValidationError | Track | str]:
    """Update a track (only the fields sent change); `stages` replaces the stage list

     `stages` is the whole wanted list: an item with an `id` keeps (and may rename) that
    stage, one without an `id` adds a stage, and stages not listed are deleted. An `id` of
    another track is a 422 `Stage does not belong to this track.`; deleting a stage an entry
    is at is a 409 `Cannot remove stages that are assigned to a version: '<name>' (<id>).`;
    repeated names are a 409 `Duplicate stage names are not allowed.` `name: null` makes the
    server answer 500.

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        body (TrackUpdate): Only the fields sent change; `stages` is the whole wanted stage list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | HTTPValidationError | Track | str]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        track_id=track_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: TrackUpdate,
) -> ErrorResponse | HTTPValidationError | Track | str | None:
    """Update a track (only the fields sent change); `stages` replaces the stage list

     `stages` is the whole wanted list: an item with an `id` keeps (and may rename) that
    stage, one without an `id` adds a stage, and stages not listed are deleted. An `id` of
    another track is a 422 `Stage does not belong to this track.`; deleting a stage an entry
    is at is a 409 `Cannot remove stages that are assigned to a version: '<name>' (<id>).`;
    repeated names are a 409 `Duplicate stage names are not allowed.` `name: null` makes the
    server answer 500.

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        body (TrackUpdate): Only the fields sent change; `stages` is the whole wanted stage list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | HTTPValidationError | Track | str
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            orbit_id=orbit_id,
            track_id=track_id,
            client=client,
            body=body,
        )
    ).parsed
