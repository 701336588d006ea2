"""`luml cache ls|prune|verify`: the shared model cache (see docs/cache.md)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import click

from ...cache.manage import ModelCache
from .._context import common_options, get_state
from .._exit import CliError, ExitCode
from .._output import human_size, plain, render_table

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw])", re.IGNORECASE)
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b?)", re.IGNORECASE)
_POWERS = {"": 0, "k": 1, "m": 2, "g": 3, "t": 4}


def _parse(pattern: re.Pattern[str], convert: Callable[[re.Match[str]], Any], example: str) -> Any:
    """A click callback: the option's value matched against `pattern` and converted."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
        if value is None:
            return None
        match = pattern.fullmatch(value.strip())
        if match is None:
            raise click.BadParameter(f"{value!r} is not like {example}")
        return convert(match)

    return callback


_duration = _parse(
    _DURATION,
    lambda match: datetime.timedelta(seconds=float(match[1]) * _SECONDS[match[2].lower()]),
    "30d, 12h, 45m or 90s",
)
_size = _parse(
    _SIZE,
    lambda match: int(float(match[1]) * 1024 ** _POWERS[match[2].lower()]),
    "10GiB, 512MiB or 1000000 (MB and GB are taken as MiB and GiB)",
)


def _cache(cache_dir: str | None) -> ModelCache:
    return ModelCache(cache_dir)


_DIR_OPTION = click.option(
    "--cache-dir",
    metavar="DIR",
    envvar="LUML_CACHE_DIR",
    help="The cache directory [env LUML_CACHE_DIR; default: the user cache directory].",
)


@click.group("cache")
def cache_group() -> None:
    """The shared model cache that `cached_path` and `download(cache=True)` fill."""


@cache_group.command("ls")
@_DIR_OPTION
@common_options()
def list_cache(cache_dir: str | None) -> None:
    """List cached files: hash, size, last use, and the artifacts and stages resolving to
    each."""
    output = get_state().output
    info = _cache(cache_dir).scan()
    rows = [
        [
            blob.sha256[:12],
            human_size(blob.size),
            blob.last_used.strftime("%Y-%m-%d %H:%M"),
            blob.describe(),
        ]
        for blob in info.blobs
    ]
    text = render_table(["SHA256", "SIZE", "LAST USED", "ARTIFACTS / STAGES"], rows)
    summary = f"{len(info.blobs)} files, {human_size(info.size)} in {info.root}"
    output.data(
        plain(info) | {"size": info.size},
        f"{text}\n{summary}" if rows else f"No cached files in {info.root}.",
        "\n".join(str(blob.path) for blob in info.blobs),
    )


@cache_group.command("prune")
@click.option(
    "--older-than",
    metavar="DURATION",
    callback=_duration,
    help="Remove files unused for longer (e.g. 30d).",
)
@click.option(
    "--max-size",
    metavar="SIZE",
    callback=_size,
    help="Then remove the least recently used beyond this (10GiB).",
)
@click.option("--dry-run", is_flag=True, help="Only list what would be removed.")
@_DIR_OPTION
@common_options()
def prune_cache(
    older_than: datetime.timedelta | None,
    max_size: int | None,
    dry_run: bool,
    cache_dir: str | None,
) -> None:
    """Remove cached files unused for a while, or the least recently used beyond a size.
    Files another process is downloading or copying are skipped."""
    if older_than is None and max_size is None:
        raise CliError("give --older-than, --max-size or both")
    report = _cache(cache_dir).prune(older_than=older_than, max_size=max_size, dry_run=dry_run)
    verb = "Would remove" if dry_run else "Removed"
    lines = [f"{verb} {blob.sha256[:12]}  {human_size(blob.size)}" for blob in report.removed]
    lines += [f"Skipped {blob.sha256[:12]} (in use)" for blob in report.busy]
    freed = sum(blob.size for blob in report.removed) if dry_run else report.freed
    lines.append(f"{verb} {len(report.removed)} files, {human_size(freed)}")
    get_state().output.data(plain(report), "\n".join(lines))


@cache_group.command("verify")
@_DIR_OPTION
@common_options()
def verify_cache(cache_dir: str | None) -> None:
    """Hash every cached file; remove damaged ones (exit 5 when there were any). The next
    online lookup fetches a removed file again."""
    report = _cache(cache_dir).verify()
    lines = [f"Damaged, removed: {sha256}" for sha256 in report.corrupt]
    lines += [f"Skipped (in use): {sha256}" for sha256 in report.busy]
    lines.append(f"{len(report.ok)} whole, {len(report.corrupt)} damaged")
    get_state().output.data(plain(report), "\n".join(lines))
    if report.corrupt:
        raise CliError(
            f"{len(report.corrupt)} cached files were damaged and removed",
            ExitCode.TRANSFER_FAILED,
        )
