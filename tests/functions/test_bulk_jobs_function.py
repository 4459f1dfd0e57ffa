"""``POST /v2/bulk`` and ``GET /v2/bulk/{job_id}`` through the real functions-framework app, with
the real Firestore and Pub/Sub emulators. What is published is pulled back from the emulator
and checked; the worker answering items through a push subscription is in tests/e2e."""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest
import redis

from core import bootstrap
from core.bulk import MAX_ITEMS
from devtools.emulators import PubSubEmulator
from tests.functions.function_apps import ADMIN_KEY, USER_KEY, FunctionApp, assert_error

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

    def published_all(self, count: int, timeout_s: float = 10.0) -> list[dict[str, Any]]:
        """What was published, pulled until ``count`` messages came (one pull gives 100 at
        most) or ``timeout_s`` passed."""
        messages: list[dict[str, Any]] = []
        deadline = time.monotonic() + timeout_s
        while len(messages) < count and time.monotonic() < deadline:
            messages += self.published()
        return messages


@pytest.fixture
def bulk_with(
    load_function: Callable[[str], FunctionApp],
    pubsub_emulator: PubSubEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[..., Bulk]:
    """``bulk_with(**settings)``: the bulk app with these settings, publishing to a topic of
    its own. Apps made in one test share the topic, as instances of one function do."""
    topic = f"bulk-{uuid.uuid4().hex[:12]}"
    pubsub_emulator.create_topic(topic)
    tap = pubsub_emulator.create_pull_subscription(f"{topic}-tap", topic).rsplit("/", 1)[1]

    def make(**settings: str) -> Bulk:
        for name, value in {"BULK_TOPIC": topic, "BULK_TIMEOUT_S": "3", **settings}.items():
            monkeypatch.setenv(name, value)
        bootstrap.settings.cache_clear()  # read by the app as it loads
        return Bulk(load_function("bulk"), pubsub_emulator, topic, tap)

    return make


@pytest.fixture
def bulk_jobs(bulk_with: Callable[..., Bulk]) -> Bulk:
    return bulk_with()


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
    assert accepted.status_code == 202  # the default RATE_LIMIT_BURST holds a whole job
    job_id = accepted.get_json()["job_id"]
    assert len(bulk_jobs.published()) == MAX_ITEMS
    time.sleep(1.0)  # the job took the whole burst: 10 tokens a second come back by default

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


@pytest.mark.parametrize("job_id", ["nope", "j" + "0" * 24, "J" + "A" * 24, "j" + "0" * 200])
def test_an_unknown_or_impossible_job_id_is_404(bulk_jobs: Bulk, job_id: str) -> None:
    assert_error(bulk_jobs.status(job_id), 404, "JOB_NOT_FOUND", "job_id")


@pytest.mark.parametrize("job_id", ["..%2F..%2Fsessions", "..", ".", "j%00" + "0" * 22])
def test_a_job_id_that_is_no_path_segment_is_no_endpoint(bulk_jobs: Bulk, job_id: str) -> None:
    assert_error(bulk_jobs.status(job_id), 404, "NOT_FOUND")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": " 5"}, "limit"),  # lax int parsing would read these three as 5
        ({"limit": "5.0"}, "limit"),
        ({"limit": "5_0"}, "limit"),
        ({"page_token": "0"}, "page_token"),
        ({"page_token": "100"}, "page_token"),  # no job has a 101st item
        ({"page_token": "05"}, "page_token"),
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


@pytest.mark.parametrize("token", ["3", "5", "99"])
def test_a_page_token_past_the_last_item_is_an_empty_page(bulk_jobs: Bulk, token: str) -> None:
    # Found by schemathesis (positive_data_acceptance): every token the OpenAPI document calls
    # valid (1-99) must be served, and only the job knows its length. As in any offset
    # pagination, a page past the end is empty rather than an error.
    job_id = bulk_jobs.submit({"items": items(3)}).get_json()["job_id"]
    response = bulk_jobs.status(job_id, page_token=token)
    assert response.status_code == 200, response.get_data(as_text=True)
    view = response.get_json()
    assert (view["total"], view["results"], view["next_page_token"]) == (3, [], None)


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


def test_concurrent_resubmissions_of_a_failed_job_publish_its_items_once(
    bulk_jobs: Bulk,
) -> None:
    # Each resubmission resuming the job would publish its items again, uncharged: 8 racing
    # resubmissions were 8 times the deliveries. One resumes it; the others find it publishing.
    body = {"items": items(5), "idempotency_key": "retried-by-many"}
    bulk_jobs.pubsub.delete_topic(bulk_jobs.topic)
    failed = assert_error(bulk_jobs.submit(body), 503, "BULK_PUBLISH_FAILED")
    job_id = failed["error"]["message"].split("'")[1]
    bulk_jobs.pubsub.create_topic(bulk_jobs.topic)
    tap = bulk_jobs.pubsub.create_pull_subscription(f"{bulk_jobs.topic}-tap2", bulk_jobs.topic)
    app = bulk_jobs.app.client.application
    start = threading.Barrier(8)

    def resubmit(_: int) -> Any:
        client = app.test_client()
        client.environ_base["HTTP_X_API_KEY"] = USER_KEY
        start.wait()
        return client.post("/v2/bulk", json=body)

    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(resubmit, range(8)))

    # The resubmissions are transactions on the key's one document: on a loaded machine some
    # may wait past the store's deadline, which is a 503 to retry, never a second publication.
    accepted = [r for r in responses if r.status_code == 202]
    assert accepted
    assert {(r.get_json()["job_id"], r.get_json()["replayed"]) for r in accepted} == {
        (job_id, True)
    }
    for refused in (r for r in responses if r.status_code != 202):
        assert_error(refused, 503, "JOB_STORE_UNAVAILABLE")
        assert refused.headers["Retry-After"]
    published: list[dict[str, Any]] = []
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:  # a while longer than it takes: any duplicate shows
        published += bulk_jobs.pubsub.pull(tap.rsplit("/", 1)[1])
    assert sorted(int(m["attributes"]["index"]) for m in published) == [0, 1, 2, 3, 4]
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


