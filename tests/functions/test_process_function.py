"""``functions/process``: POST /v2/process and GET /healthz through the real app."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from flask.testing import FlaskClient

from core.prompts import PROMPT_VERSION
from tests.functions.function_apps import ADMIN_KEY, FunctionApp, assert_error, payload

PERSONAS = {"lua", "elro", "riri", "nana"}
HANGUL = re.compile(r"[\uac00-\ud7a3]")
UUID_HEX = re.compile(r"[0-9a-f]{32}")


def post(client: FlaskClient, body: Any, **kwargs: Any) -> Any:
    return client.post("/v2/process", json=body, **kwargs)


def assert_ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body: dict[str, Any] = response.get_json()
    assert body["request_id"] == response.headers["X-Request-Id"]
    return body


def test_korean_message_is_analysed_routed_and_answered_in_korean(process: FlaskClient) -> None:
    body = assert_ok(post(process, payload("process_ko.json")))

    assert body["persona"] in PERSONAS
    assert body["secondary_persona"] in PERSONAS - {body["persona"]}
    assert 0 < body["confidence"] <= 1
    analysis = body["analysis"]
    assert analysis["language"] == "ko"
    assert analysis["resonance_key"] == body["resonance_key"]
    assert set(analysis["tone"]) >= {"primary", "confidence", "runner_up"}
    assert set(analysis["intent"]) >= {"primary", "confidence", "runner_up"}
    assert analysis["pace"] in {"burst", "flowing", "contemplative", "medium"}
    assert "words_per_sentence" in analysis["rhythm"]
    assert HANGUL.search(body["answer"])
    assert body["generator"] == "offline"
    assert "cache" not in body  # a user key: see test_cache_visibility_function.py
    assert "timings_ms" not in body
    assert "prompt" not in body


def test_english_message_is_answered_in_english(process: FlaskClient) -> None:
    body = assert_ok(post(process, payload("process_en.json")))

    assert body["analysis"]["language"] == "en"
    assert body["answer"]
    assert not HANGUL.search(body["answer"])


def test_routing_explains_every_score(process: FlaskClient) -> None:
    body = assert_ok(post(process, payload("process_en.json")))
    routing = body["routing"]

    assert set(routing["scores"]) == PERSONAS
    assert routing["forced"] is False
    for persona, parts in routing["contributions"].items():
        assert set(parts) == {"tone", "pace", "intent"}
        assert sum(parts.values()) == pytest.approx(routing["scores"][persona], abs=1e-6)
    assert body["persona"] == max(routing["scores"], key=routing["scores"].get)


@pytest.mark.usefixtures("firestore_host")  # the payload names a session
def test_include_prompt_returns_the_versioned_prompt(process: FlaskClient) -> None:
    request = payload("process_include_prompt.json")
    body = assert_ok(post(process, request))

    prompt = body["prompt"]
    assert set(prompt) == {"system", "user", "version"}
    assert prompt["version"] == PROMPT_VERSION
    assert request["message"] in prompt["user"]
    assert request["user_id"] in prompt["user"]
    assert request["session_id"] in prompt["user"]


@pytest.mark.parametrize("name", ["ELRO", "elro", "Elro", " nana ", "rIrI"])
def test_forced_persona_in_any_case_wins_and_keeps_the_analysis(
    process: FlaskClient, name: str
) -> None:
    request = {**payload("process_forced_persona.json"), "persona": name}
    body = assert_ok(post(process, request))

    assert body["persona"] == name.strip().lower()
    assert body["routing"]["forced"] is True
    assert body["analysis"]["language"] == "ko"
    assert body["answer"]


def test_message_is_trimmed_and_may_hold_newlines_and_tabs(process: FlaskClient) -> None:
    message = "  첫 줄입니다.\n\t둘째 줄: 코드 리뷰를 어떻게 받아야 할까요?  "
    body = assert_ok(post(process, {"message": message, "options": {"include_prompt": True}}))

    assert message.strip() in body["prompt"]["user"]


def test_windows_line_endings_are_newlines(process: FlaskClient) -> None:
    body = assert_ok(post(process, {"message": "first line\r\nsecond line"}))
    assert body["analysis"]["language"] == "en"
    assert body["answer"]


def test_message_of_exactly_4000_characters_as_sent_is_accepted(process: FlaskClient) -> None:
    assert_ok(post(process, {"message": "  " + "a" * 3995 + "?  "}))
    # The limit counts the text as sent, surrounding whitespace included: what the OpenAPI
    # document's maxLength says (it used to count after trimming, which no schema could state).
    response = post(process, {"message": "  " + "a" * 3996 + "?  "})
    assert_error(response, 422, "INVALID_INPUT", "message")
    assert "4001 characters; at most 4000" in response.get_json()["error"]["message"]


# --- errors ---------------------------------------------------------------------------------


def test_malformed_json_is_400_invalid_json(process: FlaskClient) -> None:
    response = process.post(
        "/v2/process", data='{"message": "hi",', content_type="application/json"
    )
    assert_error(response, 400, "INVALID_JSON")


@pytest.mark.parametrize("raw", [b'{"message": NaN}', b"\xff\xfe{}", b""])
def test_non_standard_or_undecodable_json_is_400(process: FlaskClient, raw: bytes) -> None:
    response = process.post("/v2/process", data=raw, content_type="application/json")
    assert_error(response, 400, "INVALID_JSON")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_post_that_is_not_json_is_415(process: FlaskClient, content_type: str | None) -> None:
    kwargs = {"content_type": content_type} if content_type else {}
    response = process.post("/v2/process", data=json.dumps({"message": "hi"}), **kwargs)
    assert_error(response, 415, "UNSUPPORTED_MEDIA_TYPE")


def test_json_with_charset_parameter_is_accepted(process: FlaskClient) -> None:
    response = process.post(
        "/v2/process",
        data=json.dumps({"message": "How do I learn Rust?"}),
        content_type="application/json; charset=utf-8",
    )
    assert_ok(response)


def test_body_over_64_kib_is_413(process: FlaskClient) -> None:
    assert_error(post(process, {"message": "a" * (64 * 1024)}), 413, "REQUEST_TOO_LARGE")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "message"),
        ({"message": ""}, "message"),
        ({"message": " \n\t "}, "message"),
        ({"message": "a" * 4001}, "message"),
        ({"message": "hello\x00there"}, "message"),
        ({"message": "bell\x07"}, "message"),
        ({"message": "carriage\rreturn"}, "message"),
        ({"message": 42}, "message"),
        ({"message": "hi", "persnoa": "lua"}, "persnoa"),
        ({"message": "hi", "user_id": "has space"}, "user_id"),
        ({"message": "hi", "user_id": "x" * 129}, "user_id"),
        ({"message": "hi", "session_id": ""}, "session_id"),
        ({"message": "hi", "session_id": "a/b"}, "session_id"),
        ({"message": "hi", "options": {"include_prompt": "yes"}}, "options.include_prompt"),
        ({"message": "hi", "options": {"verbose": True}}, "options.verbose"),
        ({"message": "hi", "persona": 3}, "persona"),
    ],
)
def test_invalid_fields_are_422_naming_the_field(
    process: FlaskClient, body: dict[str, Any], field: str
) -> None:
    error = assert_error(post(process, body), 422, "INVALID_INPUT", field)
    assert error["error"]["message"].startswith(f"{field}: ")


def test_body_that_is_not_an_object_is_422(process: FlaskClient) -> None:
    assert_error(post(process, ["message"]), 422, "INVALID_INPUT")


@pytest.mark.usefixtures("firestore_host")  # a valid session id: the session is kept
def test_accepted_identifiers(process: FlaskClient) -> None:
    assert_ok(post(process, {"message": "hi", "user_id": "a.B_9:c@d-e", "session_id": "s" * 128}))


@pytest.mark.parametrize("name", ["bob", "", "luaa"])
def test_unknown_persona_is_422_unknown_persona(process: FlaskClient, name: str) -> None:
    body = assert_error(
        post(process, {"message": "hi", "persona": name}), 422, "UNKNOWN_PERSONA", "persona"
    )
    assert "lua, elro, riri, nana" in body["error"]["message"]


@pytest.mark.parametrize("path", ["/", "/v2/proces", "/v1/chats", "/v2/process/extra"])
def test_unknown_path_is_404(process: FlaskClient, path: str) -> None:
    assert_error(process.post(path, json={"message": "hi"}), 404, "NOT_FOUND")


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_wrong_method_is_405_with_allow(process: FlaskClient, method: str) -> None:
    response = process.open("/v2/process", method=method)
    assert_error(response, 405, "METHOD_NOT_ALLOWED")
    assert response.headers["Allow"] == "POST"


def test_unexpected_failure_is_a_500_envelope_that_reveals_nothing(
    process_app: FunctionApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_: Any) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(process_app.module.Conversations, "answer", explode)
    response = post(process_app.client, payload("process_en.json"))

    body = assert_error(response, 500, "INTERNAL")
    assert "secret" not in body["error"]["message"]


# --- request ids and health -----------------------------------------------------------------


@pytest.mark.parametrize("given", ["abc-123", "trace:1.2_3", "x" * 128])
def test_valid_request_id_is_echoed(process: FlaskClient, given: str) -> None:
    response = post(process, payload("process_en.json"), headers={"X-Request-Id": given})
    assert assert_ok(response)["request_id"] == given


@pytest.mark.parametrize("given", ["", "has space", "x" * 129, "a@b", "ä"])
def test_invalid_request_id_is_replaced_by_a_generated_one(
    process: FlaskClient, given: str
) -> None:
    response = post(process, payload("process_en.json"), headers={"X-Request-Id": given})
    assert UUID_HEX.fullmatch(assert_ok(response)["request_id"])


def test_generated_request_ids_are_unique(process: FlaskClient) -> None:
    ids = {post(process, payload("process_en.json")).headers["X-Request-Id"] for _ in range(5)}
    assert len(ids) == 5
    assert all(UUID_HEX.fullmatch(i) for i in ids)


def test_errors_carry_the_request_id_too(process: FlaskClient) -> None:
    response = post(process, {}, headers={"X-Request-Id": "req-7"})
    assert assert_error(response, 422, "INVALID_INPUT", "message")["request_id"] == "req-7"


def test_healthz(process: FlaskClient) -> None:
    response = process.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert UUID_HEX.fullmatch(response.headers["X-Request-Id"])


def test_responses_are_not_sniffed_or_cached(process: FlaskClient) -> None:
    response = process.get("/healthz")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


ADMIN = {"headers": {"X-API-Key": ADMIN_KEY}}  # cache facts are shown to admin keys only


def test_a_repeated_message_is_answered_from_the_cache(process: FlaskClient) -> None:
    body = {"message": "How should I prepare for a system design interview next month?"}
    first = assert_ok(post(process, body, **ADMIN))
    second = assert_ok(post(process, body, **ADMIN))
    assert first["cache"] == {"hit": False, "tier": "computed"}
    assert second["cache"] == {"hit": True, "tier": "l1"}
    assert second["answer"] == first["answer"]


def test_cache_options_bypass_and_refresh(process: FlaskClient) -> None:
    message = "Is it okay to ask my lead for a code review every day?"
    bypass = assert_ok(
        post(process, {"message": message, "options": {"use_cache": False}}, **ADMIN)
    )
    assert bypass["cache"] == {"hit": False, "tier": "bypass"}
    assert assert_ok(post(process, {"message": message}, **ADMIN))["cache"]["tier"] == "computed"
    refreshed = assert_ok(
        post(process, {"message": message, "options": {"refresh": True}}, **ADMIN)
    )
    assert refreshed["cache"] == {"hit": False, "tier": "computed"}
