from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.collection import Collection
from ...models.collection_update import CollectionUpdate
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    orbit_id: UUID,
    collection_id: UUID,
    *,
    body: CollectionUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/organizations/{organization_id}/orbits/{orbit_id}/collections/{collection_id}".format(
            organization_id=quote(str(organization_id), safe=""),
            orbit_id=quote(str(orbit_id), safe=""),
            collection_id=quote(str(collection_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Collection | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = Collection.from_dict(response.json())

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
) -> Response[Collection | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    collection_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CollectionUpdate,
) -> Response[Collection | ErrorResponse | HTTPValidationError]:
    """Update a collection (only the fields sent change)

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        collection_id (UUID):
        body (CollectionUpdate): Only the fields sent change; the type cannot change. The real
            server answers 500
            unless `name` is sent (see docs/known-real-server-behaviour.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Collection | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        collection_id=collection_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    orbit_id: UUID,
    collection_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CollectionUpdate,
) -> Collection | ErrorResponse | HTTPValidationError | None:
    """Update a collection (only the fields sent change)

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        collection_id (UUID):
        body (CollectionUpdate): Only the fields sent change; the type cannot change. The real
            server answers 500
            unless `name` is sent (see docs/known-real-server-behaviour.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Collection | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        organization_id=organization_id,
        orbit_id=orbit_id,
        collection_id=collection_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    collection_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CollectionUpdate,
) -> Response[Collection | ErrorResponse | HTTPValidationError]:
    """Update a collection (only the fields sent change)

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        collection_id (UUID):
        body (CollectionUpdate): Only the fields sent change; the type cannot change. The real
            server answers 500
            unless `name` is sent (see docs/known-real-server-behaviour.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Collection | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        collection_id=collection_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    orbit_id: UUID,
    collection_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CollectionUpdate,
) -> Collection | ErrorResponse | HTTPValidationError | None:
    """Update a collection (only the fields sent change)

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        collection_id (UUID):
        body (CollectionUpdate): Only the fields sent change; the type cannot change. The real
            server answers 500
            unless `name` is sent (see docs/known-real-server-behaviour.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Collection | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            orbit_id=orbit_id,
            collection_id=collection_id,
            client=client,
            body=body,
        )
    ).parsed
