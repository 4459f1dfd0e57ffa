"""``process`` with ``GENERATOR=gemini``: the real app, the real google-genai client and a local
server speaking ``generateContent``; keys read from a local Secret Manager speaking REST."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from core import bootstrap
from core.config import Settings
from core.pipeline import Request
from devtools.fake_gemini import FakeGemini, answer, error
from devtools.fake_secret_manager import FakeSecretManager
from tests.functions.function_apps import ADMIN_KEY, API_KEYS_SETTING, FunctionApp

Loader = Callable[[str], FunctionApp]
MESSAGE = "이직 준비 중인데 포트폴리오가 약해요. 뭐부터 보강할까요?"
ANSWER = "A mentor's answer from the fake Gemini."


def process(app: FunctionApp, path: str = "/v2/process", **body: Any) -> dict[str, Any]:
    # The admin key: these tests read the cache facts, which user keys are not shown.
    response = app.client.post(
        path, json=body or {"message": MESSAGE}, headers={"X-API-Key": ADMIN_KEY}
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    data: dict[str, Any] = response.get_json()
    return data


@pytest.mark.usefixtures("gemini_env")
def test_process_answers_with_gemini(load_function: Loader, fake_gemini: FakeGemini) -> None:
    body = process(load_function("process"))
    assert (body["generator"], body["answer"]) == ("gemini", ANSWER)
    assert "fallback_reason" not in body
    (call,) = fake_gemini.calls
    assert call.headers["x-goog-api-key"] == "plain-test-key"


@pytest.mark.usefixtures("gemini_env")
def test_a_failing_gemini_still_answers_200_offline_and_says_why(
    load_function: Loader, fake_gemini: FakeGemini
) -> None:
    fake_gemini.always(error(500))
    app = load_function("process")
    body = process(app)
    assert (body["generator"], body["fallback_reason"]) == ("offline_fallback", "server_error")
    assert body["answer"]
    assert body["answer"] != ANSWER
    assert body["cache"] == {"hit": False, "tier": "computed"}
    assert len(fake_gemini.calls) == 3  # one call, two retries

    # Not cached: once Gemini is back, the same question gets Gemini's answer.
    fake_gemini.always(answer(ANSWER))
    again = process(app)
    assert (again["generator"], again["answer"], again["cache"]["tier"]) == (
        "gemini",
        ANSWER,
        "computed",
    )
    assert process(app)["cache"]["tier"] == "l1"


@pytest.mark.usefixtures("gemini_env")
def test_v1_chat_reports_the_fallback_in_its_metadata(
    load_function: Loader, fake_gemini: FakeGemini
) -> None:
    fake_gemini.always(error(400))
    body = process(load_function("process"), "/v1/chat", message=MESSAGE, user_id="u-1")
    assert body["metadata"]["generator"] == "offline_fallback"
    assert body["metadata"]["fallback_reason"] == "rejected"


def test_keys_come_from_secret_manager(
    load_function: Loader,
    gemini_env: dict[str, str],
    fake_gemini: FakeGemini,
    fake_secret_manager: FakeSecretManager,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_secret_manager.add("ion-test", "gemini-key", "key-from-secret-manager")
    fake_secret_manager.add("ion-test", "ion-api-keys", API_KEYS_SETTING)
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", "ion-test")
    monkeypatch.setenv("SECRET_MANAGER_ENDPOINT", fake_secret_manager.url)
    monkeypatch.setenv("GEMINI_API_KEY", "sm://gemini-key")
    monkeypatch.setenv("ION_API_KEYS", "sm://ion-api-keys")
    body = process(load_function("process"))  # the user key is accepted: its hash was read
    assert body["generator"] == "gemini"
    assert fake_gemini.calls[0].headers["x-goog-api-key"] == "key-from-secret-manager"
    assert sorted(fake_secret_manager.reads) == [
        "projects/ion-test/secrets/gemini-key/versions/latest",
        "projects/ion-test/secrets/ion-api-keys/versions/latest",
    ]


def test_the_pipeline_the_bulk_worker_will_call_answers_with_gemini(
    gemini_env: dict[str, str], fake_gemini: FakeGemini
) -> None:
    pipeline = bootstrap.build_pipeline(Settings.from_env(gemini_env))
    outcome = pipeline.run(Request(MESSAGE))
    assert (outcome.generator, outcome.model, outcome.answer) == (
        "gemini",
        "gemini-2.5-flash",
        ANSWER,
    )
    fake_gemini.always(error(503))
    fallback = pipeline.run(Request("A different question, so not from the cache?"))
    assert (fallback.generator, fallback.fallback_reason) == ("offline_fallback", "server_error")
