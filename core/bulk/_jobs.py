"""Submitting a bulk job and reporting on it: the service behind ``POST`` and ``GET /v2/bulk``.

Submission writes the job record (every item pending) before anything is published, then
publishes the items and marks the record published. If publishing fails part-way the record is
marked ``publish_failed`` and the caller gets a 503: the job is reported ``failed`` rather than
left half-published without a word. A job submitted with an ``idempotency_key`` has an id
derived from the key and the caller's API key, so resending the same request finds the same
job: a finished submission is answered again as it was, and so is one still being published by
another submission; an unfinished one (failed or interrupted) is resumed: its items without an
outcome are published again. Items published twice are harmless: the worker records each item
once.

What publishing costs the API key is settled before anything is published: room under
``max_in_flight``, the most items of the key's jobs that may be unanswered at once, reserved in
the transaction that stores (or resumes) the job; then one rate-limit token per item published
(``charge``), taken once that transaction has committed. A replay costs neither.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from core.bulk._errors import (
    IdempotencyKeyReused,
    JobNotFound,
    JobStoreUnavailable,
    NoItems,
    PublishFailed,
    TooManyItems,
    TooManyItemsInFlight,
)
from core.bulk._ports import JobStore, Publisher, PublishError
from core.bulk._records import (
    MAX_ITEMS,
    BulkItem,
    Counts,
    ItemRecord,
    ItemStatus,
    JobRecord,
    JobStatus,
    Publishing,
    digest,
    is_job_id,
    item_digest,
)
from core.bulk._wire import encode
from core.errors import InvalidInput, RateLimited

log = logging.getLogger(__name__)
# Where a page starts: an item index, 1-99 (core.api.bulk_schemas.PAGE_TOKEN_PATTERN documents it).
_PAGE_TOKEN = re.compile(r"[1-9][0-9]?")


@dataclass(frozen=True, slots=True)
class Submitted:
    job_id: str
    total: int
    replayed: bool  # an earlier submission with the same idempotency_key made this job


@dataclass(frozen=True, slots=True)
class JobView:
    job_id: str
    status: JobStatus
    total: int
    completed: int
    failed: int
    flagged: int  # answered items that got the safety reply
    created_at: datetime
    finished_at: datetime | None
    error: str | None
    items: list[ItemRecord]
    next_page_token: str | None

    @property
    def progress(self) -> float:
        return round((self.completed + self.failed) / self.total, 4) if self.total else 1.0


def job_id_for(owner_key: str, idempotency_key: str | None) -> str:
    """A new random id, or the one id an idempotency key stands for under this API key."""
    if idempotency_key is None:
        return "j" + uuid.uuid4().hex[:24]
    seed = f"{owner_key}\0{idempotency_key}".encode()
    return "j" + hashlib.blake2b(seed, digest_size=12).hexdigest()


def _free(items: int) -> None:
    """Charges nothing (no rate limit)."""


def check_count(count: int) -> None:
    """0 items is a 400, more than MAX_ITEMS a 413; checked before any item is validated."""
    if count == 0:
        raise NoItems
    if count > MAX_ITEMS:
        raise TooManyItems(count)


class BulkJobs:
    def __init__(
        self,
        store: JobStore,
        publisher: Callable[[], Publisher],
        *,
        publish_grace_s: float = 60.0,
        max_in_flight: int = 500,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._publisher = publisher  # built on first submission: its library is slow to import
        self._publish_grace = timedelta(seconds=publish_grace_s)
        self._max_in_flight = max_in_flight
        self._clock = clock

    def submit(
        self,
        owner_key: str,
        items: Sequence[BulkItem],
        idempotency_key: str | None = None,
        charge: Callable[[int], None] = _free,
    ) -> Submitted:
        """``charge(n)``: take the rate-limit tokens of publishing ``n`` items, or raise to
        refuse it; called at most once, after the job is stored (or resumed), and never for a
        replay. A refused charge leaves the job failed: nothing was published, and a
        resubmission with its idempotency key resumes it (and is charged then)."""
        check_count(len(items))
        record = JobRecord(
            job_id=job_id_for(owner_key, idempotency_key),
            owner_key=owner_key,
            total=len(items),
            digest=digest(items),
            publishing=Publishing.STARTED,
            created_at=self._now(),
            ids=tuple(item.id for item in items),
            item_digests=tuple(item_digest(item) for item in items),
        )
        admission = _Admission(
            record, self._max_in_flight, self.in_flight, self._store.finished, self._interrupted
        )
        stored, created = self._store.create(record, admission)
        if not created and not admission.resumed:
            # Published, or being published by another submission right now: nothing to do.
            return Submitted(stored.job_id, stored.total, replayed=True)
        try:
            # New, or resumed: a resumption publishes only the items without an outcome.
            publish = items if created else self._unfinished(stored, items)
            # Charged only now, after the transaction committed: it may run more than once, end
            # in a refusal for room or find the job stored, and a token cannot be given back.
            # Charged on a resumption too, for what it publishes again: every delivery is paid
            # for, so a job left unpaid (below) cannot be resumed for free, and resubmissions
            # cannot multiply deliveries past the rate limit (one resumption at a time, the
            # others answered as replays above).
            charge(len(publish))
        except Exception as error:
            self._abandon(stored.job_id, error)
            raise
        self._publish(stored.job_id, publish, resumable=idempotency_key is not None)
        return Submitted(stored.job_id, stored.total, replayed=not created)

    def _unfinished(self, job: JobRecord, items: Sequence[BulkItem]) -> list[BulkItem]:
        waiting = (ItemStatus.PENDING, ItemStatus.RUNNING)
        return [
            items[item.index]
            for item in self._store.items(job, 0, job.total)
            if item.status in waiting
        ]

    def _abandon(self, job_id: str, error: Exception) -> None:
        """Undo an admission before anything was published (its tokens refused, its items
        unreadable): the job is failed, holding no room, and resumable with its idempotency key.
        Left "publishing", resubmissions would be answered as replays while nobody publishes."""
        why = (
            "the API key's rate limit refused the tokens of its items"
            if isinstance(error, RateLimited)
            else f"the submission failed before publishing ({type(error).__name__})"
        )
        try:
            self._store.set_publishing(job_id, Publishing.FAILED, f"nothing was queued: {why}")
        except JobStoreUnavailable:
            # It stays "publishing" until the grace period calls it interrupted: it holds room
            # until then, and is resumed (and charged) like any interrupted job.
            log.warning("job %s: abandoned, but its record could not say so", job_id)

    def in_flight(self, job_id: str) -> int:
        """How many of the job's items are still to be answered: 0 once it is over."""
        job = self._store.get(job_id)
        if job is None:
            return 0  # expired
        finished = self._store.finished(job)
        if finished >= job.total or job.publishing is Publishing.FAILED:
            # Publishing failed: the items it did queue (one job's at most) are still answered,
            # but the rest never will be, and counting them would hold the key's room until the
            # job expires. A resubmission that resumes the job counts it again.
            return 0
        if job.publishing is Publishing.STARTED and finished == 0 and self._interrupted(job):
            _, _, over = job_status(job, self._store.counts(job), interrupted=True)
            if over:
                return 0
        return job.total - finished

    def _interrupted(self, job: JobRecord) -> bool:
        since = job.publishing_since or job.created_at
        return self._now() - since > self._publish_grace

    def _publish(self, job_id: str, items: Sequence[BulkItem], *, resumable: bool) -> None:
        try:
            if items:  # a resumption whose items all finished meanwhile has none
                self._publisher().publish([encode(job_id, item) for item in items])
        except PublishError as error:
            detail = f"{error.published} of {len(items)} queued: {error.detail}"
            self._store.set_publishing(job_id, Publishing.FAILED, detail)
            raise PublishFailed(job_id, resumable, detail) from error
        try:
            self._store.set_publishing(job_id, Publishing.FINISHED, None)
        except JobStoreUnavailable:
            # Every item is queued and will be answered: the job is accepted. Its record still
            # says publishing, which the status reads as running once items start (_status).
            log.warning("job %s: published, but its record could not say so", job_id)

    def view(
        self, owner_key: str, job_id: str, limit: int = MAX_ITEMS, page_token: str | None = None
    ) -> JobView:
        """The job as its owner sees it, with one page of item results; anyone else (and any
        id that is not a job id) gets :class:`JobNotFound`."""
        if not is_job_id(job_id):
            raise JobNotFound(job_id)
        record = self._store.get(job_id)
        if record is None or record.owner_key != owner_key:
            raise JobNotFound(job_id)
        start = _start_of(page_token)
        counts = self._store.counts(record)
        items = self._store.items(record, start, limit) if start < record.total else []
        following = start + limit
        status, error, finished_at = job_status(
            record, counts, interrupted=self._interrupted(record)
        )
        return JobView(
            job_id=job_id,
            status=status,
            total=record.total,
            completed=counts.done,
            failed=counts.failed,
            flagged=counts.flagged,
            created_at=record.created_at,
            finished_at=counts.last_finished_at if finished_at else None,
            error=error,
            items=items,
            next_page_token=str(following) if following < record.total else None,
        )

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), UTC)


