"""Start-up cost: `import luml_facade`, `from luml_facade import LumlClient`, `luml --help`
and `luml whoami`, each in fresh interpreters, next to a bare `python -c pass`.

Usage:
    .venv/bin/python benchmarks/import_time.py              # median of 15 runs each
    .venv/bin/python benchmarks/import_time.py --runs 31 --json results.json

For each case it reports the median (and min-max) over --runs fresh processes of:
- wall: the process's wall clock, from spawn to exit (what a user waits for);
- cpu: the process's user+system CPU time (steadier than wall on a busy machine);
- import: for the Python imports, the `-X importtime` total of the statement's top-level
  imports (what the statement itself costs, without interpreter start-up).

`luml whoami` runs against a local LUML server started here (its API calls are included).
Not a test: the numbers depend on the machine; benchmarks/README.md has a run and the setup.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable
BIN = Path(PYTHON).parent
IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


@dataclass
class Case:
    """One command to time, and whether -X importtime applies to it."""

    name: str
    command: list[str]
    importtime: bool = False
    samples: dict[str, list[float]] = field(default_factory=dict)


def python_case(name: str, statement: str) -> Case:
    return Case(name, [PYTHON, "-c", statement], importtime=statement != "pass")


def cases() -> list[Case]:
    return [
        python_case("python -c pass", "pass"),
        python_case("import luml_facade", "import luml_facade"),
        python_case("from luml_facade import LumlClient", "from luml_facade import LumlClient"),
        Case("luml --help", [str(BIN / "luml"), "--help"]),
        Case("luml whoami (local server)", [str(BIN / "luml"), "whoami"]),
    ]


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def import_total(stderr: str) -> float:
    """Seconds the top-level imports of `-X importtime` output took (cumulative column)."""
    total = 0
    for line in stderr.splitlines():
        match = IMPORT_LINE.match(line)
        if match and len(match.group(3)) == 1:  # one space: a top-level import
            total += int(match.group(2))
    return total / 1e6


def run_once(case: Case, env: dict[str, str]) -> dict[str, float]:
    command = list(case.command)
    if case.importtime:
        command[1:1] = ["-X", "importtime"]
    cpu_before, start = child_cpu(), time.perf_counter()
    result = subprocess.run(
        command, env=env, cwd=env["LUML_BENCH_CWD"], capture_output=True, text=True, check=False
    )
    wall, cpu = time.perf_counter() - start, child_cpu() - cpu_before
    if result.returncode != 0:
        raise SystemExit(f"{case.name} failed ({result.returncode}):\n{result.stderr}")
    sample = {"wall": wall, "cpu": cpu}
    if case.importtime:
        sample["import"] = import_total(result.stderr)
    return sample


@contextmanager
def local_server_env() -> Iterator[dict[str, str]]:
    """The environment for the runs: a local LUML server's URL and key for `luml whoami`."""
    from luml_facade.testing import LocalLuml

    with LocalLuml() as server:
        env = {k: v for k, v in os.environ.items() if not k.startswith("LUML_")}
        env |= {"LUML_BASE_URL": server.url, "LUML_API_KEY": server.api_key}
        env["LUML_CONFIG"] = os.devnull  # no config file of the user's
        with tempfile.TemporaryDirectory(prefix="luml-import-time-") as scratch:
            # run from an empty directory: `python -c` imports from the current one first,
            # so a checkout there would shadow the installed package being measured
            env["LUML_BENCH_CWD"] = scratch
            yield env


def summary(values: list[float]) -> str:
    return (
        f"{statistics.median(values) * 1000:6.0f} ms "
        f"({min(values) * 1000:.0f}-{max(values) * 1000:.0f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh processes per case")
    parser.add_argument("--json", type=Path, help="write every sample and the medians here")
    args = parser.parse_args(argv)
    timed = cases()
    with local_server_env() as env:
        for case in timed:
            run_once(case, env)  # warm the page cache and .pyc files
        for _ in range(args.runs):  # interleaved, so load changes hit every case alike
            for case in timed:
                for key, value in run_once(case, env).items():
                    case.samples.setdefault(key, []).append(value)
    report: Callable[[str], None] = print
    report(f"Python {sys.version.split()[0]}, {args.runs} runs each, median (min-max)")
    report(f"{'case':<36} {'wall':>22} {'cpu':>22} {'import':>22}")
    for case in timed:
        columns = [
            summary(case.samples[key]) if key in case.samples else ""
            for key in ("wall", "cpu", "import")
        ]
        report(f"{case.name:<36} {columns[0]:>22} {columns[1]:>22} {columns[2]:>22}")
    if args.json:
        data = {case.name: case.samples for case in timed}
        args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
