"""One server under comparison: its credentials, the ids its scenarios made, its answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from .compare import Answer, answer

NIL = "00000000-0000-0000-0000-000000000000"
"""Stands in for an id a failed step did not give (the request then gets a 404 or 422)."""

Pair = Callable[[str, str], None]


@dataclass
class Target:
    """A server and what the scenarios did on it.

    ``subs``: this server's own strings (storage endpoint, bucket, user e-mail, ...) and the
    placeholder each becomes, so that two servers' answers compare.
    ``pair(satellite_id, satellite_key)``: pair a satellite as the satellite would.
    """

    name: str
    base_url: str
    api_key: str
    jwt: str
    endpoint: str
    bucket: str
    subs: dict[str, str]
    pair: Pair
    ids: dict[str, str] = field(default_factory=dict)
    answers: list[tuple[str, str, Answer]] = field(default_factory=list)
    scenario: str = ""
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=self.base_url, timeout=60, follow_redirects=False)

    def close(self) -> None:
        """Close the HTTP client."""
        self.client.close()

    def id(self, name: str) -> str:
        """An id a step kept (NIL when that step failed)."""
        return self.ids.get(name, NIL)

    def path(self, template: str) -> str:
        """``template`` with ``{name}`` replaced by kept ids (``{org}``, ``{orbit}``, ...)."""
        names = {key: self.id(key) for key in _placeholders(template)}
        return template.format(**names)

    def headers(self, auth: str) -> dict[str, str]:
        """Headers for a credential kind: key, jwt, none, sat, or a raw ``Bearer ...``."""
        token = {"key": self.api_key, "jwt": self.jwt, "none": None, "sat": self.ids.get("satkey")}
        if auth in token:
            value = token[auth]
            return {} if value is None else {"Authorization": f"Bearer {value}"}
        return {"Authorization": auth}

    def call(
        self,
        label: str,
        method: str,
        template: str,
        *,
        json: Any = None,
        params: Any = None,
        auth: str = "key",
        keep: str | None = None,
        keep_from: Callable[[Any], Any] | None = None,
        cookies: dict[str, str] | None = None,
        content: bytes | None = None,
    ) -> httpx.Response:
        """Send one request, record its answer under ``label``; ``keep`` stores the answer's
        id (or ``keep_from(body)``) as ``ids[keep]`` when the call succeeded."""
        headers = self.headers(auth)
        if content is not None:
            headers["Content-Type"] = "application/json"
        self.client.cookies.clear()
        try:
            response = self.client.request(
                method,
                self.path(template),
                json=json,
                params=params,
                headers=headers,
                cookies=cookies,
                content=content,
            )
        except httpx.TransportError as exc:
            response = httpx.Response(599, json={"<transport error>": type(exc).__name__})
        if response.status_code >= 500:  # the real server closes the connection after a 500
            self.client.close()
            self.client = httpx.Client(base_url=self.base_url, timeout=60)
        body = _body(response)
        self.answers.append((self.scenario, label, answer(response.status_code, body, self.subs)))
        if keep and response.status_code < 300 and body is not None:
            value = keep_from(body) if keep_from else body.get("id")
            if value:
                self.ids[keep] = str(value)
        return response

    def quiet(self, method: str, template: str, *, auth: str = "key", **kwargs: Any) -> None:
        """A request whose answer is not compared (clean-up, set-up on one side only)."""
        self.client.cookies.clear()
        self.client.request(method, self.path(template), headers=self.headers(auth), **kwargs)

    def put_bytes(self, url: str, data: bytes) -> int:
        """Upload bytes to a presigned storage URL (not compared); the storage's status."""
        with httpx.Client(timeout=60) as storage:
            return storage.put(url, content=data).status_code


def _placeholders(template: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def _body(response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return {"<text>": response.text[:200]}
