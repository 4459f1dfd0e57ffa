"""HTTP benchmarks of the process function against a bare functions-framework handler, both
served the same way (the functions-framework CLI, on loopback) in the same run.

1. Cache-hit throughput of POST /v2/process (API key and Redis-backed rate limit included)
   against the bare handler's: floor >= 0.6x; its p99 against the bare p99: floor <= 2x.
2. Cache-miss throughput (a new message every request): reported.
3. Cold start, process start to first 200: a sessionless request, floor <= 1.5x the bare
   handler's; a request with a session (Firestore emulator): reported.
4. The first session request on a new instance against the next ones on it (Firestore
   emulator): each fresh process answers /healthz (its first answer, after which it prepares
   its session store in the background), is left alone for ``SETTLE_S`` as an instance between
   requests is, then starts ``TURNS`` new conversations, one request each; floor: the first
   request's median over the processes <= 2x the median of the later ones (the same work on a
   warm instance: a new session's first turn).

The bare handler and the process function run side by side and take turns, in short windows
(throughput) and spawn by spawn (cold starts), so that a shared machine's slow spells fall on
both alike; each ratio compares totals and medians over the same stretch of time.

Writes .bench/http.json; exits non-zero when a floor is missed.
"""

from __future__ import annotations

import argparse
import compileall
import http.client
import itertools
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import benchlib  # noqa: E402  (scripts/benchlib.py, beside this file)

from core.api.security import hash_key  # noqa: E402
from devtools.emulators import FirestoreEmulator  # noqa: E402
from devtools.functions import FunctionProcess, FunctionSpec  # noqa: E402
from devtools.processes import HOST, free_port  # noqa: E402
from devtools.redis_server import RedisServer  # noqa: E402

OUT = ROOT / ".bench" / "http.json"
LOGS = ROOT / ".bench" / "logs"
KEY = "bench-key"
THROUGHPUT_FLOOR, P99_CEILING, COLD_CEILING, FIRST_TURN_CEILING = 0.6, 2.0, 1.5, 2.0
SETTLE_S = 3.0  # from an instance's first answer to its first session request
TURNS = 6
BARE = """
def bare(request):
    return {"ok": True}
"""
MESSAGE = {"message": "How should I prepare for my first on-call week?"}


@contextmanager
def serving(root: Path, name: str, env: dict[str, str]) -> Iterator[tuple[int, float]]:
    """Serve entry point ``name`` of ``root/functions/<name>/main.py``; yield (port, when it was
    spawned), so a caller can time the spawn to its first 200. Its output goes to
    .bench/logs/<name>.log, not through this process: the clients measuring it must not also
    be relaying its request logs (the platform collects those in the cloud)."""
    spec = FunctionSpec(name, name, free_port())
    LOGS.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    function = FunctionProcess(spec, root, {**os.environ, **env}, log_file=LOGS / f"{name}.log")
    try:
        yield spec.port, started
    finally:
        function.stop()


Send = Callable[[http.client.HTTPConnection], int]


def first_200(port: int, started: float, send: Send) -> float:
    deadline = started + 60
    while time.perf_counter() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=10)
            if send(connection) == 200:
                return time.perf_counter() - started
        except OSError:
            time.sleep(0.005)
        finally:
            connection.close()
    raise RuntimeError(f"no 200 from port {port} within 60 s")


def post(connection: http.client.HTTPConnection, path: str, body: dict[str, Any]) -> int:
    connection.request(
        "POST", path, json.dumps(body),
        {"Content-Type": "application/json", "X-API-Key": KEY},
    )  # fmt: skip
    response = connection.getresponse()
    response.read()
    return response.status


@dataclass
class Tally:
    """One target's requests over all its windows."""

    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    errors: int = 0

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.latencies)
        return {
            "requests": len(ordered),
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
            "rps": round(len(ordered) / self.seconds, 1),
            "p50_ms": round(statistics.median(ordered) * 1000, 3),
            "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))] * 1000, 3),
        }


@dataclass(frozen=True)
class Target:
    port: int
    path: str
    bodies: Callable[[int], dict[str, Any]]  # request number (unique per target) -> body
    numbers: Iterator[int] = field(default_factory=itertools.count)


def load(target: Target, clients: int, seconds: float, tally: Tally) -> None:
    """``clients`` keep-alive connections posting for ``seconds``, added to ``tally``."""
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, target.port, timeout=10)
        mine, errors = [], 0
        while time.perf_counter() < stop:
            body = target.bodies(next(target.numbers))
            began = time.perf_counter()
            status = post(connection, target.path, body)
            mine.append(time.perf_counter() - began)
            errors += status != 200
        connection.close()
        with lock:
            tally.latencies.extend(mine)
            tally.errors += errors

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tally.seconds += time.perf_counter() - began


def interleaved(
    targets: dict[str, Target], clients: int, seconds: float, windows: int
) -> dict[str, dict[str, Any]]:
    """Each target loaded for ``seconds`` in all, in ``windows`` turns taken in rotation: a
    shared machine that slows down for a while slows every target alike, where one long run
    after another would charge it to whichever ran then."""
    tallies = {name: Tally() for name in targets}
    for _ in range(windows):
        for name, target in targets.items():
            load(target, clients, seconds / windows, tallies[name])
    return {name: tally.summary() for name, tally in tallies.items()}


