"""``functions/bulk``: only its health check exists yet; everything else is the 404 envelope.
Its Pub/Sub worker ``bulk_worker`` only logs and acknowledges what it is pushed."""

from __future__ import annotations

import base64
import json
import sys
from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.functions.function_apps import FunctionApp, assert_error, payload


def test_healthz(bulk: FlaskClient) -> None:
    response = bulk.get("/healthz", headers={"X-Request-Id": "bulk-1"})
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert response.headers["X-Request-Id"] == "bulk-1"


@pytest.mark.parametrize("path", ["/", "/v2/bulk", "/v2/process", "/v2/jobs/123"])
def test_everything_else_is_404(bulk: FlaskClient, path: str) -> None:
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


def test_worker_acknowledges_a_push_and_logs_its_id_and_attributes(
    bulk_worker: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    response = bulk_worker.post("/", json=push(json.dumps({"items": ["hi"]}).encode()))

    assert response.status_code == 200
    entry = logged(capsys)
    assert entry["severity"] == "INFO"
    assert entry["message_id"] == "m-1"
    assert entry["attributes"] == {"job_id": "j-1"}
    assert "hi" not in json.dumps(entry)  # the job's content is not logged


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
    assert logged(capsys)["message_id"] == "m-2"


def test_worker_acknowledges_data_it_cannot_decode_rather_than_retry_forever(
    bulk_worker: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    response = bulk_worker.post("/", json=push(b"not json"))

    assert response.status_code == 200
    entry = logged(capsys)
    assert entry["severity"] == "WARNING"
    assert entry["message_id"] == "m-1"
