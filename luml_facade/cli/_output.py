"""What commands print: tables for people, JSON for scripts (`--json`), ids only (`--quiet`).

Results go to stdout; messages, progress bars and errors go to stderr, so `--json` output can
always be piped. JSON field names are those of the facade's types (`luml_facade.types`).
"""

from __future__ import annotations

import datetime
import enum
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import click

if TYPE_CHECKING:  # the transfer package is imported by the commands that move files
    from ..transfer.progress import BaseProgressHandler

Column = tuple[str, Callable[[Any], Any]]


# Properties JSON output carries beside the fields: an artifact's `metrics` (the same dict as
# its `extra_values`, under the name the Python API and the docs use).
_PROPERTIES = ("metrics",)


def plain(value: Any) -> Any:
    """`value` as JSON-ready data: attrs objects become dicts (their fields, plus `metrics`
    where the type has that property), datetimes ISO 8601 strings, enums their values, paths
    strings.

    Example:
        json.dumps(plain(artifact))  # {"id": ..., "extra_values": {...}, "metrics": {...}}
    """
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        data = {field.name: plain(getattr(value, field.name)) for field in fields}
        for name in _PROPERTIES:
            if isinstance(getattr(type(value), name, None), property):
                data[name] = plain(getattr(value, name))
        return data
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def is_terminal(stream: Any) -> bool:
    """Whether `stream` (sys.stdin, sys.stderr, ...) is an interactive terminal."""
    return stream is not None and bool(stream.isatty())


def cell(value: Any) -> str:
    """A value as table text ("-" for nothing)."""
    if value is None or value == []:
        return "-"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, list | tuple):
        return ",".join(cell(item) for item in value)
    return str(value)


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell, two spaces apart."""
    widths = [
        max([len(header), *(len(row[index]) for row in rows)])
        for index, header in enumerate(headers)
    ]
    lines = [headers, *rows]
    return "\n".join(
        "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def human_size(size: int | None) -> str:
    """Bytes as a short human figure (1.5 MiB)."""
    if size is None:
        return "-"
    amount = float(size)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if amount < 1024 or unit == "TiB":
            return f"{int(amount)} {unit}" if unit == "B" else f"{amount:.1f} {unit}"
        amount /= 1024
    return f"{size} B"  # pragma: no cover


@attrs.define
class Output:
    """How this invocation prints (chosen by --json and --quiet)."""

    json: bool = False
    quiet: bool = False

    def items(self, kind: str, items: Iterable[Any], columns: Sequence[Column]) -> None:
        """A list: a JSON array, ids one per line (--quiet), or a table."""
        rows = list(items)
        if self.json:
            self._print_json([plain(item) for item in rows])
        elif self.quiet:
            for item in rows:
                click.echo(item.id)
        elif not rows:
            self.note(f"No {kind}s.")
        else:
            table = [[cell(getter(item)) for _, getter in columns] for item in rows]
            click.echo(render_table([header for header, _ in columns], table))

    def item(self, item: Any, columns: Sequence[Column]) -> None:
        """One object: a JSON object, its id (--quiet), or `field: value` lines."""
        if self.json:
            self._print_json(plain(item))
        elif self.quiet:
            click.echo(item.id)
        else:
            width = max(len(header) for header, _ in columns)
            for header, getter in columns:
                click.echo(f"{header + ':':<{width + 1}} {cell(getter(item))}")

    def item_with(
        self, item: Any, columns: Sequence[Column], *, extra: dict[str, Any], note: str
    ) -> None:
        """One object and what was done with it: JSON with `extra`'s keys added, its id
        (--quiet), or its `field: value` lines and then `note`."""
        if self.json:
            self._print_json({**plain(item), **extra})
            return
        self.item(item, columns)
        if not self.quiet:
            click.echo(note)

    def data(self, data: dict[str, Any], text: str, quiet_text: str | None = None) -> None:
        """A result that is not a facade object: `data` as JSON, else `text` for people."""
        if self.json:
            self._print_json(data)
        elif self.quiet:
            if quiet_text is not None:
                click.echo(quiet_text)
        else:
            click.echo(text)

    def note(self, text: str) -> None:
        """A message for people, on stderr (silenced by --quiet and --json)."""
        if not (self.quiet or self.json):
            click.echo(text, err=True)

    def progress(self) -> BaseProgressHandler:
        """A progress bar on stderr when it is a terminal (never with --quiet)."""
        from ..transfer.progress import SilentProgressHandler, TqdmProgressHandler

        if not self.quiet and is_terminal(sys.stderr):
            return TqdmProgressHandler(file=sys.stderr)
        return SilentProgressHandler()

    def error(self, message: str, code: int, error_type: str) -> None:
        """An error on stderr: `Error: ...`, or a JSON object with --json."""
        if self.json:
            payload = {"error": {"type": error_type, "message": message, "exit_code": code}}
            click.echo(json.dumps(payload), err=True)
        else:
            click.echo(f"Error: {message}", err=True)

    @staticmethod
    def _print_json(data: Any) -> None:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
