"""The pure parts of bulk jobs: the wire format between bulk and bulk_worker, job ids, counting
rules, paging tokens, and the lines ``ion bulk`` accepts."""

from __future__ import annotations

import dataclasses
import json
import re
import time
from datetime import UTC, datetime
from typing import Any, cast

import pytest

from core.bulk import (
    MAX_ITEMS,
    BulkItem,
    BulkWorker,
    Counts,
    Handled,
    ItemStatus,
    JobRecord,
    JobStatus,
    JobStore,
    Malformed,
    NoItems,
    Publishing,
    RetryableFailure,
    TooManyItems,
    check_count,
    decode,
    digest,
    encode,
    item_digest,
    job_id_for,
    job_status,
)
from core.cli.bulk import BadBulkLine, chunks, read_items
from core.errors import (
    EmptyMessage,
    InvalidInput,
    InvalidResonanceKey,
    IonError,
    Unavailable,
    UnknownPersona,
)
from core.pipeline import Outcome, Pipeline, Request


def test_an_encoded_item_decodes_to_itself_with_ids_as_attributes() -> None:
    item = BulkItem(7, "row-7", "요즘 너무 지쳐요 😢", user_id="u-1", persona="lua")
    data, attributes = encode("j1", item)

    assert attributes == {"job_id": "j1", "index": "7"}
    assert "요즘" in data.decode("utf-8")  # UTF-8 JSON, not \\u escapes
    assert decode(json.loads(data)) == ("j1", item)


def test_an_item_without_id_decodes_with_its_index_as_id() -> None:
    assert decode({"job_id": "j1", "index": 3, "message": "hi"})[1].id == "3"


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"index": 0, "message": "hi"},
        {"job_id": "", "index": 0, "message": "hi"},
        {"job_id": "j1", "index": -1, "message": "hi"},
        {"job_id": "j1", "index": MAX_ITEMS, "message": "hi"},
        {"job_id": "j1", "index": "0", "message": "hi"},
        {"job_id": "j1", "index": False, "message": "hi"},
        {"job_id": "j1", "index": 0},
        {"job_id": "j1", "index": 0, "message": " \n"},
        {"job_id": "j1", "index": 0, "message": "hi", "persona": 1},
    ],
)
def test_what_no_delivery_could_process_is_malformed(data: object) -> None:
    with pytest.raises(Malformed):
        decode(data)


def test_job_ids_are_random_without_a_key_and_fixed_per_api_key_with_one() -> None:
    assert job_id_for("k1", None) != job_id_for("k1", None)
    assert job_id_for("k1", "cohort-7") == job_id_for("k1", "cohort-7")
    assert job_id_for("k1", "cohort-7") != job_id_for("k2", "cohort-7")
    # Never ambiguous: the separator cannot be forged by moving characters between the two.
    assert job_id_for("k1", "0x") != job_id_for("k10", "x")
    for job_id in (job_id_for("k1", None), job_id_for("k1", "x")):
        assert len(job_id) == 25
        assert job_id.startswith("j")


def test_the_digest_tells_the_same_items_from_others() -> None:
    items = [BulkItem(0, "0", "a"), BulkItem(1, "1", "b")]
    assert digest(items) == digest(list(items))
    assert digest(items) != digest(items[::-1])
    assert digest(items) != digest([BulkItem(0, "0", "a", persona="lua"), items[1]])


def test_counts_outside_one_to_a_hundred_are_refused_with_their_statuses() -> None:
    check_count(1)
    check_count(MAX_ITEMS)
    with pytest.raises(NoItems) as none:
        check_count(0)
    assert (none.value.http_status, none.value.field) == (400, "items")
    with pytest.raises(TooManyItems) as many:
        check_count(MAX_ITEMS + 1)
    assert many.value.http_status == 413
    assert many.value.code == "REQUEST_TOO_LARGE"
    assert "101" in many.value.message


