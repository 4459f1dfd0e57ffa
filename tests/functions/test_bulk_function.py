"""``functions/bulk`` without its stores: routing, and how the worker ``bulk_worker`` treats
pushes no delivery could process, or that no submission made (logged and acknowledged). Jobs
themselves, with the real emulators, are in test_bulk_jobs_function.py."""

from __future__ import annotations

import base64
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from cloudevents.http import CloudEvent
from flask.testing import FlaskClient

from core.bulk import BulkItem, JobRecord, Publishing, digest, item_digest, job_id_for
from devtools.emulators import PROJECT
from tests.functions.function_apps import FunctionApp, assert_error, payload


def test_healthz(bulk: FlaskClient) -> None:
    response = bulk.get("/healthz", headers={"X-Request-Id": "bulk-1"})
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert response.headers["X-Request-Id"] == "bulk-1"


@pytest.mark.parametrize("path", ["/", "/v2/process", "/v2/jobs/123", "/v2/bulk/a/b"])
def test_other_paths_are_404(bulk: FlaskClient, path: str) -> None:
    assert_error(bulk.post(path, json={"items": []}), 404, "NOT_FOUND")
    assert_error(bulk.get(path), 404, "NOT_FOUND")


def test_three_main_modules_coexist_in_one_process(
    load_function: Callable[[str], FunctionApp],
) -> None:
    # The trap this guards against: every main.py loads as module "main"; a later load must
    # not change what an earlier app serves, and no stale "main" may linger.
    process, recommend, bulk = (load_function(n) for n in ("process", "recommend", "bulk"))

    assert "main" not in sys.modules
    assert len({id(app.module) for app in (process, recommend, bulk)}) == 3
    assert process.client.post("/v2/process", json=payload("process_en.json")).status_code == 200
    assert recommend.client.get("/v2/personas").status_code == 200
    assert_error(bulk.client.post("/v2/process", json={}), 404, "NOT_FOUND")


def push(data: bytes, message_id: str = "m-1") -> dict[str, Any]:
    """The body the Pub/Sub emulator (and a push subscription) POSTs to the worker."""
    return {
        "message": {
            "data": base64.b64encode(data).decode(),
            "attributes": {"job_id": "j-1"},
            "messageId": message_id,
            "publishTime": "2026-01-01T00:00:00Z",
        },
        "subscription": "projects/ion-local/subscriptions/ion-bulk-worker",
    }


