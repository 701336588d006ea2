from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.organization_member import OrganizationMember
from ...models.organization_member_create import OrganizationMemberCreate
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    *,
    body: OrganizationMemberCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/organizations/{organization_id}/members".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | OrganizationMember | None:
    if response.status_code == 200:
        response_200 = OrganizationMember.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | OrganizationMember]:
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
    body: OrganizationMemberCreate,
) -> Response[ErrorResponse | HTTPValidationError | OrganizationMember]:
    """Add an existing user to an organization

     For signed-in (JWT) sessions only; owners and admins. Only the owner may add an admin
    (403 `Only Organization Owner can add new admins.`); `owner` cannot be given (422).
    409 `Organization reached maximum number of users` or `Organization member already exists`.

    Args:
        organization_id (UUID):
        body (OrganizationMemberCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | OrganizationMember]
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
    body: OrganizationMemberCreate,
) -> ErrorResponse | HTTPValidationError | OrganizationMember | None:
    """Add an existing user to an organization

     For signed-in (JWT) sessions only; owners and admins. Only the owner may add an admin
    (403 `Only Organization Owner can add new admins.`); `owner` cannot be given (422).
    409 `Organization reached maximum number of users` or `Organization member already exists`.

    Args:
        organization_id (UUID):
        body (OrganizationMemberCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | OrganizationMember
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
    body: OrganizationMemberCreate,
) -> Response[ErrorResponse | HTTPValidationError | OrganizationMember]:
    """Add an existing user to an organization

     For signed-in (JWT) sessions only; owners and admins. Only the owner may add an admin
    (403 `Only Organization Owner can add new admins.`); `owner` cannot be given (422).
    409 `Organization reached maximum number of users` or `Organization member already exists`.

    Args:
        organization_id (UUID):
        body (OrganizationMemberCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | OrganizationMember]
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
    body: OrganizationMemberCreate,
) -> ErrorResponse | HTTPValidationError | OrganizationMember | None:
    """Add an existing user to an organization

     For signed-in (JWT) sessions only; owners and admins. Only the owner may add an admin
    (403 `Only Organization Owner can add new admins.`); `owner` cannot be given (422).
    409 `Organization reached maximum number of users` or `Organization member already exists`.

    Args:
        organization_id (UUID):
        body (OrganizationMemberCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | OrganizationMember
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            body=body,
        )
    ).parsed
