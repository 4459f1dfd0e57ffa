"""What a bulk job costs its API key, without a network: one rate-limit token per item taken
whole or not at all, and room under the cap of items in flight. The service runs on an in-memory
job store here; the Firestore store's transaction is tested against the emulator in
tests/integration/test_firestore_jobs.py, and the whole path in
tests/functions/test_bulk_jobs_function.py."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import pytest

from core.bulk import (
    Admit,
    BulkItem,
    BulkJobs,
    Counts,
    IdempotencyKeyReused,
    ItemRecord,
    ItemStatus,
    JobRecord,
    JobStoreUnavailable,
    Publishing,
    TooManyItemsInFlight,
)
from core.errors import RateLimited
from core.ratelimit import Decision, LocalBuckets, RateLimiter
from tests.helpers import FakeClock

WEB = "web"  # an API key's id


# --- the rate limiter's cost -----------------------------------------------------------------


def test_a_cost_is_taken_whole_and_a_refusal_takes_nothing() -> None:
    clock = FakeClock(0.0)
    limiter = RateLimiter(per_minute=60, burst=10, local=LocalBuckets(clock))
    limiter.check(WEB, cost=6)
    with pytest.raises(RateLimited) as refused:
        limiter.check(WEB, cost=6)  # 4 left: not served partly
    assert refused.value.retry_after_s == 2  # when all 6 will be there, at one a second
    for _ in range(4):  # the refusal took none of the 4
        limiter.check(WEB)
    with pytest.raises(RateLimited):
        limiter.check(WEB)
    clock.now += 6
    limiter.check(WEB, cost=6)


def test_a_cost_over_the_burst_is_a_bug_not_a_wait() -> None:
    limiter = RateLimiter(per_minute=60, burst=10, local=LocalBuckets(FakeClock(0.0)))
    with pytest.raises(ValueError, match="over the burst"):
        limiter.check(WEB, cost=11)
    limiter.check(WEB, cost=10)
    limiter.check(WEB, cost=0)  # nothing to take
    RateLimiter(per_minute=0, burst=1).check(WEB, cost=500)  # limiting disabled


def test_a_cost_above_one_spends_the_lease_first_and_takes_the_rest_whole() -> None:
    class Shared:
        """A shared bucket of 10 tokens that records what it is asked for."""

        def __init__(self) -> None:
            self.tokens = 10
            self.asked: list[tuple[int, bool]] = []

        def take(
            self, key: str, capacity: int, per_second: float, count: int = 1, *, exact: bool = False
        ) -> Any:
            self.asked.append((count, exact))
            granted = min(count, self.tokens)
            if exact and granted < count:
                granted = 0
            self.tokens -= granted
            return Decision(granted > 0, 0.0 if granted else 1.0, granted)

    shared = Shared()
    limiter = RateLimiter(per_minute=1, burst=20, shared=shared)
    shared.tokens = 20
    limiter.check(WEB)  # leases 2 (a tenth of the burst), spends 1: the bucket has 18 left
    limiter.check(WEB, cost=19)  # the leased token, then 18 from the bucket at once
    assert shared.asked == [(2, False), (18, True)]
    assert shared.tokens == 0
    with pytest.raises(RateLimited):
        limiter.check(WEB, cost=2)
    assert shared.asked[-1] == (2, True)  # no lease left: the whole cost, from the bucket

    # A refusal puts back the leased tokens it had taken: they are still this key's.
    shared.tokens = 4
    limiter.check(WEB)  # leases 2, spends 1: 1 leased, 2 in the bucket
    with pytest.raises(RateLimited):
        limiter.check(WEB, cost=4)  # 1 leased + 2 is not 4
    limiter.check(WEB, cost=3)
    assert shared.tokens == 0
    with pytest.raises(RateLimited):
        limiter.check(WEB)


# --- the job service -------------------------------------------------------------------------


class _Store:
    """An in-memory JobStore: create runs the admission as the Firestore store's transaction
    does. ``contend``: run once after the next admission, before its commit, as a submission
    that commits first; the admission then runs again, as Firestore reruns the transaction.
    ``fail_commit``: the next commit fails."""

    def __init__(self) -> None:
        self.jobs: dict[str, JobRecord] = {}
        self.open: dict[str, list[str]] = {}
        self.outcomes: dict[str, set[int]] = {}
        self.contend: Callable[[], object] | None = None
        self.fail_commit = False

    def create(self, job: JobRecord, admit: Admit) -> tuple[JobRecord, bool]:
        stored, kept = self._admitted(job, admit)
        if kept is not None:
            self.open[job.owner_key] = list(kept)
            if stored is not None:  # admitted again: resumed, as JobStore.create says
                stored = dataclasses.replace(
                    stored,
                    publishing=Publishing.STARTED,
                    publishing_since=job.created_at,
                    error=None,
                )
                self.jobs[job.job_id] = stored
        if stored is not None:
            return stored, False
        self.jobs[job.job_id] = job
        return job, True

    def _admitted(
        self, job: JobRecord, admit: Admit
    ) -> tuple[JobRecord | None, Sequence[str] | None]:
        """The transaction's reads and admission, rerun as Firestore reruns it."""
        while True:
            stored = self.jobs.get(job.job_id)
            kept = admit(list(self.open.get(job.owner_key, [])), stored)
            if self.contend is not None:
                contend, self.contend = self.contend, None
                contend()
                continue
            if self.fail_commit:
                self.fail_commit = False
                raise JobStoreUnavailable("commit: deadline exceeded")
            return stored, kept

    def get(self, job_id: str) -> JobRecord | None:
        return self.jobs.get(job_id)

    def set_publishing(self, job_id: str, publishing: Publishing, error: str | None) -> None:
        # Unlike Firestore's, overwrites "published" too: the tests set states through it.
        job = self.jobs[job_id]
        self.jobs[job_id] = dataclasses.replace(job, publishing=publishing, error=error)

    def counts(self, job: JobRecord) -> Counts:
        done = len(self.outcomes.get(job.job_id, ()))
        return Counts(done=done, started=done)

    def finished(self, job: JobRecord) -> int:
        return len(self.outcomes.get(job.job_id, ()))

    def items(self, job: JobRecord, start: int, limit: int) -> list[ItemRecord]:
        done = self.outcomes.get(job.job_id, set())
        return [
            ItemRecord(n, job.ids[n], ItemStatus.DONE if n in done else ItemStatus.PENDING)
            for n in range(start, min(start + limit, job.total))
        ]

    def finish(self, job_id: str, count: int) -> None:
        self.outcomes.setdefault(job_id, set()).update(range(count))

    def record(self, *args: Any, **kwargs: Any) -> bool:
        raise AssertionError("the service never records outcomes")

    def count_failure(self, job_id: str, index: int) -> int:
        raise AssertionError("the service never counts failures")


