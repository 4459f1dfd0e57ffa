"""``core.bulk.handle_push``: one Pub/Sub push to ``bulk_worker``, from the CloudEvent's data to
acknowledge (return) or redeliver (raise), with its one log line. The worker is a fake here; the
function itself, with the real worker and the Firestore emulator, is driven in
tests/functions/test_bulk_function.py."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any, cast

import pytest

from core.bulk import (
    BulkItem,
    BulkWorker,
    Handled,
    JobStoreUnavailable,
    Push,
    Report,
    RetryableFailure,
    delivery_attempt,
    handle_push,
)

ITEM = {"job_id": "j1", "index": 2, "id": "row-2", "message": "my secret worry"}


def push(data: Any, **extra: Any) -> dict[str, Any]:
    body = base64.b64encode(json.dumps(data).encode()).decode()
    message = {"data": body, "messageId": "m-1", "attributes": {"job_id": "j1"}}
    return {"message": message, "subscription": "s", **extra}


class _Worker:
    def __init__(self, outcome: Report | Exception) -> None:
        self.outcome = outcome
        self.calls: list[tuple[str, BulkItem, int | None]] = []

    def handle(self, job_id: str, item: BulkItem, attempt: int | None = None) -> Report:
        self.calls.append((job_id, item, attempt))
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome


def built(worker: _Worker) -> Callable[[], BulkWorker]:
    return lambda: cast(BulkWorker, worker)


def logged(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1, lines
    entry: dict[str, Any] = json.loads(lines[0])
    return entry


def test_a_malformed_push_is_acknowledged_without_building_a_worker(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def never() -> BulkWorker:
        raise AssertionError("a malformed push must not build the worker")

    handle_push(never, push({"index": 0, "message": "x"}))  # returns: acknowledged
    entry = logged(capsys)
    assert (entry["severity"], entry["message"]) == (
        "WARNING",
        "bulk_worker dropped a message: it has no job_id",
    )
    assert (entry["message_id"], entry["attributes"]) == ("m-1", {"job_id": "j1"})


def test_an_answered_item_is_acknowledged_and_logged_by_its_ids_never_its_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    worker = _Worker(Report(Handled.DONE))
    handle_push(built(worker), push(ITEM))

    assert worker.calls == [("j1", BulkItem(2, "row-2", "my secret worry"), None)]
    entry = logged(capsys)
    assert (entry["severity"], entry["message"]) == ("INFO", "bulk_worker: item done")
    assert (entry["job_id"], entry["index"], entry["error_code"]) == ("j1", 2, None)
    assert "secret" not in json.dumps(entry)


def test_a_forged_delivery_is_acknowledged_with_why(capsys: pytest.CaptureFixture[str]) -> None:
    handle_push(built(_Worker(Report(Handled.FORGED, forged="its job does not exist"))), push(ITEM))
    entry = logged(capsys)
    assert (entry["severity"], entry["message"]) == (
        "WARNING",
        "bulk_worker dropped a forged message: its job does not exist",
    )


def test_a_failed_item_is_acknowledged_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    handle_push(built(_Worker(Report(Handled.FAILED, 3, "ATTEMPTS_EXHAUSTED"))), push(ITEM))
    entry = logged(capsys)
    assert (entry["severity"], entry["message"]) == ("WARNING", "bulk_worker: item failed")
    assert (entry["attempts"], entry["error_code"]) == (3, "ATTEMPTS_EXHAUSTED")


@pytest.mark.parametrize(
    "error",
    [RetryableFailure("j1", 2, 1), JobStoreUnavailable("deadline")],
    ids=["retryable", "store-unavailable"],
)
def test_what_another_attempt_may_fix_is_raised_for_redelivery(
    capsys: pytest.CaptureFixture[str], error: Exception
) -> None:
    with pytest.raises(type(error)) as raised:
        handle_push(built(_Worker(error)), push(ITEM))
    assert raised.value is error  # the very exception: Sentry reports it once
    entry = logged(capsys)
    assert entry["severity"] == "ERROR"
    assert (entry["job_id"], entry["index"]) == ("j1", 2)


def test_the_delivery_attempt_is_read_from_the_event_then_from_the_raw_push() -> None:
    worker = _Worker(Report(Handled.DONE))
    handle_push(built(worker), push(ITEM, deliveryAttempt=4), push(ITEM, deliveryAttempt=9))
    handle_push(built(worker), push(ITEM), push(ITEM, deliveryAttempt=6))
    handle_push(built(worker), push(ITEM), {"deliveryAttempt": True})
    assert [attempt for _, _, attempt in worker.calls] == [4, 6, None]
    assert delivery_attempt(None, [1], {"deliveryAttempt": "2"}) is None


@pytest.mark.parametrize("body", [None, [], {"message": "x"}, {"message": {"messageId": 7}}])
def test_a_push_of_any_shape_is_read_without_raising(body: Any) -> None:
    received = Push.of(body)
    assert (received.message_id, received.attributes) == (None, {})
