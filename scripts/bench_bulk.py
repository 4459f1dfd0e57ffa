"""Bulk benchmark, in one run, through the real emulators:

1. A 100-item job end to end: ``POST /v2/bulk`` to ``bulk``, the Pub/Sub emulator pushing each
   item to ``bulk_worker`` (both served by functions-framework), state in the Firestore
   emulator, answers through Redis; timed from the POST until ``GET /v2/bulk/<id>`` says done.
   Every round uses new messages, so no answer comes from the cache.
2. The baseline: the same emulator pushing 100 messages (published in one call) to a worker
   that does nothing, timed from the publish until the worker has received all 100.
3. The same 100 items answered in-process, one after another (the pipeline alone, no I/O).
4. For reference: the emulator pushing 100 messages to a worker whose only work is the one
   Firestore write each item needs before it may be acknowledged.

Floor: our items per second at least 0.5x the no-op push rate. Medians over rounds.
Writes .bench/bulk.json; exits non-zero when the floor is missed.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import benchlib  # noqa: E402  (scripts/benchlib.py, beside this file)

from core.api.security import hash_key  # noqa: E402
from core.pipeline import Pipeline, Request  # noqa: E402
from devtools.emulators import PROJECT, FirestoreEmulator, PubSubEmulator  # noqa: E402
from devtools.functions import FunctionProcess, FunctionSpec, wait_until_ready  # noqa: E402
from devtools.processes import free_port  # noqa: E402
from devtools.redis_server import RedisServer  # noqa: E402

OUT = ROOT / ".bench" / "bulk.json"
KEY = "bench-key"
ITEMS = 100
FLOOR = 0.5
TIMEOUT_S = 120.0
POLL_S = 0.1  # how often the client asks whether the job is done
NOOP = """
import sys

import functions_framework

@functions_framework.cloud_event
def noop(event):
    sys.stdout.write(f"received {event['id']}\\n")  # one write: threads cannot split the line
    sys.stdout.flush()
"""


# For reference, not a floor: a worker whose only work is the one Firestore write every item
# needs before it may be acknowledged (what makes a result durable and counted once).
ONE_WRITE = NOOP.replace(
    "@functions_framework.cloud_event\ndef noop(event):\n",
    "from google.cloud import firestore\n\n"
    "_client = firestore.Client(project='ion-local')\n\n\n"
    "@functions_framework.cloud_event\ndef noop(event):\n"
    "    _client.collection('bench').document(event['id']).create({'n': 1})\n",
)


def messages(tag: str) -> list[str]:
    lines = (ROOT / "tests" / "data" / "analysis_dev.jsonl").read_text(encoding="utf-8")
    texts = [json.loads(line)["text"] for line in lines.splitlines() if line.strip()]
    return [f"{texts[n % len(texts)]} ({tag}-{n})" for n in range(ITEMS)]


class Counter:
    """Counts the no-op worker's "received" lines as functions-framework relays them."""

    def __init__(self) -> None:
        self.count = 0
        self.full = threading.Event()
        self._lock = threading.Lock()

    def echo(self, line: str) -> None:
        received = line.count("received ")
        if received:
            with self._lock:
                self.count += received
                if self.count >= ITEMS:
                    self.full.set()

    def reset(self) -> None:
        with self._lock:
            self.count = 0
            self.full.clear()


def noop_push(
    pubsub: PubSubEmulator, rounds: int, source_text: str = NOOP, env: dict[str, str] | None = None
) -> list[float]:
    """Seconds from publishing 100 messages (one call) until a worker running ``source_text``
    (by default one that does nothing) has handled all of them."""
    samples = []
    with tempfile.TemporaryDirectory(prefix="ion-bench-") as tmp:
        source = Path(tmp) / "functions" / "noop" / "main.py"
        source.parent.mkdir(parents=True)
        source.write_text(source_text, encoding="utf-8")
        counter = Counter()
        spec = FunctionSpec("noop", "noop", free_port(), "cloudevent")
        worker = FunctionProcess(spec, Path(tmp), {**os.environ, **(env or {})}, counter.echo)
        try:
            wait_until_ready([worker], 60.0)
            topic = f"bench-noop-{uuid.uuid4().hex[:8]}"
            pubsub.create_topic(topic)
            pubsub.create_push_subscription(f"{topic}-push", topic, spec.url + "/")
            for round_ in range(rounds + 1):  # the first round warms the worker up
                counter.reset()
                batch = [
                    {"data": base64.b64encode(json.dumps({"n": n}).encode()).decode()}
                    for n in range(ITEMS)
                ]
                began = time.perf_counter()
                pubsub.publish_batch(topic, batch)
                if not counter.full.wait(TIMEOUT_S):
                    raise RuntimeError(f"the no-op worker got {counter.count} of {ITEMS}")
                if round_:
                    samples.append(time.perf_counter() - began)
        finally:
            worker.stop()
    return samples


