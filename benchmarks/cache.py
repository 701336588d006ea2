"""Time to "model ready" for N workers on one host (default 32), all started together: N
plain downloads of the production model, against the shared cache cold (empty) and warm.

    python benchmarks/cache.py [--size MiB] [--workers N] [--repeat R] [--json out.json]

One local LUML server (the README's defaults) serves a model of `--size` MiB at track
"bench-model", stage "production". Each scenario starts N worker processes at once; a worker
imports luml_facade, opens a LumlClient and gets the model:

- plain: `luml.tracks.download_by_stage(...)` into its own directory (N transfers);
- cache-cold: `luml.tracks.cached_path_by_stage(...)` on an empty LUML_CACHE_DIR;
- cache-warm: the same once the cache holds the model (one API call, no transfer);
- cache-offline: the same with LUML_OFFLINE=1 (no network at all).

Reported per scenario: the time from the start of the first worker until every worker has
its model (all ready) and until half of them have (median), median of the repeats; the
storage GETs the server saw; the time a worker's call takes, from its client being open to
its model (median and slowest over workers). See docs/cache.md for results.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

MIB = 1 << 20
SCENARIOS = ("plain", "cache-cold", "cache-warm", "cache-offline")
TRACK, STAGE = "bench-model", "production"


def child(mode: str, target: str) -> None:
    """One worker: get the model, print when it was ready and how long the call took."""
    from luml_facade import LumlClient

    with LumlClient(organization="My Org", orbit="Default Orbit") as luml:
        started = time.time()
        if mode == "plain":
            path = luml.tracks.download_by_stage(TRACK, STAGE, target + "/", on_progress=False)
        else:
            path = luml.tracks.cached_path_by_stage(TRACK, STAGE, on_progress=False)
        ready = time.time()
    print(json.dumps({"ready": ready, "call": ready - started, "path": str(path)}), flush=True)


def run_workers(mode: str, workers: int, work: Path, env: dict[str, str]) -> list[dict[str, Any]]:
    """Start `workers` processes at once; return what each reported, plus the start time."""
    started = time.time()
    children = [
        subprocess.Popen(
            [sys.executable, __file__, "--child", mode, str(work / f"worker-{index}")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for index in range(workers)
    ]
    reports = []
    for process in children:
        out, err = process.communicate()
        if process.returncode != 0:
            raise SystemExit(f"a {mode} worker failed:\n{err}")
        report = json.loads(out.strip().splitlines()[-1])
        report["after_start"] = report["ready"] - started
        reports.append(report)
    return reports


def storage_gets(server: Any) -> int:
    return sum(
        1 for seen in server.requests_seen if seen.target == "storage" and seen.method == "GET"
    )


def make_model(path: Path, size: int) -> Path:
    """A valid artifact archive with `size` bytes of random payload."""
    import io
    import tarfile

    manifest = {
        "artifact_type": "model",
        "variant": "pipeline",
        "producer_name": "bench",
        "producer_version": "1.0",
        "producer_tags": [],
        "payload": {},
    }
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as archive:
        data = json.dumps(manifest).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
        info = tarfile.TarInfo("payload.bin")
        info.size = size
        with open("/dev/urandom", "rb") as random:
            archive.addfile(info, random)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=128, help="model size in MiB (128)")
    parser.add_argument("--workers", type=int, default=32, help="worker processes (32)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per scenario (1)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(*options.child)
        return

    from luml_facade import LumlClient
    from luml_facade.testing import LocalLuml

    results: dict[str, Any] = {"size_mib": options.size, "workers": options.workers, "runs": {}}
    with LocalLuml() as server, tempfile.TemporaryDirectory(prefix="luml-cache-bench-") as tmp:
        scratch = Path(tmp)
        env = {
            **os.environ,
            "LUML_BASE_URL": server.url,
            "LUML_API_KEY": server.api_key,
            "LUML_JOURNAL_DIR": str(scratch / "journal"),
        }
        env.pop("LUML_OFFLINE", None)
        with LumlClient(server.api_key, server.url, "My Org", "Default Orbit", "churn") as luml:
            model = make_model(scratch / "model.luml", options.size * MIB)
            artifact = luml.artifacts.upload(model, name="bench", on_progress=False)
            luml.tracks.create(TRACK, "model", stages=[STAGE])
            luml.tracks.add_artifact(TRACK, artifact.id, stage=STAGE)
            model.unlink()
        for scenario in SCENARIOS:
            runs = []
            for _ in range(options.repeat):
                cache = scratch / f"cache-{scenario}"
                if scenario in ("cache-cold", "plain"):
                    shutil.rmtree(cache, ignore_errors=True)
                elif not cache.exists():  # warm and offline: fill it first
                    run_workers("cache", 1, scratch, {**env, "LUML_CACHE_DIR": str(cache)})
                work = scratch / f"work-{scenario}"
                work.mkdir(exist_ok=True)
                extra = {"LUML_CACHE_DIR": str(cache)}
                if scenario == "cache-offline":
                    extra["LUML_OFFLINE"] = "1"
                server.requests_seen.clear()
                reports = run_workers(scenario, options.workers, work, {**env, **extra})
                gets = storage_gets(server)
                paths = {report["path"] for report in reports}
                for path in list(paths)[:1]:
                    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
                    assert digest == artifact.file_hash, f"{scenario}: wrong bytes"
                shutil.rmtree(work, ignore_errors=True)
                times = sorted(report["after_start"] for report in reports)
                runs.append(
                    {
                        "all_ready": times[-1],
                        "half_ready": statistics.median(times),
                        "call": statistics.median(report["call"] for report in reports),
                        "slowest_call": max(report["call"] for report in reports),
                        "storage_gets": gets,
                    }
                )
            results["runs"][scenario] = runs
    print_table(results)
    if options.json:
        options.json.write_text(json.dumps(results, indent=2))


def print_table(results: dict[str, Any]) -> None:
    print(
        f"{results['workers']} workers, {results['size_mib']} MiB model, "
        f"load average {os.getloadavg()[0]:.1f} at the end"
    )
    print(
        f"{'scenario':<14} {'all ready s':>11} {'half ready s':>12} {'call s':>8} "
        f"{'slowest call s':>14} {'GETs':>5}"
    )
    for scenario, runs in results["runs"].items():

        def median(key: str, runs: list[dict[str, Any]] = runs) -> float:
            return statistics.median(run[key] for run in runs)

        print(
            f"{scenario:<14} {median('all_ready'):>11.2f} {median('half_ready'):>12.2f} "
            f"{median('call'):>8.3f} {median('slowest_call'):>14.3f} "
            f"{int(median('storage_gets')):>5}"
        )


if __name__ == "__main__":
    main()
