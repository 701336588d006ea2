from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.collection_sort_by import CollectionSortBy
from ...models.collection_type_filter import CollectionTypeFilter
from ...models.collections_list import CollectionsList
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.sort_order import SortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: UUID,
    orbit_id: UUID,
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_by: CollectionSortBy | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    search: str | Unset = UNSET,
    types: list[CollectionTypeFilter] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params["search"] = search

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = []
        for types_item_data in types:
            types_item = types_item_data.value
            json_types.append(types_item)

    params["types"] = json_types

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/organizations/{organization_id}/orbits/{orbit_id}/collections".format(
            organization_id=quote(str(organization_id), safe=""),
            orbit_id=quote(str(orbit_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CollectionsList | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = CollectionsList.from_dict(response.json())

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
) -> Response[CollectionsList | ErrorResponse | HTTPValidationError]:
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
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_by: CollectionSortBy | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    search: str | Unset = UNSET,
    types: list[CollectionTypeFilter] | Unset = UNSET,
) -> Response[CollectionsList | ErrorResponse | HTTPValidationError]:
    """One page of the orbit's collections

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort_by (CollectionSortBy | Unset):
        order (SortOrder | Unset):
        search (str | Unset):
        types (list[CollectionTypeFilter] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CollectionsList | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        cursor=cursor,
        limit=limit,
        sort_by=sort_by,
        order=order,
        search=search,
        types=types,
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
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_by: CollectionSortBy | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    search: str | Unset = UNSET,
    types: list[CollectionTypeFilter] | Unset = UNSET,
) -> CollectionsList | ErrorResponse | HTTPValidationError | None:
    """One page of the orbit's collections

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort_by (CollectionSortBy | Unset):
        order (SortOrder | Unset):
        search (str | Unset):
        types (list[CollectionTypeFilter] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CollectionsList | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        organization_id=organization_id,
        orbit_id=orbit_id,
        client=client,
        cursor=cursor,
        limit=limit,
        sort_by=sort_by,
        order=order,
        search=search,
        types=types,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_by: CollectionSortBy | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    search: str | Unset = UNSET,
    types: list[CollectionTypeFilter] | Unset = UNSET,
) -> Response[CollectionsList | ErrorResponse | HTTPValidationError]:
    """One page of the orbit's collections

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort_by (CollectionSortBy | Unset):
        order (SortOrder | Unset):
        search (str | Unset):
        types (list[CollectionTypeFilter] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CollectionsList | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        cursor=cursor,
        limit=limit,
        sort_by=sort_by,
        order=order,
        search=search,
        types=types,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    orbit_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_by: CollectionSortBy | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    search: str | Unset = UNSET,
    types: list[CollectionTypeFilter] | Unset = UNSET,
) -> CollectionsList | ErrorResponse | HTTPValidationError | None:
    """One page of the orbit's collections

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort_by (CollectionSortBy | Unset):
        order (SortOrder | Unset):
        search (str | Unset):
        types (list[CollectionTypeFilter] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CollectionsList | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            orbit_id=orbit_id,
            client=client,
            cursor=cursor,
            limit=limit,
            sort_by=sort_by,
            order=order,
            search=search,
            types=types,
        )
    ).parsed
