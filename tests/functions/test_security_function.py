"""API keys, admin endpoints, rate limits, CORS and security headers, through the real apps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.functions.function_apps import ADMIN_KEY, FunctionApp, assert_error

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
ORIGIN = "https://app.example.com"
GUARDED = [
    ("process", "POST", "/v2/process", {"message": "hello"}),
    ("process", "POST", "/v1/chat", {"message": "hello", "user_id": "u1"}),
    ("recommend", "POST", "/v2/recommend", {"message": "hello"}),
    ("recommend", "GET", "/v2/personas", None),
    ("recommend", "GET", "/v2/personas/lua", None),
]
Loader = Callable[[str], FunctionApp]


def call(app: FunctionApp, method: str, path: str, body: Any = None, **kwargs: Any) -> Any:
    return app.client.open(path, method=method, json=body, **kwargs)


@pytest.mark.parametrize(("function", "method", "path", "body"), GUARDED)
@pytest.mark.parametrize("key", ["", "not-a-key"])
def test_missing_or_wrong_key_is_401(
    load_function: Loader, function: str, method: str, path: str, body: Any, key: str
) -> None:
    app = load_function(function)
    response = call(app, method, path, body, environ_overrides={"HTTP_X_API_KEY": key})
    assert_error(response, 401, "UNAUTHENTICATED")
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value


@pytest.mark.parametrize("function", ["process", "recommend", "bulk"])
def test_health_and_openapi_need_no_key(load_function: Loader, function: str) -> None:
    app = load_function(function)
    overrides = {"HTTP_X_API_KEY": ""}
    assert app.client.get("/healthz", environ_overrides=overrides).status_code == 200
    document = app.client.get("/v2/openapi.json", environ_overrides=overrides)
    assert document.status_code == 200
    assert document.get_json()["openapi"] == "3.1.0"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [("GET", "/v2/cache-stats", None), ("POST", "/v2/cache/invalidate", {})],
)
def test_admin_endpoints_refuse_user_keys_and_serve_admin_keys(
    load_function: Loader, method: str, path: str, body: Any
) -> None:
    app = load_function("process")
    assert_error(call(app, method, path, body), 403, "FORBIDDEN")
    admin = call(app, method, path, body, headers={"X-API-Key": ADMIN_KEY})
    assert admin.status_code == 200, admin.get_data(as_text=True)


def test_cache_stats_and_invalidation_reflect_traffic(load_function: Loader) -> None:
    app = load_function("process")
    admin = {"X-API-Key": ADMIN_KEY}
    for _ in range(2):
        app.client.post("/v2/process", json={"message": "How do I write a good design doc?"})
    stats = app.client.get("/v2/cache-stats", headers=admin).get_json()
    assert (stats["requests"], stats["hits"]) == (2, 1)
    assert stats["l1"]["size"] == 1
    assert stats["l2"]["enabled"] is False
    persona = app.client.post(
        "/v2/process", json={"message": "How do I write a good design doc?"}
    ).get_json()["persona"]
    report = app.client.post(
        "/v2/cache/invalidate", json={"persona": persona.upper()}, headers=admin
    ).get_json()
    assert report["scope"] == f"persona:{persona}"
    assert report["l1_dropped"] == 1
    again = app.client.post(
        "/v2/process", json={"message": "How do I write a good design doc?"}, headers=admin
    )
    assert again.get_json()["cache"]["tier"] == "computed"
    unknown = app.client.post("/v2/cache/invalidate", json={"persona": "yoda"}, headers=admin)
    assert_error(unknown, 422, "UNKNOWN_PERSONA", "persona")


def test_rate_limit_is_429_with_retry_after(
    load_function: Loader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RATE_LIMIT_PER_MIN", "6")
    monkeypatch.setenv("RATE_LIMIT_BURST", "2")
    app = load_function("recommend")
    assert [app.client.get("/v2/personas").status_code for _ in range(2)] == [200, 200]
    limited = app.client.get("/v2/personas")
    assert_error(limited, 429, "RATE_LIMITED")
    assert int(limited.headers["Retry-After"]) >= 1
    # Another key has its own bucket.
    assert app.client.get("/v2/personas", headers={"X-API-Key": ADMIN_KEY}).status_code == 200


def test_cors_allows_listed_origins_only_on_every_response(
    load_function: Loader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", f"{ORIGIN}, https://admin.example.com")
    app = load_function("process")
    ok = app.client.post("/v2/process", json={"message": "hi"}, headers={"Origin": ORIGIN})
    assert ok.headers["Access-Control-Allow-Origin"] == ORIGIN
    refused = app.client.post(
        "/v2/process",
        json={"message": "hi"},
        headers={"Origin": ORIGIN},
        environ_overrides={"HTTP_X_API_KEY": "nope"},
    )
    assert refused.status_code == 401
    assert refused.headers["Access-Control-Allow-Origin"] == ORIGIN  # errors too
    other = app.client.post(
        "/v2/process", json={"message": "hi"}, headers={"Origin": "https://evil.example.com"}
    )
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = app.client.options(
        "/v2/process",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 204
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "X-API-Key" in preflight.headers["Access-Control-Allow-Headers"]
    evil = app.client.options("/v2/process", headers={"Origin": "https://evil.example.com"})
    assert "Access-Control-Allow-Origin" not in evil.headers


def test_legacy_chat_keeps_the_original_contract(load_function: Loader) -> None:
    app = load_function("process")
    body = app.client.post("/v1/chat", json={"message": "요즘 너무 지쳐요", "user_id": "u-1"})
    assert body.status_code == 200
    data = body.get_json()
    assert set(data) == {"content", "persona_used", "resonance_key", "confidence", "metadata"}
    assert data["persona_used"] in {"lua", "elro", "riri", "nana"}
    assert data["metadata"]["request_id"] == body.headers["X-Request-Id"]
    too_long = app.client.post("/v1/chat", json={"message": "a" * 1001, "user_id": "u-1"})
    assert_error(too_long, 422, "INVALID_INPUT", "message")
    assert_error(
        app.client.post("/v1/chat", json={"message": "hi"}), 422, "INVALID_INPUT", "user_id"
    )


@pytest.mark.parametrize(
    ("body", "ok"),
    [
        ({"scenario": "A team lead planning a cross-team migration next quarter"}, True),
        ({"message": "hi", "scenario": "both"}, False),
        ({}, False),
    ],
)
def test_recommend_takes_exactly_one_of_message_or_scenario(
    load_function: Loader, body: dict[str, str], ok: bool
) -> None:
    response = load_function("recommend").client.post("/v2/recommend", json=body)
    if ok:
        assert response.get_json()["ranking"][0]["persona"] == "nana"
    else:
        assert_error(response, 422, "INVALID_INPUT")
