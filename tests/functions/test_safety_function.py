"""Safety on every HTTP path, through the real apps: ``/v2/process``, ``/v1/chat`` and
``/v2/recommend``; with Gemini (a local server speaking its REST protocol, the real SDK); and
in a session kept in the real Firestore emulator."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from devtools.fake_gemini import FakeGemini, answer, prompt_blocked, request_texts
from tests.functions.function_apps import ADMIN_KEY, FunctionApp

Loader = Callable[[str], FunctionApp]
CRISIS_KO = "요즘 너무 힘들어서 그냥 죽고 싶다는 생각만 들어"
CRISIS_EN = "I don't see the point anymore, I've been thinking about ending it all."
IDIOMS = ["배고파 죽겠어", "서버가 죽었어요. 로그 어디부터 봐요?", "this bug is killing me"]
ABUSE = "남편이 술만 마시면 때려요. 오늘 밤도 무서워요"


def post(client: FlaskClient, path: str, body: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    response = client.post(path, json=body, **kwargs)
    assert response.status_code == 200, response.get_data(as_text=True)
    data: dict[str, Any] = response.get_json()
    return data


@pytest.mark.parametrize(
    ("message", "category", "line"),
    [(CRISIS_KO, "self_harm", "109"), (CRISIS_EN, "self_harm", "988"), (ABUSE, "abuse", "1366")],
)
def test_process_gives_a_crisis_the_safety_reply(
    process: FlaskClient, message: str, category: str, line: str
) -> None:
    # The admin key: it is shown the cache facts (a safety reply is never cached).
    admin = {"headers": {"X-API-Key": ADMIN_KEY}}
    body = post(process, "/v2/process", {"message": message, "persona": "elro"}, **admin)
    assert body["persona"] == "lua"
    assert body["routing"]["reason"] == "safety"
    assert body["generator"] == "safety"
    assert body["analysis"]["safety"]["category"] == category
    assert body["analysis"]["safety"]["cues"]
    assert body["safety"]["category"] == category
    contacts = [r["contact"] for r in body["safety"]["resources"]]
    assert any(line in c for c in contacts)
    for resource in body["safety"]["resources"]:
        assert set(resource) == {"name", "contact", "hours"}
        assert resource["contact"] in body["answer"]
    assert body["cache"] == {"hit": False, "tier": "bypass"}


@pytest.mark.parametrize("message", IDIOMS)
def test_process_answers_idioms_normally(process: FlaskClient, message: str) -> None:
    body = post(process, "/v2/process", {"message": message})
    assert body["generator"] == "offline"
    assert body["safety"] == {"category": "none", "resources": []}
    assert body["analysis"]["safety"] == {"category": "none", "cues": []}
    assert body["routing"]["reason"] == "scores"


def test_chat_puts_the_lines_into_its_content(process: FlaskClient) -> None:
    body = post(process, "/v1/chat", {"message": CRISIS_KO, "user_id": "u1"})
    assert body["persona_used"] == "lua"
    assert body["metadata"]["safety"] == "self_harm"
    assert body["metadata"]["generator"] == "safety"
    assert "109" in body["content"]
    assert "1577-0199" in body["content"]
    normal = post(process, "/v1/chat", {"message": IDIOMS[0], "user_id": "u1"})
    assert normal["metadata"]["safety"] == "none"


def test_recommend_puts_lua_first_with_the_reply(recommend: FlaskClient) -> None:
    body = post(recommend, "/v2/recommend", {"message": CRISIS_EN})
    assert body["ranking"][0]["persona"] == "lua"
    assert body["safety"]["category"] == "self_harm"
    assert "Are you safe right now?" in body["safety"]["reply"]
    assert any("988" in r["contact"] for r in body["safety"]["resources"])
    calm = post(recommend, "/v2/recommend", {"scenario": "a team lead planning a launch"})
    assert calm["safety"] == {"category": "none", "resources": []}


def test_configured_crisis_lines_reach_the_reply(
    load_function: Loader, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = [{"name": "Lifeline (Australia)", "contact": "call 13 11 14", "hours": "24/7"}]
    monkeypatch.setenv("CRISIS_RESOURCES", json.dumps({"en": {"self_harm": mine}}))
    app = load_function("process")
    body = post(app.client, "/v2/process", {"message": CRISIS_EN})
    assert body["safety"]["resources"] == mine
    assert "13 11 14" in body["answer"]
    assert "988" not in body["answer"]


def test_a_bad_crisis_resources_setting_stops_the_instance(
    load_function: Loader, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.errors import ConfigError  # noqa: PLC0415

    monkeypatch.setenv("CRISIS_RESOURCES", '{"fr": {}}')
    with pytest.raises(ConfigError, match="CRISIS_RESOURCES is not valid"):
        load_function("process")


# --- with Gemini ----------------------------------------------------------------------------


@pytest.fixture
def gemini(
    load_function: Loader, gemini_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., FunctionApp]:
    """``process`` answering with Gemini (``gemini_env``), with ``extra`` settings on top."""

    def load(**extra: str) -> FunctionApp:
        for name, value in extra.items():
            monkeypatch.setenv(name, value)
        return load_function("process")

    return load


def test_a_crisis_is_not_sent_to_gemini_by_default(
    gemini: Callable[..., FunctionApp], fake_gemini: FakeGemini
) -> None:
    body = post(gemini().client, "/v2/process", {"message": CRISIS_EN})
    assert body["generator"] == "safety"
    assert fake_gemini.calls == []


def test_when_allowed_gemini_writes_the_reply_and_the_lines_are_appended(
    gemini: Callable[..., FunctionApp], fake_gemini: FakeGemini
) -> None:
    fake_gemini.always(answer("I'm so glad you told me. Are you safe right now?"))
    app = gemini(SAFETY_MODEL_REPLIES="true")
    body = post(app.client, "/v2/process", {"message": CRISIS_EN})
    assert body["generator"] == "gemini"
    assert body["answer"].startswith("I'm so glad you told me.")
    lifeline = "- 988 Suicide & Crisis Lifeline (US and Canada): call or text 988 (24/7)"
    assert lifeline in body["answer"]
    (call,) = fake_gemini.calls
    sent = request_texts(call)
    assert "may be at risk" in sent["system"]
    assert "Do not play a persona" in sent["system"]

    fake_gemini.always(prompt_blocked())
    blocked = post(app.client, "/v2/process", {"message": CRISIS_EN})
    assert (blocked["generator"], blocked["fallback_reason"]) == ("safety", "safety_blocked")
    assert "Are you safe right now?" in blocked["answer"]


def test_a_gemini_safety_block_on_an_ordinary_message_is_answered_plainly(
    gemini: Callable[..., FunctionApp], fake_gemini: FakeGemini
) -> None:
    fake_gemini.always(prompt_blocked())
    body = post(gemini().client, "/v2/process", {"message": "신나는 회식 아이디어 좀 줘 ㅋㅋㅋ"})
    assert (body["generator"], body["fallback_reason"]) == ("offline_fallback", "safety_blocked")
    assert body["answer"].startswith("글 남겨 주셔서 고마워요.")
    assert "109" in body["answer"]
    assert body["safety"]["category"] == "none"


# --- in a session -----------------------------------------------------------------------------


@pytest.mark.usefixtures("firestore_host")
def test_a_session_flagged_once_stays_gentle(load_function: Loader) -> None:
    app = load_function("process")
    session = {"session_id": "care-1", "user_id": "u-care"}
    first = post(app.client, "/v2/process", {"message": CRISIS_KO, **session})
    assert first["generator"] == "safety"
    later = post(
        app.client,
        "/v2/process",
        {
            "message": "고마워요. 그럼 내일 면접 준비는 어떻게 할까요?",
            **session,
            "options": {"include_prompt": True},
        },
    )
    assert later["safety"]["category"] == "none"
    assert later["session"]["turn"] == 2
    assert "109" in later["answer"].splitlines()[-1], "a line to call closes the answer"
    assert "wrote about suicide or self-harm" in later["prompt"]["system"]
    # Another session is not touched.
    other = post(
        app.client,
        "/v2/process",
        {"message": "내일 면접 준비는 어떻게 할까요?", "session_id": "care-2", "user_id": "u-care"},
    )
    assert "109" not in other["answer"]
