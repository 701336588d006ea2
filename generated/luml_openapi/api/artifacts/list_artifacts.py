from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.artifact_type import ArtifactType
from ...models.artifacts_list import ArtifactsList
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.sort_order import SortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: UUID,
    orbit_id: UUID,
    *,
    types: list[ArtifactType] | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_by: str | Unset = "created_at",
    order: SortOrder | Unset = UNSET,
    collection_ids: list[UUID] | Unset = UNSET,
    search: str | Unset = UNSET,
    excluded_tracks: list[UUID] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = []
        for types_item_data in types:
            types_item = types_item_data.value
            json_types.append(types_item)

    params["types"] = json_types

    params["cursor"] = cursor

    params["limit"] = limit

    params["sort_by"] = sort_by

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    json_collection_ids: list[str] | Unset = UNSET
    if not isinstance(collection_ids, Unset):
        json_collection_ids = []
        for collection_ids_item_data in collection_ids:
            collection_ids_item = str(collection_ids_item_data)
            json_collection_ids.append(collection_ids_item)

    params["collection_ids"] = json_collection_ids

    params["search"] = search

    json_excluded_tracks: list[str] | Unset = UNSET
    if not isinstance(excluded_tracks, Unset):
        json_excluded_tracks = []
        for excluded_tracks_item_data in excluded_tracks:
            excluded_tracks_item = str(excluded_tracks_item_data)
            json_excluded_tracks.append(excluded_tracks_item)

    params["excluded_tracks"] = json_excluded_tracks

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/organizations/{organization_id}/orbits/{orbit_id}/artifacts".format(
            organization_id=quote(str(organization_id), safe=""),
            orbit_id=quote(str(orbit_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ArtifactsList | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = ArtifactsList.from_dict(response.json())

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
) -> Response[ArtifactsList | ErrorResponse | HTTPValidationError]:
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
    types: list[ArtifactType] | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_by: str | Unset = "created_at",
    order: SortOrder | Unset = UNSET,
    collection_ids: list[UUID] | Unset = UNSET,
    search: str | Unset = UNSET,
    excluded_tracks: list[UUID] | Unset = UNSET,
) -> Response[ArtifactsList | ErrorResponse | HTTPValidationError]:
    """One page of the orbit's artifacts

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        types (list[ArtifactType] | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort_by (str | Unset):  Default: 'created_at'.
        order (SortOrder | Unset):
        collection_ids (list[UUID] | Unset):
        search (str | Unset):
        excluded_tracks (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArtifactsList | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        types=types,
        cursor=cursor,
        limit=limit,
        sort_by=sort_by,
        order=order,
        collection_ids=collection_ids,
        search=search,
        excluded_tracks=excluded_tracks,
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
    types: list[ArtifactType] | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_by: str | Unset = "created_at",
    order: SortOrder | Unset = UNSET,
    collection_ids: list[UUID] | Unset = UNSET,
    search: str | Unset = UNSET,
    excluded_tracks: list[UUID] | Unset = UNSET,
) -> ArtifactsList | ErrorResponse | HTTPValidationError | None:
    """One page of the orbit's artifacts

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        types (list[ArtifactType] | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort_by (str | Unset):  Default: 'created_at'.
        order (SortOrder | Unset):
        collection_ids (list[UUID] | Unset):
        search (str | Unset):
        excluded_tracks (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArtifactsList | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        organization_id=organization_id,
        orbit_id=orbit_id,
        client=client,
        types=types,
        cursor=cursor,
        limit=limit,
        sort_by=sort_by,
        order=order,
        collection_ids=collection_ids,
        search=search,
        excluded_tracks=excluded_tracks,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    orbit_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    types: list[ArtifactType] | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_by: str | Unset = "created_at",
    order: SortOrder | Unset = UNSET,
    collection_ids: list[UUID] | Unset = UNSET,
    search: str | Unset = UNSET,
    excluded_tracks: list[UUID] | Unset = UNSET,
) -> Response[ArtifactsList | ErrorResponse | HTTPValidationError]:
    """One page of the orbit's artifacts

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        types (list[ArtifactType] | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort_by (str | Unset):  Default: 'created_at'.
        order (SortOrder | Unset):
        collection_ids (list[UUID] | Unset):
        search (str | Unset):
        excluded_tracks (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArtifactsList | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        orbit_id=orbit_id,
        types=types,
        cursor=cursor,
        limit=limit,
        sort_by=sort_by,
        order=order,
        collection_ids=collection_ids,
        search=search,
        excluded_tracks=excluded_tracks,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    orbit_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    types: list[ArtifactType] | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort_by: str | Unset = "created_at",
    order: SortOrder | Unset = UNSET,
    collection_ids: list[UUID] | Unset = UNSET,
    search: str | Unset = UNSET,
    excluded_tracks: list[UUID] | Unset = UNSET,
) -> ArtifactsList | ErrorResponse | HTTPValidationError | None:
    """One page of the orbit's artifacts

    Args:
        organization_id (UUID):
        orbit_id (UUID):
        types (list[ArtifactType] | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort_by (str | Unset):  Default: 'created_at'.
        order (SortOrder | Unset):
        collection_ids (list[UUID] | Unset):
        search (str | Unset):
        excluded_tracks (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArtifactsList | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            orbit_id=orbit_id,
            client=client,
            types=types,
            cursor=cursor,
            limit=limit,
            sort_by=sort_by,
            order=order,
            collection_ids=collection_ids,
            search=search,
            excluded_tracks=excluded_tracks,
        )
    ).parsed