def cold_starts(
    targets: dict[str, tuple[Path, str, dict[str, str], Send]], runs: int
) -> dict[str, float]:
    """Median seconds from spawning each function to its first 200, the targets spawned in
    rotation (see :func:`interleaved`)."""
    samples: dict[str, list[float]] = {name: [] for name in targets}
    for _ in range(runs):
        for name, (root, entry, env, send) in targets.items():
            with serving(root, entry, env) as (port, started):
                samples[name].append(first_200(port, started, send))
    return {name: statistics.median(values) for name, values in samples.items()}


def get(connection: http.client.HTTPConnection, path: str) -> int:
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response.status


def first_session_turns(env: dict[str, str], runs: int) -> tuple[float, float]:
    """(median first turn, median later turn) in seconds over ``runs`` fresh processes."""
    firsts: list[float] = []
    laters: list[float] = []
    for run in range(runs):
        with serving(ROOT, "process", env) as (port, started):
            first_200(port, started, lambda connection: get(connection, "/healthz"))
            time.sleep(SETTLE_S)
            took = []
            for number in range(TURNS):  # each a new conversation's first turn, as the first is
                turn = {**MESSAGE, "session_id": f"turn-{run}-{number}", "user_id": "bench"}
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                began = time.perf_counter()
                status = post(connection, "/v2/process", turn)
                took.append(time.perf_counter() - began)
                connection.close()
                if status != 200:
                    raise RuntimeError(f"a session request answered {status}")
            firsts.append(took[0])
            laters.append(statistics.median(took[1:]))
    return statistics.median(firsts), statistics.median(laters)