class _Admission:
    """What decides whether a job may be stored (:data:`core.bulk.Admit`). The store shows it the
    jobs counted as its owner's items in flight and runs it atomically with the job's creation.

    Why a list of open jobs per owner, kept by the store and counted afresh on each submission,
    rather than a counter the worker decrements: the count is then derived from the items'
    outcome records, the one truth that exists anyway, so nothing can leak it (an instance that
    dies between recording an outcome and decrementing, a job whose publishing failed) and the
    worker writes no document shared by a job's items (Firestore sustains about one write per
    second per document). The store serialises one owner's submissions on the list, so two
    instances cannot both admit a job into the same room. Outcomes only ever appear, so a count
    read a moment early overstates the items in flight: it errs on the safe side."""

    def __init__(
        self,
        job: JobRecord,
        cap: int,
        in_flight: Callable[[str], int],
        finished: Callable[[JobRecord], int],
        interrupted: Callable[[JobRecord], bool],
    ) -> None:
        self._job = job
        self._cap = cap
        self._in_flight = in_flight
        self._finished = finished
        self._interrupted = interrupted
        # Whether the stored job was admitted again, by the run that committed (the store may
        # run this more than once: each run says afresh).
        self.resumed = False

    def __call__(self, open_jobs: Sequence[str], stored: JobRecord | None) -> list[str] | None:
        job = self._job
        self.resumed = False
        wanted = job.total
        if stored is not None:
            if stored.owner_key != job.owner_key or stored.digest != job.digest:
                raise IdempotencyKeyReused
            if stored.publishing is Publishing.FINISHED:
                return None  # a replay: nothing is published, nothing is charged
            if stored.publishing is Publishing.STARTED and not self._interrupted(stored):
                # Another submission is publishing it (or about to): resuming it too would
                # publish every item once more per concurrent resubmission.
                return None
            # A resumed job's items that finished are not in flight again.
            wanted = stored.total - self._finished(stored)
            if wanted <= 0:
                return None  # every item has an outcome: the job is over, nothing to resume
        others = {job_id: self._in_flight(job_id) for job_id in open_jobs if job_id != job.job_id}
        busy = sum(others.values())
        if busy + wanted > self._cap:
            raise TooManyItemsInFlight(busy, self._cap, wanted)
        self.resumed = stored is not None
        return [job_id for job_id, count in others.items() if count] + [job.job_id]


