"""Settings from Secret Manager: the real google-cloud-secret-manager client (REST transport,
anonymous credentials) against a local server speaking ``accessSecretVersion`` (Secret Manager
has no emulator), read through ``Settings.from_env`` as every instance reads it."""

from __future__ import annotations

import logging

import pytest

from core.adapters.secret_manager import SecretManagerSource
from core.config import ConfigError, Settings
from core.errors import SecretAccessDenied, SecretNotFound, SecretUnavailable
from devtools.fake_secret_manager import FakeSecretManager
from devtools.processes import free_port

PROJECT = "ion-test"


def env_for(fake: FakeSecretManager, **settings: str) -> dict[str, str]:
    return {"GOOGLE_CLOUD_PROJECT": PROJECT, "SECRET_MANAGER_ENDPOINT": fake.url, **settings}


def test_references_are_resolved_in_the_current_or_the_named_project(
    fake_secret_manager: FakeSecretManager,
) -> None:
    fake = fake_secret_manager
    fake.add(PROJECT, "ion-api-keys", "ops:" + "a" * 64 + ":admin\n")  # as `echo ... |` stores it
    fake.add(PROJECT, "gemini-key", "old-key")
    fake.add(PROJECT, "gemini-key", "new-key")
    fake.add("shared-infra", "redis-url", "redis://:p4ss@10.0.0.3:6379/0")
    settings = Settings.from_env(
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
        Settings.from_env(env)  # the same secret is no origin list; it was still read once
    Settings.from_env({**env, "CORS_ALLOWED_ORIGINS": ""})
    assert len(fake_secret_manager.reads) == 1


def test_a_missing_required_secret_stops_start_up_naming_the_setting_and_the_secret(
    fake_secret_manager: FakeSecretManager,
) -> None:
    with pytest.raises(ConfigError) as failed:
        Settings.from_env(env_for(fake_secret_manager, ION_API_KEYS="sm://ion-api-keys"))
    message = str(failed.value)
    assert message.startswith("ION_API_KEYS=sm://ion-api-keys: ")
    assert f"secret projects/{PROJECT}/secrets/ion-api-keys/versions/latest does not exist" in (
        message
    )


def test_a_missing_optional_secret_is_reported_and_skipped(
    fake_secret_manager: FakeSecretManager, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="core.secrets"):
        settings = Settings.from_env(env_for(fake_secret_manager, REDIS_URL="sm://redis-url"))
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
        Settings.from_env(env)
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
        settings = Settings.from_env(
            env_for(fake_secret_manager, CORS_ALLOWED_ORIGINS="sm://origins")
        )
    assert settings.cors_origins == ()
    assert "permission denied" in caplog.text


def test_a_bad_value_in_a_secret_is_refused_without_showing_it(
    fake_secret_manager: FakeSecretManager,
) -> None:
    fake_secret_manager.add(PROJECT, "origins", "*")
    with pytest.raises(ConfigError) as failed:
        Settings.from_env(env_for(fake_secret_manager, CORS_ALLOWED_ORIGINS="sm://origins"))
    assert str(failed.value).startswith(
        "CORS_ALLOWED_ORIGINS=(the value of sm://origins) is not valid; accepted: origins like"
    )


def test_a_setting_that_may_not_be_a_secret_refuses_a_reference_before_reading(
    fake_secret_manager: FakeSecretManager,
) -> None:
    with pytest.raises(ConfigError, match=r"^GEMINI_MODEL='sm://model' refers to a secret, but"):
        Settings.from_env(env_for(fake_secret_manager, GEMINI_MODEL="sm://model"))
    assert fake_secret_manager.requests == []


def test_a_malformed_reference_names_the_accepted_forms(
    fake_secret_manager: FakeSecretManager,
) -> None:
    with pytest.raises(ConfigError, match=r"is not a secret reference; accepted: sm://projects/"):
        Settings.from_env(env_for(fake_secret_manager, ION_API_KEYS="sm://projects/p/secrets/x"))


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
