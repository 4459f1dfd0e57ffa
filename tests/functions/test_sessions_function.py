"""Conversations kept in the real Firestore emulator, through the process function."""

from __future__ import annotations

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
