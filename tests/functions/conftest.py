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

from core import bootstrap
from core.config import SETTINGS
from devtools.processes import HOST, free_port
from tests.functions.function_apps import API_KEYS_SETTING, FUNCTIONS, USER_KEY, FunctionApp


@pytest.fixture
def load_function(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[Callable[..., FunctionApp]]:
    """Build ``functions/<folder or name>/main.py`` with target ``<name>`` as a real app.

    Only a test that uses sessions or bulk jobs needs the Firestore emulator, and it says so by
    requesting ``firestore_host`` (which starts it, or errors where it cannot run); likewise
    ``pubsub_host`` for the Pub/Sub emulator. Any other test gets a loopback address where
    nothing listens, so a store used by mistake fails the test with a 503 within its deadline,
    never with a search for Google credentials on the network."""
    if "firestore_host" not in request.fixturenames:
        monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", f"{HOST}:{free_port()}")
    if "pubsub_host" not in request.fixturenames:
        monkeypatch.setenv("PUBSUB_EMULATOR_HOST", f"{HOST}:{free_port()}")
    # create_app writes these; monkeypatch restores them (absent) when the test ends.
    monkeypatch.delenv("FUNCTION_TARGET", raising=False)
    monkeypatch.delenv("FUNCTION_SIGNATURE_TYPE", raising=False)
    # Every setting at its default whatever the shell exports (GENERATOR=gemini would call a
    # real model), then real keys, configured as a deployment configures them (hashes).
    for setting in SETTINGS:
        monkeypatch.delenv(setting.name, raising=False)
    monkeypatch.setenv("ION_API_KEYS", API_KEYS_SETTING)
    bootstrap.settings.cache_clear()
    saved_path = list(sys.path)
    saved_main = sys.modules.get("main")

    def load(name: str, folder: str | None = None, signature_type: str = "http") -> FunctionApp:
        source = FUNCTIONS / (folder or name) / "main.py"
        app = functions_framework.create_app(
            target=name, source=str(source), signature_type=signature_type
        )
        module = sys.modules.pop("main")
        app.testing = True
        client = app.test_client()
        client.environ_base["HTTP_X_API_KEY"] = USER_KEY  # every request carries a user key
        return FunctionApp(client=client, module=module)

    yield load
    bootstrap.settings.cache_clear()
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


@pytest.fixture
def bulk_worker(load_function: Callable[..., FunctionApp]) -> FlaskClient:
    return load_function("bulk_worker", "bulk", "cloudevent").client
