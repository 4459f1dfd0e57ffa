"""SLO gate over Locust's CSVs: prints a Markdown table and exits 1 when a scenario misses.

    python scripts/slo_gate.py PREFIX [PREFIX ...] [--p95-ms 500] [--max-error-rate 0.01]
                                                   [--min-requests 10]

``PREFIX`` is what ``locust --csv PREFIX`` was given: ``PREFIX_stats.csv`` (its ``Aggregated``
row) and ``PREFIX_failures.csv`` are read; the scenario is named by the prefix's file name
(``light`` for ``.load/light``), or ``NAME=PREFIX``. A scenario passes when its p95 is at most
``--p95-ms``, its error rate at most ``--max-error-rate`` and it made at least
``--min-requests`` requests. 429s are not errors (a rate limit doing its job): they are left
out of both sides of the error rate, and counted below the table. A missing or empty CSV is a
failed scenario, never a pass. Reads CSVs only: it does not import Locust.
"""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass
from pathlib import Path

_RATE_LIMITED = re.compile(r"\b429\b")


@dataclass(frozen=True, slots=True)
class Thresholds:
    p95_ms: float = 500.0
    max_error_rate: float = 0.01
    min_requests: int = 10


@dataclass(frozen=True, slots=True)
class Result:
    scenario: str
    total: int = 0
    failures: int = 0  # 429s excluded
    rate_limited: int = 0
    avg_ms: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    rps: float = 0.0
    problem: str | None = None  # why there are no numbers

    @property
    def counted(self) -> int:
        return self.total - self.rate_limited

    @property
    def error_rate(self) -> float:
        return self.failures / self.counted if self.counted else 0.0

    def misses(self, limits: Thresholds) -> list[str]:
        if self.problem:
            return [self.problem]
        missed = []
        if self.total < limits.min_requests:
            missed.append(f"{self.total} requests < {limits.min_requests}")
        if self.p95_ms > limits.p95_ms:
            missed.append(f"p95 {self.p95_ms:g} ms > {limits.p95_ms:g}")
        if self.error_rate > limits.max_error_rate:
            missed.append(f"errors {self.error_rate:.2%} > {limits.max_error_rate:.2%}")
        return missed


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def _number(row: dict[str, str], column: str) -> float:
    value = (row.get(column) or "").strip()
    return float(value) if value and value != "N/A" else 0.0


def read(scenario: str, prefix: Path) -> Result:
    stats = Path(f"{prefix}_stats.csv")
    if not stats.is_file():
        return Result(scenario, problem=f"missing {stats}")
    try:
        rows = _rows(stats)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return Result(scenario, problem=f"unreadable {stats}: {error}")
    aggregated = next((r for r in rows if (r.get("Name") or "") == "Aggregated"), None)
    if aggregated is None:
        return Result(scenario, problem=f"no Aggregated row in {stats} (empty?)")
    try:
        total = int(_number(aggregated, "Request Count"))
        failures = int(_number(aggregated, "Failure Count"))
        figures = {
            column: _number(aggregated, column)
            for column in ("Average Response Time", "50%", "95%", "99%", "Requests/s")
        }
    except ValueError as error:
        return Result(scenario, problem=f"bad number in {stats}: {error}")
    rate_limited = 0
    failures_csv = Path(f"{prefix}_failures.csv")
    if failures_csv.is_file():
        for row in _rows(failures_csv):
            if _RATE_LIMITED.search(row.get("Error") or ""):
                rate_limited += int(_number(row, "Occurrences"))
    return Result(
        scenario,
        total=total,
        failures=max(failures - rate_limited, 0),
        rate_limited=rate_limited,
        avg_ms=figures["Average Response Time"],
        p50_ms=figures["50%"],
        p95_ms=figures["95%"],
        p99_ms=figures["99%"],
        rps=figures["Requests/s"],
    )


def table(results: list[Result], limits: Thresholds) -> str:
    lines = [
        "| Scenario | Total | Fail | Success % | Avg | P50 | P95 | P99 | Req/s | Status |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        missed = r.misses(limits)
        status = "PASS" if not missed else "FAIL: " + "; ".join(missed)
        if r.problem:
            lines.append(f"| {r.scenario} | - | - | - | - | - | - | - | - | {status} |")
            continue
        lines.append(
            f"| {r.scenario} | {r.total} | {r.failures} | {100 * (1 - r.error_rate):.2f} "
            f"| {r.avg_ms:.0f} | {r.p50_ms:.0f} | {r.p95_ms:.0f} | {r.p99_ms:.0f} "
            f"| {r.rps:.1f} | {status} |"
        )
    lines.append("")
    lines.append(
        f"Thresholds: p95 <= {limits.p95_ms:g} ms, error rate <= {limits.max_error_rate:.2%} "
        f"(429s excluded), at least {limits.min_requests} requests. Times in ms."
    )
    limited = [f"{r.scenario}: {r.rate_limited}" for r in results if r.rate_limited]
    if limited:
        lines.append("429 (rate limited, not counted as errors): " + ", ".join(limited) + ".")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefixes", nargs="+", metavar="[NAME=]PREFIX")
    defaults = Thresholds()
    parser.add_argument("--p95-ms", type=float, default=defaults.p95_ms)
    parser.add_argument("--max-error-rate", type=float, default=defaults.max_error_rate)
    parser.add_argument("--min-requests", type=int, default=defaults.min_requests)
    args = parser.parse_args(argv)
    limits = Thresholds(args.p95_ms, args.max_error_rate, args.min_requests)
    results = []
    for given in args.prefixes:
        name, _, prefix = given.rpartition("=")
        results.append(read(name or Path(prefix).name, Path(prefix)))
    print(table(results, limits))
    return 0 if all(not r.misses(limits) for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
