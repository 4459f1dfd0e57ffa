"""Answering one bulk item: what ``bulk_worker`` does with each message Pub/Sub pushes.

Pub/Sub delivers at least once, so every rule here is about deliveries, not items:

- A delivery is first checked against its job's record: the job must exist, the index must be
  one of its items, and the item must be the one submitted at that index (its
  :func:`core.bulk.item_digest`, kept in the record). Anything else is forged (or left over from
  an expired job): it is acknowledged and changes nothing, so a push that did not come from a
  submission can neither cost a model call nor count as any job's progress.
- An item's outcome is recorded by creating its outcome record, which succeeds once: of any
  number of deliveries of one item (duplicates, redeliveries, a delivery whose instance died
  before acknowledging), exactly one result counts, and the rest are acknowledged as
  duplicates. A duplicate costs no model call twice: it is answered from the response cache,
  which also makes racing deliveries wait for the one computing the answer.
- A failure that another attempt could fix (anything unexpected: a store, cache or model
  outage) is counted on the item and raised, so the delivery is not acknowledged and Pub/Sub
  redelivers it; the attempt that reaches ``max_attempts`` failures records the item as failed
  instead. A process that dies mid-attempt counts nothing: the subscription's dead-letter
  policy bounds those deliveries, and the delivery attempt Pub/Sub then reports is checked too.
- An item no attempt could answer (the request itself is refused) fails at once.
- A message no delivery could process is logged and acknowledged before it reaches the worker
  (:func:`core.bulk.handle_push`, which also turns a push into a delivery).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from core.bulk._ports import JobStore
from core.bulk._records import BulkItem, ItemStatus, is_job_id, item_digest
from core.errors import IonError
from core.personas import PersonaName
from core.pipeline import Outcome, Request
from core.prompts import PromptContext
from core.views import AnswerOut


class Handled(StrEnum):
    DONE = "done"  # answered and recorded
    FAILED = "failed"  # recorded as failed: refused, or out of attempts
    DUPLICATE = "duplicate"  # the item had an outcome already: nothing counted
    FORGED = "forged"  # no submitted item is this: nothing done (Report.forged says why)


class Answerer(Protocol):
    def run(self, request: Request) -> Outcome: ...


class RetryableFailure(Exception):
    """This attempt failed and another may succeed: let Pub/Sub redeliver the message."""

    def __init__(self, job_id: str, index: int, attempts: int) -> None:
        super().__init__(f"job {job_id} item {index}: attempt {attempts} failed; redelivery wanted")
        self.job_id = job_id
        self.index = index
        self.attempts = attempts


@dataclass(frozen=True, slots=True)
class Report:
    handled: Handled
    attempts: int = 0
    error_code: str | None = None
    forged: str | None = None  # why the delivery is no submitted item (never its text)


class BulkWorker:
    def __init__(self, store: JobStore, pipeline: Answerer, max_attempts: int) -> None:
        self._store = store
        self._pipeline = pipeline
        self._max_attempts = max_attempts

    def handle(self, job_id: str, item: BulkItem, delivery_attempt: int | None = None) -> Report:
        """``delivery_attempt``: Pub/Sub's count for this message, when it reports one."""
        forged = self._forged(job_id, item)
        if forged is not None:
            return Report(Handled.FORGED, forged=forged)
        if delivery_attempt is not None and delivery_attempt > self._max_attempts:
            # Earlier deliveries died without counting a failure (the instance crashed).
            return self._fail(job_id, item, "ATTEMPTS_EXHAUSTED", self._exhausted())
        try:
            outcome = self._pipeline.run(_request(item))
        except IonError as error:
            # The pipeline refuses an item with a 4xx (422, 404), never a retryable 429 (rate
            # limits are the HTTP edge's): every refusal fails at once, the rest is retried.
            if not error.retryable:  # the item itself is refused: no attempt can answer it
                return self._fail(job_id, item, error.code, error.message)
            return self._retry_or_fail(job_id, item, error)
        except Exception as error:  # any other failure may pass: retry it
            return self._retry_or_fail(job_id, item, error)
        result = AnswerOut.of(outcome).model_dump(mode="json")  # JSON data, as the store keeps it
        recorded = self._store.record(job_id, item.index, ItemStatus.DONE, result)
        return Report(Handled.DONE if recorded else Handled.DUPLICATE)

    def _forged(self, job_id: str, item: BulkItem) -> str | None:
        """Why the delivery is not an item of a submitted job, or None if it is one."""
        job = self._store.get(job_id) if is_job_id(job_id) else None
        if job is None:
            return "its job does not exist (or has expired)"
        if item.index >= job.total:
            return f"its index {item.index} is past the job's {job.total} items"
        if job.item_digests:
            if item_digest(item) != job.item_digests[item.index]:
                return f"item {item.index} is not the one submitted at that index"
        elif job.ids and item.id != job.ids[item.index]:
            # A record from before item digests were kept: its ids are all there is to compare.
            return f"item {item.index} does not have the id submitted at that index"
        return None

    def _retry_or_fail(self, job_id: str, item: BulkItem, error: Exception) -> Report:
        failures = self._store.count_failure(job_id, item.index)
        if failures >= self._max_attempts:
            detail = f"{self._exhausted()}; the last failure was {type(error).__name__}"
            return self._fail(job_id, item, "ATTEMPTS_EXHAUSTED", detail, failures)
        raise RetryableFailure(job_id, item.index, failures) from error

    def _fail(
        self, job_id: str, item: BulkItem, code: str, message: str, attempts: int = 0
    ) -> Report:
        error = {"code": code, "message": message}
        recorded = self._store.record(job_id, item.index, ItemStatus.FAILED, error=error)
        return Report(Handled.FAILED if recorded else Handled.DUPLICATE, attempts, code)

    def _exhausted(self) -> str:
        return f"the item failed {self._max_attempts} attempts (BULK_MAX_ATTEMPTS)"


def _request(item: BulkItem) -> Request:
    persona = PersonaName.parse(item.persona, field="persona") if item.persona else None
    return Request(
        message=item.message, persona=persona, context=PromptContext(user_id=item.user_id)
    )
