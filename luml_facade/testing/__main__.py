"""``luml-local-server`` / ``python -m luml_facade.testing``: serve until Ctrl-C."""

from __future__ import annotations

import argparse
import threading

from . import LocalLuml


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="luml-local-server", description="Run a local LUML-compatible API and S3 storage."
    )
    parser.add_argument("--port", type=int, default=0, help="API port (default: any free port)")
    parser.add_argument("--storage-port", type=int, default=0, help="S3 port (default: any)")
    parser.add_argument("--db", default=None, help="SQLite file for the state (default: memory)")
    parser.add_argument(
        "--multipart-threshold",
        type=int,
        default=524_288_000,
        help="files larger than this many bytes get a multipart upload",
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


def main(argv: list[str] | None = None) -> None:
    """Start the server, print where it is, and serve until interrupted."""
    args = _parser().parse_args(argv)
    server = LocalLuml(
        multipart_threshold=args.multipart_threshold,
        db_path=args.db,
        port=args.port,
        storage_port=args.storage_port,
        storage_bandwidth=None
        if args.storage_bandwidth is None
        else args.storage_bandwidth * 2**20,
        storage_latency=args.storage_latency / 1000,
    )
    server.start()
    print(f"LUML API:     {server.url}", flush=True)
    print(f"S3 storage:   {server.storage_url}", flush=True)
    print(f"API key:      {server.api_key}", flush=True)
    print("Press Ctrl-C to stop.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
