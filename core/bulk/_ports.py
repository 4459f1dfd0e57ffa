"""The ports bulk jobs work through: the job store and the publisher, which ``core.adapters``
implements with Firestore and Pub/Sub."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from core.bulk._records import Counts, ItemRecord, ItemStatus, JobRecord, Publishing

# ``admit(open_job_ids, stored)``: given the ids of the jobs counted as the owner's items in
# flight and the job already stored under the new job's id (None if there is none), the ids to
# count from now on (None: leave them as they are); raises to refuse the job. Ids returned with a
# stored job admit it again: it is being resumed (see JobStore.create).
Admit = Callable[[Sequence[str], JobRecord | None], Sequence[str] | None]


class JobStore(Protocol):
    """Jobs and their items' outcomes. Every method raises :class:`JobStoreUnavailable` when
    the store cannot be reached in time."""

    def create(self, job: JobRecord, admit: Admit) -> tuple[JobRecord, bool]:
        """Write the job unless a job with its id exists, and the ids ``admit`` returns as its
        owner's open jobs, atomically with what ``admit`` was shown: a concurrent submission
        by the same owner (on any instance) makes this one run ``admit`` again, so ``admit``
        may run more than once. Returns the job as stored and whether this call created it;
        whatever ``admit`` raises is raised, and nothing is written. A stored job that ``admit``
        admits again is resumed in the same transaction: its publishing is STARTED again,
        ``publishing_since`` the new job's ``created_at``, its error cleared (and so returned),
        so that no other submission sees it as failed while it is published again."""
        ...

    def get(self, job_id: str) -> JobRecord | None: ...

    def set_publishing(self, job_id: str, publishing: Publishing, error: str | None) -> None: ...

    def counts(self, job: JobRecord) -> Counts:
        """What the job's items' outcomes add up to (outcomes at an index past ``job.total``,
        which no item has, are not counted)."""
        ...

    def finished(self, job: JobRecord) -> int:
        """How many of the job's items have an outcome (a cheaper :meth:`counts`)."""
        ...

    def items(self, job: JobRecord, start: int, limit: int) -> list[ItemRecord]:
        """The items from index ``start`` on, in index order, at most ``limit``."""
        ...

    def record(
        self,
        job_id: str,
        index: int,
        status: ItemStatus,
        result: Mapping[str, Any] | None = None,
        error: Mapping[str, str] | None = None,
    ) -> bool:
        """Record the item's outcome (done or failed) unless it has one already; returns
        whether this call recorded it. Atomic: of racing calls, exactly one records."""
        ...

    def count_failure(self, job_id: str, index: int) -> int:
        """Count one more failed attempt at the item; returns how many have failed."""
        ...


class PublishError(Exception):
    """Some messages were not accepted by Pub/Sub; ``published`` says how many were."""

    def __init__(self, published: int, detail: str) -> None:
        super().__init__(detail)
        self.published = published
        self.detail = detail


class Publisher(Protocol):
    def publish(self, messages: Sequence[tuple[bytes, Mapping[str, str]]]) -> None:
        """Publish every message (data, attributes) and wait until Pub/Sub has accepted all of
        them; :class:`PublishError` if any was not."""
        ...
