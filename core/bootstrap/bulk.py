"""The bulk function's wiring: Firestore for the job records, Pub/Sub for the items, and the
same pipeline (and cache) as ``process`` for the answers. Neither library is imported until
the first request that needs it."""

from __future__ import annotations

from core._once import once
from core.adapters.firestore_jobs import FirestoreJobStore
from core.adapters.pubsub_publisher import PubSubPublisher
from core.bootstrap import build_pipeline, settings
from core.bulk import BulkJobs, BulkWorker, JobStore, Publisher
from core.config import Settings


def build_job_store(config: Settings) -> JobStore:
    bulk = config.bulk
    return FirestoreJobStore(
        project=config.project,
        collection=bulk.collection,
        ttl_s=bulk.job_ttl_s,
        timeout_s=bulk.timeout_s,
    )


def build_bulk_jobs(config: Settings | None = None) -> BulkJobs:
    """Submitting and reporting bulk jobs: Firestore for the records, Pub/Sub for the items.
    Neither library is imported until the first request that needs it."""
    config = config or settings()

    @once
    def publisher() -> Publisher:
        return PubSubPublisher(config.project, config.bulk.topic, config.bulk.timeout_s)

    # A job still publishing, with no item started, well past the longest submission (create,
    # publish and mark: three deadlines) was interrupted: its instance died.
    grace = 3 * config.bulk.timeout_s + 10
    return BulkJobs(
        build_job_store(config),
        publisher,
        publish_grace_s=grace,
        max_in_flight=config.bulk.max_in_flight_items,
    )


def build_bulk_worker(config: Settings | None = None) -> BulkWorker:
    """One bulk item per delivery, answered by the same pipeline (and cache) as ``process``."""
    config = config or settings()
    return BulkWorker(build_job_store(config), build_pipeline(config), config.bulk.max_attempts)
