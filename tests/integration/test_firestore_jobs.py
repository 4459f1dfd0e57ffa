"""The bulk job store against the real Firestore emulator: a job is created once, in one
transaction with its owner's list of open jobs, an item's outcome is recorded once however many
deliveries race for it, and failed attempts are counted without losing any."""

from __future__ import annotations

import dataclasses
import threading
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest

from core.adapters.firestore_jobs import FirestoreJobStore
from core.bulk import ItemStatus, JobRecord, Publishing, TooManyItemsInFlight, job_id_for
from devtools.emulators import PROJECT
from tests.helpers import FakeClock

pytestmark = pytest.mark.usefixtures("firestore_host")
T = TypeVar("T")


def listing(open_jobs: Sequence[str], stored: JobRecord | None) -> None:
    """An admission that leaves the owner's open jobs as they are."""


def job_record(total: int = 3, owner: str = "k1") -> JobRecord:
    return JobRecord(
        job_id=job_id_for(owner, None),
        owner_key=owner,
        total=total,
        digest="d" * 64,
        publishing=Publishing.STARTED,
        created_at=datetime.now(UTC),
        ids=tuple(f"id-{n}" for n in range(total)),
        item_digests=tuple(f"{n:032x}" for n in range(total)),
    )


def new_job(store: FirestoreJobStore, total: int = 3, owner: str = "k1") -> JobRecord:
    job = job_record(total, owner)
    stored, created = store.create(job, listing)
    assert created
    assert stored == job
    return job


def store_for(ttl_s: float = 3600, clock: FakeClock | None = None) -> FirestoreJobStore:
    collection = f"jobs-{uuid.uuid4().hex[:8]}"
    if clock is None:
        return FirestoreJobStore(PROJECT, collection, ttl_s=ttl_s)
    return FirestoreJobStore(PROJECT, collection, ttl_s=ttl_s, clock=clock)


def race(count: int, call: Callable[[int], T]) -> list[T]:
    """``call(n)`` from ``count`` threads at once; their results."""
    results: list[T] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(count)

    def run(n: int) -> None:
        start.wait()
        try:
            value = call(n)
        except BaseException as error:  # reported below, in the test's own thread
            with lock:
                errors.append(error)
            return
        with lock:
            results.append(value)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def test_a_job_is_created_once_with_every_item_pending() -> None:
    store = store_for()
    job = new_job(store)

    again, created = store.create(JobRecord(**_other(job)), listing)  # type: ignore[arg-type]
    assert not created
    assert again == job
    assert store.get(job.job_id) == job
    assert [(i.index, i.id, i.status, i.attempts) for i in store.items(job, 0, 10)] == [
        (0, "id-0", ItemStatus.PENDING, 0),
        (1, "id-1", ItemStatus.PENDING, 0),
        (2, "id-2", ItemStatus.PENDING, 0),
    ]
    assert store.get(job_id_for("k1", None)) is None


def _other(job: JobRecord) -> dict[str, object]:
    """Another job under the same id (what a second submission with the same key builds)."""
    return {
        "job_id": job.job_id,
        "owner_key": job.owner_key,
        "total": 1,
        "digest": "e" * 64,
        "publishing": Publishing.STARTED,
        "created_at": datetime.now(UTC),
        "ids": ("other",),
    }


def test_an_outcome_is_recorded_once_and_the_first_one_stands() -> None:
    store = store_for()
    job = new_job(store)

    assert store.record(job.job_id, 1, ItemStatus.DONE, {"answer": "one"})
    assert not store.record(job.job_id, 1, ItemStatus.DONE, {"answer": "two"})
    assert not store.record(job.job_id, 1, ItemStatus.FAILED, error={"code": "X", "message": "x"})

    item = store.items(job, 1, 1)[0]
    assert (item.status, item.attempts, item.result) == (ItemStatus.DONE, 1, {"answer": "one"})
    counts = store.counts(job)
    assert (counts.done, counts.failed, counts.started) == (1, 0, 1)
    assert counts.last_finished_at is not None


def test_racing_deliveries_of_one_item_record_exactly_one_outcome() -> None:
    store = store_for()
    job = new_job(store, total=1)

    recorded = race(8, lambda n: store.record(job.job_id, 0, ItemStatus.DONE, {"by": n}))

    assert recorded.count(True) == 1
    counts = store.counts(job)
    assert (counts.done, counts.failed) == (1, 0)


def test_racing_failures_are_each_counted() -> None:
    store = store_for()
    job = new_job(store, total=1)

    counted = race(6, lambda _: store.count_failure(job.job_id, 0))

    assert sorted(counted) == [1, 2, 3, 4, 5, 6]
    item = store.items(job, 0, 1)[0]
    assert (item.status, item.attempts) == (ItemStatus.RUNNING, 6)


def test_attempts_count_the_failures_and_the_finishing_attempt() -> None:
    store = store_for()
    job = new_job(store, total=3)
    store.count_failure(job.job_id, 0)
    assert store.record(job.job_id, 0, ItemStatus.DONE, {"answer": "a"})  # second attempt
    for _ in range(3):
        store.count_failure(job.job_id, 1)
    exhausted = {"code": "ATTEMPTS_EXHAUSTED", "message": "3 attempts"}
    assert store.record(job.job_id, 1, ItemStatus.FAILED, error=exhausted)

    items = store.items(job, 0, 3)
    assert [(i.status, i.attempts) for i in items] == [
        (ItemStatus.DONE, 2),
        (ItemStatus.FAILED, 3),
        (ItemStatus.PENDING, 0),
    ]
    counts = store.counts(job)
    assert (counts.done, counts.failed, counts.started) == (1, 1, 2)


