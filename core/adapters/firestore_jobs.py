"""Bulk jobs in Firestore (the emulator locally), through google-cloud-firestore.

One document per job, ``{collection}/{job_id}``: ``{owner_key, total, ids, item_digests,
digest, publishing, error, created_at, publishing_since, expire_at}``, written at submission,
when a submission resumes it, and when publishing ends. Under
it, one document per finished item, ``results/{index:03d}``: ``{index, status, result, error,
finished_at, expire_at}``, *created* by the delivery that finished it. Firestore refuses to
create a document that exists, atomically, so of any number of deliveries of one item exactly
one records its outcome, in one write and no transaction. Failed attempts are counted in
``attempts/{index:03d}``. Workers never write the job document, so 100 items finishing at once
write 100 documents once each instead of one document 100 times (Firestore sustains about one
write per second per document); progress is counted from the results. A TTL policy on
``expire_at`` (the jobs collection and the ``results`` and ``attempts`` collection groups)
deletes old jobs.

Beside the jobs, one document per API key that submitted any, ``{collection}/owner-{key_id}``:
``{owner_key, jobs, expire_at}``, the ids of its jobs still counted as items in flight. A job is
created in one transaction with it, so one key's submissions are serialised on it (on every
instance) while the domain decides whether the job fits (``core.bulk.Admit``). Only submissions
write it, never the worker; its ``expire_at`` is renewed by each, so the TTL policy deletes it
after its last job. Its id can never be a job's (``j`` and 24 hex digits).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from core.adapters._firestore import Store, run_in_transaction
from core.bulk import (
    Admit,
    Counts,
    ItemRecord,
    ItemStatus,
    JobRecord,
    JobStoreUnavailable,
    Publishing,
)

_RACES = 10  # rereads after a lost race before the store gives up (only under heavy contention)


class FirestoreJobStore(Store):
    def __init__(
        self,
        project: str,
        collection: str = "bulk_jobs",
        ttl_s: float = 7 * 86400,
        timeout_s: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(
            project,
            collection,
            ttl_s=ttl_s,
            timeout_s=timeout_s,
            unavailable=JobStoreUnavailable,
            clock=clock,
        )
        self._timeout_s = timeout_s

    def create(self, job: JobRecord, admit: Admit) -> tuple[JobRecord, bool]:
        with self._connection.client() as client:
            return run_in_transaction(client, self._create, client, job, admit, max_attempts=_RACES)

    def _create(
        self, transaction: Any, client: Any, job: JobRecord, admit: Admit
    ) -> tuple[JobRecord, bool]:
        """The transaction's body: Firestore runs it again when another submission by the same
        owner committed first (both read the owner's document)."""
        owner = client.collection(self._collection).document(f"owner-{job.owner_key}")
        reference = self._job(client, job.job_id)
        listed = owner.get(transaction=transaction)
        snapshot = reference.get(transaction=transaction)
        # A job document is what it is until the TTL policy deletes it, expired or not: its
        # outcomes are still under it, and a new job must not inherit them.
        stored = _job_record(job.job_id, snapshot.to_dict()) if snapshot.exists else None
        open_jobs = [str(i) for i in (listed.to_dict() or {}).get("jobs", ())]
        kept = admit(open_jobs, stored)
        if kept is not None:
            fields = {"owner_key": job.owner_key, "jobs": list(kept)}
            transaction.set(owner, fields | {"expire_at": self._now() + self._ttl})
            if stored is not None:
                # Admitted again: resumed. Publishing from now on, in the transaction that
                # counts it, so no submission meanwhile sees it failed and drops it from the list.
                stored = dataclasses.replace(
                    stored,
                    publishing=Publishing.STARTED,
                    publishing_since=job.created_at,
                    error=None,
                )
                resumed = {"publishing": Publishing.STARTED.value, "error": None}
                transaction.update(reference, resumed | {"publishing_since": job.created_at})
        if stored is not None:
            return stored, False
        transaction.create(reference, _job_data(job) | {"expire_at": job.created_at + self._ttl})
        return job, True

    def get(self, job_id: str) -> JobRecord | None:
        with self._connection.client() as client:
            snapshot = self._job(client, job_id).get()
        if not snapshot.exists:
            return None
        data = snapshot.to_dict()
        if _expired(data, self._now()) or "total" not in data:  # "total": not an owner's
            return None
        return _job_record(job_id, data)

    def set_publishing(self, job_id: str, publishing: Publishing, error: str | None) -> None:
        """Record how publishing ended; "published" is never overwritten (two submissions with
        one idempotency key may race: once one has queued every item, the job stands)."""

        def change(snapshot: Any) -> dict[str, Any] | None:
            if not snapshot.exists or snapshot.get("publishing") == Publishing.FINISHED:
                return None
            return {"publishing": publishing.value, "error": error}

        with self._connection.client() as client:
            _read_modify_write(client, self._job(client, job_id), change)

    def counts(self, job: JobRecord) -> Counts:
        done = failed = flagged = 0
        last: datetime | None = None
        with self._connection.client() as client:
            reference = self._job(client, job.job_id)
            fields = ["index", "status", "finished_at", "safety"]
            # An index past the job's items was never published (a forged delivery recorded
            # before the worker checked them): it is no item's outcome.
            finished = {
                int(d["index"]): d
                for d in _all(reference.collection("results").select(fields))
                if int(d["index"]) < job.total
            }
            retried = {
                int(d["index"])
                for d in _all(reference.collection("attempts").select(["index"]))
                if int(d["index"]) < job.total
            }
        for data in finished.values():
            done += data.get("status") == ItemStatus.DONE
            failed += data.get("status") == ItemStatus.FAILED
            flagged += data.get("safety") not in (None, "none")
            finished_at = data.get("finished_at")
            if isinstance(finished_at, datetime) and (last is None or finished_at > last):
                last = finished_at
        started = len(finished.keys() | retried)
        return Counts(
            done=done, failed=failed, started=started, last_finished_at=last, flagged=flagged
        )

    def finished(self, job: JobRecord) -> int:
        from google.cloud.firestore import FieldFilter  # noqa: PLC0415 - loaded already

        with self._connection.client() as client:
            query = (
                self._job(client, job.job_id)
                .collection("results")
                .where(filter=FieldFilter("index", "<", job.total))
                .count(alias="n")
            )
            # One aggregation, billed as one read, instead of reading every outcome. The
            # client's deadline covers document reads and queries, not aggregations: given here.
            result = query.get(retry=None, timeout=self._timeout_s)
        return int(result[0][0].value)

    def items(self, job: JobRecord, start: int, limit: int) -> list[ItemRecord]:
        from google.cloud.firestore import FieldFilter  # noqa: PLC0415 - loaded already

        stop = min(start + limit, job.total)
        with self._connection.client() as client:
            reference = self._job(client, job.job_id)

            def page(name: str) -> dict[int, dict[str, Any]]:
                query = (
                    reference.collection(name)
                    .where(filter=FieldFilter("index", ">=", start))
                    .where(filter=FieldFilter("index", "<", stop))
                )
                return {int(data["index"]): data for data in _all(query)}

            results, attempts = page("results"), page("attempts")
        return [
            _item_record(index, job.ids[index], results.get(index), attempts.get(index))
            for index in range(start, stop)
        ]

    def record(
        self,
        job_id: str,
        index: int,
        status: ItemStatus,
        result: Mapping[str, Any] | None = None,
        error: Mapping[str, str] | None = None,
    ) -> bool:
        from google.api_core.exceptions import AlreadyExists  # noqa: PLC0415 - loaded already

        now = self._now()
        data = {
            "index": index,
            "status": status.value,
            "result": dict(result) if result is not None else None,
            # Copied out of the result so that counting flagged items reads one field.
            "safety": _safety_category(result),
            "error": dict(error) if error is not None else None,
            "finished_at": now,
            "expire_at": now + self._ttl,
        }
        with self._connection.client() as client:
            try:
                self._job(client, job_id).collection("results").document(f"{index:03d}").create(
                    data
                )
            except AlreadyExists:
                return False
        return True

    def count_failure(self, job_id: str, index: int) -> int:
        expire_at = self._now() + self._ttl

        def change(snapshot: Any) -> dict[str, Any]:
            failures = int(snapshot.get("failures")) + 1 if snapshot.exists else 1
            return {"index": index, "failures": failures, "expire_at": expire_at}

        with self._connection.client() as client:
            reference = self._job(client, job_id).collection("attempts").document(f"{index:03d}")
            written = _read_modify_write(client, reference, change)
        return int(written["failures"]) if written else 0

    def _job(self, client: Any, job_id: str) -> Any:
        return client.collection(self._collection).document(job_id)


def _read_modify_write(
    client: Any, reference: Any, change: Callable[[Any], dict[str, Any] | None]
) -> dict[str, Any] | None:
    """Write ``change(snapshot)`` over exactly the version read (created if absent), rereading
    when another writer got in first, so no concurrent change is lost; None: nothing to write.
    Optimistic, without a transaction: one read and one write when nobody races."""
    from google.api_core.exceptions import AlreadyExists, FailedPrecondition  # noqa: PLC0415

    for _ in range(_RACES):
        snapshot = reference.get()
        fields = change(snapshot)
        if fields is None:
            return None
        try:
            if snapshot.exists:
                option = client.write_option(last_update_time=snapshot.update_time)
                reference.update(fields, option=option)
            else:
                reference.create(fields)
        except (AlreadyExists, FailedPrecondition):
            continue  # another writer got in first: look again
        return fields
    raise JobStoreUnavailable(f"{reference.path} kept changing")


def _safety_category(result: Mapping[str, Any] | None) -> str | None:
    """The safety category of an answered item's result (``core.views.AnswerOut``)."""
    check = result.get("safety") if result is not None else None
    return str(check.get("category")) if isinstance(check, Mapping) else None


def _expired(data: Mapping[str, Any], now: datetime) -> bool:
    # The TTL policy deletes expired documents up to a day late; until then they count as gone.
    expire_at = data.get("expire_at")
    return isinstance(expire_at, datetime) and expire_at <= now


def _all(query: Any) -> list[dict[str, Any]]:
    return [snapshot.to_dict() for snapshot in query.stream()]


def _job_data(job: JobRecord) -> dict[str, Any]:
    return {
        "owner_key": job.owner_key,
        "total": job.total,
        "ids": list(job.ids),
        "item_digests": list(job.item_digests),
        "digest": job.digest,
        "publishing": job.publishing.value,
        "error": job.error,
        "created_at": job.created_at,
        "publishing_since": job.publishing_since,
    }


def _job_record(job_id: str, data: Mapping[str, Any]) -> JobRecord:
    return JobRecord(
        job_id=job_id,
        owner_key=str(data["owner_key"]),
        total=int(data["total"]),
        digest=str(data["digest"]),
        publishing=Publishing(data["publishing"]),
        created_at=data["created_at"],
        ids=tuple(str(i) for i in data.get("ids", ())),
        error=data.get("error"),
        item_digests=tuple(str(d) for d in data.get("item_digests", ())),
        publishing_since=data.get("publishing_since"),
    )


def _item_record(
    index: int, item_id: str, result: Mapping[str, Any] | None, attempt: Mapping[str, Any] | None
) -> ItemRecord:
    failures = int(attempt["failures"]) if attempt else 0
    if result is None:
        status = ItemStatus.RUNNING if failures else ItemStatus.PENDING
        return ItemRecord(index=index, id=item_id, status=status, attempts=failures)
    error: Mapping[str, str] | None = result.get("error")
    # The finishing attempt is counted unless it was the last failure (counted already).
    exhausted = error is not None and error.get("code") == "ATTEMPTS_EXHAUSTED"
    return ItemRecord(
        index=index,
        id=item_id,
        status=ItemStatus(result["status"]),
        attempts=failures if exhausted else failures + 1,
        result=result.get("result"),
        error=error,
        finished_at=result.get("finished_at"),
    )