class _Publisher:
    """Counts what it publishes. ``during``: run once, in the middle of the next publish (as a
    concurrent request would)."""

    def __init__(self) -> None:
        self.published = 0
        self.indexes: list[int] = []
        self.during: Callable[[], object] | None = None

    def publish(self, messages: Sequence[tuple[bytes, Mapping[str, str]]]) -> None:
        if self.during is not None:
            during, self.during = self.during, None
            during()
        self.published += len(messages)
        self.indexes += [json.loads(data)["index"] for data, _ in messages]


class _Charges:
    def __init__(self, refuse: bool = False) -> None:
        self.charged: list[int] = []
        self.refuse = refuse

    def __call__(self, items: int) -> None:
        if self.refuse:
            raise RateLimited(3, 600)
        self.charged.append(items)


def items(count: int, tag: str = "") -> list[BulkItem]:
    return [BulkItem(n, str(n), f"message {n} {tag}") for n in range(count)]


@pytest.fixture
def store() -> _Store:
    return _Store()


def service(store: _Store, cap: int = 150) -> tuple[BulkJobs, _Publisher]:
    publisher = _Publisher()
    return BulkJobs(store, lambda: publisher, max_in_flight=cap), publisher


def test_a_new_job_is_charged_its_items_once_and_a_replay_nothing(store: _Store) -> None:
    jobs, publisher = service(store)
    charges = _Charges()
    first = jobs.submit("k1", items(40), "cohort-1", charges)
    again = jobs.submit("k1", items(40), "cohort-1", charges)

    assert (first.replayed, again.replayed) == (False, True)
    assert charges.charged == [40]
    assert publisher.published == 40


def test_a_job_refused_by_the_rate_limit_publishes_nothing_and_holds_no_room(
    store: _Store,
) -> None:
    jobs, publisher = service(store, cap=40)
    with pytest.raises(RateLimited):
        jobs.submit("k1", items(40), "cohort-1", _Charges(refuse=True))
    assert publisher.published == 0
    (refused,) = store.jobs.values()
    assert refused.publishing is Publishing.FAILED  # its admission undone: no room held
    assert "rate limit refused" in (refused.error or "")
    assert jobs.in_flight(refused.job_id) == 0

    # Resent with its idempotency key, it is resumed, and paid for this time.
    charges = _Charges()
    again = jobs.submit("k1", items(40), "cohort-1", charges)
    assert (again.job_id, charges.charged, publisher.published) == (refused.job_id, [40], 40)


