"""Fixtures that drive each function through the real functions-framework app.

functions-framework loads a source file as a module named after the file and registers it in
``sys.modules`` (and appends its folder to ``sys.path``), so all three ``main.py`` files would
become ``main`` in one pytest process and the last one loaded would win for anything that
imports ``main``. Each app is therefore built inside a fixture, its module is captured right
after loading, and the global registrations are undone when the test ends.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import functions_framework
import pytest
from flask.testing import FlaskClient

from tests.functions.function_apps import FUNCTIONS, FunctionApp


@pytest.fixture
def load_function(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], FunctionApp]]:
    """Build ``functions/<name>/main.py`` with target ``<name>`` as a real app."""
    # create_app writes these; monkeypatch restores them (absent) when the test ends.
    monkeypatch.delenv("FUNCTION_TARGET", raising=False)
    monkeypatch.delenv("FUNCTION_SIGNATURE_TYPE", raising=False)
    saved_path = list(sys.path)
    saved_main = sys.modules.get("main")

    def load(name: str) -> FunctionApp:
        app = functions_framework.create_app(target=name, source=str(FUNCTIONS / name / "main.py"))
        module = sys.modules.pop("main")
        app.testing = True
        return FunctionApp(client=app.test_client(), module=module)

    yield load
    sys.path[:] = saved_path
    if saved_main is not None:
        sys.modules["main"] = saved_main


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
