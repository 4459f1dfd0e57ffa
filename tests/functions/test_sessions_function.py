"""Conversations kept in the real Firestore emulator, through the process function."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import pytest

from core import _warmup, bootstrap
from devtools.emulators import FirestoreEmulator
from tests.functions.function_apps import ADMIN_KEY, FunctionApp, assert_error

# Every test here keeps sessions, so every one needs the emulator (an error where it cannot run).
pytestmark = pytest.mark.usefixtures("firestore_host")

Loader = Callable[[str], FunctionApp]


def ask(app: FunctionApp, message: str, **fields: Any) -> Any:
    return app.client.post("/v2/process", json={"message": message, **fields})


def test_a_session_numbers_its_turns_and_feeds_them_to_the_prompt(load_function: Loader) -> None:
    app = load_function("process")
    first = ask(app, "이직 준비 중인데 포트폴리오가 약해요", session_id="s-1", user_id="u-1")
    assert first.status_code == 200, first.get_data(as_text=True)
    assert first.get_json()["session"] == {"id": "s-1", "turn": 1}
    second = ask(
        app,
        "그럼 뭐부터 하면 돼요?",
        session_id="s-1",
        user_id="u-1",
        options={"include_prompt": True},
    ).get_json()
    assert second["session"] == {"id": "s-1", "turn": 2}
    prompt = second["prompt"]["user"]
    assert "이직 준비 중인데 포트폴리오가 약해요" in prompt
    assert "- mentor:" in prompt


def test_a_session_belongs_to_its_key_and_user(load_function: Loader) -> None:
    app = load_function("process")
    assert ask(app, "My secret worry", session_id="mine", user_id="alice").status_code == 200
    show_prompt = {"options": {"include_prompt": True}}
    # Another user, or another key, with the same id has a session of its own: turn 1, with
    # nothing of alice's in its prompt -- exactly what an id nobody used gets.
    for headers, user in (({}, "mallory"), ({"X-API-Key": ADMIN_KEY}, "alice")):
        for session_id in ("mine", "never-used"):
            response = app.client.post(
                "/v2/process",
                json={"message": "show me", "session_id": session_id, "user_id": user,
                      **show_prompt},
                headers=headers,
            )  # fmt: skip
            assert response.status_code == 200, response.get_data(as_text=True)
            body = response.get_json()
            assert body["session"] == {"id": session_id, "turn": 1}
            assert "My secret worry" not in body["prompt"]["user"]
    mine = ask(app, "and then?", session_id="mine", user_id="alice", **show_prompt).get_json()
    assert mine["session"] == {"id": "mine", "turn": 2}
    assert "My secret worry" in mine["prompt"]["user"]
    assert "show me" not in mine["prompt"]["user"]


def test_an_id_another_key_used_first_is_not_taken_from_anyone(load_function: Loader) -> None:
    app = load_function("process")
    squatter = app.client.post(
        "/v2/process",
        json={"message": "first!", "session_id": "s1", "user_id": "u-1"},
        headers={"X-API-Key": ADMIN_KEY},
    )
    assert squatter.status_code == 200
    owner = ask(app, "이직 준비 중인데 포트폴리오가 약해요", session_id="s1", user_id="u-1")
    assert owner.status_code == 200, owner.get_data(as_text=True)
    assert owner.get_json()["session"] == {"id": "s1", "turn": 1}


def test_firestore_down_is_503_for_sessions_only(
    load_function: Loader, firestore_emulator: FirestoreEmulator
) -> None:
    app = load_function("process")
    firestore_emulator.kill()
    try:
        down = ask(app, "continue please", session_id="s-2")
        assert_error(down, 503, "SESSION_STORE_UNAVAILABLE")
        assert int(down.headers["Retry-After"]) >= 1
        assert ask(app, "a question without a session").status_code == 200
    finally:
        firestore_emulator.start()


def test_an_instance_prepares_its_session_store_after_its_first_answer(
    load_function: Loader, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SESSIONS_WARM_UP (on by default): once the instance has answered, a background thread
    imports the client and connects, and the first request with a session uses that client."""
    monkeypatch.setenv("SESSIONS_WARM_UP", "true")
    bootstrap.settings.cache_clear()
    app = load_function("process")
    assert app.client.get("/healthz").status_code == 200
    _warmup.answered()  # what the server does once the response is sent; the test client does not
    connection = app.module._conversations().sessions._connection
    deadline = time.monotonic() + 30
    while connection.current is None and time.monotonic() < deadline:
        time.sleep(0.05)
    prepared = connection.current
    assert prepared is not None, "the session store was not prepared in the background"
    first = ask(app, "이직 준비 중인데 포트폴리오가 약해요", session_id="warm", user_id="u")
    assert first.status_code == 200, first.get_data(as_text=True)
    assert first.get_json()["session"] == {"id": "warm", "turn": 1}
    assert connection.current is prepared  # the request found its client ready


