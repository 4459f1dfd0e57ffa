"""Request and response bodies of the HTTP API (v2), as pydantic models.

Requests are validated strictly: unknown fields are refused (a typo such as ``persnoa`` must not
be silently ignored) and values are not coerced (``"true"`` is not a boolean). Each refusal
becomes a 422 ``INVALID_INPUT`` naming the field (see ``core.api.http``).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from core.errors import FailureReason

MESSAGE_MAX_CHARS = 4000
# Control characters would reach prompts and logs verbatim; newline and tab are ordinary text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean_message(value: str) -> str:
    # Windows clients end lines with CR LF: that is a newline, not a control character.
    text = value.replace("\r\n", "\n").strip()
    if not text:
        raise PydanticCustomError(
            "empty_message",
            "message is empty or whitespace only; send 1 to {limit} visible characters",
            {"limit": MESSAGE_MAX_CHARS},
        )
    if len(text) > MESSAGE_MAX_CHARS:
        raise PydanticCustomError(
            "message_too_long",
            "message has {length} characters after trimming; at most {limit} are accepted",
            {"length": len(text), "limit": MESSAGE_MAX_CHARS},
        )
    control = _CONTROL.search(text)
    if control:
        raise PydanticCustomError(
            "control_character",
            "message contains control character {char} at position {position}; "
            "only newline (LF or CR LF) and tab are accepted",
            {"char": f"U+{ord(control.group()):04X}", "position": control.start()},
        )
    return text


Message = Annotated[
    str,
    AfterValidator(_clean_message),
    Field(
        description="1-4000 characters after trimming; no control characters but newline and tab",
        json_schema_extra={"minLength": 1, "maxLength": MESSAGE_MAX_CHARS},
    ),
]
Identifier = Annotated[
    str, StringConstraints(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:@-]+$")
]


def _usable_session_id(value: str) -> str:
    # A session id is also a document id: Firestore refuses "." and ".." and reserves "__".
    if value in (".", "..") or value.startswith("__"):
        raise PydanticCustomError(
            "session_id", 'session_id may not be "." or ".." or start with "__"'
        )
    return value


SessionId = Annotated[Identifier, AfterValidator(_usable_session_id)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Response(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- requests -------------------------------------------------------------------------------


class ProcessOptions(_Request):
    include_prompt: bool = False
    use_cache: bool = True  # false: neither read nor write the response cache
    refresh: bool = False  # true: recompute and overwrite the cached answer


class ProcessRequest(_Request):
    message: Message
    # Checked against the registered personas by the handler, so that an unknown name is
    # reported as UNKNOWN_PERSONA (with the accepted names) rather than a generic error.
    persona: Annotated[str, StringConstraints(max_length=32)] | None = None
    user_id: Identifier | None = None
    session_id: SessionId | None = None
    options: ProcessOptions = Field(default_factory=ProcessOptions)


class RecommendRequest(_Request):
    """Exactly one of ``message`` (what a person wrote) or ``scenario`` (a description of a
    situation, e.g. from a course platform)."""

    message: Message | None = None
    scenario: Message | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> RecommendRequest:
        if (self.message is None) == (self.scenario is None):
            raise PydanticCustomError(
                "message_or_scenario", "send exactly one of message or scenario"
            )
        return self

    @property
    def text(self) -> str:
        return self.message if self.message is not None else str(self.scenario)


LEGACY_MESSAGE_MAX_CHARS = 1000


class ChatRequest(_Request):
    """The original v1 contract: both fields required."""

    message: Annotated[
        Message,
        StringConstraints(max_length=LEGACY_MESSAGE_MAX_CHARS),
        Field(
            description="1-1000 characters after trimming; no control characters but newline "
            "and tab",
            json_schema_extra={"minLength": 1, "maxLength": LEGACY_MESSAGE_MAX_CHARS},
        ),
    ]
    # v1 allowed any 1-128 characters; control characters would reach the prompt verbatim.
    user_id: Annotated[
        str,
        StringConstraints(min_length=1, max_length=128, pattern=r"^[^\x00-\x1f\x7f-\x9f]+$"),
    ]


class InvalidateRequest(_Request):
    persona: Annotated[str, StringConstraints(max_length=32)] | None = None


# --- responses ------------------------------------------------------------------------------


class Health(_Response):
    status: Literal["ok"] = "ok"


class ErrorBody(_Response):
    code: str
    message: str
    field: str | None = Field(default=None, exclude_if=lambda v: v is None)


class ErrorEnvelope(_Response):
    error: ErrorBody
    request_id: str


class PromptOut(_Response):
    system: str
    user: str
    version: str


class ContributionOut(_Response):
    tone: float
    pace: float
    intent: float


class RoutingOut(_Response):
    scores: dict[str, float]
    contributions: dict[str, ContributionOut]
    forced: bool
    reason: Literal["scores", "forced", "safety"] = Field(
        description="why the persona answers: the routing formula, the caller's choice, or a "
        "crisis message (Lua gives the safety reply)"
    )


class CacheOut(_Response):
    hit: bool
    tier: Literal["l1", "l2", "coalesced", "stale", "computed", "bypass", "none"]


class SessionOut(_Response):
    id: str
    turn: int


SafetyCategory = Literal["none", "self_harm", "harm_to_others", "abuse"]


class ResourceOut(_Response):
    name: str
    contact: str = Field(description="a number or address to reach, as text to dial or tap")
    hours: str


class SafetyOut(_Response):
    category: SafetyCategory = Field(
        description="what the safety check found; anything but none gets the safety reply"
    )
    resources: list[ResourceOut] = Field(
        description="crisis lines for the message's language and category (empty for none)"
    )


class RecommendSafetyOut(SafetyOut):
    reply: str | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="for a crisis message: the safety reply (by Lua) to show the person first",
    )


class ProcessResponse(_Response):
    request_id: str
    persona: str
    secondary_persona: str
    confidence: float
    resonance_key: str
    # The shape is owned by core.serialize.analysis_dict, shared with the CLI.
    analysis: dict[str, Any]
    routing: RoutingOut
    answer: str
    generator: str = Field(
        description="offline, gemini, safety (the fixed safety reply to a crisis message), or "
        "offline_fallback: the offline answer given because the model gave none "
        "(fallback_reason says why)"
    )
    fallback_reason: FailureReason | None = Field(default=None, exclude_if=lambda v: v is None)
    cache: CacheOut
    safety: SafetyOut
    session: SessionOut | None = Field(default=None, exclude_if=lambda v: v is None)
    timings_ms: dict[str, float]
    prompt: PromptOut | None = Field(default=None, exclude_if=lambda v: v is None)


class ChatMetadata(_Response):
    request_id: str
    secondary_persona: str
    language: str
    generator: str
    fallback_reason: FailureReason | None = Field(default=None, exclude_if=lambda v: v is None)
    cache_tier: str
    safety: SafetyCategory = Field(
        description="the safety check's category; for a crisis, content is the safety reply "
        "with the crisis lines"
    )
    timings_ms: dict[str, float]


class ChatResponse(_Response):
    content: str
    persona_used: str
    resonance_key: str
    confidence: float
    metadata: ChatMetadata


class CacheStatsOut(RootModel[dict[str, Any]]):
    """Per tier: hits, misses, hit rate, size, evictions, errors, breaker state, latency."""


class InvalidateOut(_Response):
    scope: str
    version: int
    shared: bool
    l1_dropped: int


class OpenApiOut(RootModel[dict[str, Any]]):
    """This function's OpenAPI 3.1 document."""


