from __future__ import annotations

import pytest

from core.config import SETTINGS, ConfigError, Settings


def test_defaults_need_no_environment() -> None:
    settings = Settings.from_env({})
    assert settings.redis_url is None
    assert settings.cache.l1_max_entries == 1000
    assert settings.cache.l2_ttl_s == 600


def test_values_come_from_the_environment() -> None:
    settings = Settings.from_env({"REDIS_URL": "redis://10.0.0.3:6379/0", "CACHE_WAIT_MS": "50"})
    assert settings.redis_url == "redis://10.0.0.3:6379/0"
    assert settings.cache.wait_ms == 50


@pytest.mark.parametrize(
    ("name", "value"),
    [("CACHE_L1_TTL_S", "0"), ("CACHE_L1_MAX_ENTRIES", "-1"), ("REDIS_TIMEOUT_S", "x")],
)
def test_bad_values_name_the_setting_and_what_it_accepts(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=f"^{name}='{value}' is not valid; accepted: "):
        Settings.from_env({name: value})


def test_every_setting_is_documented_in_the_readme() -> None:
    from pathlib import Path  # noqa: PLC0415

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in readme, setting.name


def test_session_settings_default_to_the_emulator_project_and_one_day() -> None:
    settings = Settings.from_env({})
    assert settings.project == "ion-local"
    assert settings.session_collection == "sessions"
    assert settings.session_ttl_s == 24 * 3600
    assert settings.session_timeout_s == 5
    assert Settings.from_env({"SESSION_TTL_H": "0.5"}).session_ttl_s == 1800


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("GOOGLE_CLOUD_PROJECT", "My_Project"),
        ("SESSION_COLLECTION", "a/b"),
        ("SESSION_COLLECTION", "__reserved__"),
        ("SESSION_TTL_H", "0"),
        ("SESSION_TIMEOUT_S", "-1"),
    ],
)
def test_bad_session_settings_are_refused_at_start_up(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=f"^{name}='{value}' is not valid; accepted: "):
        Settings.from_env({name: value})
