"""Fixtures shared by every test folder: a real Redis (see devtools/redis_server.py), a real
Firestore emulator (see devtools/emulators.py), and local servers speaking the REST protocols of
Gemini and Secret Manager, which have no emulator (see devtools/fake_service.py).

A missing or broken redis-server or emulator is an error, never a skip: those tests must not go
quietly green on a machine that cannot run them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis

from devtools.emulators import FirestoreEmulator, PubSubEmulator
from devtools.fake_gemini import FakeGemini
from devtools.fake_secret_manager import FakeSecretManager
from devtools.redis_server import RedisServer


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
