"""scripts/bench_report.py: runs each benchmark script for its JSON, writes the Markdown,
JSON and PNG report, tolerates the bulk benchmark's absence, and fails as make bench fails.
Stand-in benchmark scripts keep this fast; the real benchmarks are not run here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import benchlib  # noqa: E402

STAND_IN = """
import argparse, json, sys
from pathlib import Path
sys.path.insert(0, {scripts!r})
import benchlib
parser = argparse.ArgumentParser()
parser.add_argument("--json", type=Path)
args = parser.parse_args()
print("| a table the benchmark prints |")
rows = [benchlib.row("{name} measure", {value}, "ms", baseline="bare handler",
                     baseline_value=2.0, floor="<= 1.5", passed={value} / 2.0 <= 1.5),
        benchlib.row("{name} reported", 3.0, "req/s")]
benchlib.write(args.json, benchlib.result("{name}", "{name} title", rows))
sys.exit(0 if {value} / 2.0 <= 1.5 else 1)
"""


def stand_ins(folder: Path, values: dict[str, float]) -> Path:
    folder.mkdir()
    for name, value in values.items():
        script = {"core": "bench.py", "cache": "bench_cache.py", "http": "bench_http.py"}[name]
        text = STAND_IN.format(scripts=str(ROOT / "scripts"), name=name, value=value)
        (folder / script).write_text(text, encoding="utf-8")
    return folder


def report(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench_report.py"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_benchmark_is_run_and_reported_with_bulk_not_run(tmp_path: Path) -> None:
    scripts = stand_ins(tmp_path / "scripts", {"core": 1.0, "cache": 2.0, "http": 2.5})
    out = tmp_path / "results"
    result = report("--scripts", scripts, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| a table the benchmark prints |" in result.stdout  # each script's own output
    markdown = (out / "latest.md").read_text(encoding="utf-8")
    assert (
        "| core | core measure | 1.000 ms | bare handler | 2.000 ms | 0.500 | <= 1.5 | PASS |"
        in (markdown)
    )
    assert "| http | http reported | 3.000 req/s | - | - | - | - | report |" in markdown
    assert "| bulk | - | - | - | - | - | - | not run: scripts/bench_bulk.py does not exist" in (
        markdown
    )
    assert "Overall: PASS." in markdown
    document = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    assert [b["benchmark"] for b in document["benchmarks"]] == ["core", "cache", "http", "bulk"]
    assert document["benchmarks"][0]["rows"][0]["ratio"] == 0.5
    assert (out / "latest.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_missed_floor_or_a_crash_fails_like_make_bench(tmp_path: Path) -> None:
    scripts = stand_ins(tmp_path / "scripts", {"core": 1.0, "cache": 4.0, "http": 1.0})
    (scripts / "bench_http.py").write_text("raise SystemExit(3)\n", encoding="utf-8")
    out = tmp_path / "results"
    result = report("--scripts", scripts, "--out", out)
    assert result.returncode == 1
    markdown = (out / "latest.md").read_text(encoding="utf-8")
    assert (
        "| cache | cache measure | 4.000 ms | bare handler | 2.000 ms | 2.000 | <= 1.5 | FAIL |"
        in (markdown)
    )
    assert "not run: scripts/bench_http.py exited 3 without results" in markdown
    assert "Overall: FAIL (cache, http)." in markdown


def test_a_report_from_saved_json(tmp_path: Path) -> None:
    saved = tmp_path / "bulk.json"
    rows = [benchlib.row("jobs/s", 12.0, "jobs/s", baseline="x", baseline_value=10.0)]
    benchlib.write(saved, benchlib.result("bulk", "Bulk jobs", rows))
    result = report("--from-json", saved, "--out", tmp_path / "r")
    assert result.returncode == 0, result.stderr
    assert "| bulk | jobs/s | 12.0 jobs/s | x | 10.0 jobs/s | 1.200 | - | report |" in (
        (tmp_path / "r" / "latest.md").read_text(encoding="utf-8")
    )


def test_the_shared_shape() -> None:
    row = benchlib.row("m", 3.0, "ms", baseline="b", baseline_value=2.0, floor="<= 2", passed=True)
    assert row == {
        "name": "m", "value": 3.0, "unit": "ms", "baseline": "b", "baseline_value": 2.0,
        "ratio": 1.5, "floor": "<= 2", "passed": True,
    }  # fmt: skip
    assert benchlib.result("x", "t", [row, {**row, "passed": None}])["ok"] is True
    assert benchlib.result("x", "t", [{**row, "passed": False}])["ok"] is False
