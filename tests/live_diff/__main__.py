"""``make live-diff``: the same raw requests to the real backend and a fresh local server.

python -m tests.live_diff [--all] [--only SUBSTRING]

Reads LUML_LIVE_STATE (the state JSON ../shared/real-backend/up.sh prints); without it, says
why and exits 0. Prints one verdict line per request (``--all``: also the identical ones,
else only the differences), the first difference of each differing body, and a summary line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

import httpx

from .compare import Verdict, compare, first_difference, summary
from .scenarios import SCENARIOS, clean_up
from .target import Target

STATE_ENV = "LUML_LIVE_STATE"


def real_target(state: dict[str, Any]) -> Target:
    """The real backend of the state file; satellites pair through /satellites/v1/pair."""
    endpoint = state["s3_endpoint"].removeprefix("http://").removeprefix("https://")

    def pair(satellite_id: str, key: str) -> None:
        body = {"base_url": "http://satellite.local:8000", "capabilities": {"deploy": None}}
        headers = {"Authorization": f"Bearer {key}"}
        httpx.post(f"{state['base_url']}/satellites/v1/pair", json=body, headers=headers)

    subs = {
        endpoint: "<endpoint>",
        state["bucket"]: "<bucket>",
        state["user_email"]: "<email>",
        state["organization"]: "<home-org>",
        "E2E User": "<user-name>",
    }
    return Target(
        "real",
        state["base_url"],
        state["api_key"],
        state["jwt"],
        endpoint,
        state["bucket"],
        subs,
        pair,
    )


def local_target(server: Any) -> Target:
    """A fresh LocalLuml; satellites pair through its pair_satellite."""
    tenant = server.default_tenant
    endpoint = server.storage_url.removeprefix("http://").removeprefix("https://")
    user = server._running_db().one("SELECT * FROM users WHERE id = ?", (tenant.user_id,))
    subs = {
        endpoint: "<endpoint>",
        tenant.bucket_name: "<bucket>",
        str(user["email"]): "<email>",
        str(user["full_name"]): "<user-name>",
        tenant.organization_name: "<home-org>",
    }
    target = Target(
        "local",
        server.url,
        server.api_key,
        server.user_token,
        endpoint,
        tenant.bucket_name,
        subs,
        lambda satellite_id, _key: server.pair_satellite(satellite_id),
    )
    # The real backend's seed renamed its organization (updated_at set): do the same here.
    body = {"name": tenant.organization_name}
    target.quiet("PATCH", f"/v1/organizations/{tenant.organization_id}", auth="jwt", json=body)
    return target


def run(target: Target, only: str | None) -> None:
    """Every scenario on one target, then whatever clean-up is left."""
    try:
        for name, function in SCENARIOS:
            if only and only not in name:
                continue
            target.scenario = name
            function(target)
    finally:
        clean_up(target)
        target.close()


def verdicts(real: Target, local: Target) -> list[Verdict]:
    """Pair the answers of both targets, request by request."""
    found = []
    for (scenario, label, left), (_, _, right) in zip(real.answers, local.answers, strict=True):
        found.append(compare(scenario, label, left, right))
    return found


def report(found: list[Verdict], scenarios: int, show_all: bool) -> str:
    """The verdict lines (differences only unless show_all) and the summary line."""
    lines = []
    for verdict in found:
        if show_all or not verdict.ok or not verdict.same_body:
            lines.append(verdict.line())
            where = first_difference(verdict.real.body, verdict.local.body)
            if where:
                lines.append(f"       {where[:300]}")
    lines.append(summary(found, scenarios))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the comparison; 0 when skipped or done, 1 when a status differs."""
    parser = argparse.ArgumentParser(prog="live-diff")
    parser.add_argument("--all", action="store_true", help="print identical answers too")
    parser.add_argument("--only", help="run only scenarios whose name contains this")
    parser.add_argument("--json", type=Path, help="write every answer pair to this file")
    args = parser.parse_args(argv)
    path = os.environ.get(STATE_ENV)
    if not path:
        print(
            f"live-diff skipped: {STATE_ENV} is not set (start ../shared/real-backend/up.sh "
            f"and set {STATE_ENV} to the state JSON it prints)"
        )
        return 0
    state = json.loads(Path(path).read_text())
    from luml_facade.testing import LocalLuml

    real = real_target(state)
    run(real, args.only)
    with LocalLuml() as server:
        local = local_target(server)
        run(local, args.only)
    count = sum(1 for name, _ in SCENARIOS if not args.only or args.only in name)
    found = verdicts(real, local)
    print(report(found, count, args.all))
    if args.json:
        pairs = [
            {
                "scenario": v.scenario,
                "label": v.label,
                "real": v.real.__dict__,
                "local": v.local.__dict__,
            }
            for v in found
        ]
        args.json.write_text(json.dumps(pairs, indent=1))
    return 1 if any(not v.same_status for v in found) else 0


if __name__ == "__main__":
    sys.exit(main())
