"""The bulk job store against the real Firestore emulator: atomic creation, and the attempt
rules that make a result count once however many deliveries race for an item."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime

import pytest

from core.adapters.firestore_jobs import FirestoreJobStore
from core.bulk import BulkItem, ItemStatus, JobRecord, Publishing, digest, job_id_for
from devtools.emulators import PROJECT
from tests.helpers import FakeClock

pytestmark = pytest.mark.usefixtures("firestore_host")


def new_job(store: FirestoreJobStore, total: int = 3, owner: str = "k1") -> JobRecord:
    items = [BulkItem(n, f"id-{n}", f"message {n}") for n in range(total)]
    job = JobRecord(
        job_id=job_id_for(owner, None),
        owner_key=owner,
        total=total,
        digest=digest(items),
        publishing=Publishing.STARTED,
        created_at=datetime.now(UTC),
    )
    stored, created = store.create(job, items)
    assert created
    assert stored == job
    return job


def store_for(ttl_s: float = 3600, clock: FakeClock | None = None) -> FirestoreJobStore:
    collection = f"jobs-{uuid.uuid4().hex[:8]}"
    if clock is None:
        return FirestoreJobStore(PROJECT, collection, ttl_s=ttl_s)
    return FirestoreJobStore(PROJECT, collection, ttl_s=ttl_s, clock=clock)


def test_a_job_is_created_once_with_every_item_pending() -> None:
    store = store_for()
    job = new_job(store)

    again, created = store.create(job, [BulkItem(0, "other", "other")])
    assert not created
    assert again == job
    assert store.get(job.job_id) == job
    assert [(i.index, i.id, i.status) for i in store.items(job.job_id, 0, 10)] == [
        (0, "id-0", ItemStatus.PENDING),
        (1, "id-1", ItemStatus.PENDING),
        (2, "id-2", ItemStatus.PENDING),
    ]
    assert store.get(job_id_for("k1", None)) is None


def test_each_claim_is_one_more_attempt_and_a_finished_item_is_never_claimed() -> None:
    store = store_for()
    job = new_job(store)

    first = store.claim(job.job_id, 1)
    second = store.claim(job.job_id, 1)
    assert first is not None
    assert second is not None
    assert (first.attempts, second.attempts) == (1, 2)
    # The first attempt to finish wins, even if another began after it.
    assert store.finish(first, ItemStatus.DONE, result={"answer": "one"})
    assert not store.finish(second, ItemStatus.DONE, result={"answer": "two"})
    assert not store.finish(second, ItemStatus.FAILED, error={"code": "X", "message": "x"})
    assert store.claim(job.job_id, 1) is None
    assert store.claim(job.job_id, 9) is None  # no such item

    (item,) = store.items(job.job_id, 1, 1)
    assert (item.status, item.attempts, item.result) == (ItemStatus.DONE, 2, {"answer": "one"})
    counts = store.counts(job.job_id)
    assert (counts.done, counts.failed, counts.started) == (1, 0, 1)
    assert counts.last_finished_at is not None


def test_racing_deliveries_of_one_item_record_exactly_one_result() -> None:
    store = store_for()
    job = new_job(store, total=1)
    recorded: list[bool] = []
    lock = threading.Lock()

    def deliver(n: int) -> None:
        claim = store.claim(job.job_id, 0)
        won = claim is not None and store.finish(claim, ItemStatus.DONE, result={"by": n})
        with lock:
            recorded.append(won)

    threads = [threading.Thread(target=deliver, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert recorded.count(True) == 1
    counts = store.counts(job.job_id)
    assert (counts.done, counts.failed) == (1, 0)


def test_counts_and_pages_follow_the_items() -> None:
    store = store_for()
    job = new_job(store, total=5)
    for index, status in ((0, ItemStatus.DONE), (3, ItemStatus.FAILED)):
        claim = store.claim(job.job_id, index)
        assert claim is not None
        assert store.finish(claim, status)
    assert store.claim(job.job_id, 4) is not None  # started, not finished

    counts = store.counts(job.job_id)
    assert (counts.done, counts.failed, counts.started) == (1, 1, 3)
    assert [i.index for i in store.items(job.job_id, 2, 2)] == [2, 3]
    assert [i.index for i in store.items(job.job_id, 4, 10)] == [4]


def test_publishing_state_is_recorded_with_its_error() -> None:
    store = store_for()
    job = new_job(store)
    store.set_publishing(job.job_id, Publishing.FAILED, "2 of 3 queued")
    stored = store.get(job.job_id)
    assert stored is not None
    assert (stored.publishing, stored.error) == (Publishing.FAILED, "2 of 3 queued")


def test_an_expired_job_is_gone_before_the_ttl_policy_deletes_it() -> None:
    clock = FakeClock(datetime.now(UTC).timestamp())
    store = store_for(ttl_s=60, clock=clock)
    job = new_job(store)
    clock.now += 61
    assert store.get(job.job_id) is None
    assert store.claim(job.job_id, 0) is None