def end_to_end(pubsub: PubSubEmulator, firestore: FirestoreEmulator, redis_url: str,
               rounds: int) -> list[float]:  # fmt: skip
    """Seconds from POST /v2/bulk (100 new messages) until the job reports done."""
    topic = f"bench-bulk-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "FIRESTORE_EMULATOR_HOST": firestore.host,
        "PUBSUB_EMULATOR_HOST": pubsub.host,
        "REDIS_URL": redis_url,
        "GOOGLE_CLOUD_PROJECT": PROJECT,
        "ION_API_KEYS": f"bench:{hash_key(KEY)}:user",
        "BULK_TOPIC": topic,
        "RATE_LIMIT_PER_MIN": "0",
    }
    quiet = lambda _line: None  # noqa: E731
    bulk = FunctionProcess(FunctionSpec("bulk", "bulk", free_port()), ROOT, env, quiet)
    worker_spec = FunctionSpec("bulk_worker", "bulk", free_port(), "cloudevent")
    worker = FunctionProcess(worker_spec, ROOT, env, quiet)
    samples = []
    try:
        wait_until_ready([bulk, worker], 60.0)
        pubsub.create_topic(topic)
        pubsub.create_push_subscription(f"{topic}-push", topic, worker_spec.url + "/")
        with requests.Session() as http:
            http.headers["X-API-Key"] = KEY
            for round_ in range(rounds + 1):  # the first round warms both functions up
                items = [{"message": m} for m in messages(uuid.uuid4().hex[:6])]
                began = time.perf_counter()
                reply = http.post(f"{bulk.spec.url}/v2/bulk", json={"items": items}, timeout=30)
                reply.raise_for_status()
                status_url = f"{bulk.spec.url}/v2/bulk/{reply.json()['job_id']}?limit=1"
                while True:
                    view = http.get(status_url, timeout=30).json()
                    if view["status"] != "queued" and view["status"] != "running":
                        break
                    if time.perf_counter() - began > TIMEOUT_S:
                        raise RuntimeError(f"the job did not finish: {view}")
                    time.sleep(POLL_S)
                elapsed = time.perf_counter() - began
                if view["status"] != "done" or view["completed"] != ITEMS:
                    raise RuntimeError(f"the job ended {view['status']}: {view}")
                if round_:
                    samples.append(elapsed)
    finally:
        bulk.stop()
        worker.stop()
    return samples


def in_process(rounds: int) -> list[float]:
    """Seconds to answer 100 new messages one after another with the pipeline alone."""
    samples = []
    for _ in range(rounds):
        pipeline = Pipeline()
        texts = messages(uuid.uuid4().hex[:6])
        began = time.perf_counter()
        for text in texts:
            pipeline.run(Request(message=text))
        samples.append(time.perf_counter() - began)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds of each measure")
    parser.add_argument("--json", type=Path, help="also write the shared result shape here")
    args = parser.parse_args()
    with (
        FirestoreEmulator() as firestore,
        PubSubEmulator() as pubsub,
        RedisServer() as redis_server,
    ):
        noop = statistics.median(noop_push(pubsub, args.rounds))
        write_env = {"FIRESTORE_EMULATOR_HOST": firestore.host}
        one_write = statistics.median(noop_push(pubsub, args.rounds, ONE_WRITE, write_env))
        ours = statistics.median(end_to_end(pubsub, firestore, redis_server.url, args.rounds))
    local = statistics.median(in_process(args.rounds))
    rates = {
        "noop_push": ITEMS / noop,
        "one_write_push": ITEMS / one_write,
        "end_to_end": ITEMS / ours,
        "in_process": ITEMS / local,
    }
    ratio = rates["end_to_end"] / rates["noop_push"]
    passed = ratio >= FLOOR
    print(f"| {ITEMS} items (median of {args.rounds} rounds) | seconds | items/s |")
    print("|---|---:|---:|")
    print(f"| emulator push to a no-op worker | {noop:.3f} | {rates['noop_push']:.1f} |")
    print(f"| emulator push to a worker doing one Firestore write | {one_write:.3f} "
          f"| {rates['one_write_push']:.1f} |")  # fmt: skip
    print(f"| bulk job end to end (POST to done) | {ours:.3f} | {rates['end_to_end']:.1f} |")
    print(f"| in-process, one after another | {local:.3f} | {rates['in_process']:.1f} |")
    print()
    print("| ratio | value | floor | status |")
    print("|---|---:|---:|---|")
    print(f"| end-to-end items/s / no-op push items/s | {ratio:.3f} | >= {FLOOR} "
          f"| {'PASS' if passed else 'FAIL'} |")  # fmt: skip
    reference = rates["end_to_end"] / rates["one_write_push"]
    print(f"| end-to-end items/s / one-write push items/s | {reference:.3f} | report | - |")
    results = {
        "items": ITEMS,
        "rounds": args.rounds,
        "seconds": {
            "noop_push": noop,
            "one_write_push": one_write,
            "end_to_end": ours,
            "in_process": local,
        },
        "items_per_s": rates,
        "ratio": ratio,
        "checks": {"end_to_end_vs_noop_push": passed},
    }
    benchlib.write(OUT, results)
    noop_name = "emulator push to a no-op worker"
    rows = [
        benchlib.row(
            "100-item job end to end (POST to done)",
            rates["end_to_end"],
            "items/s",
            baseline=noop_name,
            baseline_value=rates["noop_push"],
            floor=f">= {FLOOR}",
            passed=passed,
        ),
        benchlib.row(
            "100-item job end to end, against a push worker doing only one Firestore write",
            rates["end_to_end"],
            "items/s",
            baseline="emulator push to a worker doing one Firestore write",
            baseline_value=rates["one_write_push"],
        ),
        benchlib.row(
            "100 items in-process, one after another",
            rates["in_process"],
            "items/s",
            baseline=noop_name,
            baseline_value=rates["noop_push"],
        ),
    ]
    title = "Bulk: 100-item job through the Pub/Sub and Firestore emulators"
    benchlib.write(args.json, benchlib.result("bulk", title, rows))
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