def test_pages_are_windows_in_index_order() -> None:
    store = store_for()
    job = new_job(store, total=5)
    store.record(job.job_id, 3, ItemStatus.DONE, {"answer": "x"})

    assert [i.index for i in store.items(job, 2, 2)] == [2, 3]
    assert store.items(job, 2, 2)[1].status == ItemStatus.DONE
    assert [i.index for i in store.items(job, 4, 10)] == [4]


def test_publishing_state_is_recorded_with_its_error() -> None:
    store = store_for()
    job = new_job(store)
    store.set_publishing(job.job_id, Publishing.FAILED, "2 of 3 queued")
    stored = store.get(job.job_id)
    assert stored is not None
    assert (stored.publishing, stored.error) == (Publishing.FAILED, "2 of 3 queued")


def test_published_is_never_overwritten_by_a_racing_submission_that_failed() -> None:
    store = store_for()
    job = new_job(store)
    store.set_publishing(job.job_id, Publishing.FINISHED, None)
    store.set_publishing(job.job_id, Publishing.FAILED, "0 of 3 queued: late")
    stored = store.get(job.job_id)
    assert stored is not None
    assert (stored.publishing, stored.error) == (Publishing.FINISHED, None)


def test_an_expired_job_is_gone_before_the_ttl_policy_deletes_it() -> None:
    clock = FakeClock(datetime.now(UTC).timestamp())
    store = store_for(ttl_s=60, clock=clock)
    job = new_job(store)
    clock.now += 61
    assert store.get(job.job_id) is None


def test_outcomes_past_the_jobs_items_are_not_counted() -> None:
    # Recorded by a forged delivery before the worker checked deliveries against the job.
    store = store_for()
    job = new_job(store, total=2)
    for index in (1, 5, 99):
        assert store.record(job.job_id, index, ItemStatus.DONE, {"answer": "x"})
    store.count_failure(job.job_id, 7)

    counts = store.counts(job)
    assert (counts.done, counts.failed, counts.started) == (1, 0, 1)
    assert store.finished(job) == 1


def test_finished_counts_every_outcome_of_the_job() -> None:
    store = store_for()
    job = new_job(store, total=4)
    assert store.finished(job) == 0
    store.record(job.job_id, 0, ItemStatus.DONE, {"answer": "a"})
    store.record(job.job_id, 3, ItemStatus.FAILED, error={"code": "X", "message": "x"})
    store.count_failure(job.job_id, 1)  # a failed attempt is no outcome
    assert store.finished(job) == 2


def test_the_admission_sees_the_owners_open_jobs_and_what_it_returns_is_kept() -> None:
    store = store_for()
    seen: list[tuple[list[str], JobRecord | None]] = []

    def admit(open_jobs: Sequence[str], stored: JobRecord | None) -> list[str]:
        seen.append((list(open_jobs), stored))
        return [*open_jobs, "next"]

    first, second = job_record(owner="k1"), job_record(owner="k1")
    assert store.create(first, admit) == (first, True)
    assert store.create(second, admit) == (second, True)
    assert store.create(job_record(owner="k2"), admit)[1]
    again, created = store.create(first, admit)  # the same id again: the stored job is shown

    assert not created
    assert again == dataclasses.replace(first, publishing_since=first.created_at)  # resumed
    assert seen == [([], None), (["next"], None), ([], None), (["next", "next"], first)]


def test_a_stored_job_admitted_again_is_resumed_in_the_same_transaction() -> None:
    # Left failed until its publishing ends, a resumed job would count as no item in flight,
    # and a submission meanwhile would take its room and drop it from the owner's list.
    store = store_for()
    job = new_job(store, total=3)
    store.set_publishing(job.job_id, Publishing.FAILED, "1 of 3 queued: NotFound")
    later = job.created_at + timedelta(minutes=5)
    resubmitted = dataclasses.replace(job, created_at=later)

    untouched, created = store.create(resubmitted, listing)  # not admitted: left as it is
    assert not created
    assert (untouched.publishing, untouched.error) == (Publishing.FAILED, "1 of 3 queued: NotFound")

    resumed, created = store.create(resubmitted, lambda open_jobs, stored: [job.job_id])
    assert not created
    expected = dataclasses.replace(job, publishing=Publishing.STARTED, publishing_since=later)
    assert resumed == expected
    assert store.get(job.job_id) == expected


def test_a_refused_admission_writes_nothing() -> None:
    store = store_for()
    job = job_record()

    def refuse(open_jobs: Sequence[str], stored: JobRecord | None) -> list[str]:
        raise TooManyItemsInFlight(10, 10, job.total)

    with pytest.raises(TooManyItemsInFlight):
        store.create(job, refuse)
    assert store.get(job.job_id) is None
    seen: list[Sequence[str]] = []
    store.create(job, lambda open_jobs, stored: seen.append(open_jobs))
    assert seen == [[]]


def test_racing_submissions_of_one_owner_are_admitted_one_after_another() -> None:
    # Each admission admits its job only if the list it is shown holds fewer than 3 jobs:
    # without the transaction, racing submissions would all see the same short list.
    store = store_for()

    def admit_up_to_three(open_jobs: Sequence[str], stored: JobRecord | None) -> list[str]:
        if len(open_jobs) >= 3:
            raise TooManyItemsInFlight(len(open_jobs), 3, 1)
        return [*open_jobs, f"job-{len(open_jobs)}"]

    def submit(_: int) -> bool:
        try:
            return store.create(job_record(total=1), admit_up_to_three)[1]
        except TooManyItemsInFlight:
            return False

    admitted = race(6, submit)

    assert admitted.count(True) == 3