def test_ion_bulk_reads_items_keeps_line_numbers_and_defaults_ids() -> None:
    lines = ['{"message": "a"}', "", '{"message": "b", "id": "x", "persona": "elro"}']
    assert read_items(lines) == [
        (1, {"id": "1", "message": "a"}),
        (3, {"id": "x", "message": "b", "persona": "elro"}),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("not json", "line 1: not valid JSON"),
        ('["a"]', "line 1: expected an object"),
        ('{"text": "a"}', "line 1: unknown field 'text'"),
        ('{"message": ""}', "line 1: message must be a non-empty string"),
        ('{"message": 3}', "line 1: message must be a non-empty string"),
        ('{"message": "a", "user_id": 3}', "line 1: user_id must be a string"),
    ],
)
def test_ion_bulk_names_the_first_bad_line(line: str, expected: str) -> None:
    with pytest.raises(BadBulkLine, match=expected):
        read_items([line])


def test_ion_bulk_refuses_a_file_without_items() -> None:
    with pytest.raises(BadBulkLine, match="no items"):
        read_items(["", "  "])


def test_ion_bulk_splits_into_jobs_of_a_hundred() -> None:
    items = [(n, {"message": str(n)}) for n in range(250)]
    assert [len(c) for c in chunks(items)] == [100, 100, 50]


def record(publishing: Publishing, total: int = 3, error: str | None = None) -> JobRecord:
    return JobRecord("j1", "k1", total, "d", publishing, datetime.now(UTC), error=error)


@pytest.mark.parametrize(
    ("publishing", "counts", "interrupted", "expected"),
    [
        (Publishing.FINISHED, Counts(), False, JobStatus.QUEUED),
        (Publishing.FINISHED, Counts(done=1, started=1), False, JobStatus.RUNNING),
        (Publishing.FINISHED, Counts(done=3, started=3), False, JobStatus.DONE),
        (Publishing.FINISHED, Counts(2, 1, 3), True, JobStatus.DONE_WITH_ERRORS),
        (Publishing.FAILED, Counts(done=1, started=1), False, JobStatus.FAILED),
        (Publishing.STARTED, Counts(), False, JobStatus.QUEUED),  # still publishing
        (Publishing.STARTED, Counts(), True, JobStatus.FAILED),  # its publisher died
        # Published, but the mark was lost: the items say so.
        (Publishing.STARTED, Counts(done=1, started=1), True, JobStatus.RUNNING),
        (Publishing.STARTED, Counts(done=3, started=3), True, JobStatus.DONE),
        (Publishing.FAILED, Counts(done=3, started=3), False, JobStatus.DONE),  # resumed
    ],
)  # fmt: skip
def test_a_jobs_status_follows_its_items_first(
    publishing: Publishing, counts: Counts, interrupted: bool, expected: JobStatus
) -> None:
    status, error, over = job_status(record(publishing, error="x"), counts, interrupted=interrupted)
    assert status is expected
    assert over == (expected in (JobStatus.DONE, JobStatus.DONE_WITH_ERRORS, JobStatus.FAILED))
    assert (error is not None) == (expected is JobStatus.FAILED)


ITEM = BulkItem(0, "0", "How do I plan my week?")
OTHER = BulkItem(1, "row-1", "요즘 너무 지쳐요", user_id="u-1", persona="lua")
JOB = JobRecord(
    job_id_for("k1", "unit"),
    "k1",
    2,
    digest([ITEM, OTHER]),
    Publishing.FINISHED,
    datetime.now(UTC),
    ids=(ITEM.id, OTHER.id),
    item_digests=(item_digest(ITEM), item_digest(OTHER)),
)


class _Outcomes:
    """The store calls the worker makes, kept in memory (the Firestore store itself is tested
    against the emulator in tests/integration/test_firestore_jobs.py)."""

    def __init__(self, job: JobRecord = JOB) -> None:
        self.job = job
        self.recorded: dict[int, tuple[ItemStatus, Any, Any]] = {}
        self.failures: dict[int, int] = {}

    def get(self, job_id: str) -> JobRecord | None:
        return self.job if job_id == self.job.job_id else None

    def record(self, job_id: str, index: int, status: ItemStatus, result: Any = None,
               error: Any = None) -> bool:  # fmt: skip
        if index in self.recorded:
            return False
        self.recorded[index] = (status, result, error)
        return True

    def count_failure(self, job_id: str, index: int) -> int:
        self.failures[index] = self.failures.get(index, 0) + 1
        return self.failures[index]


