"""One structured log line per request, in Cloud Logging's format, read from captured stdout.

The line is written by the Router after the response is made, for errors too; it names the
function, the route, the persona, cache tier and generator, and carries the trace from
``X-Cloud-Trace-Context``. It never carries the message, the answer, the API key or a raw id.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from core import observability
from tests.functions.function_apps import USER_KEY, FunctionApp, assert_error
from tests.helpers import keyed

TRACE = "105445aa7843bc8bf206b12000100000"
MESSAGE = "팀장님한테 번아웃 얘기를 어떻게 꺼내야 할지 모르겠어요"
HASH_KEY = "a-test-key-for-hashing-ids-0123456789"


def lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """Every JSON line on stdout since the last call (other output would fail to parse)."""
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


@pytest.fixture
def process_logged(
    load_function: Callable[[str], FunctionApp], monkeypatch: pytest.MonkeyPatch
) -> FlaskClient:
    monkeypatch.setenv("ID_HASH_KEY", HASH_KEY)
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", "ion-logs-test")
    return load_function("process").client


def test_a_processed_message_gives_one_line_with_trace_tags_and_no_text(
    process_logged: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    response = process_logged.post(
        "/v2/process",
        json={"message": MESSAGE, "user_id": "alice@example.com"},
        headers={"X-Cloud-Trace-Context": f"{TRACE}/1234567890;o=1", "X-Request-Id": "log-1"},
    )
    assert response.status_code == 200
    body = response.get_json()
    [entry] = lines(capsys)

    assert entry["severity"] == "INFO"
    assert entry["httpRequest"]["requestMethod"] == "POST"
    assert entry["httpRequest"]["status"] == 200
    assert entry["httpRequest"]["latency"].endswith("s")
    assert 0 < float(entry["httpRequest"]["latency"][:-1]) < 30
    assert entry["logging.googleapis.com/trace"] == f"projects/ion-logs-test/traces/{TRACE}"
    assert entry["logging.googleapis.com/spanId"] == format(1234567890, "016x")
    assert entry["logging.googleapis.com/trace_sampled"] is True
    assert entry["request_id"] == "log-1"
    assert entry["function"] == "process"
    assert entry["route"] == "POST /v2/process"
    assert entry["key_id"] == "tester"
    assert entry["persona"] == body["persona"]
    assert entry["resonance_key"] == body["resonance_key"]
    assert entry["cache_tier"] == "computed"  # operators see it; a user key's caller does not
    assert "cache" not in body
    assert entry["generator"] == body["generator"] == "offline"
    assert entry["user"] == keyed("alice@example.com", HASH_KEY)
    assert "POST /v2/process 200" in entry["message"]

    text = json.dumps(entry, ensure_ascii=False)
    for secret in (MESSAGE, body["answer"], USER_KEY, "alice@example.com"):
        assert secret not in text
    # and the second time, from L1
    process_logged.post("/v2/process", json={"message": MESSAGE})
    [again] = lines(capsys)
    assert again["cache_tier"] == "l1"
    assert "user" not in again
    assert "logging.googleapis.com/trace" not in again  # no trace header, no trace field


def test_errors_are_logged_with_their_status_severity_and_code(
    process_logged: FlaskClient, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert_error(
        process_logged.post("/v2/process", json={"message": ""}), 422, "INVALID_INPUT", "message"
    )
    assert_error(
        process_logged.post("/v2/process", json={"message": MESSAGE}, headers={"X-API-Key": "no"}),
        401,
        "UNAUTHENTICATED",
    )
    assert_error(process_logged.get("/nowhere"), 404, "NOT_FOUND")
    invalid, unauthenticated, missing = lines(capsys)
    assert (invalid["severity"], invalid["httpRequest"]["status"]) == ("WARNING", 422)
    assert invalid["error_code"] == "INVALID_INPUT"
    assert unauthenticated["error_code"] == "UNAUTHENTICATED"
    assert "key_id" not in unauthenticated
    assert missing["error_code"] == "NOT_FOUND"
    assert "route" not in missing
    assert MESSAGE not in json.dumps([invalid, unauthenticated], ensure_ascii=False)


def test_an_unexpected_failure_is_an_error_line_without_the_text(
    process_app: FunctionApp,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def explode(*_args: Any) -> Any:
        raise RuntimeError("the store broke")

    monkeypatch.setattr(process_app.module._conversations(), "answer", explode)
    capsys.readouterr()
    response = process_app.client.post("/v2/process", json={"message": MESSAGE})
    assert_error(response, 500, "INTERNAL")
    [entry] = lines(capsys)
    assert entry["severity"] == "ERROR"
    assert entry["error_code"] == "INTERNAL"
    assert entry["httpRequest"]["status"] == 500


def test_recommend_and_health_are_logged_too(
    load_function: Callable[[str], FunctionApp], capsys: pytest.CaptureFixture[str]
) -> None:
    recommend = load_function("recommend").client
    capsys.readouterr()
    assert recommend.get("/healthz").status_code == 200
    assert recommend.get("/v2/personas/riri").status_code == 200
    health, persona = lines(capsys)
    assert (health["function"], health["route"]) == ("recommend", "GET /healthz")
    assert persona["route"] == "GET /v2/personas/{name}"


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"X-Cloud-Trace-Context": f"{TRACE}/5;o=0"}, (TRACE, "0000000000000005", False)),
        ({"X-Cloud-Trace-Context": TRACE}, (TRACE, None, None)),
        (
            {"traceparent": f"00-{TRACE}-00f067aa0ba902b7-01"},
            (TRACE, "00f067aa0ba902b7", True),
        ),
        ({"X-Cloud-Trace-Context": "not-a-trace"}, None),
        ({"X-Cloud-Trace-Context": "0" * 32 + "/1;o=1"}, None),
        ({}, None),
    ],
)
def test_trace_headers(
    headers: dict[str, str], expected: tuple[str, str | None, bool | None] | None
) -> None:
    from core.observability._logs import SPAN_ID, TRACE_SAMPLED, trace_fields  # noqa: PLC0415

    fields = trace_fields(headers, "p-1")
    if expected is None:
        assert fields == {}
        return
    trace, span, sampled = expected
    assert fields["logging.googleapis.com/trace"] == f"projects/p-1/traces/{trace}"
    assert fields.get(SPAN_ID) == span
    assert fields.get(TRACE_SAMPLED) == sampled


def test_the_log_helper_writes_one_cloud_logging_line(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    with observability.scope(job_id="job-7", user_id="bob"):
        observability.log("WARNING", "item failed", item=3)
    [entry] = lines(capsys)
    assert entry["severity"] == "WARNING"
    assert entry["message"] == "item failed"
    assert (entry["job_id"], entry["item"]) == ("job-7", 3)
    assert entry["user"] == observability.hash_id("bob") != "bob"
