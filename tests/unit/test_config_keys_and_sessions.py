"""The settings for re-reading API keys (API_KEYS_REFRESH_S) and naming sessions
(SESSION_ID_SECRET), and the README's revocation procedure that quotes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.api.security import ApiKeys
from core.config import SETTINGS, ConfigError, Settings


def test_api_keys_are_read_again_every_minute_by_default() -> None:
    settings = Settings.from_env({})
    assert settings.api_keys_refresh_s == 60
    assert settings.api_keys_reference is None  # a plain value: nothing to read again
    assert Settings.from_env({"API_KEYS_REFRESH_S": "0.5"}).api_keys_refresh_s == 0.5


@pytest.mark.parametrize("value", ["0", "-1", "60.5", "61", "3600", "x", "inf", "nan"])
def test_a_refresh_interval_outside_0_to_60_seconds_is_refused(value: str) -> None:
    # Over 60 s would stretch how long a revoked key keeps working past the documented bound.
    with pytest.raises(
        ConfigError,
        match=rf"^API_KEYS_REFRESH_S='{value}' is not valid; accepted: seconds > 0 and <= 60$",
    ):
        Settings.from_env({"API_KEYS_REFRESH_S": value})


def test_the_reference_the_keys_came_from_is_kept_for_reading_them_again() -> None:
    class Source:
        def access(self, name: str) -> str:
            return ""

        def reread(self, name: str) -> str:
            return ""

    settings = Settings.from_env({"ION_API_KEYS": "sm://ion-api-keys"}, secrets=lambda _: Source())
    assert settings.api_keys_reference == "sm://ion-api-keys"


def test_the_session_id_secret_is_empty_by_default_and_at_least_32_characters() -> None:
    assert Settings.from_env({}).session_id_secret is None
    secret = "s" * 32
    settings = Settings.from_env({"SESSION_ID_SECRET": f" {secret}\n"})
    assert settings.session_id_secret == secret
    assert secret not in repr(settings)


def test_a_short_session_id_secret_is_refused_without_showing_it() -> None:
    with pytest.raises(ConfigError) as failed:
        Settings.from_env({"SESSION_ID_SECRET": "hunter2"})
    message = str(failed.value)
    assert message.startswith("SESSION_ID_SECRET is not valid (it has 7 characters); accepted: ")
    assert "32+ characters" in message
    assert "hunter2" not in message


def test_the_session_id_secret_may_come_from_secret_manager_and_must_be_read() -> None:
    (setting,) = [s for s in SETTINGS if s.name == "SESSION_ID_SECRET"]
    assert setting.secret.value == "required"  # unreadable: stop, never the public key


def revocation_section() -> str:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index("### Revoking an API key\n")
    end = readme.index("\n#", start + 4)
    return readme[start:end]


def test_the_documented_revocation_bound_is_the_settings_default_and_maximum() -> None:
    section = revocation_section()
    (bound,) = {
        float(n)
        for n in re.findall(r"at most (\d+(?:\.\d+)?) s after the new version is added", section)
    }
    (default_and_max,) = re.findall(r"`API_KEYS_REFRESH_S`, default and maximum (\d+) s", section)
    setting = next(s for s in SETTINGS if s.name == "API_KEYS_REFRESH_S")
    assert bound == float(default_and_max) == float(setting.default)
    assert Settings.from_env({"API_KEYS_REFRESH_S": f"{bound:g}"}).api_keys_refresh_s == bound
    with pytest.raises(ConfigError):  # nobody can configure a longer window than documented
        Settings.from_env({"API_KEYS_REFRESH_S": f"{bound + 0.001:g}"})
    # The other numbers the procedure quotes are the ones the code uses.
    assert f"waiting up to {ApiKeys.WAIT_S:g} s for Secret Manager" in section
    assert f"retry every {ApiKeys.RETRY_S:g} s" in section
    assert "gcloud secrets versions add ion-api-keys" in section
    assert "401 `UNAUTHENTICATED`" in section