# --- what a job costs its API key ------------------------------------------------------------


def test_a_job_takes_one_shared_rate_limit_token_per_item(
    bulk_with: Callable[..., Bulk], redis_url: str
) -> None:
    # A bucket of 10 tokens refilled at one every 10 s, in the real Redis the instances share.
    bulk = bulk_with(RATE_LIMIT_PER_MIN="6", RATE_LIMIT_BURST="10", REDIS_URL=redis_url)
    shared = bootstrap.redis_store(bootstrap.settings())
    assert shared is not None
    assert shared.ready.wait(10)

    # More items than the bucket could ever hold: no wait would help.
    too_big = assert_error(bulk.submit({"items": items(50)}), 413, "REQUEST_TOO_LARGE", "items")
    assert "at most 10" in too_big["error"]["message"]
    assert "RATE_LIMIT_BURST" in too_big["error"]["message"]
    assert bulk.submit({"items": items(7)}).status_code == 202  # 1 + 7 of the 10 tokens

    refused = bulk.submit({"items": items(4)})  # 1 for the request leaves 1; 3 more wanted
    body = assert_error(refused, 429, "RATE_LIMITED")
    assert "one per item" in body["error"]["message"]
    assert refused.headers["Retry-After"] == "20"  # when all 3 will be there
    assert len(bulk.published()) == 7
    # The refusal took none of the tokens it could not take whole: one is left, then none.
    job_id = bulk.submit({"items": items(1)})
    assert job_id.status_code == 202
    assert_error(bulk.submit({"items": items(1)}), 429, "RATE_LIMITED")

    client = redis.Redis.from_url(redis_url)
    try:
        assert float(client.hget("ion:v1:rl:tester", "tokens") or "nan") < 1
    finally:
        client.close()


def test_a_job_of_the_whole_burst_passes_on_a_full_shared_bucket(
    bulk_with: Callable[..., Bulk], redis_url: str
) -> None:
    # The router's token leases a tenth of the burst from Redis: the handler's 99 must count
    # the lease, or a job of RATE_LIMIT_BURST items could never pass with Redis on.
    bulk = bulk_with(RATE_LIMIT_PER_MIN="1", RATE_LIMIT_BURST="100", REDIS_URL=redis_url)
    shared = bootstrap.redis_store(bootstrap.settings())
    assert shared is not None
    assert shared.ready.wait(10)

    accepted = bulk.submit({"items": items(MAX_ITEMS)})

    assert accepted.status_code == 202, accepted.get_data(as_text=True)
    assert len(bulk.published_all(MAX_ITEMS)) == MAX_ITEMS
    assert_error(bulk.submit({"items": items(1)}), 429, "RATE_LIMITED")  # all 100 spent


