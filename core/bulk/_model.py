"""What a bulk job is made of, and the ports its stores and publisher implement.

A job is ``total`` items, each answered on its own by the worker. The job record is written once
at submission and again only when its publishing ends. Each item's outcome is its own record,
created once (a second creation is refused: that is what makes a result count exactly once),
and each failed attempt is counted in the item's own attempts record. Progress is counted from
those records, so no record is written by more than one item: a Firestore document sustains
about one write per second, and 100 workers finishing together would otherwise queue on one.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from core.errors import IonError, RequestTooLarge, Unavailable

MAX_ITEMS = 100
_JOB_ID = re.compile(r"j[0-9a-f]{24}")


class ItemStatus(StrEnum):
    PENDING = "pending"  # published, not answered yet
    RUNNING = "running"  # an attempt failed; Pub/Sub is delivering it again
    DONE = "done"
    FAILED = "failed"


class Publishing(StrEnum):
    """Where the job's publishing stands (kept on the job record)."""

    STARTED = "publishing"  # the record is written; the items are being published
    FINISHED = "published"  # every item has been accepted by Pub/Sub
    FAILED = "publish_failed"  # publishing failed part-way; resumable with the idempotency key


class JobStatus(StrEnum):
    """What ``GET /v2/bulk/{job_id}`` reports."""

    QUEUED = "queued"  # no item started yet
    RUNNING = "running"
    DONE = "done"  # every item answered
    DONE_WITH_ERRORS = "done_with_errors"  # every item finished, some failed
    FAILED = "failed"  # the items could not all be published (see BulkJob.error)


@dataclass(frozen=True, slots=True)
class BulkItem:
    """One message of a job, as submitted (validated) and as published to the worker."""

    index: int
    id: str  # the caller's id for it, or its index as text
    message: str
    user_id: str | None = None
    persona: str | None = None  # a registered persona name, already checked


@dataclass(frozen=True, slots=True)
class JobRecord:
    job_id: str
    owner_key: str
    total: int
    digest: str  # of the items, to tell a replay from a different job under the same key
    publishing: Publishing
    created_at: datetime
    ids: tuple[str, ...] = ()  # each item's id, by index
    error: str | None = None
    # Each item's item_digest, by index: what the worker checks a delivery against. Empty in
    # records written before it was kept (they expire after BULK_JOB_TTL_H).
    item_digests: tuple[str, ...] = ()
    # When the publishing under way began, if not at created_at: a resumed job's resumption.
    publishing_since: datetime | None = None


@dataclass(frozen=True, slots=True)
class ItemRecord:
    index: int
    id: str
    status: ItemStatus
    attempts: int = 0
    result: Mapping[str, Any] | None = None
    error: Mapping[str, str] | None = None  # {"code", "message"}
    finished_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Counts:
    done: int = 0
    failed: int = 0
    started: int = 0  # items finished, or with a failed attempt
    last_finished_at: datetime | None = None
    flagged: int = 0  # answered items the safety check flagged


# --- errors a client can see ----------------------------------------------------------------


class NoItems(IonError):
    code = "NO_ITEMS"
    http_status = 400

    def __init__(self) -> None:
        super().__init__(f"items is empty; send 1 to {MAX_ITEMS} items", field="items")


class TooManyItems(RequestTooLarge):
    def __init__(self, count: int, burst: int | None = None) -> None:
        """``burst``: the rate limit's, when it (not MAX_ITEMS) is what ``count`` exceeds."""
        limit = (
            f"at most {MAX_ITEMS} are accepted per job"
            if burst is None
            else f"a job takes one rate-limit token per item and this API key's bucket holds "
            f"at most {burst} (RATE_LIMIT_BURST), so at most {burst} are accepted per job"
        )
        super().__init__(
            f"items has {count} entries; {limit}: split them into several jobs",
            field="items",
        )


class TooManyItemsInFlight(IonError):
    """Accepting the job would leave more of the key's items unanswered than the cap allows."""

    code = "TOO_MANY_ITEMS_IN_FLIGHT"
    http_status = 429
    retry_after_s = 15

    def __init__(self, in_flight: int, cap: int, wanted: int) -> None:
        super().__init__(
            f"this API key has {in_flight} bulk items not answered yet and this job adds "
            f"{wanted}; at most {cap} may be in flight at once (BULK_MAX_IN_FLIGHT_ITEMS): "
            f"retry after {self.retry_after_s} s, when more have finished, or send fewer items"
        )