class RankedPersona(_Response):
    persona: str
    display_name: str
    korean_name: str
    score: float
    reasons: list[str]


class RecommendResponse(_Response):
    request_id: str
    safety: RecommendSafetyOut
    ranking: list[RankedPersona]


class PersonaOut(_Response):
    name: str
    display_name: str
    korean_name: str
    role: str
    traits: list[str]
    strengths: list[str]
    prompt_style: str
    best_for: dict[str, list[str]]


class PersonaList(_Response):
    personas: list[PersonaOut]


# --- bulk -----------------------------------------------------------------------------------

BULK_MAX_BODY_BYTES = 4 * 1024 * 1024  # 100 items of 4000 characters, even \u-escaped


class BulkItemIn(_Request):
    """One message of a job; validated as ``POST /v2/process`` validates its body."""

    id: Identifier | None = Field(
        default=None, description="the caller's id for the item; default: its index"
    )
    message: Message
    user_id: Identifier | None = None
    persona: Annotated[str, StringConstraints(max_length=32)] | None = None


class BulkRequest(_Request):
    items: list[BulkItemIn] = Field(
        description="1-100 items",
        json_schema_extra={"minItems": 1, "maxItems": 100},
    )
    idempotency_key: Identifier | None = Field(
        default=None,
        description="resending a request with the same key (from the same API key) returns the "
        "same job instead of making another; resumes a job whose items were not all queued",
    )


class BulkStatusQuery(BaseModel):
    # Query values arrive as text: "50" is the number 50 here (lax), unknown names are refused.
    model_config = ConfigDict(extra="forbid", frozen=True)

    limit: int = Field(default=100, ge=1, le=100, description="results per page, 1-100")
    page_token: str | None = Field(
        default=None, max_length=16, description="next_page_token of the previous page"
    )


class BulkAccepted(_Response):
    job_id: str
    total: int
    status_url: str
    replayed: bool = Field(
        description="true when an earlier request with the same idempotency_key made this job"
    )


class BulkItemError(_Response):
    code: str
    message: str


class BulkItemOut(_Response):
    index: int
    id: str
    status: Literal["pending", "running", "done", "failed"]
    attempts: int
    result: dict[str, Any] | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="when done: persona, secondary_persona, confidence, resonance_key, "
        "analysis, answer, generator, fallback_reason?, cache, safety",
    )
    error: BulkItemError | None = Field(default=None, exclude_if=lambda v: v is None)


class BulkJobOut(_Response):
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
