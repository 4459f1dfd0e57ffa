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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from core.errors import IonError, RequestTooLarge, Unavailable

MAX_ITEMS = 100


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
    def __init__(self, count: int) -> None:
        super().__init__(
            f"items has {count} entries; at most {MAX_ITEMS} are accepted per job: split "
            "them into several jobs (ion bulk does)",
            field="items",
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


class JobStore(Protocol):
    """Jobs and their items' outcomes. Every method raises :class:`JobStoreUnavailable` when
    the store cannot be reached in time."""

    def create(self, job: JobRecord) -> tuple[JobRecord, bool]:
        """Write the job unless a job with its id exists. Returns the job as stored and whether
        this call created it."""
        ...

    def get(self, job_id: str) -> JobRecord | None: ...

    def set_publishing(self, job_id: str, publishing: Publishing, error: str | None) -> None: ...

    def counts(self, job_id: str) -> Counts: ...

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


def digest(items: Sequence[BulkItem]) -> str:
    """A fingerprint of the items: equal exactly when the same items are sent in the same order."""
    canonical = json.dumps(
        [[i.id, i.message, i.user_id, i.persona] for i in items],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
