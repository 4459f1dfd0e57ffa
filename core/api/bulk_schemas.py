"""Request and response bodies of the ``bulk`` function (``POST /v2/bulk``,
``GET /v2/bulk/{job_id}``), apart from ``core.api.schemas`` so that the other functions do not
build them at a cold start. An item is validated as ``POST /v2/process`` validates its body, by
the shared text rules of ``core.api.schemas``."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from core.api.schemas import (
    Identifier,
    Message,
    NoBidi,
    PersonaField,
    RequestBody,
    ResponseBody,
)
from core.views import AnswerOut

# 100 items of 4000 characters, even when every one is \u-escaped as a surrogate pair (12 bytes:
# an emoji from a JSON encoder that escapes all but ASCII), with their ids and personas: a body
# the document calls valid is never refused as too large.
BULK_MAX_BODY_BYTES = 5 * 1024 * 1024


# --- requests -------------------------------------------------------------------------------


class BulkItemIn(RequestBody):
    """One message of a job; validated as ``POST /v2/process`` validates its body."""

    id: Identifier | None = Field(
        default=None, description="the caller's id for the item; default: its index"
    )
    message: Message
    user_id: Identifier | None = None
    persona: PersonaField | None = None


class BulkRequest(RequestBody):
    items: list[BulkItemIn] = Field(
        description="1-100 items (no more than the key's rate-limit bucket holds, "
        "RATE_LIMIT_BURST, where that is set below 100: a job costs a token per item)",
        json_schema_extra={"minItems": 1, "maxItems": 100},
    )
    idempotency_key: Identifier | None = Field(
        default=None,
        description="resending a request with the same key (from the same API key) returns the "
        "same job instead of making another; resumes a job whose items were not all queued",
    )


def _digits(value: object) -> object:
    # Lax parsing would also read " 5", "+5", "5_0" and "5.0" as 5: none is an integer as the
    # OpenAPI document (and a client) writes one.
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise PydanticCustomError(
            "int_digits", "send a whole number from 1 to 100, in the digits 0-9"
        )
    return value


# Where the next page starts: an item index, 1-99 (a job has at most 100 items). A well-formed
# token past the job's last item is an empty page. core.bulk checks it (_PAGE_TOKEN), with a
# message that says where a token comes from.
PAGE_TOKEN_PATTERN = r"^[1-9][0-9]?$"  # noqa: S105 (a pattern, not a secret)
PageToken = Annotated[str, Field(json_schema_extra={"pattern": PAGE_TOKEN_PATTERN}), NoBidi]


class BulkStatusQuery(BaseModel):
    # Query values arrive as text: "50" is the number 50 here (lax, but digits only), unknown
    # names are refused.
    model_config = ConfigDict(extra="forbid", frozen=True)

    limit: Annotated[int, BeforeValidator(_digits)] = Field(
        default=100, ge=1, le=100, description="results per page, 1-100"
    )
    page_token: PageToken | None = Field(
        default=None,
        max_length=16,
        description="next_page_token of the previous page (a number, 1-99); none for the first",
    )


# A path parameter, for the OpenAPI document; the handler checks it and answers 404.
class BulkJobPath(BaseModel):
    job_id: str = Field(
        description="the job_id that POST /v2/bulk returned (core.bulk.is_job_id)",
        json_schema_extra={"pattern": r"^j[0-9a-f]{24}$"},
    )


# --- responses ------------------------------------------------------------------------------


class BulkAccepted(ResponseBody):
    job_id: str
    total: int
    status_url: str
    replayed: bool = Field(
        description="true when an earlier request with the same idempotency_key made this job"
    )


class BulkItemError(ResponseBody):
    code: str
    message: str


class BulkItemOut(ResponseBody):
    index: int
    id: str
    status: Literal["pending", "running", "done", "failed"]
    attempts: int
    result: AnswerOut | None = Field(
        default=None, exclude_if=lambda v: v is None, description="when done: the answer"
    )
    error: BulkItemError | None = Field(default=None, exclude_if=lambda v: v is None)


class BulkJobOut(ResponseBody):
    job_id: str
    status: Literal["queued", "running", "done", "done_with_errors", "failed"]
    total: int
    completed: int = Field(description="items answered")
    failed: int = Field(description="items that failed")
    flagged: int = Field(
        description="answered items the safety check flagged (they got the safety reply)"
    )
    progress: float = Field(description="(completed + failed) / total, 0 to 1")
    created_at: str
    finished_at: str | None
    error: str | None = Field(default=None, exclude_if=lambda v: v is None)
    results: list[BulkItemOut]
    next_page_token: str | None
