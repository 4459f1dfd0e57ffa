"""Bulk jobs in Firestore (the emulator locally), through google-cloud-firestore.

One document per job, ``{collection}/{job_id}``: ``{owner_key, total, digest, publishing, error,
created_at, expire_at}``, written at submission and once more when publishing ends. One document
per item, ``{collection}/{job_id}/items/{index:03d}``: ``{index, id, status, attempts, result,
error, started_at, finished_at, expire_at}``, written by the worker that answers it. Workers
never write the job document, so 100 items finishing at once write 100 documents once each
instead of one document 100 times (Firestore sustains about one write per second per
document); progress is counted from the items. A TTL policy on ``expire_at`` (the collection
and the ``items`` collection group) deletes finished jobs.

An attempt's writes are guarded by the item's update time (optimistic concurrency, no
transaction): a claim or result is written only over the version it was made from, so a
duplicate delivery can neither record a second result nor reopen a finished item.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from core.adapters._firestore import Connection
from core.bulk import (
    BulkItem,
    Claim,
    Counts,
    ItemRecord,
    ItemStatus,
    JobRecord,
    JobStoreUnavailable,
    Publishing,
)

_RACES = 10  # rereads after a lost race before the store gives up (only under heavy contention)


class FirestoreJobStore:
    def __init__(
        self,
        project: str,
        collection: str = "bulk_jobs",
        ttl_s: float = 7 * 86400,
        timeout_s: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._collection = collection
        self._ttl = timedelta(seconds=ttl_s)
        self._timeout_s = timeout_s
        self._clock = clock
        self._connection = Connection(project, timeout_s, JobStoreUnavailable)

    def create(self, job: JobRecord, items: Sequence[BulkItem]) -> tuple[JobRecord, bool]:
        from google.api_core.exceptions import AlreadyExists  # noqa: PLC0415 - loaded already

        expire_at = job.created_at + self._ttl
        with self._connection.client() as client:
            reference = self._job(client, job.job_id)
            batch = client.batch()  # the job and all its items, or nothing (at most 101 writes)
            batch.create(reference, _job_data(job) | {"expire_at": expire_at})
            for item in items:
                batch.create(
                    reference.collection("items").document(f"{item.index:03d}"),
                    {
                        "index": item.index,
                        "id": item.id,
                        "status": ItemStatus.PENDING.value,
                        "attempts": 0,
                        "expire_at": expire_at,
                    },
                )
            try:
                batch.commit(timeout=self._timeout_s)
            except AlreadyExists:
                snapshot = reference.get()
                if not snapshot.exists:  # created and expired between the two calls: retry
                    raise JobStoreUnavailable("the job changed while it was created") from None
                return _job_record(job.job_id, snapshot.to_dict()), False
        return job, True

    def get(self, job_id: str) -> JobRecord | None:
        with self._connection.client() as client:
            snapshot = self._job(client, job_id).get()
        if not snapshot.exists:
            return None
        data = snapshot.to_dict()
        if _expired(data, self._now()):
            return None
        return _job_record(job_id, data)

    def set_publishing(self, job_id: str, publishing: Publishing, error: str | None) -> None:
        with self._connection.client() as client:
            self._job(client, job_id).update({"publishing": publishing.value, "error": error})

    def counts(self, job_id: str) -> Counts:
        done = failed = started = 0
        last: datetime | None = None
        with self._connection.client() as client:
            query = self._items(client, job_id).select(["status", "attempts", "finished_at"])
            for snapshot in query.stream():
                data = snapshot.to_dict()
                status = data.get("status")
                done += status == ItemStatus.DONE
                failed += status == ItemStatus.FAILED
                started += int(data.get("attempts") or 0) > 0
                finished_at = data.get("finished_at")
                if isinstance(finished_at, datetime) and (last is None or finished_at > last):
                    last = finished_at
        return Counts(done=done, failed=failed, started=started, last_finished_at=last)

    def items(self, job_id: str, start: int, limit: int) -> list[ItemRecord]:
        from google.cloud.firestore_v1 import FieldFilter  # noqa: PLC0415 - loaded already

        with self._connection.client() as client:
            query = (
                self._items(client, job_id)
                .where(filter=FieldFilter("index", ">=", start))
                .order_by("index")
                .limit(limit)
            )
            return [_item_record(snapshot.to_dict()) for snapshot in query.stream()]

    def claim(self, job_id: str, index: int) -> Claim | None:
        from google.api_core.exceptions import FailedPrecondition  # noqa: PLC0415

        with self._connection.client() as client:
            reference = self._items(client, job_id).document(f"{index:03d}")
            for _ in range(_RACES):
                snapshot = reference.get()
                if not snapshot.exists:
                    return None
                data = snapshot.to_dict()
                if ItemStatus(data["status"]).terminal or _expired(data, self._now()):
                    return None
                attempts = int(data.get("attempts") or 0) + 1
                try:
                    written = reference.update(
                        {
                            "status": ItemStatus.RUNNING.value,
                            "attempts": attempts,
                            "started_at": self._now(),
                        },
                        option=client.write_option(last_update_time=snapshot.update_time),
                    )
                except FailedPrecondition:
                    continue  # another delivery of this item got in first: look again
                return Claim(job_id, index, attempts, written.update_time)
        raise JobStoreUnavailable(f"item {index} of job {job_id} kept changing")

    def finish(
        self,
        claim: Claim,
        status: ItemStatus,
        result: Mapping[str, Any] | None = None,
        error: Mapping[str, str] | None = None,
    ) -> bool:
        from google.api_core.exceptions import FailedPrecondition  # noqa: PLC0415

        fields = {
            "status": status.value,
            "result": dict(result) if result is not None else None,
            "error": dict(error) if error is not None else None,
            "finished_at": self._now(),
        }
        version = claim.version
        with self._connection.client() as client:
            reference = self._items(client, claim.job_id).document(f"{claim.index:03d}")
            for _ in range(_RACES):
                try:
                    reference.update(fields, option=client.write_option(last_update_time=version))
                except FailedPrecondition:
                    # Changed since the claim: finished by another delivery (then this result
                    # is a duplicate), or only claimed by one (then the first result wins).
                    snapshot = reference.get()
                    if not snapshot.exists or ItemStatus(snapshot.get("status")).terminal:
                        return False
                    version = snapshot.update_time
                    continue
                return True
        raise JobStoreUnavailable(f"item {claim.index} of job {claim.job_id} kept changing")

    def _job(self, client: Any, job_id: str) -> Any:
        return client.collection(self._collection).document(job_id)

    def _items(self, client: Any, job_id: str) -> Any:
        return self._job(client, job_id).collection("items")

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), UTC)


def _expired(data: Mapping[str, Any], now: datetime) -> bool:
    # The TTL policy deletes expired documents up to a day late; until then they count as gone.
    expire_at = data.get("expire_at")
    return isinstance(expire_at, datetime) and expire_at <= now


def _job_data(job: JobRecord) -> dict[str, Any]:
    return {
        "owner_key": job.owner_key,
        "total": job.total,
        "digest": job.digest,
        "publishing": job.publishing.value,
        "error": job.error,
        "created_at": job.created_at,
    }


def _job_record(job_id: str, data: Mapping[str, Any]) -> JobRecord:
    return JobRecord(
        job_id=job_id,
        owner_key=str(data["owner_key"]),
        total=int(data["total"]),
        digest=str(data["digest"]),
        publishing=Publishing(data["publishing"]),
        created_at=data["created_at"],
        error=data.get("error"),
    )


def _item_record(data: Mapping[str, Any]) -> ItemRecord:
    return ItemRecord(
        index=int(data["index"]),
        id=str(data["id"]),
        status=ItemStatus(data["status"]),
        attempts=int(data.get("attempts") or 0),
        result=data.get("result"),
        error=data.get("error"),
        finished_at=data.get("finished_at"),
    )
