"""``make load``: one Locust scenario, headless, for a bounded time, then the SLO gate.

    python scripts/load.py --scenario light|medium|heavy|stress [--seconds 60] [--out .load]
                           [--users ProcessUser,RecommendUser,BulkUser] [gate options]

Runs ``locust -f loadtest/locustfile.py --headless -u USERS -r RATE -t SECONDS --csv
OUT/SCENARIO`` against the stack ``make dev`` runs (its ``.dev/stack.json``; or the
``ION_LOAD_*_URL`` and ``ION_LOAD_API_KEYS`` or ``ION_API_KEY`` variables), then
``scripts/slo_gate.py`` on the CSVs it wrote; exits with the gate's status (Locust's own, if it
failed to run). The simulated users are dealt the stack's 32 load keys in turn, so the rate
limit (600 requests a minute per key by default) is one key's share of the load, not all of it;
429s are reported apart and not counted as errors; ``RATE_LIMIT_PER_MIN=0 make dev`` measures
without any limit.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# users, spawn rate per second
SCENARIOS = {"light": (10, 5), "medium": (50, 10), "heavy": (100, 20), "stress": (200, 40)}
USER_CLASSES = ("ProcessUser", "RecommendUser", "BulkUser")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=SCENARIOS, default="light")
    parser.add_argument("--seconds", type=int, default=60, help="how long the load runs")
    parser.add_argument("--out", type=Path, default=ROOT / ".load", help="folder for the CSVs")
    parser.add_argument("--users", default=",".join(USER_CLASSES), help="Locust user classes")
    parser.add_argument("--p95-ms", default="500")
    parser.add_argument("--max-error-rate", default="0.01")
    parser.add_argument("--min-requests", default="10")
    args = parser.parse_args(argv)
    if not 1 <= args.seconds <= 3600:
        parser.error("--seconds must be from 1 to 3600")
    users, rate = SCENARIOS[args.scenario]
    classes = [c for c in args.users.split(",") if c]
    if unknown := set(classes) - set(USER_CLASSES):
        parser.error(f"unknown user classes {sorted(unknown)}; known: {', '.join(USER_CLASSES)}")
    args.out.mkdir(parents=True, exist_ok=True)
    prefix = args.out / args.scenario
    for old in args.out.glob(f"{args.scenario}_*.csv"):
        old.unlink()  # a failed run must not be judged on the previous run's numbers
    print(f"load: {args.scenario}: {users} users (spawn {rate}/s) for {args.seconds} s", flush=True)
    locust = subprocess.run(
        [
            str(BIN / "locust"),
            *("-f", str(ROOT / "loadtest" / "locustfile.py")),
            "--headless",
            "--only-summary",
            *("-u", str(users), "-r", str(rate), "-t", f"{args.seconds}s"),
            *("--stop-timeout", "5"),
            *("--csv", str(prefix)),
            "--exit-code-on-error", "0",  # the gate judges errors, 429s excluded
            *classes,
        ],
        cwd=ROOT,
        check=False,
        timeout=args.seconds + 120,
    )  # fmt: skip
    if locust.returncode != 0:
        print(f"load: locust exited {locust.returncode}", file=sys.stderr)
    gate = subprocess.run(
        [
            sys.executable, str(ROOT / "scripts" / "slo_gate.py"), f"{args.scenario}={prefix}",
            "--p95-ms", args.p95_ms, "--max-error-rate", args.max_error_rate,
            "--min-requests", args.min_requests,
        ],
        check=False,
    )  # fmt: skip
    return locust.returncode or gate.returncode


if __name__ == "__main__":
    raise SystemExit(main())
