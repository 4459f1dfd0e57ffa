"""The functions as apps and clients, built by ``load_function`` (tests/conftest.py), which the
reliability suite shares; and the settings that make ``process`` answer with the fake Gemini."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from devtools.fake_gemini import FakeGemini
from tests.functions.function_apps import FunctionApp


@pytest.fixture
def process_app(load_function: Callable[[str], FunctionApp]) -> FunctionApp:
    return load_function("process")


@pytest.fixture
def process(process_app: FunctionApp) -> FlaskClient:
    return process_app.client


@pytest.fixture
def recommend(load_function: Callable[[str], FunctionApp]) -> FlaskClient:
    return load_function("recommend").client


@pytest.fixture
def bulk(load_function: Callable[[str], FunctionApp]) -> FlaskClient:
    return load_function("bulk").client


@pytest.fixture
def bulk_worker(load_function: Callable[..., FunctionApp]) -> FlaskClient:
    return load_function("bulk_worker", "bulk", "cloudevent").client


@pytest.fixture
def gemini_env(
    load_function: Callable[[str], FunctionApp],
    fake_gemini: FakeGemini,
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, str]:
    """Gemini in API-key mode against the fake; after ``load_function``, which resets every
    setting to its default."""
    env = {
        "GENERATOR": "gemini",
        "GEMINI_MODE": "api_key",
        "GEMINI_API_KEY": "plain-test-key",
        "GEMINI_BASE_URL": fake_gemini.url,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env
