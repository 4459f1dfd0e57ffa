"""Cloud Function ``bulk``: accept up to 100 messages as a job and report on it; and its Pub/Sub
worker ``bulk_worker``, deployed from the same source, which answers one item per delivery.

``POST /v2/bulk`` records the job, publishes its items to the bulk topic and answers 202 with the
job id; ``GET /v2/bulk/{job_id}`` reports progress and pages through the results. Only the API key
that submitted a job can see it. A job costs its key one rate-limit token per item (the router
takes the first, the handler the rest, once the job is stored) and room under
``BULK_MAX_IN_FLIGHT_ITEMS``; resuming a job costs a token per item it publishes again. The rules
about deliveries (duplicates, retries, poison and forged messages) are in ``core.bulk``.
"""

from __future__ import annotations

import gc
import os

# Start-up only allocates what the instance keeps: collecting meanwhile would scan the same
# young objects again and again (about 30 ms of a cold start). bootstrap.started() resumes it.
gc.disable()
# ION uses no pydantic plugins: without this, building the first model looks for them in the
# entry points of every installed distribution (a few ms of a cold start).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import flask
import functions_framework
from cloudevents.http import CloudEvent

from core import bootstrap
from core._once import once
from core.api.bulk_schemas import (
    BULK_MAX_BODY_BYTES,
    BulkAccepted,
    BulkItemError,
    BulkItemOut,
    BulkJobOut,
    BulkJobPath,
    BulkRequest,
    BulkStatusQuery,
)
from core.api.http import Call, Route, validated
from core.api.openapi import service_router
from core.bootstrap import bulk as bulk_wiring
from core.bulk import (
    BulkItem,
    BulkJobs,
    BulkWorker,
    ItemRecord,
    TooManyItems,
    check_count,
    handle_push,
)
from core.errors import RateLimited
from core.personas import PersonaName


@once
def _jobs() -> BulkJobs:
    return bulk_wiring.build_bulk_jobs()


@once
def _worker() -> BulkWorker:
    return bulk_wiring.build_bulk_worker()


def _submit(call: Call) -> BulkAccepted:
    data = call.json_object(BULK_MAX_BODY_BYTES)
    items = data.get("items")
    limiter = router.guard.limiter
    if isinstance(items, list):  # counted before 10,000 items would each be validated
        check_count(len(items))
        if limiter.per_minute > 0 and len(items) > limiter.burst:
            raise TooManyItems(len(items), burst=limiter.burst)  # no retry could pass
    body = validated(BulkRequest, data)
    accepted = [
        BulkItem(
            index=index,
            id=item.id if item.id is not None else str(index),
            message=item.message,
            user_id=item.user_id,
            persona=PersonaName.parse(item.persona, field=f"items.{index}.persona").value
            if item.persona is not None
            else None,
        )
        for index, item in enumerate(body.items)
    ]

    def charge(published: int) -> None:
        # One token per item published; the router took the first for the request itself.
        try:
            limiter.check(call.caller.key_id, cost=published - 1)
        except RateLimited as limited:
            raise RateLimited(
                limited.retry_after_s,
                limiter.per_minute,
                subject="requests for this API key, a bulk job counting one per item",
            ) from None

    submitted = _jobs().submit(call.caller.key_id, accepted, body.idempotency_key, charge)
    return BulkAccepted(
        job_id=submitted.job_id,
        total=submitted.total,
        status_url=f"/v2/bulk/{submitted.job_id}",
        replayed=submitted.replayed,
    )


def _status(call: Call) -> BulkJobOut:
    query = call.query(BulkStatusQuery)
    view = _jobs().view(call.caller.key_id, call.params["job_id"], query.limit, query.page_token)
    return BulkJobOut(
        job_id=view.job_id,
        status=view.status.value,
        total=view.total,
        completed=view.completed,
        failed=view.failed,
        flagged=view.flagged,
        progress=view.progress,
        created_at=view.created_at.isoformat(),
        finished_at=view.finished_at.isoformat() if view.finished_at else None,
        error=view.error,
        results=[_item_out(item) for item in view.items],
        next_page_token=view.next_page_token,
    )


def _item_out(item: ItemRecord) -> BulkItemOut:
    return BulkItemOut(
        index=item.index,
        id=item.id,
        status=item.status.value,
        attempts=item.attempts,
        result=dict(item.result) if item.result is not None else None,
        error=BulkItemError.model_validate(dict(item.error)) if item.error else None,
    )


ROUTES = {
    ("POST", "/v2/bulk"): Route(
        _submit,
        "accept 1-100 messages as a job; they are answered in the background",
        BulkAccepted,
        BulkRequest,
        errors=(409, 503),
        status=202,
        max_body=BULK_MAX_BODY_BYTES,
    ),
    ("GET", "/v2/bulk/{job_id}"): Route(
        _status,
        "a job's progress, and a page of its results (only for the API key that submitted it)",
        BulkJobOut,
        errors=(404, 422, 503),
        query=BulkStatusQuery,
        path=BulkJobPath,
    ),
}

bootstrap.check()  # a bad setting stops the instance here, not on every request

router = service_router(
    "ION Mentoring: bulk",
    "Accepts up to 100 messages as a job and tracks its progress.",
    ROUTES,
    bootstrap.build_guard,
)
bootstrap.started()  # the last line of start-up


@functions_framework.http
def bulk(request: flask.Request) -> flask.Response:
    return router(request)


@functions_framework.cloud_event
def bulk_worker(event: CloudEvent) -> None:
    """Answer the one item a Pub/Sub push delivers, and record its result. Returning
    acknowledges the message; raising makes Pub/Sub redeliver it (see ``core.bulk.handle_push``).
    """
    raw = flask.request.get_json(silent=True) if flask.has_request_context() else None
    handle_push(_worker, event.data, raw)  # looked up per delivery: tests replace it
