"""Answering one bulk item: what ``bulk_worker`` does with each message Pub/Sub pushes.

Pub/Sub delivers at least once, so every rule here is about deliveries, not items:

- A delivery of an item that has finished (done or failed) is acknowledged and changes nothing,
  so redeliveries and duplicates are never counted twice.
- Each delivery counts one attempt on the item's record before it runs. A failure that another
  attempt could fix (anything unexpected: a store, cache or model outage) is raised, so the
  delivery is not acknowledged and Pub/Sub redelivers it; on the last allowed attempt the item is
  recorded as failed instead, and a delivery that finds the attempts spent does the same. An
  item no attempt could answer (the request itself is invalid) fails at once.
- A result is recorded only if nothing else finished the item since this attempt began; of two
  deliveries racing, the first to finish wins and the second is a duplicate.
- A message no delivery could process is for the caller (the function) to log and acknowledge:
  :func:`core.bulk.decode` raises :class:`core.bulk.Malformed` for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from core.bulk._model import BulkItem, Claim, ItemStatus, JobStore
from core.errors import IonError
from core.personas import PersonaName
from core.pipeline import Outcome, Request
from core.prompts import PromptContext
from core.serialize import analysis_dict


class Handled(StrEnum):
    DONE = "done"  # answered and recorded
    FAILED = "failed"  # recorded as failed: invalid, or out of attempts
    DUPLICATE = "duplicate"  # already finished, or finished by another delivery meanwhile
    UNKNOWN = "unknown"  # no such item: its job expired, or never existed


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


class BulkWorker:
    def __init__(self, store: JobStore, pipeline: Answerer, max_attempts: int) -> None:
        self._store = store
        self._pipeline = pipeline
        self._max_attempts = max_attempts

    def handle(self, job_id: str, item: BulkItem) -> Report:
        claim = self._store.claim(job_id, item.index)
        if claim is None:
            exists = self._store.get(job_id) is not None
            return Report(Handled.DUPLICATE if exists else Handled.UNKNOWN)
        if claim.attempts > self._max_attempts:
            return self._fail(claim, "ATTEMPTS_EXHAUSTED", self._exhausted())
        try:
            outcome = self._pipeline.run(_request(item))
        except IonError as error:
            if error.http_status < 500:  # the item itself is refused: no attempt can answer it
                return self._fail(claim, error.code, error.message)
            return self._retry_or_fail(claim, error)
        except Exception as error:  # any other failure may pass: retry it
            return self._retry_or_fail(claim, error)
        recorded = self._store.finish(claim, ItemStatus.DONE, result=result_of(outcome))
        return Report(Handled.DONE if recorded else Handled.DUPLICATE, claim.attempts)

    def _retry_or_fail(self, claim: Claim, error: Exception) -> Report:
        if claim.attempts >= self._max_attempts:
            detail = f"{self._exhausted()}; the last failure was {type(error).__name__}"
            return self._fail(claim, "ATTEMPTS_EXHAUSTED", detail)
        raise RetryableFailure(claim.job_id, claim.index, claim.attempts) from error

    def _fail(self, claim: Claim, code: str, message: str) -> Report:
        recorded = self._store.finish(
            claim, ItemStatus.FAILED, error={"code": code, "message": message}
        )
        return Report(Handled.FAILED if recorded else Handled.DUPLICATE, claim.attempts, code)

    def _exhausted(self) -> str:
        return f"the item failed {self._max_attempts} attempts (BULK_MAX_ATTEMPTS)"


def _request(item: BulkItem) -> Request:
    persona = PersonaName.parse(item.persona, field="persona") if item.persona else None
    return Request(
        message=item.message, persona=persona, context=PromptContext(user_id=item.user_id)
    )


def result_of(outcome: Outcome) -> Mapping[str, Any]:
    """What an item's result holds: the answer and how it was reached, as ``process`` reports
    them (no request id, session or timings: those belong to a request, not to a job)."""
    routing = outcome.routing
    result: dict[str, Any] = {
        "persona": routing.primary.value,
        "secondary_persona": routing.secondary.value,
        "confidence": routing.confidence,
        "resonance_key": str(routing.key),
        "analysis": analysis_dict(outcome.analysis),
        "answer": outcome.answer,
        "generator": outcome.generator,
        "cache": {"hit": outcome.cache.hit, "tier": outcome.cache.tier},
    }
    if outcome.fallback_reason is not None:
        result["fallback_reason"] = outcome.fallback_reason.value
    return result
