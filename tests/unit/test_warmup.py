"""Work an instance puts off until its first answer has been sent (``core._warmup``): a cold
start's caller gets that answer without sharing the GIL with, say, redis-py's import."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import cast

import flask
import pytest
from pydantic import BaseModel

from core import _warmup
from core.api.http import Access, Guard, Route, Router

SLOW = 30.0  # an AT_THE_LATEST_S no test waits for


@pytest.fixture(autouse=True)
def not_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    # The module's event is the process's: other tests' requests have long set it.
    monkeypatch.setattr(_warmup, "_answered", threading.Event())


def test_work_waits_for_the_first_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_warmup, "AT_THE_LATEST_S", SLOW)
    done = threading.Event()
    _warmup.after_first_answer(done.set, "test-work")
    assert not done.wait(0.3)
    _warmup.answered()
    assert done.wait(10)


def test_work_asked_for_after_the_first_answer_starts_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_warmup, "AT_THE_LATEST_S", SLOW)
    _warmup.answered()
    done = threading.Event()
    _warmup.after_first_answer(done.set, "test-work")
    assert done.wait(10)


def test_a_process_that_answers_nothing_still_does_the_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_warmup, "AT_THE_LATEST_S", 0.05)
    done = threading.Event()
    _warmup.after_first_answer(done.set, "test-work")
    assert done.wait(10)
    assert not _warmup.has_answered()


class _Ok(BaseModel):
    ok: bool = True


def test_the_router_signals_the_first_answer_once_it_is_sent() -> None:
    guard = cast(Guard, SimpleNamespace())
    route = Route(lambda call: _Ok(), "ok", _Ok, access=Access.PUBLIC)
    router = Router({("GET", "/ok"): route}, lambda: guard, "test")
    app = flask.Flask(__name__)
    with app.test_request_context("/ok") as context:
        response = router(context.request)
    assert response.status_code == 200
    assert not _warmup.has_answered()  # made, not yet sent
    response.close()  # what the server calls once the body is written
    assert _warmup.has_answered()


def test_work_registered_on_first_answer_waits_however_long_and_runs_where_it_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """on_first_answer starts no thread until answered(): registered while a function's module
    is imported (in gunicorn's master), it runs in the worker that answers, never in the
    master, which answers nothing."""
    monkeypatch.setattr(_warmup, "_pending", [])
    done = threading.Event()
    before = threading.active_count()
    _warmup.on_first_answer(done.set, "test-pending")
    assert threading.active_count() == before  # nothing started: a fork would lose it
    assert not done.wait(0.3)
    _warmup.answered()
    assert done.wait(10)
    later = threading.Event()
    _warmup.on_first_answer(later.set, "test-later")  # after the first answer: at once
    assert later.wait(10)
