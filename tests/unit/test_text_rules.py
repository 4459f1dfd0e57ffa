"""Every text field of every request model refuses bidirectional controls, by name.

The field list is found, not typed in: a text field added to a request model later is covered
(and a model without a valid body below fails ``test_every_request_model_is_covered``).
Through the real apps (status, code, field) in tests/functions/test_text_rules_function.py.
"""

from __future__ import annotations

import importlib
import pkgutil
import types
import typing
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

import core.api
from core.api import bulk_schemas, recommend_schemas, schemas

BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
# One valid body per request model, a value in every text field.
VALID: dict[type[BaseModel], dict[str, Any]] = {
    schemas.ProcessRequest: {
        "message": "hello",
        "persona": "lua",
        "user_id": "u-1",
        "session_id": "s-1",
    },
    recommend_schemas.RecommendRequest: {"message": "hello"},
    schemas.ChatRequest: {"message": "hello", "user_id": "u-1"},
    schemas.InvalidateRequest: {"persona": "lua"},
    bulk_schemas.BulkItemIn: {"id": "a", "message": "hello", "user_id": "u-1", "persona": "lua"},
    bulk_schemas.BulkRequest: {"items": [{"message": "hello"}], "idempotency_key": "k-1"},
    bulk_schemas.BulkStatusQuery: {"page_token": "abc"},
}
SCENARIO: tuple[type[BaseModel], dict[str, Any]] = (
    recommend_schemas.RecommendRequest,
    {"scenario": "a team lead is new"},
)


def request_models() -> set[type[BaseModel]]:
    found: set[type[BaseModel]] = set()
    # Every module of core.api: each function's bodies have a module of their own.
    for info in pkgutil.iter_modules(core.api.__path__, "core.api."):
        for value in vars(importlib.import_module(info.name)).values():
            if not (isinstance(value, type) and issubclass(value, BaseModel)):
                continue
            if issubclass(value, schemas.RequestBody) or value.__name__.endswith("Query"):
                found.add(value)
    return found


def is_text(annotation: Any) -> bool:
    if annotation is str:
        return True
    if typing.get_origin(annotation) is typing.Annotated:
        return is_text(typing.get_args(annotation)[0])
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return any(is_text(arg) for arg in typing.get_args(annotation))
    return False


def text_fields(model: type[BaseModel]) -> list[str]:
    return [name for name, info in model.model_fields.items() if is_text(info.annotation)]


CASES = [
    pytest.param(model, body, name, id=f"{model.__name__}.{name}")
    for model, body in [*VALID.items(), SCENARIO]
    for name in text_fields(model)
    if name in body
]


def test_every_request_model_is_covered() -> None:
    with_text = {m for m in request_models() if text_fields(m)}
    assert with_text == set(VALID)
    for model in with_text:  # every text field has a value in the valid body
        assert set(text_fields(model)) <= set(VALID[model]) | {"scenario"}, model
    assert len(CASES) == 15


@pytest.mark.parametrize(("model", "body", "name"), CASES)
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_a_bidi_control_in_any_text_field_is_refused_by_name(
    model: type[BaseModel], body: dict[str, Any], name: str, where: str
) -> None:
    model.model_validate(body)  # valid as it is
    for char in BIDI:
        value = body[name]
        changed = {"start": char + value, "middle": value[:1] + char + value[1:]}.get(
            where, value + char
        )
        with pytest.raises(ValidationError) as refused:
            model.model_validate({**body, name: changed})
        [error] = refused.value.errors()
        assert error["loc"] == (name,)
        assert error["type"] == "bidi_control"
        assert f"U+{ord(char):04X}" in error["msg"]
        assert "are not accepted" in error["msg"]


def test_a_nested_bulk_item_names_its_field() -> None:
    body = {"items": [{"message": "ok"}, {"message": "hi", "user_id": "u\u202e1"}]}
    with pytest.raises(ValidationError) as refused:
        bulk_schemas.BulkRequest.model_validate(body)
    [error] = refused.value.errors()
    assert error["loc"] == ("items", 1, "user_id")
    assert error["type"] == "bidi_control"


@pytest.mark.parametrize(
    "text",
    [
        "مرحبا\u200fبالعالم",  # RLM: a direction hint, ordinary in Arabic and Hebrew text
        "요즘 너무 지쳐요 \u200d🙂",  # ZWJ in an emoji sequence
        "שלום, hello",
    ],
)
def test_ordinary_right_to_left_text_and_marks_stay_accepted(text: str) -> None:
    assert schemas.ProcessRequest.model_validate({"message": text}).message == text


@pytest.mark.parametrize(
    "user_id", ["alice smith", "u/1", "a\u00e9", "../x", "x" * 129, "tab\there", "", "ok\u2066"]
)
def test_v1_user_id_follows_the_v2_rules(user_id: str) -> None:
    # v1 used to take any 1-128 characters but control ones; now exactly what v2 takes.
    for model, body in ((schemas.ChatRequest, {"message": "hi"}), (schemas.ProcessRequest, {})):
        with pytest.raises(ValidationError):
            model.model_validate({"message": "hi", **body, "user_id": user_id})
    for good in ("u-1", "alice.smith@example.com", "tenant:42_x"):
        assert schemas.ChatRequest.model_validate({"message": "hi", "user_id": good}).user_id
        assert schemas.ProcessRequest.model_validate({"message": "hi", "user_id": good}).user_id


def test_the_openapi_schema_of_v1_user_id_is_v2s() -> None:
    v1 = schemas.ChatRequest.model_json_schema()["properties"]["user_id"]
    v2 = schemas.ProcessRequest.model_json_schema()["properties"]["user_id"]["anyOf"][0]
    assert v1["pattern"] == v2["pattern"] == "^[A-Za-z0-9._:@-]+$"
    assert (v1["minLength"], v1["maxLength"]) == (1, 128)
    message = schemas.ChatRequest.model_json_schema()["properties"]["message"]
    assert "U+202A-U+202E, U+2066-U+2069" in message["description"]
