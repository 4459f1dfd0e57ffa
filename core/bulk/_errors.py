"""The errors a bulk client can see: refused submissions (4xx, not worth retrying as they are)
and unavailable stores or publishing (503, worth retrying)."""

from __future__ import annotations

from core.bulk._records import MAX_ITEMS
from core.errors import IonError, RequestTooLarge, Unavailable


class NoItems(IonError):
    code = "NO_ITEMS"
    http_status = 400
    retryable = False

    def __init__(self) -> None:
        super().__init__(f"items is empty; send 1 to {MAX_ITEMS} items", field="items")


class TooManyItems(RequestTooLarge):
    retryable = False

    def __init__(self, count: int, burst: int | None = None) -> None:
        """``burst``: the rate limit's, when it (not MAX_ITEMS) is what ``count`` exceeds."""
        limit = (
            f"at most {MAX_ITEMS} are accepted per job"
            if burst is None
            else f"a job takes one rate-limit token per item and this API key's bucket holds "
            f"at most {burst} (RATE_LIMIT_BURST), so at most {burst} are accepted per job"
        )
        super().__init__(
            f"items has {count} entries; {limit}: split them into several jobs",
            field="items",
        )


class TooManyItemsInFlight(IonError):
    """Accepting the job would leave more of the key's items unanswered than the cap allows."""

    code = "TOO_MANY_ITEMS_IN_FLIGHT"
    http_status = 429
    retryable = True  # once more of the key's items have been answered
    retry_after_s = 15

    def __init__(self, in_flight: int, cap: int, wanted: int) -> None:
        super().__init__(
            f"this API key has {in_flight} bulk items not answered yet and this job adds "
            f"{wanted}; at most {cap} may be in flight at once (BULK_MAX_IN_FLIGHT_ITEMS): "
            f"retry after {self.retry_after_s} s, when more have finished, or send fewer items"
        )


class JobNotFound(IonError):
    code = "JOB_NOT_FOUND"
    http_status = 404
    retryable = False

    def __init__(self, job_id: str) -> None:
        super().__init__(
            f"bulk job {job_id!r} does not exist for this API key; use the job_id that "
            "POST /v2/bulk returned to this key",
            field="job_id",
        )


class IdempotencyKeyReused(IonError):
    code = "IDEMPOTENCY_KEY_REUSED"
    http_status = 409
    retryable = False

    def __init__(self) -> None:
        super().__init__(
            "this idempotency_key was already used by this API key for a job with other items; "
            "resend exactly the same items to get that job, or use a new idempotency_key",
            field="idempotency_key",
        )


class JobStoreUnavailable(Unavailable):
    code = "JOB_STORE_UNAVAILABLE"
    retryable = True

    def __init__(self, detail: str = "") -> None:
        super().__init__("the bulk job store is unavailable; retry after a few seconds", detail)


class PublishFailed(Unavailable):
    code = "BULK_PUBLISH_FAILED"
    retryable = True

    def __init__(self, job_id: str, resumable: bool, detail: str = "") -> None:
        advice = (
            "retry with the same idempotency_key and items to finish publishing this job"
            if resumable
            else "the job is marked failed; submit it again (send an idempotency_key to make "
            "a retry resume the same job)"
        )
        super().__init__(f"the items of job {job_id!r} could not all be queued; {advice}", detail)
        self.job_id = job_id
