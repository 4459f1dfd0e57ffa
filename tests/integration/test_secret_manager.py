"""Settings from Secret Manager: the real google-cloud-secret-manager client (REST transport,
anonymous credentials) against a local server speaking ``accessSecretVersion`` (Secret Manager
has no emulator), read through ``core.bootstrap.read_settings`` as every instance reads them."""

from __future__ import annotations

import logging
import time

import pytest

from core import bootstrap
from core.adapters.secret_manager import SecretManagerSource
from core.api.security import ApiKeys, Principal, hash_key
from core.config import ConfigError
from core.errors import SecretAccessDenied, SecretNotFound, SecretUnavailable, Unauthenticated
from devtools.fake_secret_manager import FakeSecretManager
from devtools.fake_service import Recorded, Reply, google_error
from devtools.processes import free_port
from tests.helpers import accepts

PROJECT = "ion-test"


PARTNER, OPS = "partner-key-to-revoke", "ops-key-that-stays"
BOTH_KEYS = f"partner:{hash_key(PARTNER)}:user,ops:{hash_key(OPS)}:admin"
OPS_ONLY = f"ops:{hash_key(OPS)}:admin"


def env_for(fake: FakeSecretManager, **settings: str) -> dict[str, str]:
    return {"GOOGLE_CLOUD_PROJECT": PROJECT, "SECRET_MANAGER_ENDPOINT": fake.url, **settings}


def refreshing_keys(fake: FakeSecretManager, refresh_s: str = "1") -> ApiKeys:
    """The keys as an instance builds them, from ``sm://ion-api-keys``, re-read every second."""
    fake.add(PROJECT, "ion-api-keys", BOTH_KEYS)
    env = env_for(fake, ION_API_KEYS="sm://ion-api-keys", API_KEYS_REFRESH_S=refresh_s)
    return bootstrap.api_keys(bootstrap.read_settings(env))


def test_references_are_resolved_in_the_current_or_the_named_project(
    fake_secret_manager: FakeSecretManager,
) -> None:
    fake = fake_secret_manager
    fake.add(PROJECT, "ion-api-keys", "ops:" + "a" * 64 + ":admin\n")  # as `echo ... |` stores it
    fake.add(PROJECT, "gemini-key", "old-key")
    fake.add(PROJECT, "gemini-key", "new-key")
    fake.add("shared-infra", "redis-url", "redis://:p4ss@10.0.0.3:6379/0")
    settings = bootstrap.read_settings(
        env_for(
            fake,
            ION_API_KEYS="sm://ion-api-keys",
            GENERATOR="gemini",
            GEMINI_MODE="api_key",
            GEMINI_API_KEY="sm://gemini-key",
            REDIS_URL="sm://projects/shared-infra/secrets/redis-url/versions/1",
        )
    )
    assert settings.api_keys == "ops:" + "a" * 64 + ":admin"  # surrounding whitespace dropped
    assert settings.gemini.api_key == "new-key"  # latest
    assert settings.redis_url == "redis://:p4ss@10.0.0.3:6379/0"
    assert sorted(fake.reads) == [
        f"projects/{PROJECT}/secrets/gemini-key/versions/latest",
        f"projects/{PROJECT}/secrets/ion-api-keys/versions/latest",
        "projects/shared-infra/secrets/redis-url/versions/1",
    ]
    # Secrets stay out of the settings' repr, so a logged Settings shows none of them.
    assert "new-key" not in repr(settings)
    assert "p4ss" not in repr(settings)


def test_each_secret_is_read_once_per_instance(fake_secret_manager: FakeSecretManager) -> None:
    fake_secret_manager.add(PROJECT, "keys", "k:" + "b" * 64 + ":user")
    env = env_for(fake_secret_manager, ION_API_KEYS="sm://keys", CORS_ALLOWED_ORIGINS="sm://keys")
    with pytest.raises(ConfigError):
        bootstrap.read_settings(env)  # the same secret is no origin list; it was still read once
    bootstrap.read_settings({**env, "CORS_ALLOWED_ORIGINS": ""})
    assert len(fake_secret_manager.reads) == 1


def test_a_missing_required_secret_stops_start_up_naming_the_setting_and_the_secret(
    fake_secret_manager: FakeSecretManager,
) -> None:
    with pytest.raises(ConfigError) as failed:
        bootstrap.read_settings(env_for(fake_secret_manager, ION_API_KEYS="sm://ion-api-keys"))
    message = str(failed.value)
    assert message.startswith("ION_API_KEYS=sm://ion-api-keys: ")
    assert f"secret projects/{PROJECT}/secrets/ion-api-keys/versions/latest does not exist" in (
        message
    )


