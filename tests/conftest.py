"""Fixtures shared by every test folder: a real Redis (see devtools/redis_server.py), a real
Firestore emulator (see devtools/emulators.py), local servers speaking the REST protocols of
Gemini and Secret Manager, which have no emulator (see devtools/fake_service.py), each
function built as a real functions-framework app (``load_function``), and the analysis model
fitted once on the development sets (``analysis_training``: half a minute, shared by the tests
that check the shipped model against it).

A missing or broken redis-server or emulator is an error, never a skip: those tests must not go
quietly green on a machine that cannot run them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import functions_framework
import pytest
import redis

from core import bootstrap
from core.config import SETTINGS
from devtools.emulators import FirestoreEmulator, PubSubEmulator
from devtools.fake_gemini import FakeGemini
from devtools.fake_secret_manager import FakeSecretManager
from devtools.processes import HOST, free_port
from devtools.redis_server import RedisServer
from tests.functions.function_apps import API_KEYS_SETTING, FUNCTIONS, USER_KEY, FunctionApp
from tests.helpers import load_script


@pytest.fixture(scope="session")
def analysis_training() -> tuple[ModuleType, dict[str, Any], int]:
    """``scripts/train_analysis_model.py`` as a module, and what it fits on the development
    sets: each kind's model and how many examples they hold."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("ION_ANALYSIS_BOOTSTRAP", "0")  # the trainer's setdefault must not leak
        trainer = load_script("train_analysis_model", monkeypatch)
        models, examples = trainer.fit(trainer.DEFAULT_DATA)
    return trainer, models, examples


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """One started redis-server for the whole session, stopped when the session ends."""
    with RedisServer() as server:
        yield server


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session server's URL with every database emptied, so each test starts clean."""
    redis_server.start()  # a no-op unless an earlier test left the shared server down
    client = redis.Redis.from_url(redis_server.url)
    try:
        client.flushall()
    finally:
        client.close()
    return redis_server.url


@pytest.fixture(scope="session")
def firestore_emulator() -> Iterator[FirestoreEmulator]:
    """One started Firestore emulator for the whole session (it takes seconds to start)."""
    with FirestoreEmulator() as emulator:
        yield emulator


@pytest.fixture
def firestore_host(firestore_emulator: FirestoreEmulator, monkeypatch: pytest.MonkeyPatch) -> str:
    """The emulator's host with every document deleted, and FIRESTORE_EMULATOR_HOST set to it."""
    firestore_emulator.start()  # a no-op unless an earlier test left the shared emulator down
    firestore_emulator.reset()
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", firestore_emulator.host)
    return firestore_emulator.host


@pytest.fixture(scope="session")
def pubsub_emulator() -> Iterator[PubSubEmulator]:
    """One started Pub/Sub emulator for the whole session."""
    with PubSubEmulator() as emulator:
        yield emulator


@pytest.fixture
def pubsub_host(pubsub_emulator: PubSubEmulator, monkeypatch: pytest.MonkeyPatch) -> str:
    """The emulator's host, with PUBSUB_EMULATOR_HOST set to it. Topics outlive tests in the
    emulator: a test makes its own, with a name no other test uses."""
    pubsub_emulator.start()  # a no-op unless an earlier test left the shared emulator down
    monkeypatch.setenv("PUBSUB_EMULATOR_HOST", pubsub_emulator.host)
    return pubsub_emulator.host


@pytest.fixture
def fake_gemini() -> Iterator[FakeGemini]:
    """A fresh fake Gemini on a loopback port (``generateContent``; answers normally)."""
    with FakeGemini() as fake:
        yield fake


@pytest.fixture
def fake_secret_manager() -> Iterator[FakeSecretManager]:
    """A fresh, empty fake Secret Manager on a loopback port (``accessSecretVersion``)."""
    with FakeSecretManager() as fake:
        yield fake


@pytest.fixture
def load_function(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[Callable[..., FunctionApp]]:
    """Build ``functions/<folder or name>/main.py`` with target ``<name>`` as a real app.

    functions-framework loads a source file as a module named after the file and registers it
    in ``sys.modules`` (and appends its folder to ``sys.path``), so all three ``main.py`` files
    would become ``main`` in one pytest process and the last one loaded would win for anything
    that imports ``main``. Each app is therefore built here, its module is captured right after
    loading, and the global registrations are undone when the test ends.

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
    # No session store prepared in the background by each app a test builds: it would reach for
    # whatever emulator the environment names when the thread runs, perhaps a later test's.
    # tests/functions/test_sessions_function.py turns it on where it is the subject.
    monkeypatch.setenv("SESSIONS_WARM_UP", "false")
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
