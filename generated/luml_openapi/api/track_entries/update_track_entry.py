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
from ...models.track_entry_update import TrackEntryUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    entry_id: UUID,
    *,
    body: TrackEntryUpdate,
    force: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["force"] = force

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/organizations/{organization_id}/orbits/{orbit_id}/tracks/{track_id}/entries/{entry_id}".format(
            organization_id=quote(str(organization_id), safe=""),
            orbit_id=quote(str(orbit_id), safe=""),
            track_id=quote(str(track_id), safe=""),
            entry_id=quote(str(entry_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | TrackEntry | None:
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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | HTTPValidationError | TrackEntry]:
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
    entry_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: TrackEntryUpdate,
    force: bool | Unset = False,
) -> Response[ErrorResponse | HTTPValidationError | TrackEntry]:
    """Move an entry to a stage (or off every stage with `stage_id` null or left out)

     The body is the entry's whole stage: `{}` and `{"stage_id": null}` both take the entry
    off its stage. A stage held by another entry is a 409 `Stage '<name>' is already
    assigned to v<n>. Use force to reassign.`; with `force=true` the other entry loses the
    stage and this one takes it. Moving to the stage the entry is already at changes nothing.
    A stage of another track is a 422 `Stage does not belong to this track.`

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        entry_id (UUID):
        force (bool | Unset):  Default: False.
        body (TrackEntryUpdate): The entry's stage; null or left out takes it off its stage.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | HTTPValidationError | TrackEntry]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        track_id=track_id,
        entry_id=entry_id,
        body=body,
        force=force,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    entry_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: TrackEntryUpdate,
    force: bool | Unset = False,
) -> ErrorResponse | HTTPValidationError | TrackEntry | None:
    """Move an entry to a stage (or off every stage with `stage_id` null or left out)

     The body is the entry's whole stage: `{}` and `{"stage_id": null}` both take the entry
    off its stage. A stage held by another entry is a 409 `Stage '<name>' is already
    assigned to v<n>. Use force to reassign.`; with `force=true` the other entry loses the
    stage and this one takes it. Moving to the stage the entry is already at changes nothing.
    A stage of another track is a 422 `Stage does not belong to this track.`

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        entry_id (UUID):
        force (bool | Unset):  Default: False.
        body (TrackEntryUpdate): The entry's stage; null or left out takes it off its stage.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | HTTPValidationError | TrackEntry
    """

    return sync_detailed(
        organization_id=organization_id,
        orbit_id=orbit_id,
        track_id=track_id,
        entry_id=entry_id,
        client=client,
        body=body,
        force=force,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    entry_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: TrackEntryUpdate,
    force: bool | Unset = False,
) -> Response[ErrorResponse | HTTPValidationError | TrackEntry]:
    """Move an entry to a stage (or off every stage with `stage_id` null or left out)

     The body is the entry's whole stage: `{}` and `{"stage_id": null}` both take the entry
    off its stage. A stage held by another entry is a 409 `Stage '<name>' is already
    assigned to v<n>. Use force to reassign.`; with `force=true` the other entry loses the
    stage and this one takes it. Moving to the stage the entry is already at changes nothing.
    A stage of another track is a 422 `Stage does not belong to this track.`

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        entry_id (UUID):
        force (bool | Unset):  Default: False.
        body (TrackEntryUpdate): The entry's stage; null or left out takes it off its stage.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | HTTPValidationError | TrackEntry]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        track_id=track_id,
        entry_id=entry_id,
        body=body,
        force=force,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    orbit_id: UUID,
    track_id: UUID,
    entry_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: TrackEntryUpdate,
    force: bool | Unset = False,
) -> ErrorResponse | HTTPValidationError | TrackEntry | None:
    """Move an entry to a stage (or off every stage with `stage_id` null or left out)

     The body is the entry's whole stage: `{}` and `{"stage_id": null}` both take the entry
    off its stage. A stage held by another entry is a 409 `Stage '<name>' is already
    assigned to v<n>. Use force to reassign.`; with `force=true` the other entry loses the
    stage and this one takes it. Moving to the stage the entry is already at changes nothing.
    A stage of another track is a 422 `Stage does not belong to this track.`

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        track_id (UUID):
        entry_id (UUID):
        force (bool | Unset):  Default: False.
        body (TrackEntryUpdate): The entry's stage; null or left out takes it off its stage.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | HTTPValidationError | TrackEntry
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            orbit_id=orbit_id,
            track_id=track_id,
            entry_id=entry_id,
            client=client,
            body=body,
            force=force,
        )
    ).parsed
