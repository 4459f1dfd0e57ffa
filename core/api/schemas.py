"""Request and response bodies of the HTTP API (v2), as pydantic models: the text rules, base
classes and bodies every function shares, and those of ``process``. The other functions' bodies
are in ``core.api.recommend_schemas`` and ``core.api.bulk_schemas``, so that no function builds
another's models at a cold start.

Requests are validated strictly: unknown fields are refused (a typo such as ``persnoa`` must not
be silently ignored) and values are not coerced (``"true"`` is not a boolean). Each refusal
becomes a 422 ``INVALID_INPUT`` naming the field (see ``core.api.http``).
"""

# Annotations are objects here, not strings (no ``from __future__ import annotations``):
# pydantic would otherwise compile and evaluate each field's annotation while the models are
# built, at every cold start.

import re
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from core.conversation import Answered, SessionInfo
from core.errors import FailureReason
from core.personas import PersonaName
from core.views import (
    ON_FIRST_USE,
    AnalysisOut,
    Answering,
    AnswerOut,
    CacheOut,
    FallbackReason,
    Generator,
    KeyText,
    PromptOut,
    RoutingConfidence,
    RoutingOut,
    SafetyOut,
    Secondary,
)

MESSAGE_MAX_CHARS = 4000
# Control characters would reach prompts and logs verbatim; newline (LF, or CR LF) and tab are
# ordinary text. Looked for in the text as sent, before trimming: "no control characters" holds
# at the edges too, and is then one rule the OpenAPI document can state (MESSAGE_PATTERN).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
# Bidirectional embeddings, overrides and isolates make text display in another order than it
# is stored ("Trojan Source"): in a log line, a prompt or an id they would hide what was sent.
# Every text field of every request refuses them (LRM/RLM marks, which only hint a direction,
# are ordinary text in Arabic and Hebrew and stay accepted).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
BIDI_RULE = "no bidirectional controls (U+202A-U+202E, U+2066-U+2069)"


def _refuse_bidi(value: object) -> object:
    # Before the field's own checks, so the refusal names the character rather than a pattern.
    if isinstance(value, str) and (found := _BIDI.search(value)):
        raise PydanticCustomError(
            "bidi_control",
            "contains the bidirectional control character {char} at position {position}; "
            "bidirectional controls (U+202A-U+202E, U+2066-U+2069) are not accepted",
            {"char": f"U+{ord(found.group()):04X}", "position": found.start()},
        )
    return value


NoBidi = BeforeValidator(_refuse_bidi)  # put it last in an Annotated: it then runs first


# What _clean_message accepts, as one JSON Schema pattern (ECMA 262; Python's re reads it alike)
# for the OpenAPI document: only tab, LF and CR LF among the control characters, no
# bidirectional controls, and at least one character that str.strip() keeps. _SPACE is what
# str.strip() removes, less the control characters refused anyway; _VISIBLE is every character
# accepted that is not in _SPACE. tests/unit/test_openapi_rules.py holds the two to each other.
_SPACE = r"[\t\n \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_VISIBLE = r"[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028-\u202f\u205f\u2066-\u2069\u3000]"
_TEXT = r"(?:[^\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r\n)"
MESSAGE_PATTERN = rf"^(?:{_SPACE}|\r\n)*{_VISIBLE}{_TEXT}*$"


def _clean_message(value: str, limit: int = MESSAGE_MAX_CHARS) -> str:
    # The limit counts the characters as sent (a CR LF is two): what the OpenAPI document's
    # maxLength counts, and what bounds the body, whatever whitespace surrounds the text.
    if len(value) > limit:
        raise PydanticCustomError(
            "message_too_long",
            "message has {length} characters; at most {limit} are accepted",
            {"length": len(value), "limit": limit},
        )
    control = _CONTROL.search(value)
    if control:
        raise PydanticCustomError(
            "control_character",
            "message contains control character {char} at position {position}; "
            "only newline (LF or CR LF) and tab are accepted",
            {"char": f"U+{ord(control.group()):04X}", "position": control.start()},
        )
    # Windows clients end lines with CR LF: that is a newline, not a control character.
    text = value.replace("\r\n", "\n").strip()
    if not text:
        raise PydanticCustomError(
            "empty_message",
            "message is empty or whitespace only; send 1 to {limit} characters, at least one "
            "of them visible",
            {"limit": limit},
        )
    return text


