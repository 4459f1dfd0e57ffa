"""Faults injected into the real local parts while requests flow, against ``process`` served by
functions-framework (and the bulk worker fed by the Pub/Sub emulator): Redis killed, Firestore
frozen, the model failing or hanging, twenty requests on one session at once, duplicated and
crashed bulk deliveries. Every request plan is fixed, so the report's counts are too; every
answer is checked, and turns and results are counted in the stores afterwards.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import redis
import requests

from core.api.security import hash_key
from core.sessions import DEVELOPMENT_ID_SECRET, Owner, document_id
from devtools.emulators import PROJECT, FirestoreEmulator
from devtools.fake_gemini import FakeGemini, answer, error, stall
from devtools.functions import FunctionProcess, FunctionSpec, wait_until_ready
from devtools.processes import HOST, free_port
from devtools.redis_server import RedisServer
from tests.e2e.faulty_bulk_worker import CRASH_AFTER_RECORD, FAIL_ONCE
from tests.e2e.test_bulk_pubsub import BulkStack, stack  # noqa: F401 - the bulk stack fixture
from tests.reliability.report import Report

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
KEY = "reliability-key"
SESSION_TIMEOUT_S = 2.0
MESSAGES = [
    "배포만 하면 서버가 죽어요!! 뭐부터 봐야 하죠?",
    "How should I plan my first month as a tech lead?",
    "요즘 너무 지쳐요ㅠㅠ 쉬어도 될까요?",
    "I got the offer!!! How do I negotiate?",
]


@dataclass
class Served:
    url: str
    http: requests.Session
    logs: list[str]

    def ask(self, message: str, **fields: Any) -> requests.Response:
        return self.http.post(
            f"{self.url}/v2/process", json={"message": message, **fields}, timeout=60
        )


@contextmanager
def serve(env: Mapping[str, str]) -> Iterator[Served]:
    """``process`` in its own functions-framework process, configured by ``env`` on top of a
    key, no rate limit, and a Firestore address where nothing listens."""
    logs: list[str] = []
    full = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONUNBUFFERED": "1",
        "GOOGLE_CLOUD_PROJECT": PROJECT,
        "ION_API_KEYS": f"rel:{hash_key(KEY)}:admin",
        "RATE_LIMIT_PER_MIN": "0",
        "SESSION_TIMEOUT_S": str(SESSION_TIMEOUT_S),
        "FIRESTORE_EMULATOR_HOST": f"{HOST}:{free_port()}",
        "CACHE_BREAKER_COOLDOWN_S": "1",
        **env,
    }
    function = FunctionProcess(
        FunctionSpec("process", "process", free_port()), ROOT, full, logs.append
    )
    try:
        wait_until_ready([function], 60.0)
        with requests.Session() as http:
            http.headers["X-API-Key"] = KEY
            yield Served(function.spec.url, http, logs)
    finally:
        function.stop()


def plan(
    total: int,
    send: Callable[[int], int],
    hooks: Mapping[int, Callable[[], None]] | None = None,
    workers: int = 4,
) -> list[int]:
    """Send request ``n`` for n in range(total) from ``workers`` threads; when the k-th request
    has completed, the thread that completed it runs ``hooks[k]`` while the others go on."""
    hooks = dict(hooks or {})
    done = 0
    lock = threading.Lock()

    def one(n: int) -> int:
        nonlocal done
        status = send(n)
        with lock:
            done += 1
            hook = hooks.pop(done, None)
        if hook is not None:
            hook()
        return status

    with ThreadPoolExecutor(workers) as pool:
        statuses = list(pool.map(one, range(total)))
    assert not hooks, f"hooks never reached: {sorted(hooks)}"
    return statuses


def answered(response: requests.Response) -> int:
    """The status, after checking that a 200 carries an answer."""
    if response.status_code == 200:
        assert response.json()["answer"].strip()
    return response.status_code


def firestore_turns(host: str, session_id: str, user_id: str | None = None) -> int:
    """The session's turn count as Firestore holds it (read with the client library)."""
    from google.cloud import firestore  # noqa: PLC0415 - the test process needs it only here

    os.environ["FIRESTORE_EMULATOR_HOST"] = host
    client = firestore.Client(project=PROJECT)
    # Named as the served process names it: key "rel", SESSION_ID_SECRET unset.
    name = document_id(DEVELOPMENT_ID_SECRET, Owner("rel", user_id), session_id)
    try:
        snapshot = client.collection("sessions").document(name).get()
        return int(snapshot.get("turn_count")) if snapshot.exists else 0
    finally:
        client.close()


