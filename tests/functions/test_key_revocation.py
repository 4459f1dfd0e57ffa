"""A key removed from the ION_API_KEYS secret is refused by a running function, without a restart:
the real process app, its keys read through the real Secret Manager client from the local fake."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from core.api.security import hash_key
from devtools.fake_secret_manager import FakeSecretManager
from tests.functions.function_apps import ADMIN_KEY, API_KEYS_SETTING, FunctionApp, assert_error

PROJECT = "ion-test"


def test_a_revoked_key_gets_401_within_the_refresh_interval_on_a_warm_instance(
    load_function: Callable[[str], FunctionApp],
    fake_secret_manager: FakeSecretManager,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_secret_manager.add(PROJECT, "ion-api-keys", API_KEYS_SETTING)
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", PROJECT)
    monkeypatch.setenv("SECRET_MANAGER_ENDPOINT", fake_secret_manager.url)
    monkeypatch.setenv("ION_API_KEYS", "sm://ion-api-keys")
    monkeypatch.setenv("API_KEYS_REFRESH_S", "1")
    app = load_function("process")
    client = app.client  # sends the user key ("tester") with every request
    assert client.post("/v2/process", json={"message": "hello"}).status_code == 200
    # Emergency revocation: a new version of the secret without the user key.
    fake_secret_manager.add(PROJECT, "ion-api-keys", f"operator:{hash_key(ADMIN_KEY)}:admin")
    time.sleep(1.1)
    refused = client.post("/v2/process", json={"message": "hello"})
    body = assert_error(refused, 401, "UNAUTHENTICATED")
    assert "X-API-Key" in body["error"]["message"]
    kept = client.post("/v2/process", json={"message": "hello"}, headers={"X-API-Key": ADMIN_KEY})
    assert kept.status_code == 200, kept.get_data(as_text=True)