def test_the_cap_counts_every_unfinished_item_of_the_key(store: _Store) -> None:
    jobs, publisher = service(store, cap=150)
    charges = _Charges()
    first = jobs.submit("k1", items(100, "a"), charge=charges)
    jobs.submit("k1", items(50, "b"), charge=charges)

    with pytest.raises(TooManyItemsInFlight) as refused:
        jobs.submit("k1", items(1, "c"), charge=charges)
    error = refused.value
    assert (error.http_status, error.code) == (429, "TOO_MANY_ITEMS_IN_FLIGHT")
    assert error.retry_after_s == 15
    assert "150 bulk items not answered" in error.message
    assert "BULK_MAX_IN_FLIGHT_ITEMS" in error.message
    assert charges.charged == [100, 50]  # the refused job cost no tokens
    jobs.submit("k2", items(100, "c"))  # another key has its own room

    store.finish(first.job_id, 30)
    jobs.submit("k1", items(30, "d"), charge=charges)
    with pytest.raises(TooManyItemsInFlight):
        jobs.submit("k1", items(1, "e"), charge=charges)
    assert publisher.published == 280


def test_finished_and_failed_jobs_leave_the_list(store: _Store) -> None:
    jobs, _ = service(store, cap=150)
    done = jobs.submit("k1", items(100, "a"))
    store.finish(done.job_id, 100)
    failed = jobs.submit("k1", items(100, "b"))
    store.set_publishing(failed.job_id, Publishing.FAILED, "0 of 100 queued")

    latest = jobs.submit("k1", items(100, "c"))

    assert store.open["k1"] == [latest.job_id]
    assert jobs.in_flight(done.job_id) == jobs.in_flight(failed.job_id) == 0
    assert jobs.in_flight(latest.job_id) == 100


def test_a_job_whose_publisher_died_holds_no_room(store: _Store) -> None:
    clock = FakeClock(datetime.now(UTC).timestamp())
    publisher = _Publisher()
    jobs = BulkJobs(store, lambda: publisher, publish_grace_s=60, max_in_flight=100, clock=clock)
    stuck = jobs.submit("k1", items(100, "a"))
    store.set_publishing(stuck.job_id, Publishing.STARTED, None)  # as if it never finished

    with pytest.raises(TooManyItemsInFlight):
        jobs.submit("k1", items(1, "b"))
    clock.now += 61
    assert jobs.in_flight(stuck.job_id) == 0
    jobs.submit("k1", items(1, "b"))


def test_a_resumed_job_is_counted_again_and_charged_for_what_it_publishes(
    store: _Store,
) -> None:
    jobs, _ = service(store, cap=100)
    charges = _Charges()
    failed = jobs.submit("k1", items(100, "a"), "resume-me", charges)
    store.set_publishing(failed.job_id, Publishing.FAILED, "40 of 100 queued")
    store.finish(failed.job_id, 40)
    jobs.submit("k1", items(50, "b"), charge=charges)  # fits: the failed job holds no room

    with pytest.raises(TooManyItemsInFlight) as refused:
        jobs.submit("k1", items(100, "a"), "resume-me", charges)  # its 60 unfinished items
    assert "this job adds 60" in refused.value.message

    store.finish(next(j for j in store.open["k1"] if j != failed.job_id), 50)
    resumed = jobs.submit("k1", items(100, "a"), "resume-me", charges)
    assert resumed.replayed is True
    assert charges.charged == [100, 50, 60]
    assert failed.job_id in store.open["k1"]


def test_other_items_under_a_used_idempotency_key_cost_nothing(store: _Store) -> None:
    jobs, _ = service(store)
    charges = _Charges()
    jobs.submit("k1", items(3), "cohort-1", charges)
    with pytest.raises(IdempotencyKeyReused):
        jobs.submit("k1", items(4), "cohort-1", charges)
    assert charges.charged == [3]


# --- resubmissions of an unfinished job --------------------------------------------------------


def failed_job(store: _Store, jobs: BulkJobs, finished: int) -> str:
    """A job of 100 items whose publishing failed, ``finished`` of them answered."""
    job_id = jobs.submit("k1", items(100, "a"), "resume-me").job_id
    store.set_publishing(job_id, Publishing.FAILED, "40 of 100 queued")
    store.finish(job_id, finished)
    return job_id


def test_a_resumption_publishes_and_charges_only_the_items_without_an_outcome(
    store: _Store,
) -> None:
    jobs, publisher = service(store)
    job_id = failed_job(store, jobs, finished=40)
    publisher.indexes.clear()
    charges = _Charges()

    resumed = jobs.submit("k1", items(100, "a"), "resume-me", charges)

    assert (resumed.job_id, resumed.replayed) == (job_id, True)
    assert charges.charged == [60]
    assert publisher.indexes == list(range(40, 100))
    assert store.jobs[job_id].publishing is Publishing.FINISHED


