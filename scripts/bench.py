"""``make bench``: the core's cost per message against a bare functions-framework request.

Both are measured in the same run on the same machine, so the ratio means something where
absolute numbers would not:

- core: ``Pipeline().run`` (analyse + route + prompt + offline answer) on every message of
  tests/data/analysis_dev.jsonl, several warm rounds, one sample per message;
- bare: one POST of a small JSON body to a functions-framework handler that only returns
  ``"ok"``, served by ``functions-framework`` in a subprocess on loopback, over one keep-alive
  connection.

The two take turns (a pass over the messages, then a batch of requests), so that a slow spell
of this shared machine falls on both rather than on whichever ran then.

Floor: core median <= 10 % of bare median. Prints a Markdown table, writes .bench/core.json
and exits 1 when the floor is not met.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import benchlib  # noqa: E402  (scripts/benchlib.py, beside this file)

from core.pipeline import Pipeline, Request  # noqa: E402
from devtools.functions import FunctionProcess, FunctionSpec, wait_until_ready  # noqa: E402
from devtools.processes import HOST, free_port  # noqa: E402

DEV_SET = ROOT / "tests" / "data" / "analysis_dev.jsonl"
OUT = ROOT / ".bench" / "core.json"
FLOOR = 0.10
BARE_HANDLER = """
import functions_framework


@functions_framework.http
def bare(request):
    return "ok"
"""
BODY = json.dumps({"message": "How should I plan my week?"}).encode()


def summary(samples_ns: list[int]) -> dict[str, Any]:
    return {
        "median_us": round(statistics.median(samples_ns) / 1000, 2),
        "p90_us": round(statistics.quantiles(samples_ns, n=10)[8] / 1000, 2),
        "samples": len(samples_ns),
    }


def core_round(pipeline: Pipeline, messages: list[str]) -> list[int]:
    """One pass over the messages: nanoseconds per message."""
    samples = []
    for text in messages:
        started = time.perf_counter_ns()
        pipeline.run(Request(message=text))
        samples.append(time.perf_counter_ns() - started)
    return samples


def bare_batch(conn: http.client.HTTPConnection, count: int) -> list[int]:
    """``count`` POSTs on one keep-alive connection: nanoseconds per request."""
    samples = []
    for _ in range(count):
        started = time.perf_counter_ns()
        conn.request("POST", "/", body=BODY, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        samples.append(time.perf_counter_ns() - started)
        if response.status != 200:
            raise RuntimeError(f"bare handler answered {response.status}")
    return samples


def measure(rounds: int, requests: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The core and the bare handler in turns (a pass over the messages, then a batch of
    requests, ``rounds`` times), so that a slow spell of a shared machine falls on both."""
    messages = [
        json.loads(line)["text"] for line in DEV_SET.read_text(encoding="utf-8").splitlines()
    ]
    with tempfile.TemporaryDirectory(prefix="ion-bench-") as tmp:
        # Laid out as functions/<folder>/main.py under a root, as devtools serves a function.
        source = Path(tmp) / "functions" / "bare" / "main.py"
        source.parent.mkdir(parents=True)
        source.write_text(BARE_HANDLER, encoding="utf-8")
        spec = FunctionSpec("bare", "bare", free_port())
        server = FunctionProcess(spec, Path(tmp), os.environ, log_file=Path(tmp) / "bare.log")
        try:
            wait_until_ready([server], timeout_s=30)
            conn = http.client.HTTPConnection(HOST, spec.port, timeout=10)
            pipeline = Pipeline()
            core_round(pipeline, messages)  # warm: caches, lazy imports, branch predictors
            bare_batch(conn, 50)  # warm the worker and the connection
            core_samples: list[int] = []
            bare_samples: list[int] = []
            for index in range(rounds):
                core_samples += core_round(pipeline, messages)
                share = requests // rounds + (index < requests % rounds)
                bare_samples += bare_batch(conn, share)
            conn.close()
        except Exception:
            log = Path(tmp) / "bare.log"
            sys.stderr.write(log.read_text(encoding="utf-8") if log.exists() else "")
            raise
        finally:
            server.stop()
    core = {**summary(core_samples), "messages": len(messages), "rounds": rounds}
    bare = {**summary(bare_samples), "requests": requests, "handler": "returns 'ok'"}
    return core, bare


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the dev set")
    parser.add_argument("--requests", type=int, default=1000, help="timed bare requests (>=500)")
    parser.add_argument("--json", type=Path, help="also write the shared result shape here")
    args = parser.parse_args()
    if args.requests < 500:
        parser.error("--requests must be at least 500")

    core, bare = measure(args.rounds, args.requests)
    ratio = core["median_us"] / bare["median_us"]
    passed = ratio <= FLOOR
    verdict = "PASS" if passed else "FAIL"

    print("| measure | median µs | p90 µs |")
    print("|---|---:|---:|")
    print(
        f"| core: analyse + route + prompt + offline answer, per message "
        f"({core['messages']} messages x {core['rounds']} rounds) "
        f"| {core['median_us']:.1f} | {core['p90_us']:.1f} |"
    )
    print(
        f"| bare functions-framework POST on loopback, keep-alive ({bare['requests']} requests) "
        f"| {bare['median_us']:.1f} | {bare['p90_us']:.1f} |"
    )
    print()
    print(f"ratio core/bare (medians) = {ratio:.4f}; floor <= {FLOOR:.2f}: {verdict}")

    report = {
        "core": core,
        "bare": bare,
        "ratio": round(ratio, 4),
        "floor": FLOOR,
        "pass": passed,
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
    }
    benchlib.write(OUT, report)
    bare_name = "bare functions-framework POST (loopback, keep-alive)"
    rows = [
        benchlib.row(
            "analyse + route + prompt + offline answer, per message",
            core["median_us"],
            "µs",
            baseline=bare_name,
            baseline_value=bare["median_us"],
            floor=f"<= {FLOOR}",
            passed=passed,
        ),
        benchlib.row(bare_name, bare["median_us"], "µs"),
    ]
    benchlib.write(args.json, benchlib.result("core", "Core cost per message", rows))
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
