from __future__ import annotations

from pathlib import Path

import pytest

from core.config import SETTINGS, ConfigError, FromSecret, Settings
from core.secrets import SecretReference


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


# --- the generator, Secret Manager and the README ----------------------------------------


def test_the_offline_generator_is_the_default_and_gemini_has_documented_defaults() -> None:
    settings = Settings.from_env({})
    assert settings.generator == "offline"
    gemini = settings.gemini
    assert (gemini.mode, gemini.model, gemini.location) == ("vertex", "gemini-2.5-flash", "global")
    assert (gemini.timeout_s, gemini.deadline_s) == (10, 20)
    assert gemini.api_key is None
    assert gemini.base_url is None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("GENERATOR", "openai"),
        ("GEMINI_MODE", "express"),
        ("GEMINI_MODEL", "gemini 2.5"),
        ("GEMINI_TEMPERATURE", "2.5"),
        ("GEMINI_MAX_OUTPUT_TOKENS", "0"),
        ("GEMINI_TIMEOUT_S", "0"),
        ("GEMINI_BASE_URL", "ftp://127.0.0.1:9"),
        ("SECRET_MANAGER_ENDPOINT", "localhost:8080"),
    ],
)
def test_bad_generator_settings_are_refused_at_start_up(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=f"^{name}='{value}' is not valid; accepted: "):
        Settings.from_env({name: value})


def test_api_key_mode_needs_a_key() -> None:
    env = {"GENERATOR": "gemini", "GEMINI_MODE": "api_key"}
    with pytest.raises(ConfigError, match=r"^GEMINI_API_KEY is empty; GENERATOR=gemini with"):
        Settings.from_env(env)
    assert Settings.from_env({**env, "GEMINI_API_KEY": "k"}).gemini.api_key == "k"
    assert Settings.from_env({"GEMINI_MODE": "api_key"}).generator == "offline"  # unused: fine


def test_the_deadline_may_not_be_shorter_than_one_call() -> None:
    with pytest.raises(
        ConfigError, match=r"^GEMINI_DEADLINE_S=5 is shorter than GEMINI_TIMEOUT_S=10"
    ):
        Settings.from_env({"GEMINI_DEADLINE_S": "5"})


def test_only_marked_settings_may_come_from_secret_manager() -> None:
    marked = {s.name: s.secret.value for s in SETTINGS if s.secret is not FromSecret.NO}
    assert marked == {
        "REDIS_URL": "optional",
        "SENTRY_DSN": "optional",
        "SESSION_ID_SECRET": "required",
        "ID_HASH_KEY": "optional",
        "ION_API_KEYS": "required",
        "CORS_ALLOWED_ORIGINS": "optional",
        "GEMINI_API_KEY": "required",
    }


@pytest.mark.parametrize(
    ("value", "resource"),
    [
        ("sm://ion-api-keys", "projects/ion-test/secrets/ion-api-keys/versions/latest"),
        ("sm://projects/other-1/secrets/k_2/versions/7", "projects/other-1/secrets/k_2/versions/7"),
        (
            "sm://projects/123456/secrets/k/versions/latest",
            "projects/123456/secrets/k/versions/latest",
        ),
    ],
)
def test_secret_references_name_a_secret_version(value: str, resource: str) -> None:
    assert SecretReference.parse("X", value).resource("ion-test") == resource


@pytest.mark.parametrize(
    "value",
    ["sm://", "sm://a/b", "sm://projects/p/secrets/x", "sm://projects/P_1/secrets/x/versions/1"],
)
def test_malformed_secret_references_are_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="is not a secret reference; accepted: sm://projects/"):
        SecretReference.parse("ION_API_KEYS", value)


def test_the_readme_says_which_settings_may_come_from_secret_manager() -> None:
    from pathlib import Path  # noqa: PLC0415

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip(" `"): line.split("|")[-2].strip()
        for line in readme.splitlines()
        if line.startswith("| `")
    }
    for setting in SETTINGS:
        column = rows[setting.name]
        expected = {"no": "no", "required": "yes, required", "optional": "yes, optional"}
        assert column == expected[setting.secret.value], setting.name


_LOADED = """
import json, sys
from core import bootstrap
from core.config import Settings
from core.pipeline import Request
settings = Settings.from_env()
pipeline = bootstrap.build_pipeline(settings)
if settings.generator == "offline":
    pipeline.run(Request("요즘 너무 지쳐요"))
watched = ("google.genai", "google.cloud.secretmanager", "google.auth", "google.api_core")
print(json.dumps(sorted({m for m in sys.modules for w in watched if m.startswith(w)})))
"""


@pytest.mark.parametrize(
    "settings",
    [
        {"REDIS_URL": "", "ION_API_KEYS": "ops:" + "c" * 64 + ":admin"},
        # Gemini configured: the SDK waits for the first answer, not the first request.
        {"GENERATOR": "gemini", "GEMINI_MODE": "api_key", "GEMINI_API_KEY": "plain-key"},
    ],
    ids=["offline", "gemini"],
)
def test_plain_values_need_no_credentials_and_load_no_google_library(
    settings: dict[str, str], tmp_path: Path
) -> None:
    import json  # noqa: PLC0415
    import os  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    names = {s.name for s in SETTINGS} | {"GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_API_KEY"}
    env = {k: v for k, v in os.environ.items() if k not in names}
    # No credentials anywhere: no key file, no gcloud configuration, no metadata server.
    env.update(HOME=str(tmp_path), CLOUDSDK_CONFIG=str(tmp_path), GCE_METADATA_HOST="127.0.0.1:9")
    env.update(settings)
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", _LOADED],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