def test_redis_killed_during_load_costs_no_request_and_the_cache_recovers(
    report: Report,
) -> None:
    with RedisServer() as server, serve({"REDIS_URL": server.url}) as process:
        statuses = plan(
            200,
            lambda n: answered(process.ask(f"{MESSAGES[n % 4]} ({n % 25})")),
            {40: server.kill, 120: server.start},
        )
        # Recovered: new answers are kept in Redis again once it is back.
        client = redis.Redis.from_url(server.url)
        deadline = time.monotonic() + 20
        while client.dbsize() == 0 and time.monotonic() < deadline:
            assert process.ask(f"a new question {uuid.uuid4()}").status_code == 200
            time.sleep(0.2)
        kept = client.dbsize()
        client.close()

    report.record(
        "Faults",
        "Redis killed after request 40, restarted after 120 (4 clients)",
        statuses,
        note="every answer kept coming (L1 and computed); Redis holds new answers again after",
    )
    assert statuses == [200] * 200
    assert kept > 0


def test_firestore_frozen_gives_503_for_sessions_only_and_loses_no_turn(
    firestore_emulator: FirestoreEmulator, report: Report
) -> None:
    firestore_emulator.start()
    session_id, user = f"rel-{uuid.uuid4().hex[:8]}", "reliability-user"
    group = firestore_emulator.group
    assert group is not None
    turns_seen: list[int] = []

    def in_session(n: int) -> requests.Response:
        response = process.ask(f"Turn {n}: what next?", session_id=session_id, user_id=user)
        if response.status_code == 200:
            turns_seen.append(response.json()["session"]["turn"])
        return response

    with serve({"FIRESTORE_EMULATOR_HOST": firestore_emulator.host}) as process:
        before = [answered(in_session(n)) for n in range(5)]
        os.killpg(group, signal.SIGSTOP)  # Firestore stops answering: a hang, not a refusal
        try:
            sessionless = plan(20, lambda n: answered(process.ask(f"{MESSAGES[n % 4]} ({n})")))
            refused = [in_session(100 + n) for n in range(4)]
        finally:
            os.killpg(group, signal.SIGCONT)
        # Back: wait (on another session, not counted) until sessions work again; the first
        # request may still meet the connection that timed out.
        deadline = time.monotonic() + 30
        probe = f"{session_id}-probe"
        while process.ask("Are you back?", session_id=probe).status_code != 200:
            assert time.monotonic() < deadline, "sessions did not recover within 30 s"
            time.sleep(0.2)
        after = [answered(in_session(300 + n)) for n in range(4)]
        stored = firestore_turns(firestore_emulator.host, session_id, user)

    during = [r.status_code for r in refused]
    ok = len(turns_seen)
    lost = abs(stored - 2 * ok) // 2 + (ok - len(set(turns_seen)))
    report.record(
        "Faults",
        "Firestore frozen: requests without a session",
        sessionless,
        note="answered as usual; they never touch Firestore",
    )
    report.record(
        "Faults",
        "Firestore frozen: requests with a session (before, during, after)",
        [*before, *during, *after],
        lost=lost,
        note="503 SESSION_STORE_UNAVAILABLE with Retry-After while frozen (by design); "
        f"{ok} turns answered, {stored // 2} in Firestore, numbered 1-{ok} without gap",
    )
    assert before == [200] * 5
    assert sessionless == [200] * 20
    assert during == [503] * 4
    for response in refused:
        assert response.json()["error"]["code"] == "SESSION_STORE_UNAVAILABLE"
        assert response.headers["Retry-After"] == "5"
    assert after == [200] * 4
    assert sorted(turns_seen) == list(range(1, ok + 1))
    assert stored == 2 * ok  # the user's message and the answer, for every 200 and no other
    assert lost == 0


def test_twenty_concurrent_requests_on_one_session_record_twenty_turns(
    firestore_emulator: FirestoreEmulator, report: Report
) -> None:
    firestore_emulator.start()
    session_id = f"rel-many-{uuid.uuid4().hex[:8]}"
    with serve({"FIRESTORE_EMULATOR_HOST": firestore_emulator.host}) as process:
        responses: list[requests.Response] = []
        lock = threading.Lock()

        def send(n: int) -> int:
            response = process.ask(f"Question {n} of twenty", session_id=session_id)
            with lock:
                responses.append(response)
            return answered(response)

        statuses = plan(20, send, workers=20)
        stored = firestore_turns(firestore_emulator.host, session_id)

    turns = sorted(r.json()["session"]["turn"] for r in responses if r.status_code == 200)
    lost = 20 - stored // 2 + (len(turns) - len(set(turns)))
    report.record(
        "Faults",
        "20 concurrent requests on one session",
        statuses,
        lost=lost,
        note="turns 1-20 each given once; 40 turns (message and answer) in Firestore",
    )
    assert statuses == [200] * 20
    assert turns == list(range(1, 21))
    assert stored == 40


