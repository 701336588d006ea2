"""Start-up cost: `import luml_facade`, `from luml_facade import LumlClient`, `luml --help`
and `luml whoami`, each in fresh interpreters, next to a bare `python -c pass`.

Usage:
    .venv/bin/python benchmarks/import_time.py              # median of 15 runs each, in .venv
    .venv/bin/python benchmarks/import_time.py --runs 31 --json results.json
    .venv/bin/python benchmarks/import_time.py --venv /tmp/luml-runtime --venv .venv

`--venv DIR` (repeatable) measures the `python` and `luml` of that virtual environment (by
default: the one running this script). The dev environment (`make install`) holds packages a
user's install does not: `import httpx` imports httpx's own command line (`httpx._main`: click,
pygments, rich) when it can, about 45 ms of CPU there. In a runtime-only environment
(`python -m venv /tmp/luml-runtime && /tmp/luml-runtime/bin/pip install '.[cli]'`) it stops at
the missing pygments, after click (which the `luml` command imports anyway; without the cli
extra, at once). The output names each environment and whether rich is in it.

For each case it reports the median (and min-max) over --runs fresh processes of:
- wall: the process's wall clock, from spawn to exit (what a user waits for);
- cpu: the process's user+system CPU time (steadier than wall on a busy machine);
- import: for the Python imports, the `-X importtime` total of the statement's top-level
  imports (what the statement itself costs, without interpreter start-up).

`luml whoami` runs against a local LUML server started here (its API calls are included),
with no config file and an empty transfer journal. The processes run without
PYTHONDONTWRITEBYTECODE, so the first (untimed) run of each case leaves .pyc files, as an
installed package has them. Not a test: the numbers depend on the machine;
benchmarks/README.md has a run and the setup.
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

IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


@dataclass
class Case:
    """One command to time, and whether -X importtime applies to it."""

    name: str
    command: list[str]
    importtime: bool = False
    samples: dict[str, list[float]] = field(default_factory=dict)


DEPENDENCIES_ALONE = """
import os, attrs, click, httpx
headers = {"Authorization": "Bearer " + os.environ["LUML_API_KEY"]}
with httpx.Client(base_url=os.environ["LUML_BASE_URL"], headers=headers) as client:
    for _ in range(6):
        client.get("/v1/users/me/organizations").json()
"""
"""What `luml whoami` cannot go below: Python, the libraries it stands on (attrs, click,
httpx), one httpx client and the 6 GET requests whoami makes, without luml_facade."""


def cases(venv: Path) -> list[Case]:
    """The commands timed, run by `venv`'s python and luml."""
    python, luml = str(venv / "bin" / "python"), str(venv / "bin" / "luml")

    def python_case(name: str, statement: str) -> Case:
        return Case(name, [python, "-c", statement], importtime=statement != "pass")

    return [
        python_case("python -c pass", "pass"),
        python_case("import luml_facade", "import luml_facade"),
        python_case("from luml_facade import LumlClient", "from luml_facade import LumlClient"),
        Case("luml --help", [luml, "--help"]),
        Case("luml whoami (local server)", [luml, "whoami"]),
        Case("  its dependencies alone", [python, "-c", DEPENDENCIES_ALONE]),
    ]


def describe(venv: Path, env: dict[str, str]) -> str:
    """Which environment: its path, Python, luml-facade's location, and whether rich (which
    makes httpx import its command line) is installed."""
    probe = (
        "import importlib.util, sys, luml_facade; "
        "print(sys.version.split()[0], luml_facade.__file__, "
        "'with' if importlib.util.find_spec('rich') else 'without')"
    )
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-c", probe],
        env=env,
        cwd=env["LUML_BENCH_CWD"],
        capture_output=True,
        text=True,
        check=True,
    )
    version, location, rich = result.stdout.split()
    return f"{venv}: Python {version}, luml_facade from {location}, {rich} rich/httpx CLI"


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
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("LUML_") and k != "PYTHONDONTWRITEBYTECODE"
        }
        env |= {"LUML_BASE_URL": server.url, "LUML_API_KEY": server.api_key}
        with tempfile.TemporaryDirectory(prefix="luml-import-time-") as scratch:
            env["LUML_CONFIG"] = str(Path(scratch, "no-config.toml"))  # none of the user's
            env["LUML_JOURNAL_DIR"] = str(Path(scratch, "journal"))  # nothing to repair
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
    parser.add_argument(
        "--venv",
        type=Path,
        action="append",
        help="a virtual environment to measure (repeatable; default: this script's)",
    )
    args = parser.parse_args(argv)
    venvs = [path.absolute() for path in args.venv or [Path(sys.prefix)]]
    timed = {venv: cases(venv) for venv in venvs}
    every = [case for venv_cases in timed.values() for case in venv_cases]
    with local_server_env() as env:
        names = {venv: describe(venv, env) for venv in venvs}
        for case in every:
            run_once(case, env)  # warm the page cache and write the .pyc files
        for _ in range(args.runs):  # interleaved, so load changes hit every case alike
            for case in every:
                for key, value in run_once(case, env).items():
                    case.samples.setdefault(key, []).append(value)
    report: Callable[[str], None] = print
    report(f"{args.runs} runs each, median (min-max), load average {os.getloadavg()[0]:.1f}")
    for venv, venv_cases in timed.items():
        report(f"\n{names[venv]}")
        report(f"{'case':<36} {'wall':>22} {'cpu':>22} {'import':>22}")
        for case in venv_cases:
            columns = [
                summary(case.samples[key]) if key in case.samples else ""
                for key in ("wall", "cpu", "import")
            ]
            report(f"{case.name:<36} {columns[0]:>22} {columns[1]:>22} {columns[2]:>22}")
    if args.json:
        data = {
            names[venv]: {case.name: case.samples for case in venv_cases}
            for venv, venv_cases in timed.items()
        }
        args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