def job_status(
    record: JobRecord, counts: Counts, *, interrupted: bool
) -> tuple[JobStatus, str | None, bool]:
    """(status, why it failed, whether it is over). ``interrupted``: the job is older than any
    submission could take. What the items say comes first: a job whose every item finished is
    done, whatever its record says about publishing."""
    finished = counts.done + counts.failed
    if finished >= record.total:
        whole = JobStatus.DONE if counts.done == record.total else JobStatus.DONE_WITH_ERRORS
        return whole, None, True
    if record.publishing is Publishing.FAILED:
        return JobStatus.FAILED, record.error, True
    if record.publishing is Publishing.STARTED and interrupted and not counts.started:
        # Long past any publishing deadline and not one item picked up: the instance that was
        # publishing died. (Items started means they were queued: only the mark failed.)
        return JobStatus.FAILED, "publishing was interrupted before every item was queued", True
    return (JobStatus.RUNNING if counts.started else JobStatus.QUEUED), None, False


def _start_of(page_token: str | None) -> int:
    """The index a page starts at. Whether a token is well-formed does not depend on the job,
    so the OpenAPI document can say which are: one past the job's last item is an empty page,
    as in any offset pagination."""
    if page_token is None:
        return 0
    if not _PAGE_TOKEN.fullmatch(page_token):
        raise InvalidInput(
            f"page_token {page_token[:40]!r} is not a page token; send the next_page_token of "
            "the previous page (a number, 1-99), or none for the first page",
            field="page_token",
        )
    return int(page_token)