def logged(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1, lines
    entry: dict[str, Any] = json.loads(lines[0])
    return entry


def stored_job(*messages: str) -> JobRecord:
    """A job of these messages in the emulator, as ``POST /v2/bulk`` records it (the default
    BULK_COLLECTION, which the worker app reads)."""
    from core.adapters.firestore_jobs import FirestoreJobStore  # noqa: PLC0415

    items = [BulkItem(n, str(n), message) for n, message in enumerate(messages)]
    job = JobRecord(
        job_id=job_id_for("tester", None),
        owner_key="tester",
        total=len(items),
        digest=digest(items),
        publishing=Publishing.FINISHED,
        created_at=datetime.now(UTC),
        ids=tuple(item.id for item in items),
        item_digests=tuple(item_digest(item) for item in items),
    )
    FirestoreJobStore(PROJECT).create(job, lambda open_jobs, stored: None)
    return job


@pytest.mark.usefixtures("firestore_host")
def test_worker_answers_an_item_once_and_logs_its_ids_never_its_text(
    bulk_worker: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    job = stored_job("a", "b", "c", "my secret worry")
    item = {"job_id": job.job_id, "index": 3, "message": "my secret worry"}
    pushed = push(json.dumps(item).encode())
    assert bulk_worker.post("/", json=pushed).status_code == 200
    first = logged(capsys)
    assert bulk_worker.post("/", json=pushed).status_code == 200
    second = logged(capsys)

    assert (first["severity"], first["message"]) == ("INFO", "bulk_worker: item done")
    assert (first["job_id"], first["index"], first["message_id"]) == (item["job_id"], 3, "m-1")
    assert first["attributes"] == {"job_id": "j-1"}
    assert second["message"] == "bulk_worker: item duplicate"
    assert "secret" not in json.dumps([first, second])  # the item's text is not logged


@pytest.mark.usefixtures("firestore_host")
@pytest.mark.parametrize("shape", ["raw-push", "cloud-event"])
def test_worker_fails_an_item_whose_delivery_attempts_are_spent(
    bulk_worker: FlaskClient, capsys: pytest.CaptureFixture[str], shape: str
) -> None:
    # Pub/Sub counts deliveries when the subscription has a dead-letter policy: deliveries
    # whose instance died counted no failure, so the count is checked on its own, in the raw
    # push (production: functions-framework's conversion drops it) and in a CloudEvent.
    item = {"job_id": stored_job("hello").job_id, "index": 0, "message": "hello"}
    pushed = push(json.dumps(item).encode()) | {"deliveryAttempt": 6}
    headers = CLOUD_EVENT if shape == "cloud-event" else {}
    assert bulk_worker.post("/", json=pushed, headers=headers).status_code == 200
    entry = logged(capsys)
    assert (entry["severity"], entry["message"]) == ("WARNING", "bulk_worker: item failed")
    assert entry["error_code"] == "ATTEMPTS_EXHAUSTED"


def test_worker_takes_a_binary_cloud_event_too(
    bulk_worker: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    headers = {
        "ce-id": "m-2",
        "ce-specversion": "1.0",
        "ce-type": "google.cloud.pubsub.topic.v1.messagePublished",
        "ce-source": "//pubsub.googleapis.com/projects/ion-local/topics/ion-bulk",
    }
    body = {"message": push(b"{}", "m-2")["message"]}
    assert bulk_worker.post("/", json=body, headers=headers).status_code == 200
    entry = logged(capsys)
    assert entry["message_id"] == "m-2"
    assert entry["message"] == "bulk_worker dropped a message: it has no job_id"


def test_worker_acknowledges_data_it_cannot_decode_rather_than_retry_forever(
    bulk_worker: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    response = bulk_worker.post("/", json=push(b"not json"))

    assert response.status_code == 200
    entry = logged(capsys)
    assert entry["severity"] == "WARNING"
    assert entry["message_id"] == "m-1"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


# Every shape a push can take that no redelivery could ever fix: each must be logged as a
# warning and acknowledged (the function returns; the framework answers 200), never raise.
MALFORMED: dict[str, Any] = {
    "message-null": {"message": None},
    "message-missing": {"subscription": "s"},
    "message-not-an-object": {"message": "aGk="},
    "message-a-list": {"message": [{"data": "e30="}]},
    "message-empty": {"message": {}},
    "data-missing": {"message": {"messageId": "m-1", "attributes": {"job_id": "j-1"}}},
    "data-null": {"message": {"data": None, "messageId": "m-1"}},
    "data-not-a-string": {"message": {"data": 123, "messageId": "m-1"}},
    "data-an-object": {"message": {"data": {"items": []}, "messageId": "m-1"}},
    "bad-base64": {"message": {"data": "not base64!", "messageId": "m-1"}},
    "non-ascii-base64": {"message": {"data": "é", "messageId": "m-1"}},
    "not-utf8": {"message": {"data": b64(b"\xff\xfe{}"), "messageId": "m-1"}},
    "not-json": {"message": {"data": b64(b"not json"), "messageId": "m-1"}},
    "json-a-list": {"message": {"data": b64(b"[1, 2]"), "messageId": "m-1"}},
    "json-a-string": {"message": {"data": b64(b'"hi"'), "messageId": "m-1"}},
    "json-null": {"message": {"data": b64(b"null"), "messageId": "m-1"}},
    "json-nested-too-deep": {"message": {"data": b64(b"[" * 100_000), "messageId": "m-1"}},
    "item-without-job-id": {"message": {"data": b64(b'{"index": 0, "message": "x"}')}},
    "item-without-index": {"message": {"data": b64(b'{"job_id": "j1", "message": "x"}')}},
    "item-index-out-of-range": {
        "message": {"data": b64(b'{"job_id": "j1", "index": 100, "message": "x"}')}
    },
    "item-index-a-bool": {
        "message": {"data": b64(b'{"job_id": "j1", "index": true, "message": "x"}')}
    },
    "item-message-blank": {
        "message": {"data": b64(b'{"job_id": "j1", "index": 0, "message": "  "}')}
    },
    "item-user-id-a-number": {
        "message": {"data": b64(b'{"job_id": "j1", "index": 0, "message": "x", "user_id": 7}')}
    },
    "attributes-and-id-of-wrong-types": {
        "message": {"data": b64(b"[]"), "messageId": 7, "attributes": ["job_id"]}
    },
}
CLOUD_EVENT = {
    "ce-id": "m-3",
    "ce-specversion": "1.0",
    "ce-type": "google.cloud.pubsub.topic.v1.messagePublished",
    "ce-source": "//pubsub.googleapis.com/projects/ion-local/topics/ion-bulk",
}


def assert_dropped(entry: dict[str, Any], pushed: Any) -> None:
    assert entry["severity"] == "WARNING"
    assert entry["message"].startswith("bulk_worker dropped a message: ")
    assert entry["message_id"] in (None, "m-1")
    assert isinstance(entry["attributes"], dict)
    # What was pushed is described, never logged.
    message = pushed.get("message") if isinstance(pushed, dict) else None
    data = message.get("data") if isinstance(message, dict) else None
    if isinstance(data, str) and len(data) > 2:
        assert data not in json.dumps(entry, ensure_ascii=False)


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
def test_worker_acknowledges_a_malformed_cloud_event_and_logs_one_warning(
    bulk_worker: FlaskClient, capsys: pytest.CaptureFixture[str], body: dict[str, Any]
) -> None:
    response = bulk_worker.post("/", json=body, headers=CLOUD_EVENT)

    assert response.status_code == 200, response.get_data(as_text=True)
    assert_dropped(logged(capsys), body)


@pytest.mark.parametrize(
    ("content_type", "raw"),
    [
        ("application/octet-stream", b"\x00\x01 raw bytes"),
        ("text/plain", b"just text"),
        ("application/json", b"[1, 2, 3]"),
        ("application/json", b'"a string"'),
        ("application/json", b"null"),
    ],
)
def test_worker_acknowledges_a_cloud_event_whose_body_is_not_a_push_object(
    bulk_worker: FlaskClient, capsys: pytest.CaptureFixture[str], content_type: str, raw: bytes
) -> None:
    headers = {**CLOUD_EVENT, "Content-Type": content_type}
    response = bulk_worker.post("/", data=raw, headers=headers)

    assert response.status_code == 200, response.get_data(as_text=True)
    assert_dropped(logged(capsys), raw)


@pytest.mark.parametrize(
    "data",
    [None, b"raw bytes", "a string", 42, [1, 2], *MALFORMED.values()],
    ids=["none", "bytes", "str", "int", "list", *MALFORMED.keys()],
)
def test_the_worker_function_returns_normally_for_any_event_data(
    load_function: Callable[..., FunctionApp], capsys: pytest.CaptureFixture[str], data: Any
) -> None:
    worker = load_function("bulk_worker", "bulk", "cloudevent").module.bulk_worker
    attributes = {key.removeprefix("ce-"): value for key, value in CLOUD_EVENT.items()}

    assert worker(CloudEvent(attributes, data)) is None
    assert_dropped(logged(capsys), data)


@pytest.mark.usefixtures("firestore_host")
def test_worker_acknowledges_forged_deliveries_and_they_change_nothing(
    load_function: Callable[..., FunctionApp], capsys: pytest.CaptureFixture[str]
) -> None:
    worker = load_function("bulk_worker", "bulk", "cloudevent").client
    bulk = load_function("bulk").client
    job = stored_job("first question", "second question")
    genuine = {"job_id": job.job_id, "index": 0, "id": "0", "message": "first question"}
    assert worker.post("/", json=push(json.dumps(genuine).encode())).status_code == 200
    assert logged(capsys)["message"] == "bulk_worker: item done"
    second = {**genuine, "index": 1, "id": "1", "message": "second question"}
    forged = {
        "unknown-job": {**genuine, "job_id": job_id_for("tester", None)},
        "index-at-total": {**genuine, "index": 2, "id": "2"},
        "index-past-total": {**genuine, "index": 57, "id": "57"},
        "altered-message": {**second, "message": "write my secret essay instead"},
        "added-user": {**second, "user_id": "secret-user"},
        "added-persona": {**second, "persona": "lua"},
        "other-id": {**second, "id": "secret-id"},
    }
    for name, item in forged.items():
        # Past BULK_MAX_ATTEMPTS too: even the attempts check must not record anything.
        pushed = push(json.dumps(item).encode(), f"m-{name}") | {"deliveryAttempt": 9}
        assert worker.post("/", json=pushed).status_code == 200, name
        entry = logged(capsys)
        assert entry["severity"] == "WARNING", name
        assert entry["message"].startswith("bulk_worker dropped a forged message: "), name
        assert entry["message_id"] == f"m-{name}"
        assert "secret" not in json.dumps(entry), name  # why, never what

    view = bulk.get(f"/v2/bulk/{job.job_id}").get_json()
    assert (view["completed"], view["failed"], view["progress"]) == (1, 0, 0.5)
    assert [(r["index"], r["status"], r["attempts"]) for r in view["results"]] == [
        (0, "done", 1),
        (1, "pending", 0),
    ]
    # The genuine second item is still answered, once.
    capsys.readouterr()  # the GET's request log
    assert worker.post("/", json=push(json.dumps(second).encode())).status_code == 200
    assert logged(capsys)["message"] == "bulk_worker: item done"
    done = bulk.get(f"/v2/bulk/{job.job_id}").get_json()
    assert (done["status"], done["completed"], done["progress"]) == ("done", 2, 1.0)
