from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.organization_member import OrganizationMember
from ...models.organization_member_update import OrganizationMemberUpdate
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    member_id: UUID,
    *,
    body: OrganizationMemberUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/organizations/{organization_id}/members/{member_id}".format(
            organization_id=quote(str(organization_id), safe=""),
            member_id=quote(str(member_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | None | OrganizationMember:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> None | OrganizationMember:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = OrganizationMember.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationMember, data)

        response_200 = _parse_response_200(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | HTTPValidationError | None | OrganizationMember]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: UUID,
    member_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: OrganizationMemberUpdate,
) -> Response[ErrorResponse | HTTPValidationError | None | OrganizationMember]:
    """Change a member's role

     For signed-in (JWT) sessions only; owners and admins. 403 `You can not update your own
    data.` and `Only Organization Owner can assign new admins.`; 404 `Organization member not
    found`; `owner` cannot be given (422).

    Args:
        organization_id (UUID):
        member_id (UUID):
        body (OrganizationMemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | None | OrganizationMember]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        member_id=member_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    member_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: OrganizationMemberUpdate,
) -> ErrorResponse | HTTPValidationError | None | OrganizationMember:
    """Change a member's role

     For signed-in (JWT) sessions only; owners and admins. 403 `You can not update your own
    data.` and `Only Organization Owner can assign new admins.`; 404 `Organization member not
    found`; `owner` cannot be given (422).

    Args:
        organization_id (UUID):
        member_id (UUID):
        body (OrganizationMemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | None | OrganizationMember
    """

    return sync_detailed(
        organization_id=organization_id,
        member_id=member_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    member_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: OrganizationMemberUpdate,
) -> Response[ErrorResponse | HTTPValidationError | None | OrganizationMember]:
    """Change a member's role

     For signed-in (JWT) sessions only; owners and admins. 403 `You can not update your own
    data.` and `Only Organization Owner can assign new admins.`; 404 `Organization member not
    found`; `owner` cannot be given (422).

    Args:
        organization_id (UUID):
        member_id (UUID):
        body (OrganizationMemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | None | OrganizationMember]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        member_id=member_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    member_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: OrganizationMemberUpdate,
) -> ErrorResponse | HTTPValidationError | None | OrganizationMember:
    """Change a member's role

     For signed-in (JWT) sessions only; owners and admins. 403 `You can not update your own
    data.` and `Only Organization Owner can assign new admins.`; 404 `Organization member not
    found`; `owner` cannot be given (422).

    Args:
        organization_id (UUID):
        member_id (UUID):
        body (OrganizationMemberUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | None | OrganizationMember
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            member_id=member_id,
            client=client,
            body=body,
        )
    ).parsed
