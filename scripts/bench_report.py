"""``make bench``: run every benchmark, then write the report in benchmarks/results/.

    python scripts/bench_report.py [--out benchmarks/results] [--only core,http]
    python scripts/bench_report.py --from-json a.json b.json [--out DIR]   # report only

Each benchmark script runs as its own process with ``--json FILE`` (the shape is in
scripts/benchlib.py) and prints its own tables as it goes: core (bench.py), cache
(bench_cache.py), HTTP and cold start (bench_http.py) and bulk (bench_bulk.py, when it
exists; otherwise its row says "not run"). Then ``latest.md`` (a Markdown table per benchmark),
``latest.json`` (every result, with the machine) and ``latest.png`` (each measure as a ratio
to its same-run baseline) are written. Exits 1 when a benchmark missed a floor or failed to
run, as ``make bench`` always has.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results"
BENCHMARKS = (
    ("core", "bench.py", "Core cost per message"),
    ("cache", "bench_cache.py", "Response cache"),
    ("http", "bench_http.py", "HTTP and cold start"),
    ("bulk", "bench_bulk.py", "Bulk jobs"),
)


def run_all(only: set[str] | None, tmp: Path, scripts: Path) -> list[dict[str, Any]]:
    results = []
    for name, script, title in BENCHMARKS:
        if only and name not in only:
            continue
        path = scripts / script
        if not path.is_file():
            results.append(not_run(name, title, f"scripts/{script} does not exist yet"))
            continue
        out = tmp / f"{name}.json"
        print(f"== scripts/{script}", flush=True)
        status = subprocess.run(
            [sys.executable, str(path), "--json", str(out)], cwd=ROOT, check=False
        ).returncode
        print(flush=True)
        if out.is_file():
            result = json.loads(out.read_text(encoding="utf-8"))
            result["exit_code"] = status
            result["ok"] = result.get("ok", True) and status == 0
            results.append(result)
        else:
            failed = not_run(name, title, f"scripts/{script} exited {status} without results")
            results.append({**failed, "ok": False})
    return results


def not_run(name: str, title: str, why: str) -> dict[str, Any]:
    # A benchmark that could not run is neither a pass nor a failure of a floor: it is said.
    return {"benchmark": name, "title": title, "ok": None, "not_run": why, "rows": []}


def _figure(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return f"{text} {unit}".strip()


def markdown(results: list[dict[str, Any]], machine: dict[str, Any]) -> str:
    lines = [
        "# Benchmark report",
        "",
        f"Run {machine['when']} on {machine['machine']}, Python {machine['python']}. "
        "Medians; each ratio is against a baseline measured in the same run (the machine is "
        "shared and noisy, so ratios mean more than absolute numbers). Chart: `latest.png`.",
        "",
        "| benchmark | measure | value | baseline | baseline value | ratio | floor | status |",
        "|---|---|---:|---|---:|---:|---|---|",
    ]
    for result in results:
        if result.get("not_run"):
            lines.append(f"| {result['benchmark']} | - | - | - | - | - | - | not run: "
                         f"{result['not_run']} |")  # fmt: skip
            continue
        for row in result["rows"]:
            status = {True: "PASS", False: "FAIL", None: "report"}[row.get("passed")]
            ratio = row.get("ratio")
            lines.append(
                f"| {result['benchmark']} | {row['name']} | {_figure(row['value'], row['unit'])} "
                f"| {row.get('baseline') or '-'} "
                f"| {_figure(row.get('baseline_value'), row['unit'])} "
                f"| {'-' if ratio is None else f'{ratio:.3f}'} | {row.get('floor') or '-'} "
                f"| {status} |"
            )
    failed = [r["benchmark"] for r in results if r.get("ok") is False]
    if not any(not r.get("not_run") for r in results):
        failed.append("nothing ran")
    lines += ["", f"Overall: {'FAIL (' + ', '.join(failed) + ')' if failed else 'PASS'}.", ""]
    return "\n".join(lines)


def chart(results: list[dict[str, Any]], path: Path) -> None:
    import matplotlib  # noqa: PLC0415  (only the report needs it)

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    rows = [
        (f"{r['benchmark']}: {row['name']}", row["ratio"], row.get("passed"))
        for r in results
        for row in r["rows"]
        if row.get("ratio") is not None
    ]
    figure, axes = plt.subplots(figsize=(10, 0.45 * max(len(rows), 1) + 1.6))
    if rows:
        labels, ratios, passed = zip(*rows, strict=True)
        colours = ["#2e7d32" if p else "#c62828" if p is False else "#607d8b" for p in passed]
        positions = list(range(len(rows)))[::-1]
        axes.barh(positions, ratios, color=colours)
        axes.set_yticks(positions, labels, fontsize=8)
        for y, ratio in zip(positions, ratios, strict=True):
            axes.annotate(f"{ratio:.3g}x", (ratio, y), xytext=(3, -3), textcoords="offset points",
                          fontsize=7)  # fmt: skip
        axes.axvline(1.0, color="black", linewidth=0.8)
        axes.set_xscale("log")
    else:
        axes.text(0.5, 0.5, "no results", ha="center", va="center")
    axes.set_xlabel("ratio to the same-run baseline (log scale; 1 = the baseline)")
    axes.set_title(
        "Each measure against its baseline (green: floor met, red: missed, grey: reported)",
        fontsize=10,
    )
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def write_report(results: list[dict[str, Any]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    machine = {
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
    }
    (out / "latest.md").write_text(markdown(results, machine), encoding="utf-8")
    document = {"machine": machine, "benchmarks": results}
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    (out / "latest.json").write_text(text, encoding="utf-8")
    chart(results, out / "latest.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only", help="comma-separated: " + ",".join(b[0] for b in BENCHMARKS))
    parser.add_argument("--from-json", nargs="+", type=Path, help="report these results only")
    parser.add_argument("--scripts", type=Path, default=ROOT / "scripts", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.from_json:
        results = [json.loads(p.read_text(encoding="utf-8")) for p in args.from_json]
    else:
        with tempfile.TemporaryDirectory(prefix="ion-bench-") as tmp:
            only = set(args.only.split(",")) if args.only else None
            results = run_all(only, Path(tmp), args.scripts)
    write_report(results, args.out)
    print(markdown(results, json.loads((args.out / "latest.json").read_text())["machine"]))
    print(f"report: {args.out / 'latest.md'}, latest.json, latest.png")
    ran = [r for r in results if not r.get("not_run")]
    return 0 if ran and all(r.get("ok") is not False for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
