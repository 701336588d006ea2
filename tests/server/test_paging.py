"""Cursor paging over many artifacts and collections: each item exactly once, in order."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pytest

from .conftest import Api

COUNT = 250


@pytest.fixture
def filled(api: Api) -> tuple[Api, str, str, list[dict[str, Any]]]:
    """An orbit with 250 artifacts; metric ``score`` has many ties and some gaps."""
    orbit = api.orbit()
    coll = api.collection(orbit)
    created = []
    for index in range(COUNT):
        extra = {} if index % 10 == 0 else {"score": index % 7}
        body = {"name": f"artifact-{index:03d}", "extra_values": extra, "size": index % 13}
        created.append(api.artifact(orbit, coll, **body)["artifact"])
    return api, orbit, coll, created


def walk(api: Api, path: str, limit: int, **params: Any) -> list[dict[str, Any]]:
    """Every item, following cursors until the last page."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        page = api.ok("GET", path, params=query)
        assert len(page["items"]) <= limit
        items.extend(page["items"])
        cursor = page["cursor"]
        if cursor is None:
            return items
        assert len(page["items"]) == limit


def expected(
    items: list[dict[str, Any]], value: Callable[[dict[str, Any]], Any], desc: bool
) -> list[str]:
    """The server's order: NULLs first in asc (last in desc), ties broken by id."""
    ordered = sorted(items, key=lambda a: (value(a) is not None, value(a), a["id"]))
    return [a["id"] for a in (reversed(ordered) if desc else ordered)]


@pytest.mark.parametrize("limit", [7, 100])
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_created_at_pages(filled: Any, limit: int, order: str) -> None:
    api, orbit, _, created = filled
    got = walk(api, f"{api.org}/orbits/{orbit}/artifacts", limit, order=order)
    ids = [a["id"] for a in got]
    assert len(ids) == len(set(ids)) == COUNT
    assert ids == expected(created, lambda a: a["created_at"], order == "desc")


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_metric_sort_with_ties(filled: Any, order: str) -> None:
    api, orbit, coll, created = filled
    got = walk(
        api,
        f"{api.org}/orbits/{orbit}/artifacts",
        7,
        order=order,
        sort_by="score",
        collection_ids=coll,
    )
    ids = [a["id"] for a in got]
    assert len(set(ids)) == COUNT
    assert ids == expected(created, lambda a: a["extra_values"].get("score"), order == "desc")


def test_column_sort_and_filters(filled: Any) -> None:
    api, orbit, _, created = filled
    path = f"{api.org}/orbits/{orbit}/artifacts"
    got = walk(api, path, 9, order="asc", sort_by="size")
    assert [a["id"] for a in got] == expected(created, lambda a: a["size"], desc=False)
    found = walk(api, path, 100, search="ACT-01")
    assert sorted(a["name"] for a in found) == [f"artifact-{i:03d}" for i in range(10, 20)]
    assert walk(api, path, 100, types="dataset") == []


def test_cursor_from_another_query_restarts(filled: Any) -> None:
    api, orbit, _, _ = filled
    path = f"{api.org}/orbits/{orbit}/artifacts"
    first = api.ok("GET", path, params={"limit": 5})
    cursor = first["cursor"]
    decoded = json.loads(base64.urlsafe_b64decode(cursor))
    assert len(decoded) == 5
    assert decoded[2:4] == ["created_at", "desc"]
    for other in ({"order": "asc"}, {"search": "artifact"}, {"sort_by": "name"}):
        restarted = api.ok("GET", path, params={"limit": 5, "cursor": cursor, **other})
        fresh = api.ok("GET", path, params={"limit": 5, **other})
        assert restarted["items"] == fresh["items"]


@pytest.mark.parametrize("sort_by", ["created_at", "name", "total_artifacts"])
def test_collection_pages(api: Api, sort_by: str) -> None:
    orbit = api.orbit()
    made = [api.collection(orbit, name=f"c{i % 4}", tags=[f"t{i % 3}"]) for i in range(23)]
    path = f"{api.org}/orbits/{orbit}/collections"
    for order in ("asc", "desc"):
        got = walk(api, path, 4, sort_by=sort_by, order=order)
        assert sorted(c["id"] for c in got) == sorted(made)
        keys = [(c[sort_by], c["id"]) for c in got]
        assert keys == sorted(keys, reverse=order == "desc")
    # The real server has no tag filter on this list: an unknown query parameter is ignored.
    assert len(walk(api, path, 50, tags=["t1", "t2"])) == 23
    assert len(walk(api, path, 50, search="C3")) == 5
    assert len(walk(api, path, 50, types="model")) == 0
