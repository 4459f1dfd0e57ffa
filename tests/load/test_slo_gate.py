"""scripts/slo_gate.py on sample Locust CSVs, run as a user runs it (a subprocess)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GATE = ROOT / "scripts" / "slo_gate.py"
HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
    "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
    "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%"
)
FAILURES_HEADER = "Method,Name,Error,Occurrences,First Seen,Last Seen"


def write(
    prefix: Path, total: int, failures: int, p95: int, failed: list[tuple[str, int]] = ()
) -> Path:
    row = (
        f",Aggregated,{total},{failures},40,55.5,2,900,1000,{total / 60:.2f},0.0,"
        f"40,50,60,70,80,{p95},{p95 + 10},{p95 + 20},{p95 + 30},{p95 + 40},{p95 + 50}"
    )
    endpoint = f"POST,POST /v2/process,{total},{failures},40,55.5,2,900,1000,1.0,0.0," + ",".join(
        ["40"] * 11
    )
    Path(f"{prefix}_stats.csv").write_text(f"{HEADER}\n{endpoint}\n{row}\n", encoding="utf-8")
    lines = [FAILURES_HEADER] + [f"POST,POST /v2/process,{e},{n},0,0" for e, n in failed]
    Path(f"{prefix}_failures.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return prefix


def gate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(GATE), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def row(output: str, scenario: str) -> list[str]:
    line = next(x for x in output.splitlines() if x.startswith(f"| {scenario} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_a_good_run_passes_and_prints_the_table(tmp_path: Path) -> None:
    result = gate(write(tmp_path / "light", 1000, 3, 320))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[0] == (
        "| Scenario | Total | Fail | Success % | Avg | P50 | P95 | P99 | Req/s | Status |"
    )
    assert row(result.stdout, "light") == [
        "light", "1000", "3", "99.70", "56", "40", "320", "340", "16.7", "PASS"
    ]  # fmt: skip


def test_a_slow_p95_fails(tmp_path: Path) -> None:
    result = gate(write(tmp_path / "heavy", 1000, 0, 750))
    assert result.returncode == 1
    assert row(result.stdout, "heavy")[-1] == "FAIL: p95 750 ms > 500"
    assert gate(tmp_path / "heavy", "--p95-ms", "800").returncode == 0


def test_429s_are_not_errors(tmp_path: Path) -> None:
    failed = [("429 rate limited", 300), ("500 internal error", 5)]
    result = gate(write(tmp_path / "stress", 1000, 305, 200, failed))
    assert result.returncode == 0, result.stdout
    cells = row(result.stdout, "stress")
    assert cells[2] == "5"  # 5 real failures out of 700 counted requests
    assert cells[3] == f"{100 * (1 - 5 / 700):.2f}"
    assert "stress: 300" in result.stdout
    # The same 305 failures with no 429 among them is a 30% error rate.
    result = gate(write(tmp_path / "broken", 1000, 305, 200, [("500 internal error", 305)]))
    assert result.returncode == 1
    assert "errors 30.50% > 1.00%" in row(result.stdout, "broken")[-1]


def test_too_few_requests_fail(tmp_path: Path) -> None:
    result = gate(write(tmp_path / "light", 9, 0, 100))
    assert result.returncode == 1
    assert row(result.stdout, "light")[-1] == "FAIL: 9 requests < 10"


def test_missing_and_empty_files_fail_and_never_pass(tmp_path: Path) -> None:
    (tmp_path / "empty_stats.csv").write_text("", encoding="utf-8")
    (tmp_path / "header_stats.csv").write_text(HEADER + "\n", encoding="utf-8")
    result = gate(
        tmp_path / "absent",
        tmp_path / "empty",
        tmp_path / "header",
        write(tmp_path / "ok", 50, 0, 1),
    )
    assert result.returncode == 1
    assert "FAIL: missing" in row(result.stdout, "absent")[-1]
    assert "FAIL: no Aggregated row" in row(result.stdout, "empty")[-1]
    assert "FAIL: no Aggregated row" in row(result.stdout, "header")[-1]
    assert row(result.stdout, "ok")[-1] == "PASS"


def test_scenarios_can_be_named_and_the_gate_never_imports_locust(tmp_path: Path) -> None:
    write(tmp_path / "run1", 100, 0, 100)
    result = gate(f"medium={tmp_path / 'run1'}")
    assert row(result.stdout, "medium")[-1] == "PASS"
    source = GATE.read_text(encoding="utf-8")
    assert "import locust" not in source
    assert "from locust" not in source


@pytest.mark.parametrize("bad", ["--p95-ms", "--min-requests"])
def test_bad_options_are_refused(tmp_path: Path, bad: str) -> None:
    assert gate(tmp_path / "x", bad, "many").returncode == 2
