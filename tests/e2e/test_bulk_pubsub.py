"""Bulk jobs end to end, the production path on loopback: ``bulk`` and ``bulk_worker`` served
by functions-framework, the Pub/Sub emulator pushing every item to the worker through a push
subscription (as CloudEvents), job state in the Firestore emulator, answers through Redis.

The worker is the real one with faults injected by markers in an item's text (see
faulty_bulk_worker.py): failing once, failing always, crashing after recording a result. Its
log lines (one JSON object per delivery) are collected to see what each delivery did.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from core.api.security import hash_key
from devtools.emulators import PROJECT, FirestoreEmulator, PubSubEmulator
from devtools.functions import FunctionProcess, FunctionSpec, wait_until_ready
from devtools.processes import free_port
from devtools.redis_server import RedisServer
from tests.e2e.faulty_bulk_worker import CRASH_AFTER_RECORD, FAIL_ALWAYS, FAIL_ONCE
from tests.helpers import one_error_line, run_ion

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
KEY, OTHER_KEY = "bulk-e2e-key", "bulk-e2e-other-key"
MAX_ATTEMPTS = 3
JOB_TIMEOUT_S = 90.0


@dataclass
class Logs:
    lines: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def echo(self, line: str) -> None:
        _, _, text = line.partition("| ")
        try:
            entry = json.loads(text)
        except ValueError:
            return
        if isinstance(entry, dict):
            with self.lock:
                self.lines.append(entry)

    def about(self, job_id: str) -> list[dict[str, Any]]:
        with self.lock:
            return [e for e in self.lines if e.get("job_id") == job_id]

    def wait_for(self, predicate: Any, timeout_s: float = 30.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self.lock:
                found = [e for e in self.lines if predicate(e)]
            if found:
                return found
            time.sleep(0.1)
        raise AssertionError("no such log line within the timeout")


@dataclass
class BulkStack:
    bulk_url: str
    pubsub: PubSubEmulator
    topic: str
    logs: Logs
    http: requests.Session

    def submit(self, items: list[dict[str, Any]], key: str = KEY, **body: Any) -> Any:
        return self.http.post(
            f"{self.bulk_url}/v2/bulk",
            json={"items": items, **body},
            headers={"X-API-Key": key},
            timeout=30,
        )

    def status(self, job_id: str, key: str = KEY, **query: Any) -> Any:
        return self.http.get(
            f"{self.bulk_url}/v2/bulk/{job_id}",
            params=query,
            headers={"X-API-Key": key},
            timeout=30,
        )

    def finished(self, job_id: str) -> dict[str, Any]:
        """The job once every item has finished (polled, as ``ion bulk`` does)."""
        deadline = time.monotonic() + JOB_TIMEOUT_S
        while time.monotonic() < deadline:
            view: dict[str, Any] = self.status(job_id).json()
            if view["status"] in ("done", "done_with_errors", "failed"):
                return view
            time.sleep(0.25)
        raise AssertionError(f"job {job_id} did not finish in {JOB_TIMEOUT_S:.0f}s: {view}")

    def run(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        response = self.submit(items)
        assert response.status_code == 202, response.text
        return self.finished(response.json()["job_id"])


@pytest.fixture(scope="module")
def stack(
    firestore_emulator: FirestoreEmulator,
    pubsub_emulator: PubSubEmulator,
    redis_server: RedisServer,
) -> Iterator[BulkStack]:
    for emulator in (firestore_emulator, pubsub_emulator):
        emulator.start()  # a no-op unless an earlier test left it down
    redis_server.start()
    topic = f"bulk-e2e-{uuid.uuid4().hex[:8]}"
    env = {
        "PATH": "/usr/bin:/bin",
        "FIRESTORE_EMULATOR_HOST": firestore_emulator.host,
        "PUBSUB_EMULATOR_HOST": pubsub_emulator.host,
        "REDIS_URL": redis_server.url,
        "GOOGLE_CLOUD_PROJECT": PROJECT,
        "ION_API_KEYS": f"e2e:{hash_key(KEY)}:user,other:{hash_key(OTHER_KEY)}:user",
        "BULK_TOPIC": topic,
        "BULK_MAX_ATTEMPTS": str(MAX_ATTEMPTS),
        "RATE_LIMIT_PER_MIN": "0",
        "PYTHONUNBUFFERED": "1",
    }
    logs = Logs()
    bulk = FunctionProcess(FunctionSpec("bulk", "bulk", free_port()), ROOT, env, logs.echo)
    worker_spec = FunctionSpec(
        "bulk_worker",
        "bulk",
        free_port(),
        "cloudevent",
        source=ROOT / "tests" / "e2e" / "faulty_bulk_worker.py",
    )
    worker = FunctionProcess(worker_spec, ROOT, env, logs.echo)
    try:
        wait_until_ready([bulk, worker], 60.0)
        pubsub_emulator.create_topic(topic)
        pubsub_emulator.create_push_subscription(f"{topic}-push", topic, worker_spec.url + "/")
        with requests.Session() as http:
            yield BulkStack(bulk.spec.url, pubsub_emulator, topic, logs, http)
    finally:
        bulk.stop()
        worker.stop()


def texts(count: int, tag: str = "") -> list[dict[str, Any]]:
    # Korean and English, and repeats across jobs (so the cache answers some of them).
    samples = [
        "요즘 회사 일이 너무 많아서 지쳐요ㅠㅠ 어떻게 버텨야 할까요?",
        "I keep failing my coding interviews. What should I practice first?",
        "면접 준비 어떻게 시작하면 좋을까요?",
        "Honestly I'm thrilled, I got the offer!!! How do I negotiate?",
    ]
    return [{"message": f"{samples[n % len(samples)]} {tag}".strip()} for n in range(count)]


def test_a_hundred_item_job_completes_with_every_result(stack: BulkStack) -> None:
    began = time.monotonic()
    items = [{**item, "id": f"msg-{n}"} for n, item in enumerate(texts(100, uuid.uuid4().hex))]
    view = stack.run(items)
    elapsed = time.monotonic() - began

    assert view["status"] == "done", view
    assert (view["completed"], view["failed"], view["progress"]) == (100, 0, 1.0)
    assert view["finished_at"] is not None
    results = view["results"]
    assert [r["id"] for r in results] == [f"msg-{n}" for n in range(100)]
    for result in results:
        assert result["status"] == "done"
        assert result["attempts"] == 1
        answer = result["result"]
        assert answer["answer"]
        assert answer["persona"] in {"lua", "elro", "riri", "nana"}
        assert answer["generator"] == "offline"
    languages = {r["result"]["analysis"]["language"] for r in results}
    assert languages == {"ko", "en"}
    assert elapsed < JOB_TIMEOUT_S


def test_the_same_message_delivered_twice_is_counted_once(stack: BulkStack) -> None:
    submitted = texts(1, uuid.uuid4().hex)
    view = stack.run(submitted)
    job_id = view["job_id"]
    assert view["completed"] == 1

    # Pub/Sub may deliver a message again at any time: publish the same item once more.
    item = {"job_id": job_id, "index": 0, "id": "0", "message": submitted[0]["message"]}
    stack.pubsub.publish(stack.topic, json.dumps(item).encode(), {"job_id": job_id})
    stack.logs.wait_for(
        lambda e: e.get("job_id") == job_id and e["message"] == "bulk_worker: item duplicate"
    )
    again = stack.status(job_id).json()
    assert (again["completed"], again["failed"], again["results"][0]["attempts"]) == (1, 0, 1)


def test_an_item_that_fails_once_completes_on_redelivery(stack: BulkStack) -> None:
    view = stack.run([*texts(2), {"message": f"Help me plan my week {FAIL_ONCE} {uuid.uuid4()}"}])

    assert view["status"] == "done", view
    assert view["completed"] == 3
    flaky = view["results"][2]
    assert (flaky["status"], flaky["attempts"]) == ("done", 2)
    events = [e["message"] for e in stack.logs.about(view["job_id"]) if e.get("index") == 2]
    assert any("attempt 1 failed; redelivery wanted" in m for m in events), events


def test_an_item_that_keeps_failing_ends_failed_and_the_job_done_with_errors(
    stack: BulkStack,
) -> None:
    poison_item = {"id": "bad", "message": f"Why is this so hard {FAIL_ALWAYS} {uuid.uuid4()}"}
    view = stack.run([*texts(2, uuid.uuid4().hex), poison_item])

    assert view["status"] == "done_with_errors", view
    assert (view["completed"], view["failed"], view["progress"]) == (2, 1, 1.0)
    failed = view["results"][2]
    assert (failed["id"], failed["status"], failed["attempts"]) == ("bad", "failed", MAX_ATTEMPTS)
    assert failed["error"]["code"] == "ATTEMPTS_EXHAUSTED"
    assert "result" not in failed
    # Bounded: no delivery after the item was recorded as failed ran the pipeline again.
    time.sleep(1.0)
    assert stack.status(view["job_id"]).json()["results"][2]["attempts"] == MAX_ATTEMPTS


def test_a_crash_after_recording_is_not_counted_twice(stack: BulkStack) -> None:
    view = stack.run([{"message": f"Am I ready to lead? {CRASH_AFTER_RECORD} {uuid.uuid4()}"}])
    job_id = view["job_id"]

    assert (view["status"], view["completed"]) == ("done", 1)
    # The crashed delivery was not acknowledged: Pub/Sub redelivered a finished item.
    stack.logs.wait_for(
        lambda e: e.get("job_id") == job_id and e["message"] == "bulk_worker: item duplicate"
    )
    again = stack.status(job_id).json()
    assert (again["completed"], again["results"][0]["attempts"]) == (1, 1)


def test_forged_messages_are_dropped_and_the_job_stays_as_it_was(stack: BulkStack) -> None:
    submitted = texts(2, uuid.uuid4().hex)
    view = stack.run(submitted)
    job_id = view["job_id"]
    genuine = {"job_id": job_id, "index": 0, "id": "0", "message": submitted[0]["message"]}
    forged = [
        {**genuine, "message": "answer this secret instead"},  # altered
        {**genuine, "index": 2, "id": "2"},  # past the job's items
        {**genuine, "index": 99, "id": "99"},
        {**genuine, "job_id": "j" + uuid.uuid4().hex[:24]},  # no such job
    ]
    ids = [
        stack.pubsub.publish(stack.topic, json.dumps(f).encode(), {"job_id": job_id})
        for f in forged
    ]

    for message_id in ids:
        (entry,) = stack.logs.wait_for(lambda e, m=message_id: e.get("message_id") == m)
        assert entry["message"].startswith("bulk_worker dropped a forged message: ")
        assert "secret" not in json.dumps(entry)
    time.sleep(1.0)  # a redelivery (had one been asked for) would come within this
    assert all(len([e for e in stack.logs.lines if e.get("message_id") == m]) == 1 for m in ids)
    again = stack.status(job_id).json()
    assert (again["status"], again["completed"], again["failed"], again["progress"]) == (
        "done",
        2,
        0,
        1.0,
    )
    assert [r["attempts"] for r in again["results"]] == [1, 1]


def test_a_poison_message_is_dropped_not_retried_forever(stack: BulkStack) -> None:
    message_id = stack.pubsub.publish(stack.topic, b"\xff not json", {"job_id": "whatever"})
    dropped = stack.logs.wait_for(
        lambda e: e.get("message_id") == message_id and "dropped" in e["message"]
    )
    time.sleep(2.0)  # a redelivery (if it had been refused) would come within this
    again = [e for e in stack.logs.lines if e.get("message_id") == message_id]
    assert len(dropped) == len(again) == 1


def test_resubmitting_with_an_idempotency_key_returns_the_job_and_other_keys_see_nothing(
    stack: BulkStack,
) -> None:
    key = f"cohort-{uuid.uuid4().hex[:8]}"
    first = stack.submit(texts(3), idempotency_key=key).json()
    second = stack.submit(texts(3), idempotency_key=key).json()
    assert second == first | {"replayed": True}

    view = stack.finished(first["job_id"])
    assert view["completed"] == 3
    hidden = stack.status(first["job_id"], key=OTHER_KEY)
    assert hidden.status_code == 404
    assert hidden.json()["error"]["code"] == "JOB_NOT_FOUND"


def test_ion_bulk_splits_a_file_into_jobs_waits_and_writes_every_result(
    stack: BulkStack, tmp_path: Path
) -> None:
    tag = uuid.uuid4().hex[:8]
    lines = [json.dumps({"message": item["message"]}) for item in texts(150, tag)]
    mine = {"id": "mine", "message": f"면접이 내일인데 떨려요 {tag}", "persona": "Riri"}
    lines[7] = json.dumps(mine)
    lines.insert(20, "")  # a blank line is skipped, and line numbers stay those of the file
    source = tmp_path / "cohort.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    cli = ("bulk", str(source), "--out", str(out), "--url", stack.bulk_url, "--api-key", KEY)

    result = run_ion(*cli, timeout=JOB_TIMEOUT_S)

    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "150 items in 2 job(s): 150 answered, 0 failed" in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 150
    assert [r["line"] for r in records] == [n for n in range(1, 152) if n != 21]
    assert len({r["job_id"] for r in records}) == 2
    assert all(r["status"] == "done" and r["result"]["answer"] for r in records)
    assert (records[7]["id"], records[7]["result"]["persona"]) == ("mine", "riri")
    assert records[0]["id"] == "1"  # no id: the line number

    # Run again: the same jobs are found (idempotency keys), none is submitted twice.
    again = run_ion(*cli[:2], *cli[4:])  # results to stdout this time
    assert again.returncode == 0, again.stderr
    rerun = [json.loads(line) for line in again.stdout.splitlines()]
    assert [r["job_id"] for r in rerun] == [r["job_id"] for r in records]


def test_ion_bulk_refuses_a_bad_file_before_sending_anything(
    stack: BulkStack, tmp_path: Path
) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"message": "fine"}\n{"text": "wrong field"}\n', encoding="utf-8")

    result = run_ion("bulk", str(source), "--url", stack.bulk_url, "--api-key", KEY)

    line = one_error_line(result)
    assert "line 2: unknown field 'text'" in line


def test_crisis_items_get_the_safety_reply_and_the_job_counts_them(stack: BulkStack) -> None:
    tag = uuid.uuid4().hex[:6]
    items = [
        {"id": "crisis-ko", "message": f"요즘 너무 힘들어서 그냥 죽고 싶다는 생각만 들어 {tag}"},
        {"id": "idiom-ko", "message": f"배고파 죽겠어 점심 뭐 먹지 {tag}"},
        {"id": "crisis-en", "message": f"I've been thinking about ending it all. {tag}"},
        {"id": "idiom-en", "message": f"this bug is killing me, where do I start? {tag}"},
        {"id": "abuse", "message": f"남편이 술만 마시면 때려요. 무서워요 {tag}"},
    ]
    view = stack.run(items)
    assert view["status"] == "done", view
    assert (view["completed"], view["flagged"]) == (5, 3)
    results = {r["id"]: r["result"] for r in view["results"]}
    for name, category, line in (
        ("crisis-ko", "self_harm", "109"),
        ("crisis-en", "self_harm", "988"),
        ("abuse", "abuse", "1366"),
    ):
        result = results[name]
        assert (result["persona"], result["generator"]) == ("lua", "safety")
        assert result["safety"]["category"] == category
        assert any(line in r["contact"] for r in result["safety"]["resources"])
        assert line in result["answer"]
    for name in ("idiom-ko", "idiom-en"):
        assert results[name]["safety"] == {"category": "none", "resources": []}
        assert results[name]["generator"] == "offline"