CONVERSATIONS = {
    "ko": (
        "이직 준비 중인데 포트폴리오가 약해요",
        "그럼 뭐부터 하면 돼요?",
        "두 번째 거는 어떻게 해요?",
        "요즘 잠을 못 자겠어요. 번아웃 같아요",
    ),
    "en": (
        "I'm preparing to switch jobs but my portfolio is weak. What should I fix?",
        "and then?",
        "what about the second one?",
        "I'm burnt out. I dread Mondays and I feel empty.",
    ),
}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_conversation_keeps_its_mentor_until_the_need_changes_or_another_is_named(
    load_function: Loader, language: str
) -> None:
    """Issue 19: a follow-up is answered by the session's mentor, carries the previous turn's
    subject and intent, and goes on from the previous answer's steps; a message that changes
    the need, where another mentor leads by the margin, switches; naming a mentor switches."""
    app = load_function("process")
    opening, follow_up, second_one, new_need = CONVERSATIONS[language]
    session = {"session_id": f"keep-{language}", "user_id": "u"}

    def turn(message: str, **extra: Any) -> dict[str, Any]:
        response = ask(app, message, **session, **extra)
        assert response.status_code == 200, response.get_data(as_text=True)
        body: dict[str, Any] = response.get_json()
        return body

    first = turn(opening)
    mentor = first["persona"]
    assert first["routing"]["reason"] == "scores"
    assert "session_mentor" not in first["routing"]
    steps = re.findall(r"^• (.+)$", first["answer"], re.MULTILINE)
    assert len(steps) == 3, first["answer"]

    then = turn(follow_up)
    assert then["persona"] == mentor
    assert then["routing"]["reason"] == "kept_by_session"
    assert then["routing"]["session_mentor"] == mentor
    assert isinstance(then["routing"]["margin"], float)
    assert then["analysis"]["follow_up"] is True
    assert then["analysis"]["subject"]["primary"] == first["analysis"]["subject"]["primary"]
    assert then["analysis"]["intent"]["primary"] == first["analysis"]["intent"]["primary"]
    # It goes on from the first answer's steps: "뭐부터" (where from) starts with the first,
    # "and then?" with the one after it; the steps after that follow.
    start = 0 if language == "ko" else 1
    assert steps[start] in then["answer"]
    assert steps[2] in then["answer"]
    assert opening[:12] in then["answer"]

    if language == "en":  # "and then?" again: on from where the last answer left off
        again = turn(follow_up)
        assert again["persona"] == mentor
        assert steps[2] in again["answer"].split("\n")[2]

    pointed = turn(second_one)
    assert pointed["persona"] == mentor
    assert steps[1] in pointed["answer"]
    assert steps[0] not in pointed["answer"]

    changed = turn(new_need)
    assert "follow_up" not in changed["analysis"]
    assert changed["routing"]["reason"] == "switched"
    assert changed["routing"]["session_mentor"] == mentor
    assert changed["persona"] != mentor
    assert changed["routing"]["margin"] >= 0.15
    scores = changed["routing"]["scores"]
    lead = scores[changed["persona"]] - scores[mentor]
    assert lead == pytest.approx(changed["routing"]["margin"])

    named = "nana" if changed["persona"] != "nana" else "elro"
    chosen = turn(follow_up, persona=named)
    assert chosen["persona"] == named
    assert chosen["routing"]["reason"] == "forced"
    assert chosen["routing"]["session_mentor"] == changed["persona"]
    after = turn(follow_up)
    assert after["persona"] == named  # the named mentor now keeps the conversation
    assert after["routing"]["reason"] == "kept_by_session"


def test_the_switch_margin_is_a_setting(
    load_function: Loader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SESSION_SWITCH_MARGIN", "1")
    bootstrap.settings.cache_clear()
    app = load_function("process")
    opening, _, _, new_need = CONVERSATIONS["ko"]
    session = {"session_id": "never-switch", "user_id": "u"}
    first = ask(app, opening, **session).get_json()
    kept = ask(app, new_need, **session).get_json()
    assert kept["persona"] == first["persona"]
    assert kept["routing"]["reason"] == "kept_by_session"
    assert kept["routing"]["margin"] >= 0.15  # it led, but not by the whole scale


def test_a_crisis_in_a_session_gets_the_safety_reply_and_the_mentor_comes_back(
    load_function: Loader,
) -> None:
    app = load_function("process")
    session = {"session_id": "crisis-keeps", "user_id": "u"}
    first = ask(app, CONVERSATIONS["en"][0], **session).get_json()
    crisis = ask(app, "I don't want to live anymore.", **session).get_json()
    assert crisis["routing"]["reason"] == "safety"
    assert crisis["safety"]["resources"]
    after = ask(app, "and then?", **session).get_json()
    assert after["persona"] == first["persona"]
    assert after["routing"]["reason"] == "kept_by_session"
    # It goes on from the mentor's steps, never from the crisis lines of the safety reply.
    steps = re.findall(r"^• (.+)$", first["answer"], re.MULTILINE)
    assert steps[1] in after["answer"]
    given = re.findall(r"^• (.+)$", after["answer"], re.MULTILINE)
    assert given
    assert set(given) <= set(steps)  # no crisis line offered as a step
    assert "I don't want to live" not in after["answer"]  # nor quoted as the topic
