from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.orbit_member import OrbitMember
from ...models.orbit_member_update import OrbitMemberUpdate
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    orbit_id: UUID,
    member_id: UUID,
    *,
    body: OrbitMemberUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/organizations/{organization_id}/orbits/{orbit_id}/members/{member_id}".format(
            organization_id=quote(str(organization_id), safe=""),
            orbit_id=quote(str(orbit_id), safe=""),
            member_id=quote(str(member_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | OrbitMember | None:
    if response.status_code == 200:
        response_200 = OrbitMember.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | OrbitMember]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    member_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: OrbitMemberUpdate,
) -> Response[ErrorResponse | HTTPValidationError | OrbitMember]:
    """Change an orbit member's role

     For signed-in (JWT) sessions only. The member changed is the body's `id`. 400 `You can not
    update your own data.`; 404 `Orbit member not found`.

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        member_id (UUID):
        body (OrbitMemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | OrbitMember]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        member_id=member_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    orbit_id: UUID,
    member_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: OrbitMemberUpdate,
) -> ErrorResponse | HTTPValidationError | OrbitMember | None:
    """Change an orbit member's role

     For signed-in (JWT) sessions only. The member changed is the body's `id`. 400 `You can not
    update your own data.`; 404 `Orbit member not found`.

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        member_id (UUID):
        body (OrbitMemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | OrbitMember
    """

    return sync_detailed(
        organization_id=organization_id,
        orbit_id=orbit_id,
        member_id=member_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    member_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: OrbitMemberUpdate,
) -> Response[ErrorResponse | HTTPValidationError | OrbitMember]:
    """Change an orbit member's role

     For signed-in (JWT) sessions only. The member changed is the body's `id`. 400 `You can not
    update your own data.`; 404 `Orbit member not found`.

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        member_id (UUID):
        body (OrbitMemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | OrbitMember]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        member_id=member_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    orbit_id: UUID,
    member_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: OrbitMemberUpdate,
) -> ErrorResponse | HTTPValidationError | OrbitMember | None:
    """Change an orbit member's role

     For signed-in (JWT) sessions only. The member changed is the body's `id`. 400 `You can not
    update your own data.`; 404 `Orbit member not found`.

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        member_id (UUID):
        body (OrbitMemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | OrbitMember
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            orbit_id=orbit_id,
            member_id=member_id,
            client=client,
            body=body,
        )
    ).parsed
