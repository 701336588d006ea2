"""`luml`: the LUML command line (install with `pip install 'luml-facade[cli]'`).

Layout: `_app.py` (root command, error handling), `_context.py` (per-invocation state and the
shared options), `_settings.py` (flags > environment > config file), `_output.py` (tables,
JSON, progress), `_exit.py` (exit codes), and `commands/` (one module per noun, registered in
`commands/__init__.py`).
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    """Run the `luml` command (the console script's entry point)."""
    try:
        from ._app import cli
    except ModuleNotFoundError as error:
        if error.name != "click":
            raise
        sys.stderr.write("The luml command needs the cli extra: pip install 'luml-facade[cli]'\n")
        raise SystemExit(1) from None
    cli(prog_name="luml")
