"""Compare one request's answers from the real backend and the local server."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .normalise import normalise, shape


@dataclass(frozen=True)
class Answer:
    """What one server answered to one request (body already normalised)."""

    status: int
    body: Any


@dataclass(frozen=True)
class Verdict:
    """status/shape/text: same answer on both sides (text only counts for errors)."""

    scenario: str
    label: str
    real: Answer
    local: Answer
    same_status: bool
    same_shape: bool
    same_text: bool | None
    same_body: bool

    @property
    def ok(self) -> bool:
        """Same status, shape and (for errors) error text."""
        return self.same_status and self.same_shape and self.same_text is not False

    def line(self) -> str:
        """One human-readable line: verdicts, then the two statuses."""
        marks = [
            "status" if self.same_status else "STATUS",
            "shape" if self.same_shape else "SHAPE",
        ]
        if self.same_text is not None:
            marks.append("text" if self.same_text else "TEXT")
        marks.append("body" if self.same_body else "BODY")
        flag = "  ok" if self.ok else "DIFF"
        return (
            f"{flag} {' '.join(marks):<28} real {self.real.status} local {self.local.status}"
            f"  {self.scenario} :: {self.label}"
        )


def error_text(body: Any) -> Any:
    """The comparable part of an error body: ``detail`` (a string, or the 422 list)."""
    if isinstance(body, dict) and "detail" in body:
        return body["detail"]
    return body


def compare(scenario: str, label: str, real: Answer, local: Answer) -> Verdict:
    """The verdict for one request (both bodies normalised already)."""
    is_error = real.status >= 400 or local.status >= 400
    return Verdict(
        scenario,
        label,
        real,
        local,
        same_status=real.status == local.status,
        same_shape=shape(real.body) == shape(local.body),
        same_text=(error_text(real.body) == error_text(local.body)) if is_error else None,
        same_body=real.body == local.body,
    )


def answer(status: int, body: Any, subs: dict[str, str] | None = None) -> Answer:
    """An Answer with its body normalised."""
    return Answer(status, normalise(body, subs))


def summary(verdicts: Iterable[Verdict], scenarios: int) -> str:
    """The one-line tally: how many requests had the same status, shape, error text, body."""
    found = list(verdicts)
    errors = [v for v in found if v.same_text is not None]
    return (
        f"live-diff: {scenarios} scenarios, {len(found)} requests: "
        f"same status {sum(v.same_status for v in found)}/{len(found)}, "
        f"same shape {sum(v.same_shape for v in found)}/{len(found)}, "
        f"same error text {sum(bool(v.same_text) for v in errors)}/{len(errors)}, "
        f"same body {sum(v.same_body for v in found)}/{len(found)}; "
        f"{sum(not v.ok for v in found)} differences"
    )


def first_difference(real: Any, local: Any, path: str = "") -> str | None:
    """Where two normalised bodies first differ (``path: real != local``), else None."""
    if isinstance(real, dict) and isinstance(local, dict):
        for key in sorted(set(real) | set(local), key=str):
            if key not in local:
                return f"{path}.{key}: only real"
            if key not in real:
                return f"{path}.{key}: only local"
            found = first_difference(real[key], local[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(real, list) and isinstance(local, list):
        if len(real) != len(local):
            return f"{path}: {len(real)} items != {len(local)} items"
        for index, (left, right) in enumerate(zip(real, local, strict=True)):
            found = first_difference(left, right, f"{path}[{index}]")
            if found:
                return found
        return None
    if real != local:
        return f"{path or '.'}: {real!r} != {local!r}"
    return None
