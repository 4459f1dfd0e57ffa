"""The OpenAPI document's rules are the code's: for each rule the document states as JSON Schema
(a pattern, a length, "exactly one of"), the schema, judged as schemathesis judges it (the
jsonschema-rs validator, ECMA 262 patterns), accepts exactly what the code accepts.

Each of these was a schemathesis failure (``positive_data_acceptance``): the document allowed
values the code refused (control characters, whitespace-only messages, unknown personas, both or
neither of message and scenario, page tokens past a job's end, lax integers).
"""

from __future__ import annotations

import inspect
import json
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import core.bulk
import core.sessions
from core.api import bulk_schemas, recommend_schemas, schemas
from core.api.http import error_response
from core.bulk import _jobs
from core.errors import InvalidInput, IonError, RateLimited
from core.personas import PersonaName

# Characters each rule treats differently: letters in three scripts, every kind of whitespace
# str.strip() knows, control characters (in and out of it), bidirectional controls, direction
# marks, a BOM, and the characters of ids and page tokens.
TRICKY = [
    "a", "Z", "가", "😀", "0", "9", "²", " ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f",
    "\x00", "\x08", "\x7f", "\x85", "\x9f", "\xa0", "\u1680", "\u2000", "\u2028", "\u202a",
    "\u202e", "\u202f", "\u2066", "\u3000", "\ufeff", "\u200f", ".", "_", ":", "@", "-", "/",
]  # fmt: skip
RULES = settings(max_examples=400, deadline=None, database=None, derandomize=True)


def document_schema(model: type[BaseModel], name: str) -> dict[str, Any]:
    """A field's schema as the document states it: the string arm of an optional field."""
    field: dict[str, Any] = model.model_json_schema()["properties"][name]
    arms: list[dict[str, Any]] = field.get("anyOf", [field])
    for arm in arms:
        if arm.get("type") == "string":
            return arm
    raise AssertionError(f"{model.__name__}.{name} has no string schema: {field}")


def accepts(model: type[BaseModel], data: dict[str, Any]) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


MESSAGE = jsonschema_rs.validator_for(document_schema(schemas.ProcessRequest, "message"))
LEGACY = jsonschema_rs.validator_for(document_schema(schemas.ChatRequest, "message"))


@RULES
@given(st.text(st.sampled_from(TRICKY), max_size=12))
@example("   ")
@example("\r\n")
@example("hi\r")
@example("\x1chi")  # str.strip() would remove it: refused anyway, as a control character
@example("\ufeff")  # whitespace to ECMA's \s, not to str.strip(): a visible character
def test_the_documented_message_rules_are_the_codes(text: str) -> None:
    documented = MESSAGE.is_valid(text)
    assert documented == accepts(schemas.ProcessRequest, {"message": text}), repr(text)
    assert documented == accepts(recommend_schemas.RecommendRequest, {"scenario": text}), repr(text)
    assert documented == accepts(bulk_schemas.BulkItemIn, {"message": text}), repr(text)
    assert LEGACY.is_valid(text) == accepts(
        schemas.ChatRequest, {"message": text, "user_id": "u"}
    ), repr(text)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("a" * 4000, True),
        (" " * 3999 + "a", True),
        ("a" * 4001, False),
        # The limit counts the text as sent: it used to count it after trimming, which the
        # document's maxLength could not say (and whitespace could grow a valid body past 64 KiB).
        ("a" * 4000 + "\n", False),
        ("😀" * 4000, True),
    ],
)
def test_the_message_limit_counts_characters_as_sent(text: str, valid: bool) -> None:
    assert MESSAGE.is_valid(text) is valid
    assert accepts(schemas.ProcessRequest, {"message": text}) is valid


def test_v1_messages_take_at_most_1000_characters() -> None:
    for text, valid in (("a" * 1000, True), ("a" * 1001, False), (" " * 1001, False)):
        assert LEGACY.is_valid(text) is valid
        assert accepts(schemas.ChatRequest, {"message": text, "user_id": "u"}) is valid


def parses_as_persona(text: str) -> bool:
    try:
        PersonaName.parse(text)
    except IonError:
        return False
    return True


PERSONA = jsonschema_rs.validator_for(document_schema(schemas.ProcessRequest, "persona"))
PERSONA_LETTERS = sorted({c for name in PersonaName for c in name.value + name.value.upper()})


@RULES
@given(
    st.text(st.sampled_from(TRICKY[:20]), max_size=3),
    st.sampled_from([p.value for p in PersonaName] + ["", "luaa", "lu", "rir"]),
    st.lists(st.booleans(), min_size=4, max_size=4),
    st.text(st.sampled_from(TRICKY[:20]), max_size=3),
)
@example("", "lua", [False] * 4, "")
@example("", "lua", [False] * 4, "\u0130")  # U+0130 lowercases to two characters
def test_the_documented_persona_names_are_the_codes(
    before: str, name: str, upper: list[bool], after: str
) -> None:
    # Body fields: the handler answers UNKNOWN_PERSONA for what does not parse.
    cased = "".join(c.upper() if up else c for c, up in zip(name, upper * 2, strict=False))
    text = before + cased + after
    expected = parses_as_persona(text) and accepts(schemas.InvalidateRequest, {"persona": text})
    assert PERSONA.is_valid(text) == expected, repr(text)


def test_the_persona_letters_cannot_be_reached_from_other_characters() -> None:
    # The pattern spells each name in ASCII letters of both cases; PersonaName.parse lowercases
    # with str.lower(), so no other character may lowercase to one of those letters alone.
    others = [chr(c) for c in range(0x80, 0x110000) if chr(c).lower() in PERSONA_LETTERS]
    assert others == []