def _clean_legacy_message(value: str) -> str:
    return _clean_message(value, LEGACY_MESSAGE_MAX_CHARS)


def _message_rules(limit: int) -> Any:
    """The message rules as the OpenAPI document states them (``_clean_message`` checks them)."""
    return Field(
        description=f"1-{limit} characters as sent, at least one of them not whitespace; no "
        f"control characters but newline (LF or CR LF) and tab; {BIDI_RULE}; surrounding "
        "whitespace is trimmed",
        json_schema_extra={"minLength": 1, "maxLength": limit, "pattern": MESSAGE_PATTERN},
    )


LEGACY_MESSAGE_MAX_CHARS = 1000
Message = Annotated[str, AfterValidator(_clean_message), _message_rules(MESSAGE_MAX_CHARS), NoBidi]
# v1's message: the same rules, at most 1000 characters.
LegacyMessage = Annotated[
    str, AfterValidator(_clean_legacy_message), _message_rules(LEGACY_MESSAGE_MAX_CHARS), NoBidi
]
# The pattern already excludes bidirectional controls; NoBidi says so by name.
Identifier = Annotated[
    str, StringConstraints(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:@-]+$"), NoBidi
]

# A persona is named in any case, and str.strip()'s whitespace around the name is ignored
# (core.personas.PersonaName.parse; no other character lowercases to these letters). The check
# itself is the handler's, so that a wrong name is UNKNOWN_PERSONA with the accepted names.
_STRIPPED = r"[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_ANY_CASE = "|".join("".join(f"[{c.upper()}{c}]" for c in name.value) for name in PersonaName)
PERSONA_NAME_PATTERN = f"^(?:{_ANY_CASE})$"
PERSONA_PATTERN = f"^{_STRIPPED}*(?:{_ANY_CASE}){_STRIPPED}*$"
PERSONA_NAMES = ", ".join(name.value for name in PersonaName)
PersonaField = Annotated[
    str,
    StringConstraints(max_length=32),
    Field(
        description=f"one of {PERSONA_NAMES}, in any case (surrounding whitespace is ignored)",
        json_schema_extra={"pattern": PERSONA_PATTERN},
    ),
    NoBidi,
]


def _usable_session_id(value: str) -> str:
    # A session id is also a document id: Firestore refuses "." and ".." and reserves "__".
    if value in (".", "..") or value.startswith("__"):
        raise PydanticCustomError(
            "session_id", 'session_id may not be "." or ".." or start with "__"'
        )
    return value


SessionId = Annotated[
    Identifier,
    AfterValidator(_usable_session_id),
    Field(
        description='1-128 of A-Z a-z 0-9 . _ : @ -; not "." or "..", and not starting with "__"',
        json_schema_extra={"not": {"anyOf": [{"enum": [".", ".."]}, {"pattern": "^__"}]}},
    ),
]