def test_a_job_refused_by_the_rate_limit_is_resumed_and_paid_when_resent(
    bulk_with: Callable[..., Bulk], redis_url: str
) -> None:
    # One token a minute, a bucket of 10 (leases of 1: nothing is held back by the instance).
    bulk = bulk_with(RATE_LIMIT_PER_MIN="1", RATE_LIMIT_BURST="10", REDIS_URL=redis_url)
    shared = bootstrap.redis_store(bootstrap.settings())
    assert shared is not None
    assert shared.ready.wait(10)
    assert bulk.submit({"items": items(7)}).status_code == 202  # 3 tokens left
    body = {"items": items(5), "idempotency_key": "too-soon"}

    assert_error(bulk.submit(body), 429, "RATE_LIMITED")  # 1 + 4 wanted, 3 there
    assert len(bulk.published_all(8, timeout_s=2)) == 7  # none of the refused job's
    assert bulk.submit({"items": items(2)}).status_code == 202  # it took only its request's
    assert len(bulk.published_all(3, timeout_s=2)) == 2

    with redis.Redis.from_url(redis_url) as client:
        client.delete("ion:v1:rl:tester")  # a full bucket again, as if minutes had passed
    resent = bulk.submit(body)
    assert resent.status_code == 202, resent.get_data(as_text=True)
    assert resent.get_json()["replayed"] is True  # the refused job, resumed
    assert len(bulk.published_all(6, timeout_s=2)) == 5
    assert bulk.submit({"items": items(5)}).status_code == 202  # the resumption paid 5 of 10
    assert_error(bulk.submit({"items": items(1)}), 429, "RATE_LIMITED")


def test_a_replayed_job_is_not_charged_again(bulk_with: Callable[..., Bulk]) -> None:
    bulk = bulk_with(RATE_LIMIT_PER_MIN="6", RATE_LIMIT_BURST="10")
    body = {"items": items(8), "idempotency_key": "charged-once"}
    first = bulk.submit(body)
    assert first.status_code == 202  # 8 of the 10 tokens

    again = bulk.submit(body)  # the request's own token only

    assert again.status_code == 202, again.get_data(as_text=True)
    assert again.get_json() == first.get_json() | {"replayed": True}
    assert len(bulk.published()) == 8


def test_items_in_flight_are_capped_per_key_across_instances(
    bulk_with: Callable[..., Bulk], load_function: Callable[..., FunctionApp]
) -> None:
    settings = {"BULK_MAX_IN_FLIGHT_ITEMS": "100", "RATE_LIMIT_PER_MIN": "0"}
    bulk = bulk_with(**settings)
    first = bulk.submit({"items": items(60, persona="lua")}).get_json()["job_id"]
    assert bulk.submit({"items": items(40)}).status_code == 202

    refused = bulk.submit({"items": items(1)})
    body = assert_error(refused, 429, "TOO_MANY_ITEMS_IN_FLIGHT")
    assert refused.headers["Retry-After"] == "15"
    assert "100 bulk items not answered" in body["error"]["message"]
    assert "BULK_MAX_IN_FLIGHT_ITEMS" in body["error"]["message"]
    # Another instance counts from the same Firestore documents; another key has its own room.
    other_instance = bulk_with(**settings)
    assert_error(other_instance.submit({"items": items(1)}), 429, "TOO_MANY_ITEMS_IN_FLIGHT")
    assert other_instance.submit({"items": items(1)}, key=ADMIN_KEY).status_code == 202
    published = bulk.published_all(101)
    assert len(published) == 101

    # The worker answers the first job's 60 items: room for 60 more, not 61.
    worker = load_function("bulk_worker", "bulk", "cloudevent").client
    for message in published:
        if message["attributes"]["job_id"] == first:
            pushed = {  # as the push subscription POSTs it
                "message": {k: message[k] for k in ("data", "attributes", "messageId")},
                "subscription": f"projects/ion-local/subscriptions/{bulk.topic}-push",
            }
            assert worker.post("/", json=pushed).status_code == 200
    assert bulk.status(first).get_json()["status"] == "done"
    assert_error(bulk.submit({"items": items(61)}), 429, "TOO_MANY_ITEMS_IN_FLIGHT")
    assert other_instance.submit({"items": items(60)}).status_code == 202
    assert_error(bulk.submit({"items": items(1)}), 429, "TOO_MANY_ITEMS_IN_FLIGHT")