def test_a_missing_optional_secret_is_reported_and_skipped(
    fake_secret_manager: FakeSecretManager, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="core.secrets"):
        settings = bootstrap.read_settings(env_for(fake_secret_manager, REDIS_URL="sm://redis-url"))
    assert settings.redis_url is None  # the default: L1 only
    (record,) = caplog.records
    assert "REDIS_URL=sm://redis-url" in record.getMessage()
    assert f"projects/{PROJECT}/secrets/redis-url/versions/latest" in record.getMessage()
    assert "skipped" in record.getMessage()


def test_permission_denied_stops_start_up_for_a_required_secret(
    fake_secret_manager: FakeSecretManager,
) -> None:
    fake_secret_manager.add(PROJECT, "gemini-key", "never-seen")
    fake_secret_manager.deny(PROJECT, "gemini-key")
    env = env_for(
        fake_secret_manager,
        GENERATOR="gemini",
        GEMINI_MODE="api_key",
        GEMINI_API_KEY="sm://gemini-key",
    )
    with pytest.raises(ConfigError) as failed:
        bootstrap.read_settings(env)
    message = str(failed.value)
    assert message.startswith("GEMINI_API_KEY=sm://gemini-key: permission denied reading secret ")
    assert "roles/secretmanager.secretAccessor" in message
    assert "never-seen" not in message


def test_permission_denied_skips_an_optional_secret(
    fake_secret_manager: FakeSecretManager, caplog: pytest.LogCaptureFixture
) -> None:
    fake_secret_manager.add(PROJECT, "origins", "https://app.example.com")
    fake_secret_manager.deny(PROJECT, "origins")
    with caplog.at_level(logging.WARNING, logger="core.secrets"):
        settings = bootstrap.read_settings(
            env_for(fake_secret_manager, CORS_ALLOWED_ORIGINS="sm://origins")
        )
    assert settings.cors_origins == ()
    assert "permission denied" in caplog.text


def test_a_bad_value_in_a_secret_is_refused_without_showing_it(
    fake_secret_manager: FakeSecretManager,
) -> None:
    fake_secret_manager.add(PROJECT, "origins", "*")
    with pytest.raises(ConfigError) as failed:
        bootstrap.read_settings(env_for(fake_secret_manager, CORS_ALLOWED_ORIGINS="sm://origins"))
    assert str(failed.value).startswith(
        "CORS_ALLOWED_ORIGINS=(the value of sm://origins) is not valid; accepted: origins like"
    )


def test_a_setting_that_may_not_be_a_secret_refuses_a_reference_before_reading(
    fake_secret_manager: FakeSecretManager,
) -> None:
    with pytest.raises(ConfigError, match=r"^GEMINI_MODEL='sm://model' refers to a secret, but"):
        bootstrap.read_settings(env_for(fake_secret_manager, GEMINI_MODEL="sm://model"))
    assert fake_secret_manager.requests == []


def test_a_malformed_reference_names_the_accepted_forms(
    fake_secret_manager: FakeSecretManager,
) -> None:
    with pytest.raises(ConfigError, match=r"is not a secret reference; accepted: sm://projects/"):
        bootstrap.read_settings(
            env_for(fake_secret_manager, ION_API_KEYS="sm://projects/p/secrets/x")
        )


def test_the_source_maps_library_errors_at_its_edge(fake_secret_manager: FakeSecretManager) -> None:
    fake_secret_manager.deny(PROJECT, "denied")
    source = SecretManagerSource(fake_secret_manager.url)
    with pytest.raises(SecretNotFound):
        source.access(f"projects/{PROJECT}/secrets/absent/versions/3")
    with pytest.raises(SecretAccessDenied):
        source.access(f"projects/{PROJECT}/secrets/denied/versions/latest")
    nowhere = SecretManagerSource(f"http://127.0.0.1:{free_port()}", timeout_s=0.5)
    with pytest.raises(SecretUnavailable, match="could not be read"):
        nowhere.access(f"projects/{PROJECT}/secrets/any/versions/latest")


# --- API keys read again while the instance runs ------------------------------------------