def test_the_persona_path_pattern_is_parse_on_path_characters() -> None:
    validator = jsonschema_rs.validator_for(
        {"type": "string", **_property(recommend_schemas.PersonaPath, "name")}
    )
    for name in ["lua", "LUA", "eLrO", "riri", "Nana", "nana.", "lu", "x", "luna", "-lua"]:
        assert validator.is_valid(name) == parses_as_persona(name), name


@RULES
@given(st.text(st.sampled_from([".", "_", "a", ":", "@", "-", " ", "/", "\u202e"]), max_size=5))
@example(".")
@example("..")
@example("...")
@example("__x")
@example("_x")
def test_the_documented_session_ids_are_the_codes(text: str) -> None:
    validator = jsonschema_rs.validator_for(document_schema(schemas.ProcessRequest, "session_id"))
    expected = accepts(schemas.ProcessRequest, {"message": "hi", "session_id": text})
    assert validator.is_valid(text) == expected, repr(text)


def test_the_documented_page_tokens_are_the_ones_core_bulk_serves() -> None:
    page_token = document_schema(bulk_schemas.BulkStatusQuery, "page_token")
    validator = jsonschema_rs.validator_for(page_token)
    tokens = [str(n) for n in range(1000)] + ["", "05", "00", "1 ", "+1", "²", "x", "1" * 17]
    for token in tokens:
        try:
            _jobs._start_of(token)
            served = True
        except InvalidInput:
            served = False
        assert validator.is_valid(token) == served, token
        assert accepts(bulk_schemas.BulkStatusQuery, {"page_token": token}) or not served


def test_the_documented_limit_is_a_whole_number_in_digits() -> None:
    schema = bulk_schemas.BulkStatusQuery.model_json_schema()["properties"]["limit"]
    assert (schema["type"], schema["minimum"], schema["maximum"]) == ("integer", 1, 100)
    for text in ["1", "100", "050"]:
        assert accepts(bulk_schemas.BulkStatusQuery, {"limit": text}), text
    # Lax integer parsing took these as 5 or 50, which no client writes for an integer.
    for text in ["0", "101", " 5", "5 ", "+5", "5_0", "5.0", "٥", "1e1", "-1", ""]:
        assert not accepts(bulk_schemas.BulkStatusQuery, {"limit": text}), text


def test_the_documented_job_ids_are_the_ones_core_bulk_makes() -> None:
    validator = jsonschema_rs.validator_for(
        {"type": "string", **_property(bulk_schemas.BulkJobPath, "job_id")}
    )
    made = [_jobs.job_id_for("key", None), _jobs.job_id_for("key", "idempotency-1")]
    for job_id in [*made, "j" + "0" * 24, "J" + "0" * 24, "j" + "0" * 23, "j" + "g" * 24, "x"]:
        assert validator.is_valid(job_id) == core.bulk.is_job_id(job_id), job_id
    assert all(validator.is_valid(job_id) for job_id in made)


@pytest.mark.parametrize("message", ["absent", None, "hello"])
@pytest.mark.parametrize("scenario", ["absent", None, "a team lead is new"])
def test_exactly_one_of_message_or_scenario_is_documented(message: Any, scenario: Any) -> None:
    body = {
        name: value
        for name, value in (("message", message), ("scenario", scenario))
        if value != "absent"
    }
    validator = jsonschema_rs.validator_for(recommend_schemas.RecommendRequest.model_json_schema())
    assert validator.is_valid(body) == accepts(recommend_schemas.RecommendRequest, body), body


def test_the_largest_valid_bulk_body_is_under_the_body_limit() -> None:
    # Found by reading the limit against the document: 100 items of 4000 characters, each
    # escaped as a surrogate pair (12 bytes) by an encoder that escapes all but ASCII, are
    # valid and 4.8 MB; the limit was 4 MiB, a 413 for a body the document calls valid.
    item = {
        "id": "i" * 128,
        "message": "😀" * 4000,
        "user_id": "u" * 128,
        "persona": "\u3000" * 28 + "nana",
    }
    body = {"items": [item] * 100, "idempotency_key": "k" * 128}
    assert accepts(bulk_schemas.BulkRequest, body)
    assert len(json.dumps(body).encode()) <= bulk_schemas.BULK_MAX_BODY_BYTES


def test_every_error_answered_429_or_503_says_when_to_retry() -> None:
    # The document says every 429 and 503 carries Retry-After (core.api.http writes it from
    # retry_after_s): each such error has one, as a class value or a required argument.
    assert core.sessions.SessionStoreUnavailable.http_status == 503  # its module is loaded
    waiting = [cls for cls in _subclasses(IonError) if cls.http_status in (429, 503)]
    assert len(waiting) >= 5
    for cls in waiting:
        has = hasattr(cls, "retry_after_s")
        required = "retry_after_s" in inspect.signature(cls).parameters
        assert has or required, cls


@pytest.mark.parametrize(
    "error",
    [
        RateLimited(3, 60),
        core.bulk.TooManyItemsInFlight(490, 500, 20),
        core.sessions.SessionStoreUnavailable(),
        core.bulk.JobStoreUnavailable(),
        core.bulk.PublishFailed("j" + "0" * 24, resumable=True),
    ],
    ids=lambda error: type(error).__name__,
)
def test_a_429_or_503_is_served_with_the_documented_retry_after(error: IonError) -> None:
    response = error_response(error, "r-1")
    assert response.status_code in (429, 503)
    assert int(response.headers["Retry-After"]) >= 1
    assert response.headers["X-Request-Id"] == "r-1"


def _subclasses(cls: type[IonError]) -> set[type[IonError]]:
    found: set[type[IonError]] = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def _property(model: type[BaseModel], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = model.model_json_schema()["properties"][name]
    return {k: v for k, v in schema.items() if k not in ("title", "description")}
