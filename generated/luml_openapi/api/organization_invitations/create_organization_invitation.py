from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.organization_invite import OrganizationInvite
from ...models.organization_invite_create import OrganizationInviteCreate
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    *,
    body: OrganizationInviteCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/organizations/{organization_id}/invitations".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | OrganizationInvite | None:
    if response.status_code == 200:
        response_200 = OrganizationInvite.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | OrganizationInvite]:
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
    body: OrganizationInviteCreate,
) -> Response[ErrorResponse | HTTPValidationError | OrganizationInvite]:
    """Invite an e-mail address to an organization

     For signed-in (JWT) sessions only; owners and admins. The body's `organization_id` is the
    organization the invitation is for. 403 `You can't invite yourself`; 409 `Already a member
    of the organization`, `Organization invite already exists` or `Organization reached
    maximum number of users`; `owner` cannot be given (422). When the invitation e-mail cannot
    be sent the invitation still exists and the server answers
    201 `{"detail": "Invite created successfully but email delivery failed."}`.

    Args:
        organization_id (UUID):
        body (OrganizationInviteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | OrganizationInvite]
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
    body: OrganizationInviteCreate,
) -> ErrorResponse | HTTPValidationError | OrganizationInvite | None:
    """Invite an e-mail address to an organization

     For signed-in (JWT) sessions only; owners and admins. The body's `organization_id` is the
    organization the invitation is for. 403 `You can't invite yourself`; 409 `Already a member
    of the organization`, `Organization invite already exists` or `Organization reached
    maximum number of users`; `owner` cannot be given (422). When the invitation e-mail cannot
    be sent the invitation still exists and the server answers
    201 `{"detail": "Invite created successfully but email delivery failed."}`.

    Args:
        organization_id (UUID):
        body (OrganizationInviteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | OrganizationInvite
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
    body: OrganizationInviteCreate,
) -> Response[ErrorResponse | HTTPValidationError | OrganizationInvite]:
    """Invite an e-mail address to an organization

     For signed-in (JWT) sessions only; owners and admins. The body's `organization_id` is the
    organization the invitation is for. 403 `You can't invite yourself`; 409 `Already a member
    of the organization`, `Organization invite already exists` or `Organization reached
    maximum number of users`; `owner` cannot be given (422). When the invitation e-mail cannot
    be sent the invitation still exists and the server answers
    201 `{"detail": "Invite created successfully but email delivery failed."}`.

    Args:
        organization_id (UUID):
        body (OrganizationInviteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | OrganizationInvite]
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
    body: OrganizationInviteCreate,
) -> ErrorResponse | HTTPValidationError | OrganizationInvite | None:
    """Invite an e-mail address to an organization

     For signed-in (JWT) sessions only; owners and admins. The body's `organization_id` is the
    organization the invitation is for. 403 `You can't invite yourself`; 409 `Already a member
    of the organization`, `Organization invite already exists` or `Organization reached
    maximum number of users`; `owner` cannot be given (422). When the invitation e-mail cannot
    be sent the invitation still exists and the server answers
    201 `{"detail": "Invite created successfully but email delivery failed."}`.

    Args:
        organization_id (UUID):
        body (OrganizationInviteCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | OrganizationInvite
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            body=body,
        )
    ).parsed