# The base of every request body: unknown fields refused, nothing coerced.
class RequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ResponseBody(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- process's requests ---------------------------------------------------------------------


class ProcessOptions(RequestBody):
    include_prompt: bool = False
    use_cache: bool = True  # false: neither read nor write the response cache
    refresh: bool = False  # true: recompute and overwrite the cached answer


class ProcessRequest(RequestBody):
    message: Message
    # Checked against the registered personas by the handler, so that an unknown name is
    # reported as UNKNOWN_PERSONA (with the accepted names) rather than a generic error.
    persona: PersonaField | None = None
    user_id: Identifier | None = None
    session_id: SessionId | None = None
    options: ProcessOptions = Field(default_factory=ProcessOptions)


class ChatRequest(RequestBody):
    """The original v1 contract: both fields required."""

    model_config = ON_FIRST_USE

    message: LegacyMessage
    # v1 once allowed any 1-128 characters; the id reaches prompts, logs and session owners
    # exactly as v2's does, so it follows v2's rules.
    user_id: Identifier


class InvalidateRequest(RequestBody):
    model_config = ON_FIRST_USE

    persona: PersonaField | None = None


# --- responses ------------------------------------------------------------------------------


class Health(ResponseBody):
    model_config = ON_FIRST_USE

    status: Literal["ok"] = "ok"


class ErrorBody(ResponseBody):
    model_config = ON_FIRST_USE

    code: str
    message: str
    field: str | None = Field(default=None, exclude_if=lambda v: v is None)


class ErrorEnvelope(ResponseBody):
    model_config = ON_FIRST_USE

    error: ErrorBody
    request_id: str


# The parts that describe the domain (analysis, routing, safety, answer, personas) are the
# views of core.views, shared with the bulk results and the CLI; this module adds what belongs
# to a request.

# Whether an answer came from the cache, and how long it took, tell a caller that someone sent
# the same message recently (the cache is shared by every key, for its hit rate): only admin
# keys see them. See "Who sees cache facts" in the README.
ADMIN_ONLY = "admin keys only (absent for user keys): "


SafetyCategory = Literal["none", "self_harm", "harm_to_others", "abuse"]


class SessionOut(ResponseBody):
    id: str
    turn: int = Field(description="this exchange's number in the session, from 1")

    @classmethod
    def of(cls, session: SessionInfo) -> Self:
        return cls(id=session.id, turn=session.turn)


class ProcessResponse(ResponseBody):
    request_id: str
    persona: Answering
    secondary_persona: Secondary
    confidence: RoutingConfidence
    resonance_key: KeyText
    analysis: AnalysisOut
    routing: RoutingOut
    answer: str
    generator: Generator
    fallback_reason: FallbackReason = None
    cache: CacheOut | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description=ADMIN_ONLY + "whether and where the response cache had the answer",
    )
    safety: SafetyOut
    session: SessionOut | None = Field(default=None, exclude_if=lambda v: v is None)
    timings_ms: dict[str, float] | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description=ADMIN_ONLY + "milliseconds spent understanding and answering, and in total",
    )
    prompt: PromptOut | None = Field(default=None, exclude_if=lambda v: v is None)

    @classmethod
    def of(
        cls, request_id: str, answered: Answered, *, cache_facts: bool, include_prompt: bool
    ) -> Self:
        """The answered message as a bulk result keeps it (:class:`AnswerOut`), with what
        belongs to this request; ``cache_facts``: whether the caller may see the cache hit and
        tier and the timings."""
        outcome = answered.outcome
        answer = AnswerOut.of(outcome)
        return cls(
            request_id=request_id,
            persona=answer.persona,
            secondary_persona=answer.secondary_persona,
            confidence=answer.confidence,
            resonance_key=answer.resonance_key,
            analysis=answer.analysis,
            routing=RoutingOut.of(outcome.routing),
            answer=answer.answer,
            generator=answer.generator,
            fallback_reason=answer.fallback_reason,
            cache=CacheOut.of(outcome.cache) if cache_facts else None,
            safety=answer.safety,
            session=SessionOut.of(answered.session) if answered.session else None,
            timings_ms=outcome.timings_ms if cache_facts else None,
            prompt=PromptOut.of(outcome.prompt) if include_prompt else None,
        )


class ChatMetadata(ResponseBody):
    model_config = ON_FIRST_USE

    request_id: str
    secondary_persona: str
    language: str
    generator: str
    fallback_reason: FailureReason | None = Field(default=None, exclude_if=lambda v: v is None)
    cache_tier: str | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description=ADMIN_ONLY + "where the response cache found the answer, or computed",
    )
    safety: SafetyCategory = Field(
        description="the safety check's category; for a crisis, content is the safety reply "
        "with the crisis lines"
    )
    timings_ms: dict[str, float] | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description=ADMIN_ONLY + "milliseconds spent understanding and answering, and in total",
    )


class ChatResponse(ResponseBody):
    model_config = ON_FIRST_USE

    content: str
    persona_used: str
    resonance_key: str
    confidence: float
    metadata: ChatMetadata


class CacheStatsOut(RootModel[dict[str, Any]]):
    """Per tier: hits, misses, hit rate, size, evictions, errors, breaker state, latency."""

    model_config = ON_FIRST_USE


class InvalidateOut(ResponseBody):
    model_config = ON_FIRST_USE

    scope: str
    version: int
    shared: bool
    l1_dropped: int


class OpenApiOut(RootModel[dict[str, Any]]):
    """This function's OpenAPI 3.1 document."""

    model_config = ON_FIRST_USE