class _Failing:
    def __init__(self, error: Exception) -> None:
        self.error = error
        self.calls = 0

    def run(self, request: Request) -> Outcome:
        self.calls += 1
        raise self.error


def worker(store: _Outcomes, pipeline: Any, max_attempts: int = 3) -> BulkWorker:
    return BulkWorker(cast(JobStore, store), pipeline, max_attempts)


def test_the_worker_records_an_answer_once_and_calls_the_rest_duplicates() -> None:
    store = _Outcomes()
    first = worker(store, Pipeline()).handle(JOB.job_id, ITEM)
    again = worker(store, Pipeline()).handle(JOB.job_id, ITEM)
    assert (first.handled, again.handled) == (Handled.DONE, Handled.DUPLICATE)
    status, result, _ = store.recorded[0]
    assert status is ItemStatus.DONE
    assert result["answer"]


def test_a_transient_failure_asks_for_redelivery_until_the_last_attempt() -> None:
    store, pipeline = _Outcomes(), _Failing(RuntimeError("Redis went away"))
    for attempt in (1, 2):
        with pytest.raises(RetryableFailure) as retry:
            worker(store, pipeline).handle(JOB.job_id, ITEM)
        assert retry.value.attempts == attempt
    last = worker(store, pipeline).handle(JOB.job_id, ITEM)
    assert (last.handled, last.attempts, last.error_code) == (
        Handled.FAILED,
        3,
        "ATTEMPTS_EXHAUSTED",
    )
    assert store.recorded[0][0] is ItemStatus.FAILED


def test_an_item_no_attempt_could_answer_fails_at_once() -> None:
    store, pipeline = _Outcomes(), _Failing(UnknownPersona("yoda", ["lua"], field="persona"))
    report = worker(store, pipeline).handle(JOB.job_id, ITEM)
    assert (report.handled, report.error_code) == (Handled.FAILED, "UNKNOWN_PERSONA")
    assert store.failures == {}


@pytest.mark.parametrize(
    "error",
    [
        EmptyMessage(),
        InvalidInput("mode 'x' is not valid", field="mode"),
        InvalidResonanceKey("not a key"),
        UnknownPersona("yoda", ["lua"]),
    ],
    ids=lambda error: type(error).__name__,
)
def test_every_refusal_the_pipeline_raises_fails_the_item_at_once(error: IonError) -> None:
    store = _Outcomes()
    report = worker(store, _Failing(error)).handle(JOB.job_id, ITEM)
    assert (report.handled, report.error_code) == (Handled.FAILED, error.code)
    assert store.recorded[0] == (
        ItemStatus.FAILED,
        None,
        {"code": error.code, "message": str(error)},
    )
    assert store.failures == {}


@pytest.mark.parametrize(
    "error",
    [IonError("unexpected"), Unavailable("the cache is unavailable")],
    ids=lambda error: type(error).__name__,
)
def test_an_ion_error_that_may_pass_asks_for_redelivery(error: IonError) -> None:
    store = _Outcomes()
    with pytest.raises(RetryableFailure) as retry:
        worker(store, _Failing(error)).handle(JOB.job_id, ITEM)
    assert retry.value.__cause__ is error
    assert (store.recorded, store.failures) == ({}, {0: 1})


def test_a_delivery_past_the_limit_fails_the_item_without_running_it() -> None:
    # Earlier deliveries died without counting a failure; Pub/Sub's own count says so.
    store, pipeline = _Outcomes(), _Failing(RuntimeError("never called"))
    report = worker(store, pipeline).handle(JOB.job_id, ITEM, delivery_attempt=4)
    assert (report.handled, report.error_code) == (Handled.FAILED, "ATTEMPTS_EXHAUSTED")
    assert pipeline.calls == 0
    assert store.recorded[0][0] is ItemStatus.FAILED


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"message": "' + "x" * 4001 + '"}', "line 1: message: message has 4001 characters"),
        ('{"message": "hi", "persona": "bob"}', "line 1: unknown persona 'bob'"),
        ('{"message": "hi", "id": "bad id!"}', "line 1: id: String should match pattern"),
        ('{"message": "hi", "user_id": ""}', "line 1: user_id: String should have at least"),
    ],
)
def test_ion_bulk_validates_each_line_as_the_service_will(line: str, expected: str) -> None:
    with pytest.raises(BadBulkLine, match=re.escape(expected)):
        read_items([line])


