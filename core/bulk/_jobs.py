"""Submitting a bulk job and reporting on it: the service behind ``POST`` and ``GET /v2/bulk``.

Submission writes the job record (every item pending) before anything is published, then
publishes the items and marks the record published. If publishing fails part-way the record is
marked ``publish_failed`` and the caller gets a 503: the job is reported ``failed`` rather than
left half-published without a word. A job submitted with an ``idempotency_key`` has an id
derived from the key and the caller's API key, so resending the same request finds the same
job: a finished submission is answered again as it was, an unfinished one (failed or
interrupted) publishes its items again and completes. Items published twice are harmless: the
worker records each item once.
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

from core.bulk._model import (
    MAX_ITEMS,
    BulkItem,
    Counts,
    IdempotencyKeyReused,
    ItemRecord,
    JobNotFound,
    JobRecord,
    JobStatus,
    JobStore,
    JobStoreUnavailable,
    NoItems,
    Publisher,
    PublishError,
    PublishFailed,
    Publishing,
    TooManyItems,
    digest,
    encode,
)
from core.errors import InvalidInput

log = logging.getLogger(__name__)
_JOB_ID = re.compile(r"j[0-9a-f]{24}")
_PAGE_TOKEN = re.compile(r"[1-9][0-9]{0,2}")


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
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._publisher = publisher  # built on first submission: its library is slow to import
        self._publish_grace = timedelta(seconds=publish_grace_s)
        self._clock = clock

    def submit(
        self, owner_key: str, items: Sequence[BulkItem], idempotency_key: str | None = None
    ) -> Submitted:
        check_count(len(items))
        record = JobRecord(
            job_id=job_id_for(owner_key, idempotency_key),
            owner_key=owner_key,
            total=len(items),
            digest=digest(items),
            publishing=Publishing.STARTED,
            created_at=self._now(),
            ids=tuple(item.id for item in items),
        )
        stored, created = self._store.create(record)
        if not created:
            if stored.owner_key != owner_key or stored.digest != record.digest:
                raise IdempotencyKeyReused
            if stored.publishing is Publishing.FINISHED:
                return Submitted(stored.job_id, stored.total, replayed=True)
            # Failed or interrupted part-way: publish again; the worker drops duplicates.
        self._publish(stored.job_id, items, resumable=idempotency_key is not None)
        return Submitted(stored.job_id, stored.total, replayed=not created)

    def _publish(self, job_id: str, items: Sequence[BulkItem], *, resumable: bool) -> None:
        try:
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
        if not _JOB_ID.fullmatch(job_id):
            raise JobNotFound(job_id)
        record = self._store.get(job_id)
        if record is None or record.owner_key != owner_key:
            raise JobNotFound(job_id)
        start = _start_of(page_token, record.total)
        counts = self._store.counts(job_id)
        items = self._store.items(record, start, limit)
        following = start + limit
        interrupted = self._now() - record.created_at > self._publish_grace
        status, error, finished_at = job_status(record, counts, interrupted=interrupted)
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


def _start_of(page_token: str | None, total: int) -> int:
    if page_token is None:
        return 0
    if not _PAGE_TOKEN.fullmatch(page_token) or not 0 < int(page_token) < total:
        raise InvalidInput(
            f"page_token {page_token[:40]!r} is not one this job gave; send the "
            "next_page_token of the previous page, or none for the first page",
            field="page_token",
        )
    return int(page_token)