def report(results: dict[str, Any], args: argparse.Namespace) -> dict[str, bool]:
    bare, hit, miss = results["bare"], results["hit"], results["miss"]
    ratios = {
        "throughput": hit["rps"] / bare["rps"],
        "p99": hit["p99_ms"] / bare["p99_ms"],
        "cold_start": results["cold_process_s"] / results["cold_bare_s"],
        "first_turn": results["first_turn_s"] / results["later_turn_s"],
    }
    checks = {
        "throughput": ratios["throughput"] >= THROUGHPUT_FLOOR,
        "p99": ratios["p99"] <= P99_CEILING,
        "cold_start": ratios["cold_start"] <= COLD_CEILING,
        "first_turn": ratios["first_turn"] <= FIRST_TURN_CEILING,
        "no_errors": hit["errors"] == miss["errors"] == 0,
    }
    results["ratios"], results["checks"] = ratios, checks
    print(f"| measure ({args.clients} keep-alive clients, {args.seconds:.0f} s each, "
          f"in {args.windows} alternating windows) "
          "| requests | req/s | p50 ms | p99 ms | errors |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|")
    for name, row in (
        ("bare handler", bare),
        ("POST /v2/process, cache hit", hit),
        ("POST /v2/process, cache miss", miss),
    ):
        print(f"| {name} | {row['requests']} | {row['rps']} | {row['p50_ms']} "
              f"| {row['p99_ms']} | {row['errors']} |")  # fmt: skip
    print()
    print(f"| cold start: spawn to first 200 (median of {args.cold_runs}) | seconds |")
    print("|---|---:|")
    print(f"| bare handler | {results['cold_bare_s']:.3f} |")
    print(f"| process, sessionless | {results['cold_process_s']:.3f} |")
    print(f"| process, with a session (Firestore emulator) | {results['cold_session_s']:.3f} |")
    print()
    print(f"| session requests on a new instance ({SETTLE_S:.0f} s after its first answer; "
          f"median of {args.cold_runs} processes) | ms |")  # fmt: skip
    print("|---|---:|")
    print(f"| first session request | {results['first_turn_s'] * 1000:.1f} |")
    print(
        f"| later ones (2-{TURNS}, each a new session too) | {results['later_turn_s'] * 1000:.1f} |"
    )
    print()
    print("| ratio | value | floor | status |")
    print("|---|---:|---:|---|")
    rows = (
        ("cache-hit throughput / bare", "throughput", f">= {THROUGHPUT_FLOOR}"),
        ("cache-hit p99 / bare p99", "p99", f"<= {P99_CEILING}"),
        ("sessionless cold start / bare", "cold_start", f"<= {COLD_CEILING}"),
        ("first session request / later ones", "first_turn", f"<= {FIRST_TURN_CEILING}"),
    )
    for label, name, floor in rows:
        status = "PASS" if checks[name] else "FAIL"
        print(f"| {label} | {ratios[name]:.3f} | {floor} | {status} |")
    print(f"| cache-miss throughput / bare | {miss['rps'] / bare['rps']:.3f} | report | - |")
    return checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="load per target, in all")
    parser.add_argument("--windows", type=int, default=5, help="turns the load is split into")
    parser.add_argument("--clients", type=int, default=4, help="concurrent keep-alive clients")
    # Spawn-to-first-200 varies by tens of ms on a shared machine: a median of 9 per target.
    parser.add_argument("--cold-runs", type=int, default=9)
    parser.add_argument("--json", type=Path, help="also write the shared result shape here")
    args = parser.parse_args()
    shutil.rmtree(LOGS, ignore_errors=True)  # this run's logs only
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="ion-bench-") as tmp, RedisServer() as redis_server:
        # Laid out as functions/<folder>/main.py under a root, as devtools serves a function.
        bare_root = Path(tmp)
        bare_source = bare_root / "functions" / "bare" / "main.py"
        bare_source.parent.mkdir(parents=True)
        bare_source.write_text(BARE, encoding="utf-8")
        # Both served from bytecode, as an instance imports its code once compiled: where the
        # .pyc files are missing or stale and cannot be written (PYTHONDONTWRITEBYTECODE, as
        # in CI), every spawn would compile core from source and time that instead.
        for tree in (ROOT / "core", ROOT / "functions", bare_root):
            compileall.compile_dir(tree, quiet=1)
        env = {
            "ION_API_KEYS": f"bench:{hash_key(KEY)}:admin",
            "REDIS_URL": redis_server.url,
            # Far above the load below: the limiter runs on every request but never refuses.
            "RATE_LIMIT_PER_MIN": "100000000",
            "RATE_LIMIT_BURST": "1000000",
        }

        def ask(path: str, body: dict[str, Any]) -> Send:
            return lambda connection: post(connection, path, body)

        with (
            serving(bare_root, "bare", {}) as (bare_port, bare_started),
            serving(ROOT, "process", env) as (port, started),
        ):
            first_200(bare_port, bare_started, ask("/", MESSAGE))
            first_200(port, started, ask("/v2/process", MESSAGE))
            results.update(
                interleaved(
                    {
                        "bare": Target(bare_port, "/", lambda _: MESSAGE),
                        "hit": Target(port, "/v2/process", lambda _: MESSAGE),
                        "miss": Target(
                            port,
                            "/v2/process",
                            lambda n: {"message": f"Question number {n}: how do I grow?"},
                        ),
                    },
                    args.clients,
                    args.seconds,
                    args.windows,
                )
            )
        cold = cold_starts(
            {
                "bare": (bare_root, "bare", {}, ask("/", MESSAGE)),
                "process": (ROOT, "process", env, ask("/v2/process", MESSAGE)),
            },
            args.cold_runs,
        )
        results["cold_bare_s"], results["cold_process_s"] = cold["bare"], cold["process"]
        with FirestoreEmulator() as firestore:
            session_env = {**env, "FIRESTORE_EMULATOR_HOST": firestore.host}
            with_session = {**MESSAGE, "session_id": "bench"}
            session_send = ask("/v2/process", with_session)
            results["cold_session_s"] = cold_starts(
                {"session": (ROOT, "process", session_env, session_send)}, args.cold_runs
            )["session"]
            results["first_turn_s"], results["later_turn_s"] = first_session_turns(
                session_env, args.cold_runs
            )
    checks = report(results, args)
    benchlib.write(OUT, results)
    benchlib.write(args.json, shared_shape(results, checks))
    return 0 if all(checks.values()) else 1


def shared_shape(results: dict[str, Any], checks: dict[str, bool]) -> dict[str, Any]:
    bare, hit, miss = results["bare"], results["hit"], results["miss"]
    name = "bare functions-framework handler"
    rows = [
        benchlib.row(
            "POST /v2/process, cache hit: throughput", hit["rps"], "req/s",
            baseline=name, baseline_value=bare["rps"],
            floor=f">= {THROUGHPUT_FLOOR}", passed=checks["throughput"] and checks["no_errors"],
        ),
        benchlib.row(
            "POST /v2/process, cache hit: p99", hit["p99_ms"], "ms",
            baseline=name, baseline_value=bare["p99_ms"],
            floor=f"<= {P99_CEILING}", passed=checks["p99"],
        ),
        benchlib.row(
            "POST /v2/process, cache miss: throughput", miss["rps"], "req/s",
            baseline=name, baseline_value=bare["rps"],
        ),
        benchlib.row(
            "cold start, process sessionless", results["cold_process_s"], "s",
            baseline=name, baseline_value=results["cold_bare_s"],
            floor=f"<= {COLD_CEILING}", passed=checks["cold_start"],
        ),
        benchlib.row(
            "cold start, process with a session", results["cold_session_s"], "s",
            baseline=name, baseline_value=results["cold_bare_s"],
        ),
        benchlib.row(
            "first session request on a new instance", results["first_turn_s"], "s",
            baseline="later session requests on it", baseline_value=results["later_turn_s"],
            floor=f"<= {FIRST_TURN_CEILING}", passed=checks["first_turn"],
        ),
    ]  # fmt: skip
    return benchlib.result("http", "HTTP and cold start (functions-framework on loopback)", rows)


if __name__ == "__main__":
    raise SystemExit(main())
