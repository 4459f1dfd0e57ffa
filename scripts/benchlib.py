"""The one JSON shape every benchmark writes with ``--json PATH``, for scripts/bench_report.py.

    {"benchmark": "http",                       # short id: core, cache, http, bulk, ...
     "title": "HTTP: POST /v2/process ...",      # one line for humans
     "ok": true,                                 # every floor of this benchmark met
     "rows": [{"name": "cache-hit throughput",   # what was measured
               "value": 812.4, "unit": "req/s",  # the median (or the figure) and its unit
               "baseline": "bare functions-framework handler",   # or null
               "baseline_value": 1010.2,         # same unit, same run; or null
               "ratio": 0.804,                   # value / baseline_value; or null
               "floor": ">= 0.6",                # what the ratio (or value) must meet; or null
               "passed": true}]}                 # null when only reported

Ratios compare medians measured in the same run on the same machine: absolute numbers on a
shared machine mean little, ratios to a same-run baseline do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

Row = dict[str, Any]


def row(
    name: str,
    value: float,
    unit: str,
    *,
    baseline: str | None = None,
    baseline_value: float | None = None,
    floor: str | None = None,
    passed: bool | None = None,
) -> Row:
    ratio = round(value / baseline_value, 4) if baseline_value else None
    return {
        "name": name,
        "value": round(value, 4),
        "unit": unit,
        "baseline": baseline,
        "baseline_value": None if baseline_value is None else round(baseline_value, 4),
        "ratio": ratio,
        "floor": floor,
        "passed": passed,
    }


def result(benchmark: str, title: str, rows: list[Row]) -> dict[str, Any]:
    return {
        "benchmark": benchmark,
        "title": title,
        "ok": all(r["passed"] is not False for r in rows),
        "rows": rows,
    }


def write(path: Path | None, data: dict[str, Any]) -> None:
    """Write ``data`` (a :func:`result`, or a benchmark's own report) to ``path`` as JSON;
    nothing when None (--json was not given)."""
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