def test_the_model_failing_or_hanging_falls_back_offline_within_the_deadline(
    report: Report,
) -> None:
    env = {
        "GENERATOR": "gemini",
        "GEMINI_MODE": "api_key",
        "GEMINI_API_KEY": "fake-key",
        "GEMINI_TIMEOUT_S": "1",
        "GEMINI_DEADLINE_S": "2",
        "GEMINI_BREAKER_THRESHOLD": "1000",  # every request meets the fault, none the breaker
    }
    with FakeGemini() as fake, serve({**env, "GEMINI_BASE_URL": fake.url}) as process:
        outcomes: dict[str, list[tuple[int, str, str | None, float]]] = {}
        for name, reply, count in (
            ("failing (HTTP 500)", error(500), 8),
            ("hanging (answers after 5 s)", stall(5.0), 4),
            ("healthy again", answer("A real answer."), 4),
        ):
            fake.always(reply)
            rows = outcomes.setdefault(name, [])
            for n in range(count):
                began = time.monotonic()
                response = process.ask(f"{MESSAGES[n % 4]} [{name} {n} {uuid.uuid4().hex}]")
                body = response.json()
                rows.append(
                    (
                        answered(response),
                        body.get("generator", ""),
                        body.get("fallback_reason"),
                        time.monotonic() - began,
                    )
                )

    for name, rows in outcomes.items():
        generators = ", ".join(sorted({f"{g} ({r})" if r else g for _, g, r, _ in rows}))
        report.record("Faults", f"model {name}", [s for s, *_ in rows], note=generators)
    failing, hanging, healthy = outcomes.values()
    assert {(s, g, r) for s, g, r, _ in failing} == {(200, "offline_fallback", "server_error")}
    assert {(s, g, r) for s, g, r, _ in hanging} == {(200, "offline_fallback", "timeout")}
    assert max(t for *_, t in hanging) < 4.5  # the 2 s deadline, not the model's 5 s
    assert {(s, g) for s, g, _, _ in healthy} == {(200, "gemini")}


def test_bulk_duplicates_redeliveries_and_crashes_count_every_result_once(
    stack: BulkStack,  # noqa: F811 - the fixture imported above
    report: Report,
) -> None:
    tag = uuid.uuid4().hex[:8]
    items = [
        {"message": f"Plain question {n} {tag}"} if n < 10
        else {"message": f"Flaky question {n} {FAIL_ONCE} {tag}"} if n < 20
        else {"message": f"Crashy question {n} {CRASH_AFTER_RECORD} {tag}"}
        for n in range(30)
    ]  # fmt: skip
    submitted = stack.submit(items)
    assert submitted.status_code == 202
    job_id = submitted.json()["job_id"]
    view = stack.finished(job_id)
    # Pub/Sub may deliver any message again: publish every item a second time.
    for index, item in enumerate(items):
        data = {"job_id": job_id, "index": index, "id": str(index), "message": item["message"]}
        stack.pubsub.publish(stack.topic, json.dumps(data).encode(), {"job_id": job_id})

    def duplicates() -> int:
        lines = stack.logs.about(job_id)
        return sum(1 for e in lines if e["message"] == "bulk_worker: item duplicate")

    deadline = time.monotonic() + 60
    while duplicates() < 40 and time.monotonic() < deadline:  # 30 re-published + 10 crashed
        time.sleep(0.2)
    final = stack.status(job_id).json()
    deliveries = stack.logs.about(job_id)
    statuses = [500 if e["severity"] == "ERROR" else 200 for e in deliveries]
    lost = abs(30 - final["completed"]) + final["failed"]
    report.record(
        "Faults",
        "bulk: 30 items, 10 failing once, 10 crashing after recording, all 30 published twice",
        statuses,
        lost=lost,
        note="one status per delivery, from the worker's log line: 500 is a failed attempt "
        "that asks Pub/Sub to redeliver (by design); a crash after recording logs 200, dies, "
        f"and its redelivery is a duplicate. {final['completed']} of 30 results, each once",
    )
    assert view["status"] == "done"
    assert (final["completed"], final["failed"]) == (30, 0)
    assert duplicates() == 40
    assert statuses.count(500) == 10  # the ten first attempts that failed once
    attempts = [r["attempts"] for r in final["results"]]
    assert attempts == [1] * 10 + [2] * 10 + [1] * 10
    assert lost == 0
