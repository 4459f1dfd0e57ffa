"""Bulk jobs: up to 100 messages accepted at once, answered one by one by a Pub/Sub-fed worker.

``BulkJobs`` submits and reports (the ``bulk`` function), ``BulkWorker`` answers one item per
delivery (``bulk_worker``); both work through the :class:`JobStore` and :class:`Publisher`
ports, which ``core.adapters`` implements with Firestore and Pub/Sub.
"""

from core.bulk._jobs import BulkJobs, JobView, Submitted, check_count, job_id_for, job_status
from core.bulk._model import (
    MAX_ITEMS,
    Admit,
    BulkItem,
    Counts,
    IdempotencyKeyReused,
    ItemRecord,
    ItemStatus,
    JobNotFound,
    JobRecord,
    JobStatus,
    JobStore,
    JobStoreUnavailable,
    Malformed,
    NoItems,
    Publisher,
    PublishError,
    PublishFailed,
    Publishing,
    TooManyItems,
    TooManyItemsInFlight,
    decode,
    digest,
    encode,
    is_job_id,
    item_digest,
)
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
    "Report",
    "RetryableFailure",
    "Submitted",
    "TooManyItems",
    "TooManyItemsInFlight",
    "check_count",
    "decode",
    "digest",
    "encode",
    "is_job_id",
    "item_digest",
    "job_id_for",
    "job_status",
]