def test_ion_bulk_waits_out_a_busy_service_but_not_a_refusal() -> None:
    from core.cli import ask as _ask  # noqa: PLC0415
    from core.cli.bulk import _patiently  # noqa: PLC0415

    answers: list[Any] = [
        _ask.ServerError(429, "RATE_LIMITED", "slow down", 0.01),
        _ask.ServerError(503, "JOB_STORE_UNAVAILABLE", "retry", 0.01),
        {"job_id": "j1"},
    ]

    def call() -> dict[str, Any]:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return cast(dict[str, Any], answer)

    assert _patiently(call, deadline=time.monotonic() + 5) == {"job_id": "j1"}
    answers[:] = [_ask.ServerError(422, "INVALID_INPUT", "no", None), {"never": "reached"}]
    with pytest.raises(_ask.ServerError) as refused:
        _patiently(call, deadline=time.monotonic() + 5)
    assert refused.value.status == 422
    answers[:] = [_ask.ServerError(429, "RATE_LIMITED", "slow down", 60.0)]
    with pytest.raises(_ask.ServerError):  # waiting 60 s would pass the deadline
        _patiently(call, deadline=time.monotonic() + 5)


class _Counting:
    """A pipeline that answers and counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def run(self, request: Request) -> Outcome:
        self.calls += 1
        return Pipeline().run(request)


@pytest.mark.parametrize(
    ("job_id", "item", "why"),
    [
        (job_id_for("k1", "never-submitted"), ITEM, "its job does not exist"),
        ("j1", ITEM, "its job does not exist"),  # not even a job id
        (JOB.job_id, BulkItem(2, "2", "How do I plan my week?"), "index 2 is past the job's 2"),
        (JOB.job_id, BulkItem(99, "99", "Plan my week?"), "index 99 is past the job's 2 items"),
        (JOB.job_id, BulkItem(0, "0", "Write me a novel"), "item 0 is not the one submitted"),
        (JOB.job_id, BulkItem(1, "row-1", "요즘 너무 지쳐요", user_id="u-2", persona="lua"),
         "item 1 is not the one submitted"),
        (JOB.job_id, BulkItem(1, "row-1", "요즘 너무 지쳐요", user_id="u-1"),
         "item 1 is not the one submitted"),
        (JOB.job_id, BulkItem(0, "other", "How do I plan my week?"),
         "item 0 is not the one submitted"),
    ],
    ids=["unknown-job", "not-a-job-id", "index-at-total", "index-far-past", "other-message",
         "other-user", "persona-dropped", "other-id"],
)  # fmt: skip
def test_a_forged_delivery_is_reported_and_changes_nothing(
    job_id: str, item: BulkItem, why: str
) -> None:
    store, pipeline = _Outcomes(), _Counting()
    report = worker(store, pipeline).handle(job_id, item, delivery_attempt=99)

    assert report.handled is Handled.FORGED
    assert report.forged is not None
    assert why in report.forged
    assert item.message not in report.forged  # why, never what
    assert (store.recorded, store.failures, pipeline.calls) == ({}, {}, 0)


def test_the_submitted_items_pass_the_check() -> None:
    store, pipeline = _Outcomes(), _Counting()
    for item in (ITEM, OTHER):
        assert worker(store, pipeline).handle(JOB.job_id, item).handled is Handled.DONE
    assert sorted(store.recorded) == [0, 1]


def test_a_record_without_item_digests_is_checked_by_its_ids() -> None:
    # Written before the digests were kept; such records expire after BULK_JOB_TTL_H.
    old = dataclasses.replace(JOB, item_digests=())
    store = _Outcomes(old)
    forged = worker(store, _Counting()).handle(old.job_id, BulkItem(1, "9", "x"))
    assert forged.handled is Handled.FORGED
    assert worker(store, _Counting()).handle(old.job_id, OTHER).handled is Handled.DONE
