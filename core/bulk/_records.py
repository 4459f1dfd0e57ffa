"""What a bulk job is made of: the job and item records, their statuses, and fingerprints.

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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

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
