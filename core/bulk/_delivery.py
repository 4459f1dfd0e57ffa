"""One push to ``bulk_worker``, from the CloudEvent's data to acknowledge or redeliver.

Returning acknowledges the message; raising makes Pub/Sub redeliver it (with backoff, and to the
dead-letter topic after the subscription's maximum deliveries). A message no delivery could
process is logged and acknowledged, never retried forever (python-docs-samples:
tips-avoid-infinite-retries); so is a forged one (no submitted job has that item); an item
already finished is acknowledged without being counted again. The rules about the item itself
are :class:`core.bulk.BulkWorker`'s.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from core import observability
from core.bulk._errors import JobStoreUnavailable
from core.bulk._wire import Malformed, Push, delivery_attempt
from core.bulk._worker import BulkWorker, RetryableFailure


def handle_push(worker: Callable[[], BulkWorker], data: Any, raw: Any = None) -> None:
    """Answer and record the item one push delivers; raises when it should be delivered again.

    ``worker``: called only for a push that carries an item (a malformed one builds nothing).
    ``data``: the CloudEvent's data. ``raw``: the request's own JSON body, when there is one: a
    push arrives as a raw Pub/Sub body, which functions-framework turns into a CloudEvent
    without the delivery attempt, so that is read from the request itself too.
    """
    push = Push.of(data)
    context = {"message_id": push.message_id, "attributes": push.attributes}
    try:
        job_id, item = push.item()
    except Malformed as problem:
        # The payload is never logged: it is a user's text. Only what is wrong with it.
        observability.log("WARNING", f"bulk_worker dropped a message: {problem}", **context)
        return
    ids = {"job_id": job_id, "index": item.index, **context}
    began = time.perf_counter()
    with (
        observability.scope(function="bulk_worker", job_id=job_id, item=item.index),
        observability.span("queue.process", "answer one bulk item"),
    ):
        # Inside the scope: the scope starts with nothing confided, and its Sentry events must
        # have this item's texts scrubbed (an exception may quote them). Only what a person
        # wrote: the job id and index are the tags that find the item. Redelivery is asked for
        # inside the span too, so that the span records the failure.
        observability.confide({"message": item.message, "user_id": item.user_id})
        try:
            report = worker().handle(job_id, item, delivery_attempt(data, raw))
        except RetryableFailure as failure:
            observability.capture_failure(failure, job_id=job_id, item=item.index)
            cause = type(failure.__cause__).__name__
            observability.log("ERROR", f"bulk_worker: {failure}; cause {cause}", **ids)
            raise
        except JobStoreUnavailable as error:
            observability.capture_failure(error, job_id=job_id, item=item.index)
            observability.log(
                "ERROR", f"bulk_worker: job store unavailable ({error.message}); redelivery", **ids
            )
            raise
        if report.forged is not None:
            # Why, never what: the text may be anyone's.
            observability.log(
                "WARNING", f"bulk_worker dropped a forged message: {report.forged}", **ids
            )
            return
        if report.error_code is not None:
            failed = RuntimeError(f"bulk item failed: {report.error_code}")
            observability.capture_failure(failed, job_id=job_id, item=item.index)
        observability.log(
            "INFO" if report.error_code is None else "WARNING",
            f"bulk_worker: item {report.handled.value}",
            latency_ms=round((time.perf_counter() - began) * 1000, 2),
            attempts=report.attempts,
            error_code=report.error_code,
            **ids,
        )