def test_a_resubmission_while_the_job_is_publishing_publishes_nothing(store: _Store) -> None:
    # 50 concurrent resubmissions must not each publish the job's 100 items.
    jobs, publisher = service(store)
    charges = _Charges()
    meanwhile: list[object] = []
    publisher.during = lambda: meanwhile.append(jobs.submit("k1", items(100), "twice", charges))

    first = jobs.submit("k1", items(100), "twice", charges)

    assert meanwhile == [dataclasses.replace(first, replayed=True)]
    assert (publisher.published, charges.charged) == (100, [100])


def test_a_resubmission_while_a_resumption_is_publishing_publishes_nothing(
    store: _Store,
) -> None:
    jobs, publisher = service(store)
    job_id = failed_job(store, jobs, finished=40)
    publisher.published = 0
    charges = _Charges()
    meanwhile: list[object] = []
    publisher.during = lambda: meanwhile.append(
        jobs.submit("k1", items(100, "a"), "resume-me", charges)
    )

    jobs.submit("k1", items(100, "a"), "resume-me", charges)

    assert [getattr(answer, "job_id", None) for answer in meanwhile] == [job_id]
    assert (publisher.published, charges.charged) == (60, [60])


def test_a_resumed_job_counts_in_flight_while_it_is_published_again(store: _Store) -> None:
    # Another submission during the resumption's publishing must see the job's 60 items.
    jobs, publisher = service(store, cap=100)
    job_id = failed_job(store, jobs, finished=40)
    seen: list[tuple[Publishing, bool, str]] = []

    def another_job() -> None:
        seen.append((store.jobs[job_id].publishing, job_id in store.open["k1"], ""))
        with pytest.raises(TooManyItemsInFlight) as refused:
            jobs.submit("k1", items(50, "b"))
        seen.append(
            (store.jobs[job_id].publishing, job_id in store.open["k1"], refused.value.message)
        )

    publisher.during = another_job
    jobs.submit("k1", items(100, "a"), "resume-me")

    assert seen[0][:2] == seen[1][:2] == (Publishing.STARTED, True)
    assert "has 60 bulk items not answered" in seen[1][2]


def test_an_interrupted_resumption_is_resumed_again_after_the_grace(store: _Store) -> None:
    clock = FakeClock(datetime.now(UTC).timestamp())
    publisher = _Publisher()
    jobs = BulkJobs(store, lambda: publisher, publish_grace_s=60, clock=clock)
    job_id = failed_job(store, jobs, finished=0)
    clock.now += 3600  # long after the job was created
    resumed = jobs.submit("k1", items(100, "a"), "resume-me")
    store.set_publishing(job_id, Publishing.STARTED, None)  # as if that resumption died
    publisher.published = 0

    # Within the grace of the resumption (not of the job's creation): still being published.
    clock.now += 30
    assert jobs.in_flight(job_id) == 100
    assert jobs.submit("k1", items(100, "a"), "resume-me") == resumed
    assert publisher.published == 0
    clock.now += 31
    assert jobs.in_flight(job_id) == 0
    jobs.submit("k1", items(100, "a"), "resume-me")
    assert publisher.published == 100


# --- tokens are taken only for what was committed ----------------------------------------------


def test_a_job_refused_for_room_when_its_transaction_reruns_costs_nothing(
    store: _Store,
) -> None:
    jobs, publisher = service(store, cap=100)
    charges = _Charges()
    # Admitted on the first run; another job takes the room before the commit; the rerun
    # refuses it.
    store.contend = lambda: jobs.submit("k1", items(80, "b"), charge=charges)
    with pytest.raises(TooManyItemsInFlight):
        jobs.submit("k1", items(40, "a"), charge=charges)
    assert (charges.charged, publisher.published) == ([80], 80)


def test_a_job_found_stored_when_its_transaction_reruns_costs_nothing(store: _Store) -> None:
    jobs, publisher = service(store)
    charges = _Charges()
    store.contend = lambda: jobs.submit("k1", items(40), "same", charges)
    again = jobs.submit("k1", items(40), "same", charges)
    assert again.replayed is True
    assert (charges.charged, publisher.published) == ([40], 40)


def test_a_job_whose_commit_failed_costs_nothing(store: _Store) -> None:
    jobs, publisher = service(store)
    charges = _Charges()
    store.fail_commit = True
    with pytest.raises(JobStoreUnavailable):
        jobs.submit("k1", items(40), "cohort-1", charges)
    assert (store.jobs, charges.charged, publisher.published) == ({}, [], 0)