def test_a_key_removed_from_the_secret_is_refused_after_the_refresh_interval(
    fake_secret_manager: FakeSecretManager, caplog: pytest.LogCaptureFixture
) -> None:
    keys = refreshing_keys(fake_secret_manager)
    assert keys.authenticate(PARTNER) == Principal("partner", admin=False)
    # The revocation: a new version of the secret without the key; the instance is not restarted.
    fake_secret_manager.add(PROJECT, "ion-api-keys", OPS_ONLY)
    time.sleep(1.1)  # API_KEYS_REFRESH_S, and a little
    with caplog.at_level(logging.INFO, logger="core.bootstrap"):
        with pytest.raises(Unauthenticated):
            keys.authenticate(PARTNER)
        assert keys.authenticate(OPS) == Principal("ops", admin=True)
    latest = f"projects/{PROJECT}/secrets/ion-api-keys/versions/latest"
    assert fake_secret_manager.reads[0] == latest
    assert set(fake_secret_manager.reads) == {latest}
    assert len(fake_secret_manager.reads) >= 2
    assert "ION_API_KEYS changed: ids removed ['partner'], added []" in caplog.text
    assert hash_key(PARTNER) not in caplog.text


def test_keys_given_as_a_value_are_never_read_again(
    fake_secret_manager: FakeSecretManager,
) -> None:
    env = env_for(fake_secret_manager, ION_API_KEYS=BOTH_KEYS, API_KEYS_REFRESH_S="0.1")
    keys = bootstrap.api_keys(bootstrap.read_settings(env))
    time.sleep(0.2)
    assert keys.authenticate(PARTNER) == Principal("partner", admin=False)
    assert fake_secret_manager.requests == []


class FailingSecretManager(FakeSecretManager):
    """The fake, with an outage switch: every call 503 UNAVAILABLE (which the client retries
    for its whole deadline). Stopping the fake would not do: kept-alive connections live on."""

    down = False

    def respond(self, request: Recorded) -> Reply:
        if self.down:
            return google_error(503, "UNAVAILABLE", "The service is currently unavailable.")
        return super().respond(request)


def test_secret_manager_down_keeps_the_keys_and_slows_no_more_than_one_wait(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with FailingSecretManager() as fake:
        keys = refreshing_keys(fake)
        fake.down = True
        time.sleep(1.1)
        with caplog.at_level(logging.WARNING, logger="core.bootstrap"):
            began = time.monotonic()
            assert keys.authenticate(PARTNER) == Principal("partner", admin=False)
            assert time.monotonic() - began < ApiKeys.WAIT_S + 1
            began = time.monotonic()
            for _ in range(20):
                assert keys.authenticate(OPS) == Principal("ops", admin=True)
            assert time.monotonic() - began < 1  # the read still retrying: nobody waits for it
            deadline = time.monotonic() + 30
            while "could not be read again" not in caplog.text:
                assert time.monotonic() < deadline, "the failed read was not reported"
                time.sleep(0.1)
            assert keys.authenticate(PARTNER) == Principal("partner", admin=False)
        # Back up with the key revoked meanwhile: the retry (every few seconds) picks it up.
        fake.add(PROJECT, "ion-api-keys", OPS_ONLY)
        fake.down = False
        deadline = time.monotonic() + 30
        while accepts(keys, PARTNER):
            assert time.monotonic() < deadline, "the keys were not read again after the outage"
            time.sleep(0.1)
    assert "ION_API_KEYS could not be read again; the keys read before stay in use: " in (
        caplog.text
    )
    assert f"secret projects/{PROJECT}/secrets/ion-api-keys/versions/latest could not" in (
        caplog.text
    )
    assert "The service is currently unavailable" in caplog.text  # why, as Google said it


def test_a_denied_or_malformed_version_keeps_the_keys(
    fake_secret_manager: FakeSecretManager, caplog: pytest.LogCaptureFixture
) -> None:
    keys = refreshing_keys(fake_secret_manager, refresh_s="60")
    fake_secret_manager.add(PROJECT, "ion-api-keys", "partner:plain-key-in-clear:user")
    with caplog.at_level(logging.WARNING, logger="core.bootstrap"):
        assert not keys.refresh()
        assert keys.authenticate(PARTNER) == Principal("partner", admin=False)
        fake_secret_manager.deny(PROJECT, "ion-api-keys")
        assert not keys.refresh()
        assert keys.authenticate(PARTNER) == Principal("partner", admin=False)
    first, second = (r.getMessage() for r in caplog.records)
    assert "the keys read before stay in use: entry 1 is not id:sha256hex:role" in first
    assert "plain-key-in-clear" not in caplog.text
    assert "roles/secretmanager.secretAccessor" in second
