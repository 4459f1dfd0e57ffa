"""Bidirectional controls in any text field: 422 INVALID_INPUT naming the field, through the
real apps (every model and field, found by introspection, is in tests/unit/test_text_rules.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.functions.function_apps import ADMIN_KEY, FunctionApp, assert_error

Loader = Callable[[str], FunctionApp]
RLO = "\u202e"  # right-to-left override
ITEM = {"message": "hi"}
BODIES: list[tuple[str, str, dict[str, Any], tuple[str | int, ...]]] = [
    ("process", "/v2/process", {"message": "hello"}, ("message",)),
    ("process", "/v2/process", {"message": "hi", "persona": "lua"}, ("persona",)),
    ("process", "/v2/process", {"message": "hi", "user_id": "u-1"}, ("user_id",)),
    ("process", "/v2/process", {"message": "hi", "session_id": "s-1"}, ("session_id",)),
    ("process", "/v1/chat", {"message": "hello", "user_id": "u-1"}, ("message",)),
    ("process", "/v1/chat", {"message": "hello", "user_id": "u-1"}, ("user_id",)),
    ("process", "/v2/cache/invalidate", {"persona": "lua"}, ("persona",)),
    ("recommend", "/v2/recommend", {"message": "hello"}, ("message",)),
    ("recommend", "/v2/recommend", {"scenario": "a new team lead"}, ("scenario",)),
    ("bulk", "/v2/bulk", {"items": [ITEM], "idempotency_key": "k"}, ("idempotency_key",)),
    ("bulk", "/v2/bulk", {"items": [{"message": "hi"}]}, ("items", 0, "message")),
    ("bulk", "/v2/bulk", {"items": [{"message": "hi", "id": "a"}]}, ("items", 0, "id")),
    ("bulk", "/v2/bulk", {"items": [{"message": "hi", "user_id": "u"}]}, ("items", 0, "user_id")),
    ("bulk", "/v2/bulk", {"items": [{"message": "hi", "persona": "lua"}]}, ("items", 0, "persona")),
]  # fmt: skip


def with_bidi(body: Any, path: tuple[str | int, ...]) -> Any:
    """``body`` with RLO inserted after the first character of the value at ``path``."""
    if not path:
        return body[:1] + RLO + body[1:]
    head, rest = path[0], path[1:]
    if isinstance(body, list):
        return [with_bidi(v, rest) if i == head else v for i, v in enumerate(body)]
    return {k: with_bidi(v, rest) if k == head else v for k, v in body.items()}


@pytest.mark.parametrize(
    ("function", "path", "body", "field"),
    BODIES,
    ids=[f"{p}:{'.'.join(map(str, f))}" for _, p, _, f in BODIES],
)
def test_a_bidi_control_is_422_naming_the_field(
    load_function: Loader, function: str, path: str, body: dict[str, Any], field: tuple[Any, ...]
) -> None:
    app = load_function(function)
    response = app.client.post(
        path, json=with_bidi(body, field), environ_overrides={"HTTP_X_API_KEY": ADMIN_KEY}
    )
    name = ".".join(map(str, field))
    error = assert_error(response, 422, "INVALID_INPUT", name)["error"]
    assert error["message"].startswith(f"{name}: contains the bidirectional control character")
    assert "U+202E" in error["message"]
    assert "are not accepted" in error["message"]


def test_a_bidi_control_in_a_query_value_is_422_naming_it(load_function: Loader) -> None:
    response = load_function("bulk").client.get(f"/v2/bulk/j1?page_token=a{RLO}b")
    error = assert_error(response, 422, "INVALID_INPUT", "page_token")["error"]
    assert "U+202E" in error["message"]


def test_a_v1_user_id_with_characters_v2_refuses_is_422(load_function: Loader) -> None:
    response = load_function("process").client.post(
        "/v1/chat", json={"message": "hello", "user_id": "alice smith"}
    )
    assert_error(response, 422, "INVALID_INPUT", "user_id")
