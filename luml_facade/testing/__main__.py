"""``luml-local-server`` / ``python -m luml_facade.testing``: serve until Ctrl-C.

The server starts with a ready tenant (organization, bucket, orbit, collection: the names
the README's quick start uses) and prints them with the API key and the two ``export`` lines
that point the client at it.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import TYPE_CHECKING

from ._extras import MissingExtraError, import_server_module
from ._tenant import Workspace

if TYPE_CHECKING:
    from ._server import LocalLuml

DEFAULTS = Workspace()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="luml-local-server", description="Run a local LUML-compatible API and S3 storage."
    )
    parser.add_argument("--port", type=int, default=0, help="API port (default: any free port)")
    parser.add_argument("--storage-port", type=int, default=0, help="S3 port (default: any)")
    parser.add_argument("--db", default=None, help="SQLite file for the state (default: memory)")
    parser.add_argument(
        "--orbits-limit", type=int, default=1, help="orbits per organization (default: 1)"
    )
    parser.add_argument(
        "--multipart-threshold",
        type=int,
        default=524_288_000,
        help="files larger than this many bytes get a multipart upload",
    )
    names = parser.add_argument_group(
        "the ready tenant", "names of what the server starts with (those of the README)"
    )
    for option in ("organization", "bucket", "orbit", "collection"):
        default = getattr(DEFAULTS, option)
        names.add_argument(f"--{option}", default=default, help=f"default: {default!r}")
    names.add_argument(
        "--empty",
        action="store_true",
        help="start with an organization and a bucket only (no orbit, no collection)",
    )
    parser.add_argument(
        "--no-real-server-bugs",
        dest="real_server_bugs",
        action="store_false",
        help="do not mirror the real server's known bugs (docs/known-real-server-behaviour.md)",
    )
    parser.add_argument(
        "--storage-bandwidth",
        type=float,
        default=None,
        help="emulated storage bandwidth per connection, MiB/s (default: no cap)",
    )
    parser.add_argument(
        "--storage-latency",
        type=float,
        default=0.0,
        help="emulated storage latency before each answer, ms (default: 0)",
    )
    return parser


def _workspace(args: argparse.Namespace) -> Workspace:
    names = Workspace(organization=args.organization, bucket=args.bucket)
    if args.empty:
        return Workspace(names.organization, names.bucket, orbit=None, collection=None)
    return Workspace(names.organization, names.bucket, args.orbit, args.collection)


def banner(server: LocalLuml) -> str:
    """What the command prints once the server is up."""
    tenant = server.default_tenant
    lines = [
        f"LUML API:     {server.url}",
        f"S3 storage:   {server.storage_url}",
        f"API key:      {server.api_key}",
        f"Organization: {tenant.organization_name}",
        f"Bucket:       {tenant.bucket_name}",
    ]
    if tenant.orbit_name is not None:
        lines.append(f"Orbit:        {tenant.orbit_name}")
    if tenant.collection_name is not None:
        lines.append(f"Collection:   {tenant.collection_name}")
    lines.append(f"User token:   {server.user_token}  (for the routes that refuse API keys)")
    lines += [
        "",
        "Point luml-facade at it (then run the README's quick start as is):",
        f"  export LUML_BASE_URL={server.url}",
        f"  export LUML_API_KEY={server.api_key}",
        "",
        "Press Ctrl-C to stop.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Start the server, print where it is and who it knows, serve until Ctrl-C or SIGTERM."""
    args = _parser().parse_args(argv)
    workspace = _workspace(args)
    try:
        server_module = import_server_module("_server", "luml-local-server")
    except MissingExtraError as error:
        print(error, file=sys.stderr)
        raise SystemExit(2) from None
    server: LocalLuml = server_module.LocalLuml(
        multipart_threshold=args.multipart_threshold,
        db_path=args.db,
        port=args.port,
        storage_port=args.storage_port,
        limits=server_module.Limits(orbits=args.orbits_limit),
        workspace=workspace,
        storage_bandwidth=None
        if args.storage_bandwidth is None
        else args.storage_bandwidth * 2**20,
        storage_latency=args.storage_latency / 1000,
        real_server_bugs=args.real_server_bugs,
    )
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):  # set before start: no window for a signal
        signal.signal(signum, lambda *_: stopping.set())
    server.start()
    try:
        print(banner(server), flush=True)
        stopping.wait()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
