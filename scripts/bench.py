"""``make bench``: the core's cost per message against a bare functions-framework request.

Both are measured in the same run on the same machine, so the ratio means something where
absolute numbers would not:

- core: ``Pipeline().run`` (analyse + route + prompt + offline answer) on every message of
  tests/data/analysis_dev.jsonl, several warm rounds, one sample per message;
- bare: one POST of a small JSON body to a functions-framework handler that only returns
  ``"ok"``, served by ``functions-framework`` in a subprocess on loopback, over one keep-alive
  connection.

Floor: core median <= 10 % of bare median. Prints a Markdown table, writes .bench/core.json
and exits 1 when the floor is not met.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from core.pipeline import Pipeline, Request

ROOT = Path(__file__).resolve().parents[1]
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


def measure_core(rounds: int) -> dict[str, Any]:
    messages = [
        json.loads(line)["text"] for line in DEV_SET.read_text(encoding="utf-8").splitlines()
    ]
    pipeline = Pipeline()
    for text in messages:  # warm: caches, lazy imports, branch predictors
        pipeline.run(Request(message=text))
    samples: list[int] = []
    for _ in range(rounds):
        for text in messages:
            started = time.perf_counter_ns()
            pipeline.run(Request(message=text))
            samples.append(time.perf_counter_ns() - started)
    return {**summary(samples), "messages": len(messages), "rounds": rounds}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_serving(proc: subprocess.Popen[bytes], port: int, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"functions-framework exited early with status {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"functions-framework did not listen on port {port} in {timeout_s} s")


def time_requests(port: int, count: int) -> list[int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Content-Type": "application/json"}

    def one() -> None:
        conn.request("POST", "/", body=BODY, headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"bare handler answered {response.status}")

    try:
        for _ in range(50):  # warm the worker and the connection
            one()
        samples = []
        for _ in range(count):
            started = time.perf_counter_ns()
            one()
            samples.append(time.perf_counter_ns() - started)
        return samples
    finally:
        conn.close()


def measure_bare(count: int) -> dict[str, Any]:
    framework = Path(sys.executable).parent / "functions-framework"
    with tempfile.TemporaryDirectory(prefix="ion-bench-") as tmp:
        source = Path(tmp) / "main.py"
        source.write_text(BARE_HANDLER, encoding="utf-8")
        port = free_port()
        log = Path(tmp) / "server.log"
        with log.open("wb") as log_file:
            # Own session, so the gunicorn arbiter and its worker can be stopped as one group.
            command = [str(framework), "--source", str(source), "--target", "bare"]
            proc = subprocess.Popen(
                [*command, "--host", "127.0.0.1", "--port", str(port)],
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                wait_until_serving(proc, port)
                samples = time_requests(port, count)
            except Exception:
                sys.stderr.write(log.read_text(encoding="utf-8", errors="replace"))
                raise
            finally:
                stop(proc)
    return {**summary(samples), "requests": count, "handler": "returns 'ok'"}


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the dev set")
    parser.add_argument("--requests", type=int, default=1000, help="timed bare requests (>=500)")
    args = parser.parse_args()
    if args.requests < 500:
        parser.error("--requests must be at least 500")

    core = measure_core(args.rounds)
    bare = measure_bare(args.requests)
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

    OUT.parent.mkdir(exist_ok=True)
    report = {
        "core": core,
        "bare": bare,
        "ratio": round(ratio, 4),
        "floor": FLOOR,
        "pass": passed,
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
    }
    OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
