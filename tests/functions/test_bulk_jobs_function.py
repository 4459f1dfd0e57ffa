"""``POST /v2/bulk`` and ``GET /v2/bulk/{job_id}`` through the real functions-framework app, with
the real Firestore and Pub/Sub emulators. What is published is pulled back from the emulator
and checked; the worker answering items through a push subscription is in tests/e2e."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from core.bulk import MAX_ITEMS
from devtools.emulators import PubSubEmulator
from tests.functions.function_apps import ADMIN_KEY, FunctionApp, assert_error

pytestmark = pytest.mark.usefixtures("firestore_host", "pubsub_host")


@dataclass
class Bulk:
    app: FunctionApp
    pubsub: PubSubEmulator
    topic: str
    tap: str  # a pull subscription on the topic: what was published

    def submit(self, body: dict[str, Any], key: str | None = None) -> Any:
        headers = {"X-API-Key": key} if key else {}
        return self.app.client.post("/v2/bulk", json=body, headers=headers)

    def status(self, job_id: str, key: str | None = None, **query: Any) -> Any:
        headers = {"X-API-Key": key} if key else {}
        return self.app.client.get(f"/v2/bulk/{job_id}", query_string=query, headers=headers)

    def published(self) -> list[dict[str, Any]]:
        return self.pubsub.pull(self.tap)


@pytest.fixture
def bulk_jobs(
    load_function: Callable[[str], FunctionApp],
    pubsub_emulator: PubSubEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> Bulk:
    topic = f"bulk-{uuid.uuid4().hex[:12]}"
    pubsub_emulator.create_topic(topic)
    tap = pubsub_emulator.create_pull_subscription(f"{topic}-tap", topic).rsplit("/", 1)[1]
    monkeypatch.setenv("BULK_TOPIC", topic)
    monkeypatch.setenv("BULK_TIMEOUT_S", "3")
    return Bulk(load_function("bulk"), pubsub_emulator, topic, tap)


def items(count: int, **extra: Any) -> list[dict[str, Any]]:
    return [{"message": f"I feel stuck on step {n}, what now?", **extra} for n in range(count)]


def test_a_job_is_accepted_recorded_and_its_items_published(bulk_jobs: Bulk) -> None:
    body = {
        "items": [
            {"id": "first", "message": "요즘 너무 지쳐요ㅠㅠ", "user_id": "u-1"},
            {"message": "How do I structure a portfolio?", "persona": "ELRO"},
        ]
    }
    response = bulk_jobs.submit(body)

    assert response.status_code == 202, response.get_data(as_text=True)
    accepted = response.get_json()
    job_id = accepted["job_id"]
    assert accepted == {
        "job_id": job_id,
        "total": 2,
        "status_url": f"/v2/bulk/{job_id}",
        "replayed": False,
    }
    messages = sorted(bulk_jobs.published(), key=lambda m: m["attributes"]["index"])
    assert [m["attributes"] for m in messages] == [
        {"job_id": job_id, "index": "0"},
        {"job_id": job_id, "index": "1"},
    ]
    data = [json.loads(base64.b64decode(m["data"])) for m in messages]
    assert data[0] == {
        "job_id": job_id,
        "index": 0,
        "id": "first",
        "message": "요즘 너무 지쳐요ㅠㅠ",
        "user_id": "u-1",
        "persona": None,
    }
    assert (data[1]["id"], data[1]["persona"]) == ("1", "elro")  # index as id; canonical name

    status = bulk_jobs.status(job_id)
    assert status.status_code == 200
    view = status.get_json()
    assert view["status"] == "queued"
    assert (view["total"], view["completed"], view["failed"], view["progress"]) == (2, 0, 0, 0)
    assert view["finished_at"] is None
    assert view["next_page_token"] is None
    assert [(r["index"], r["id"], r["status"], r["attempts"]) for r in view["results"]] == [
        (0, "first", "pending", 0),
        (1, "1", "pending", 0),
    ]


def test_a_hundred_items_are_accepted_and_paged(bulk_jobs: Bulk) -> None:
    accepted = bulk_jobs.submit({"items": items(MAX_ITEMS)})
    assert accepted.status_code == 202
    job_id = accepted.get_json()["job_id"]
    assert len(bulk_jobs.published()) == MAX_ITEMS

    seen: list[int] = []
    token: str | None = None
    while True:
        query = {"limit": 30} | ({"page_token": token} if token else {})
        page = bulk_jobs.status(job_id, **query).get_json()
        seen += [r["index"] for r in page["results"]]
        token = page["next_page_token"]
        if token is None:
            break
    assert seen == list(range(MAX_ITEMS))


@pytest.mark.parametrize(
    ("body", "status", "code", "field"),
    [
        ({"items": []}, 400, "NO_ITEMS", "items"),
        ({"items": items(MAX_ITEMS + 1)}, 413, "REQUEST_TOO_LARGE", "items"),
        ({"items": items(10_000)}, 413, "REQUEST_TOO_LARGE", "items"),
        ({}, 422, "INVALID_INPUT", "items"),
        ({"items": "hello"}, 422, "INVALID_INPUT", "items"),
        ({"items": [*items(3), {"message": "   "}]}, 422, "INVALID_INPUT", "items.3.message"),
        ({"items": [*items(2), {"text": "hi"}]}, 422, "INVALID_INPUT", "items.2.message"),
        ({"items": items(1, user_id="a/b")}, 422, "INVALID_INPUT", "items.0.user_id"),
        ({"items": items(1), "idempotency_key": ""}, 422, "INVALID_INPUT", "idempotency_key"),
        ({"items": items(1), "priority": 1}, 422, "INVALID_INPUT", "priority"),
        ({"items": [*items(5), {"message": "hi", "persona": "yoda"}]}, 422, "UNKNOWN_PERSONA",
         "items.5.persona"),
    ],
    ids=["none", "101", "10000", "missing", "not-a-list", "blank-message", "no-message",
         "bad-user-id", "empty-key", "unknown-field", "unknown-persona"],
)  # fmt: skip
def test_an_invalid_job_is_refused_whole_and_nothing_is_published(
    bulk_jobs: Bulk, body: dict[str, Any], status: int, code: str, field: str
) -> None:
    assert_error(bulk_jobs.submit(body), status, code, field)
    assert bulk_jobs.published() == []


def test_the_same_idempotency_key_returns_the_same_job(bulk_jobs: Bulk) -> None:
    body = {"items": items(3), "idempotency_key": "cohort-7:2026-11-26"}
    first = bulk_jobs.submit(body).get_json()
    second = bulk_jobs.submit(body)

    assert second.status_code == 202
    assert second.get_json() == first | {"replayed": True}
    assert len(bulk_jobs.published()) == 3  # published once, not again

    # Another key's identical request is another job; other items under the key are refused.
    other = bulk_jobs.submit(body, key=ADMIN_KEY).get_json()
    assert other["job_id"] != first["job_id"]
    assert other["replayed"] is False
    changed = bulk_jobs.submit({**body, "items": items(4)})
    assert_error(changed, 409, "IDEMPOTENCY_KEY_REUSED", "idempotency_key")


def test_only_the_submitting_key_sees_a_job(bulk_jobs: Bulk) -> None:
    job_id = bulk_jobs.submit({"items": items(1)}).get_json()["job_id"]

    body = assert_error(bulk_jobs.status(job_id, key=ADMIN_KEY), 404, "JOB_NOT_FOUND", "job_id")
    assert job_id in body["error"]["message"]
    assert bulk_jobs.status(job_id).status_code == 200


@pytest.mark.parametrize(
    "job_id", ["nope", "j" + "0" * 24, "..", "J" + "A" * 24, "j" + "0" * 200, "j%00" + "0" * 22]
)
def test_an_unknown_or_impossible_job_id_is_404(bulk_jobs: Bulk, job_id: str) -> None:
    assert_error(bulk_jobs.status(job_id), 404, "JOB_NOT_FOUND", "job_id")


def test_a_job_id_with_an_encoded_slash_is_no_endpoint(bulk_jobs: Bulk) -> None:
    assert_error(bulk_jobs.status("..%2F..%2Fsessions"), 404, "NOT_FOUND")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"page_token": "0"}, "page_token"),
        ({"page_token": "5"}, "page_token"),  # past the job's 3 items
        ({"page_token": "²"}, "page_token"),
        ({"page_token": "x" * 17}, "page_token"),
        ({"sort": "index"}, "sort"),
    ],
)
def test_bad_paging_is_422_naming_the_parameter(
    bulk_jobs: Bulk, query: dict[str, str], field: str
) -> None:
    job_id = bulk_jobs.submit({"items": items(3)}).get_json()["job_id"]
    assert_error(bulk_jobs.status(job_id, **query), 422, "INVALID_INPUT", field)


def test_a_repeated_query_parameter_is_refused(bulk_jobs: Bulk) -> None:
    job_id = bulk_jobs.submit({"items": items(3)}).get_json()["job_id"]
    response = bulk_jobs.app.client.get(f"/v2/bulk/{job_id}?limit=1&limit=2")
    assert_error(response, 422, "INVALID_INPUT", "limit")


def test_a_job_that_cannot_be_published_is_marked_failed_never_left_half_done(
    bulk_jobs: Bulk,
) -> None:
    bulk_jobs.pubsub.delete_topic(bulk_jobs.topic)
    response = bulk_jobs.submit({"items": items(4)})

    body = assert_error(response, 503, "BULK_PUBLISH_FAILED")
    assert response.headers["Retry-After"] == "5"
    job_id = body["error"]["message"].split("'")[1]
    view = bulk_jobs.status(job_id).get_json()
    assert view["status"] == "failed"
    assert "NotFound" in view["error"]


def test_a_failed_publish_resumes_with_the_same_idempotency_key(bulk_jobs: Bulk) -> None:
    body = {"items": items(5), "idempotency_key": "retry-me"}
    bulk_jobs.pubsub.delete_topic(bulk_jobs.topic)
    failed = assert_error(bulk_jobs.submit(body), 503, "BULK_PUBLISH_FAILED")
    assert "same idempotency_key" in failed["error"]["message"]

    bulk_jobs.pubsub.create_topic(bulk_jobs.topic)
    tap = bulk_jobs.pubsub.create_pull_subscription(f"{bulk_jobs.topic}-tap2", bulk_jobs.topic)
    retried = bulk_jobs.submit(body)

    assert retried.status_code == 202
    job_id = retried.get_json()["job_id"]
    assert retried.get_json()["replayed"] is True
    assert len(bulk_jobs.pubsub.pull(tap.rsplit("/", 1)[1])) == 5
    assert bulk_jobs.status(job_id).get_json()["status"] == "queued"


def test_firestore_down_is_503_and_nothing_is_published(
    bulk_jobs: Bulk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from devtools.processes import HOST, free_port  # noqa: PLC0415

    # The store's client is built on first use, from the environment of that moment.
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", f"{HOST}:{free_port()}")
    response = bulk_jobs.submit({"items": items(2)})
    assert_error(response, 503, "JOB_STORE_UNAVAILABLE")
    assert response.headers["Retry-After"] == "5"
    assert bulk_jobs.published() == []