class JobNotFound(IonError):
    code = "JOB_NOT_FOUND"
    http_status = 404

    def __init__(self, job_id: str) -> None:
        super().__init__(
            f"bulk job {job_id!r} does not exist for this API key; use the job_id that "
            "POST /v2/bulk returned to this key",
            field="job_id",
        )


class IdempotencyKeyReused(IonError):
    code = "IDEMPOTENCY_KEY_REUSED"
    http_status = 409

    def __init__(self) -> None:
        super().__init__(
            "this idempotency_key was already used by this API key for a job with other items; "
            "resend exactly the same items to get that job, or use a new idempotency_key",
            field="idempotency_key",
        )


class JobStoreUnavailable(Unavailable):
    code = "JOB_STORE_UNAVAILABLE"

    def __init__(self, detail: str = "") -> None:
        super().__init__("the bulk job store is unavailable; retry after a few seconds", detail)


class PublishFailed(Unavailable):
    code = "BULK_PUBLISH_FAILED"

    def __init__(self, job_id: str, resumable: bool, detail: str = "") -> None:
        advice = (
            "retry with the same idempotency_key and items to finish publishing this job"
            if resumable
            else "the job is marked failed; submit it again (send an idempotency_key to make "
            "a retry resume the same job)"
        )
        super().__init__(f"the items of job {job_id!r} could not all be queued; {advice}", detail)
        self.job_id = job_id


# --- ports --------------------------------------------------------------------------------


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


# --- the wire format between bulk and bulk_worker ------------------------------------------


def encode(job_id: str, item: BulkItem) -> tuple[bytes, dict[str, str]]:
    """The Pub/Sub message for one item: JSON data, and the job id and index as attributes (so
    they are readable, for logs and filters, without decoding the data)."""
    data = {
        "job_id": job_id,
        "index": item.index,
        "id": item.id,
        "message": item.message,
        "user_id": item.user_id,
        "persona": item.persona,
    }
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return body, {"job_id": job_id, "index": str(item.index)}


class Malformed(ValueError):
    """A pushed message that no delivery could ever process."""


def decode(data: Any) -> tuple[str, BulkItem]:
    """The job id and item of a message's decoded JSON data; :class:`Malformed` if it is not
    what :func:`encode` writes."""
    if not isinstance(data, dict):
        raise Malformed("its data is not a JSON object")
    job_id, index, message = data.get("job_id"), data.get("index"), data.get("message")
    if not isinstance(job_id, str) or not job_id:
        raise Malformed("it has no job_id")
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < MAX_ITEMS:
        raise Malformed(f"it has no index from 0 to {MAX_ITEMS - 1}")
    if not isinstance(message, str) or not message.strip():
        raise Malformed("it has no message")
    optional = {name: data.get(name) for name in ("user_id", "persona")}
    if any(value is not None and not isinstance(value, str) for value in optional.values()):
        raise Malformed("its user_id or persona is not a string")
    item_id = data.get("id")
    return job_id, BulkItem(
        index=index,
        id=item_id if isinstance(item_id, str) and item_id else str(index),
        message=message,
        user_id=optional["user_id"],
        persona=optional["persona"],
    )


def is_job_id(text: str) -> bool:
    """Whether ``text`` has the shape of the ids :func:`core.bulk.job_id_for` makes."""
    return _JOB_ID.fullmatch(text) is not None


def item_digest(item: BulkItem) -> str:
    """A fingerprint of one item as the worker answers it (128 bits: no other content has the
    same one), kept in the job record so that a delivery can be checked against it."""
    canonical = json.dumps(
        [item.id, item.message, item.user_id, item.persona],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def digest(items: Sequence[BulkItem]) -> str:
    """A fingerprint of the items: equal exactly when the same items are sent in the same order."""
    canonical = json.dumps(
        [[i.id, i.message, i.user_id, i.persona] for i in items],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
