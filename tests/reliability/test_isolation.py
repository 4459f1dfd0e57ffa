"""Isolation and secrets: API keys and roles, one key's sessions and jobs hidden from another,
CORS, the security headers on every error, and logs and Sentry events without texts, answers,
keys or raw ids (process, recommend, bulk and the bulk worker, as deployed: functions-framework
processes sending to a local Sentry).
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from core.api.security import hash_key
from devtools.emulators import PubSubEmulator
from devtools.fake_sentry import FakeSentry
from devtools.functions import FunctionProcess, FunctionSpec, wait_until_ready
from devtools.processes import free_port
from tests.functions.function_apps import (
    ADMIN_KEY,
    API_KEYS_SETTING,
    USER_KEY,
    FunctionApp,
)
from tests.helpers import environ_without_settings
from tests.reliability.corpus import (
    CSP_PREFIX,
    SECURITY_HEADERS,
    Stack,
    assert_envelope,
    build_stack,
    firestore_documents,
)
from tests.reliability.report import Report

pytestmark = pytest.mark.usefixtures("firestore_host", "pubsub_host")

ROOT = Path(__file__).resolve().parents[2]
OTHER_KEY = "another-tenant-key-for-isolation-tests"
KEYS = f"{API_KEYS_SETTING},other:{hash_key(OTHER_KEY)}:user"
GUARDED = [
    ("process", "POST", "/v2/process", {"message": "hello"}),
    ("process", "POST", "/v1/chat", {"message": "hello", "user_id": "u-1"}),
    ("process", "GET", "/v2/cache-stats", None),
    ("process", "POST", "/v2/cache/invalidate", {}),
    ("recommend", "POST", "/v2/recommend", {"message": "hello"}),
    ("recommend", "GET", "/v2/personas", None),
    ("recommend", "GET", "/v2/personas/lua", None),
    ("bulk", "POST", "/v2/bulk", {"items": [{"message": "hello"}]}),
    ("bulk", "GET", f"/v2/bulk/j{'0' * 24}", None),
]
ALLOWED_ORIGIN = "https://app.example.com"
Loader = Callable[[str], FunctionApp]


@pytest.fixture
def stack(
    load_function: Loader,
    pubsub_emulator: PubSubEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Stack]:
    stack = build_stack(
        load_function,
        pubsub_emulator,
        monkeypatch,
        ION_API_KEYS=KEYS,
        CORS_ALLOWED_ORIGINS=ALLOWED_ORIGIN,
    )
    yield stack
    pubsub_emulator.delete_topic(stack.topic)


def call(stack: Stack, function: str, method: str, path: str, body: Any, **kwargs: Any) -> Any:
    return stack.open(function, method, path, json_body=body, **kwargs)


def test_missing_or_wrong_keys_are_401(stack: Stack, report: Report) -> None:
    presented = ["", "not-a-key", hash_key(USER_KEY), USER_KEY.upper(), f"Bearer {USER_KEY}"]
    for function, method, path, body in GUARDED:
        for key in presented:
            response = call(stack, function, method, path, body, key=key)
            assert assert_envelope(response, {401})["error"]["code"] == "UNAUTHENTICATED"
    # The control: the same requests with a key are not refused for the key.
    assert call(stack, "recommend", "GET", "/v2/personas", None).status_code == 200
    refused = stack.statuses[:-1]
    report.record(
        "Isolation and secrets",
        f"no key, wrong, the stored hash, wrong case, Bearer ({len(presented)} x 9 endpoints)",
        refused,
        note="401 UNAUTHENTICATED on every guarded endpoint",
    )
    assert refused == [401] * len(presented) * len(GUARDED)


def test_a_user_key_is_403_on_admin_endpoints(stack: Stack, report: Report) -> None:
    stack.open("process", "POST", "/v2/process", json_body={"message": "seed"})
    stack.statuses.clear()
    for key in (USER_KEY, OTHER_KEY):
        for body in ({}, {"persona": "lua"}):
            response = call(stack, "process", "POST", "/v2/cache/invalidate", body, key=key)
            assert assert_envelope(response, {403})["error"]["code"] == "FORBIDDEN"
        stats = call(stack, "process", "GET", "/v2/cache-stats", None, key=key)
        assert assert_envelope(stats, {403})["error"]["code"] == "FORBIDDEN"
    refused = list(stack.statuses)
    # Nothing was invalidated: the seeded answer is still served from L1.
    again = stack.open(
        "process", "POST", "/v2/process", json_body={"message": "seed"}, key=ADMIN_KEY
    )  # admin: only admin keys are shown the cache tier
    lost = 0 if again.get_json()["cache"]["tier"] == "l1" else 1
    report.record(
        "Isolation and secrets",
        "user keys on admin endpoints (2 keys x 3 requests)",
        refused,
        lost=lost,
        note="403 FORBIDDEN; the cache was not invalidated",
    )
    assert refused == [403] * 6
    assert lost == 0


def test_one_key_never_reads_another_keys_session(stack: Stack, report: Report) -> None:
    confided = "my manager keeps criticising me in front of the team, what do I do?"
    first = stack.open(
        "process",
        "POST",
        "/v2/process",
        json_body={"message": confided, "user_id": "u-1", "session_id": "s-private"},
    )
    assert first.status_code == 200
    answer = first.get_json()["answer"]
    stack.statuses.clear()
    intruders = [
        (OTHER_KEY, "u-1"),  # another key, same user id
        (OTHER_KEY, None),
        (ADMIN_KEY, "u-1"),  # an admin key is no exception
        (USER_KEY, "u-2"),  # the same key, another user
        (USER_KEY, None),
    ]
    for key, user in intruders:
        body: dict[str, Any] = {"message": "what did I say before?", "session_id": "s-private"}
        if user is not None:
            body["user_id"] = user
        body["options"] = {"include_prompt": True}
        response = stack.open("process", "POST", "/v2/process", json_body=body, key=key)
        # A session of its own, as for an id nobody used: nothing says the id is taken.
        assert response.status_code == 200, response.get_data(as_text=True)
        assert response.get_json()["session"] == {"id": "s-private", "turn": 1}
        text = response.get_data(as_text=True)
        assert confided not in text
        assert answer not in text
    refused = list(stack.statuses)
    # The owner's session has exactly its one turn pair: the next is turn 2.
    again = stack.open(
        "process",
        "POST",
        "/v2/process",
        json_body={"message": "and now?", "user_id": "u-1", "session_id": "s-private"},
    )
    turn = again.get_json()["session"]["turn"]
    sessions = [d for d in firestore_documents() if d.startswith("sessions/")]
    # Each intruder got its own session; documents are named by keyed hashes, never the id.
    lost = abs(turn - 2) + abs(len(sessions) - 1 - len(intruders))
    report.record(
        "Isolation and secrets",
        "another key or user on a session (5 intruders)",
        refused,
        lost=lost,
        note="each gets a new session of its own (turn 1) without the owner's content, as for "
        "an unused id; the owner's turns intact",
    )
    assert refused == [200] * len(intruders)
    assert not [d for d in sessions if "s-private" in d]
    assert lost == 0


def test_one_key_never_reads_another_keys_bulk_job(stack: Stack, report: Report) -> None:
    confided = "I am afraid my startup will fail and I will lose everything"
    items = {"items": [{"message": confided, "user_id": "u-1"}], "idempotency_key": "shared-key"}
    submitted = stack.open("bulk", "POST", "/v2/bulk", json_body=items)
    assert submitted.status_code == 202
    job_id = submitted.get_json()["job_id"]
    stack.statuses.clear()
    for key in (OTHER_KEY, ADMIN_KEY):
        for query in ("", "?limit=1", "?page_token=1"):
            response = stack.open("bulk", "GET", f"/v2/bulk/{job_id}{query}", key=key)
            assert assert_envelope(response, {404})["error"]["code"] == "JOB_NOT_FOUND"
            assert confided not in response.get_data(as_text=True)
    refused = list(stack.statuses)
    # The same idempotency key from another key makes that key's own job, not a replay.
    theirs = stack.open("bulk", "POST", "/v2/bulk", json_body=items, key=OTHER_KEY)
    assert theirs.status_code == 202
    assert theirs.get_json()["job_id"] != job_id
    assert theirs.get_json()["replayed"] is False
    mine = stack.open("bulk", "GET", f"/v2/bulk/{job_id}")
    view = mine.get_json()
    lost = 0 if (mine.status_code, view.get("total"), view.get("job_id")) == (200, 1, job_id) else 1
    report.record(
        "Isolation and secrets",
        "another key on a bulk job (2 keys x 3 queries)",
        refused,
        lost=lost,
        note="404 JOB_NOT_FOUND without content; an idempotency key is per API key",
    )
    assert refused == [404] * 6
    assert lost == 0


def test_a_disallowed_origin_gets_no_cors_headers(stack: Stack, report: Report) -> None:
    origins = [
        "https://evil.example.com",
        "null",
        "https://app.example.com.evil.com",
        "http://app.example.com",
    ]
    requests: list[tuple[str, str, str, str | None]] = [
        ("process", "POST", "/v2/process", USER_KEY),
        ("process", "POST", "/v2/process", None),  # 401
        ("recommend", "GET", "/v2/personas", USER_KEY),
        ("recommend", "GET", "/v2/nowhere", USER_KEY),  # 404
        ("bulk", "GET", "/healthz", None),
        ("bulk", "OPTIONS", "/v2/bulk", None),  # preflight
    ]
    for origin in origins:
        for function, method, path, key in requests:
            headers = {"Origin": origin, "Access-Control-Request-Method": "POST"}
            body = {"message": "hello"} if method == "POST" else None
            response = call(stack, function, method, path, body, key=key, headers=headers)
            assert "Access-Control-Allow-Origin" not in response.headers
            assert "Access-Control-Allow-Methods" not in response.headers
            assert response.headers["X-Content-Type-Options"] == "nosniff"
    refused = list(stack.statuses)
    # The control: the allowed origin does get the header, on the same requests.
    for function, method, path, key in requests:
        headers = {"Origin": ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST"}
        body = {"message": "hello"} if method == "POST" else None
        response = call(stack, function, method, path, body, key=key, headers=headers)
        assert response.headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    report.record(
        "Isolation and secrets",
        f"disallowed CORS origins ({len(origins)} origins x {len(requests)} requests)",
        refused,
        note="no Access-Control-Allow-Origin on answers, errors or preflights",
    )
    assert sorted(set(refused)) == [200, 204, 401, 404]


def test_security_headers_are_on_every_error(
    load_function: Loader,
    pubsub_emulator: PubSubEmulator,
    monkeypatch: pytest.MonkeyPatch,
    report: Report,
) -> None:
    stack = build_stack(
        load_function,
        pubsub_emulator,
        monkeypatch,
        ION_API_KEYS=KEYS,
        RATE_LIMIT_PER_MIN="6",
        RATE_LIMIT_BURST="3",
    )

    def boom(*_: Any) -> Any:
        raise RuntimeError("an unexpected failure for the test")

    try:
        # Each function's unexpected failure: what its handler calls first, broken.
        monkeypatch.setattr(stack.apps["process"].module, "_conversations", boom)
        monkeypatch.setattr(stack.apps["recommend"].module, "rank_personas", boom)
        monkeypatch.setattr(stack.apps["bulk"].module, "_jobs", boom)
        big = b'{"message": "' + b"x" * (5 * 1024 * 1024) + b'"}'
        plan: list[tuple[int, str, str, str, dict[str, Any]]] = []
        for function, post, get in (
            ("process", "/v2/process", "/v2/cache-stats"),
            ("recommend", "/v2/recommend", "/v2/personas/nobody"),
            ("bulk", "/v2/bulk", f"/v2/bulk/j{'0' * 24}"),
        ):
            plan += [
                # Before the key is read: no key needed.
                (401, function, "POST", post, {"key": None, "json_body": {}}),
                (404, function, "GET", "/v2/nowhere", {"key": None}),
                (405, function, "DELETE", post, {"key": None}),
                # Each key's burst is 3: the user key's fourth request is over its limit.
                (413, function, "POST", post, {"key": ADMIN_KEY, "data": big}),
                (415, function, "POST", post, {"key": ADMIN_KEY, "data": b"x",
                                               "content_type": "text/plain"}),
                (400, function, "POST", post, {"key": USER_KEY, "data": b"{"}),
                (422, function, "POST", post, {"key": USER_KEY, "json_body": {"nope": 1}}),
                (500, function, "POST", post, {"key": USER_KEY, "json_body": _valid(function)}),
                (429, function, "POST", post, {"key": USER_KEY, "json_body": {}}),
            ]  # fmt: skip
            if function == "process":
                plan.append((403, function, "GET", get, {"key": OTHER_KEY}))
            if function == "recommend":
                plan.append((404, function, "GET", get, {"key": ADMIN_KEY}))
        for status, function, method, path, kwargs in plan:
            response = stack.open(function, method, path, **kwargs)
            assert assert_envelope(response, {status})
            for name, value in SECURITY_HEADERS.items():
                assert response.headers.get(name) == value, (status, function, name)
            assert response.headers["Content-Security-Policy"].startswith(CSP_PREFIX)
            if status == 429:
                assert int(response.headers["Retry-After"]) >= 1
            if status == 405:
                assert "POST" in response.headers["Allow"]
    finally:
        pubsub_emulator.delete_topic(stack.topic)
    report.record(
        "Isolation and secrets",
        "security headers on errors (401 403 404 405 413 415 400 422 429 500, 3 functions)",
        stack.statuses,
        note="nosniff, DENY, HSTS, CSP default-src 'none', no-store; the 500s are deliberate "
        "(the test breaks each function's handler)",
    )
    assert sorted(set(stack.statuses)) == [400, 401, 403, 404, 405, 413, 415, 422, 429, 500]


def _valid(function: str) -> dict[str, Any]:
    if function == "bulk":
        return {"items": [{"message": "hello"}]}
    return {"message": "hello"}


# --- logs and Sentry, with the functions as deployed ------------------------------------------

HASH_KEY = "isolation-test-id-hash-key-0123456789abcdef"
CONFIDED = {
    "process": "요즘 팀장님 때문에 회사 가기가 너무 무서워요",
    "chat": "I think I am going to be fired after my review next week",
    "recommend": "My cofounder wants to quit and I cannot tell the investors",
    "bulk_a": "I lied on my resume and now I am scared they will find out",
    "bulk_b": "Nobody at work knows I am going through a divorce",
}
RAW_IDS = ["raw-user-5531@example.com", "raw-session-7740", "raw-bulk-user-9902"]


def _post(url: str, body: Any, key: str | None, **headers: str) -> tuple[int, dict[str, Any]]:
    data = json.dumps(body).encode()
    sent = {"Content-Type": "application/json", **headers}
    if key:
        sent["X-API-Key"] = key
    request = urllib.request.Request(url, data, sent)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, _json(response.read())
    except urllib.error.HTTPError as error:
        return error.code, _json(error.read())


def _json(raw: bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(raw)
    except ValueError:  # the worker answers a delivery with a plain "OK"
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _get(url: str, key: str) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(url, headers={"X-API-Key": key})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read())


def test_logs_and_sentry_events_hold_no_texts_answers_keys_or_raw_ids(
    firestore_host: str, pubsub_emulator: PubSubEmulator, pubsub_host: str, report: Report
) -> None:
    topic = f"rel-secrets-{uuid.uuid4().hex[:8]}"
    pubsub_emulator.create_topic(topic)
    tap = pubsub_emulator.create_pull_subscription(f"{topic}-tap", topic).rsplit("/", 1)[1]
    output: list[str] = []
    statuses: list[int] = []
    with FakeSentry() as sentry:
        env = {
            **environ_without_settings(),
            "SENTRY_DSN": sentry.dsn,
            "SENTRY_TRACES_SAMPLE_RATE": "1.0",
            "SENTRY_ENVIRONMENT": "test",
            "ID_HASH_KEY": HASH_KEY,
            "ION_API_KEYS": KEYS,
            "FIRESTORE_EMULATOR_HOST": firestore_host,
            "PUBSUB_EMULATOR_HOST": pubsub_host,
            "BULK_TOPIC": topic,
        }
        specs = [
            FunctionSpec("process", "process", free_port()),
            FunctionSpec("recommend", "recommend", free_port()),
            FunctionSpec("bulk", "bulk", free_port()),
            FunctionSpec("bulk_worker", "bulk", free_port(), "cloudevent"),
        ]
        functions = [FunctionProcess(spec, ROOT, env, output.append) for spec in specs]
        try:
            wait_until_ready(functions, timeout_s=90)
            process, recommend, bulk, worker = (f.spec.url for f in functions)
            answers = _traffic(process, recommend, bulk, worker, pubsub_emulator, tap, statuses)
            sentry.wait_for("transaction", 6)
            sentry.wait_for("event", 1)
        finally:
            for function in functions:
                function.stop()
            pubsub_emulator.delete_topic(topic)
        sent = sentry.everything()
        events = sentry.events
    logged = "\n".join(output)
    secrets = [*CONFIDED.values(), *answers, USER_KEY, ADMIN_KEY, OTHER_KEY, *RAW_IDS]
    leaks = [
        (where, s[:40])
        for s in secrets
        for where, text in (("logs", logged), ("sentry", sent))
        if s in text
    ]
    # What the checks rely on was there: request lines from every function, the worker's item
    # lines, and the worker's failure reported to Sentry with its job and item.
    entries = [json.loads(line.split("| ", 1)[1]) for line in output if "| {" in line]
    assert {e.get("function") for e in entries} >= {"process", "recommend", "bulk", "bulk_worker"}
    assert any(e.get("message") == "bulk_worker: item done" for e in entries)
    assert any(e.get("error_code") == "ATTEMPTS_EXHAUSTED" for e in entries)
    assert any(e["tags"].get("function") == "bulk_worker" for e in events)
    report.record(
        "Isolation and secrets",
        "logs and Sentry: process, chat, recommend, bulk, worker deliveries, errors",
        statuses,
        lost=len(leaks),
        note="lost counts texts, answers, API keys or raw ids found in logs or Sentry",
    )
    assert leaks == []


def _traffic(
    process: str,
    recommend: str,
    bulk: str,
    worker: str,
    pubsub: PubSubEmulator,
    tap: str,
    statuses: list[int],
) -> list[str]:
    """The requests whose traces must hold nothing confided; returns the answers given."""
    user, session, bulk_user = RAW_IDS
    answers: list[str] = []

    def post(url: str, body: Any, key: str | None = USER_KEY, **headers: str) -> dict[str, Any]:
        status, reply = _post(url, body, key, **headers)
        statuses.append(status)
        return reply

    reply = post(
        f"{process}/v2/process",
        {"message": CONFIDED["process"], "user_id": user, "session_id": session},
    )
    answers.append(reply["answer"])
    answers.append(
        post(f"{process}/v1/chat", {"message": CONFIDED["chat"], "user_id": user})["content"]
    )
    post(f"{recommend}/v2/recommend", {"message": CONFIDED["recommend"]})
    # Refused requests carry the same texts: a wrong key, an intruder on the session, a bad field.
    post(f"{process}/v2/process", {"message": CONFIDED["process"]}, key=OTHER_KEY + "x")
    post(
        f"{process}/v2/process",
        {"message": CONFIDED["process"], "session_id": session},
        key=OTHER_KEY,
    )
    post(f"{recommend}/v2/recommend", {"message": CONFIDED["recommend"], "user_id": user})
    job = post(
        f"{bulk}/v2/bulk",
        {
            "items": [
                {"message": CONFIDED["bulk_a"], "user_id": bulk_user},
                {"message": CONFIDED["bulk_b"]},
            ]
        },
    )
    published = sorted(pubsub.pull(tap), key=lambda m: m["attributes"]["index"])
    assert len(published) == 2
    # The worker gets each item as a push: the first answered, the second on its last attempt.
    for message, attempt in zip(published, (1, 99), strict=True):
        event = {
            "message": {**message, "messageId": message.get("messageId", "m")},
            "deliveryAttempt": attempt,
        }
        headers = {
            "ce-id": str(message.get("messageId", "m")),
            "ce-specversion": "1.0",
            "ce-type": "google.cloud.pubsub.topic.v1.messagePublished",
            "ce-source": "//pubsub.googleapis.com/projects/ion-local/topics/ion-bulk",
        }
        post(f"{worker}/", event, key=None, **headers)
    status, view = _get(f"{bulk}/v2/bulk/{job['job_id']}", USER_KEY)
    statuses.append(status)
    done = [r for r in view["results"] if r["status"] == "done"]
    assert len(done) == 1
    answers.append(done[0]["result"]["answer"])
    assert base64.b64decode(published[0]["data"])  # the texts were published, as designed
    return answers
