"""Bulk jobs: up to 100 messages accepted at once, answered one by one by a Pub/Sub-fed worker.

``BulkJobs`` submits and reports (the ``bulk`` function), ``BulkWorker`` answers one item per
delivery (``bulk_worker``); both work through the :class:`JobStore` and :class:`Publisher`
ports, which ``core.adapters`` implements with Firestore and Pub/Sub. ``handle_push`` turns one
Pub/Sub push into a delivery for the worker, and its outcome into acknowledge or redeliver.
"""

from core.bulk._delivery import handle_push
from core.bulk._errors import (
    IdempotencyKeyReused,
    JobNotFound,
    JobStoreUnavailable,
    NoItems,
    PublishFailed,
    TooManyItems,
    TooManyItemsInFlight,
)
from core.bulk._jobs import BulkJobs, JobView, Submitted, check_count, job_id_for, job_status
from core.bulk._ports import Admit, JobStore, Publisher, PublishError
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
from core.bulk._wire import Malformed, Push, decode, delivery_attempt, encode
from core.bulk._worker import BulkWorker, Handled, Report, RetryableFailure

__all__ = [
    "MAX_ITEMS",
    "Admit",
    "BulkItem",
    "BulkJobs",
    "BulkWorker",
    "Counts",
    "Handled",
    "IdempotencyKeyReused",
    "ItemRecord",
    "ItemStatus",
    "JobNotFound",
    "JobRecord",
    "JobStatus",
    "JobStore",
    "JobStoreUnavailable",
    "JobView",
    "Malformed",
    "NoItems",
    "PublishError",
    "PublishFailed",
    "Publisher",
    "Publishing",
    "Push",
    "Report",
    "RetryableFailure",
    "Submitted",
    "TooManyItems",
    "TooManyItemsInFlight",
    "check_count",
    "decode",
    "delivery_attempt",
    "digest",
    "encode",
    "handle_push",
    "is_job_id",
    "item_digest",
    "job_id_for",
    "job_status",
]
