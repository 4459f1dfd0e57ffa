"""Every setting, read from the environment in this one module, with one default each.

``SETTINGS`` is the single table: name, default and meaning (the README's configuration table
is checked against it). A bad value fails at start-up naming the variable and what it accepts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from core.cache import CacheSettings


class ConfigError(Exception):
    """A setting has a value the service cannot start with."""


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    parse: Callable[[str], Any]
    accepts: str
    meaning: str


def _int_at_least(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise ValueError
        return value

    return parse


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise ValueError
    return value


def _optional(text: str) -> str | None:
    return text.strip() or None


def _matching(pattern: str) -> Callable[[str], str]:
    compiled = re.compile(pattern)

    def parse(text: str) -> str:
        if not compiled.fullmatch(text):
            raise ValueError
        return text

    return parse


# Google's rule for project ids; checked here so a typo fails at start-up, not on the first session.
_project = _matching(r"[a-z][a-z0-9-]{4,28}[a-z0-9]")
# Firestore refuses "/" in a collection id and reserves ids of the form __.*__.
_collection = _matching(r"(?!__)[A-Za-z0-9_-]{1,100}")


def _origins(text: str) -> tuple[str, ...]:
    origins = tuple(o.strip().rstrip("/") for o in text.split(",") if o.strip())
    for origin in origins:
        if origin == "*" or not origin.startswith(("https://", "http://")):
            raise ValueError
    return origins


SETTINGS: tuple[Setting, ...] = (
    Setting("REDIS_URL", "", _optional, "a redis:// or rediss:// URL, or empty",
            "L2 cache; empty means L1 only"),
    Setting("REDIS_TIMEOUT_S", "0.25", _positive_float, "seconds > 0",
            "socket and connect timeout for Redis; a slower Redis counts as a miss"),
    Setting("CACHE_L1_MAX_ENTRIES", "1000", _int_at_least(0), "an integer >= 0 (0 disables L1)",
            "entries kept in each instance's L1"),
    Setting("CACHE_L1_TTL_S", "300", _positive_float, "seconds > 0",
            "lifetime of an answer computed by this instance in its L1"),
    Setting("CACHE_L2_TTL_S", "600", _positive_float, "seconds > 0",
            "how long an answer stays fresh in L2"),
    Setting("CACHE_PROMOTE_TTL_S", "60", _positive_float, "seconds > 0",
            "lifetime in L1 of an answer found in L2"),
    Setting("CACHE_STALE_S", "300", _positive_float, "seconds > 0",
            "how long after it goes stale an answer may still be served if recomputing fails"),
    Setting("CACHE_LOCK_MS", "10000", _int_at_least(1), "milliseconds >= 1",
            "lock held in Redis while one instance computes an answer"),
    Setting("CACHE_WAIT_MS", "2000", _int_at_least(0), "milliseconds >= 0",
            "how long other requests wait for that answer before computing it themselves"),
    Setting("CACHE_VERSION_TTL_S", "1", _positive_float, "seconds > 0",
            "how often an instance rereads invalidation versions from Redis"),
    Setting("CACHE_BREAKER_THRESHOLD", "5", _int_at_least(1), "an integer >= 1",
            "consecutive Redis failures that open the circuit breaker"),
    Setting("CACHE_BREAKER_COOLDOWN_S", "5", _positive_float, "seconds > 0",
            "how long the breaker stays open before probing Redis again"),
    Setting("GOOGLE_CLOUD_PROJECT", "ion-local", _project, "a Google Cloud project id",
            "project whose Firestore keeps sessions (any id works with the emulator)"),
    Setting("SESSION_COLLECTION", "sessions", _collection, "a Firestore collection id",
            "collection that holds one document per session"),
    Setting("SESSION_TTL_H", "24", _positive_float, "hours > 0",
            "a session expires this long after its last turn (Firestore TTL on expire_at)"),
    Setting("SESSION_TIMEOUT_S", "5", _positive_float, "seconds > 0",
            "deadline for each Firestore call; past it a request with a session gets 503"),
    Setting("ION_API_KEYS", "", str, "id:sha256hex:role entries (role user or admin), "
            "separated by commas", "the API keys, as SHA-256 hashes of the keys, never the keys"),
    Setting("RATE_LIMIT_PER_MIN", "600", _int_at_least(0), "an integer >= 0 (0 disables)",
            "requests per minute per API key (a token bucket, shared through Redis)"),
    Setting("RATE_LIMIT_BURST", "60", _int_at_least(1), "an integer >= 1",
            "requests an API key may make at once before the per-minute rate applies"),
    Setting("CORS_ALLOWED_ORIGINS", "", _origins, "origins like https://app.example.com, "
            "separated by commas", "browser origins allowed to call the API; empty means none"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Settings:
    redis_url: str | None
    redis_timeout_s: float
    cache: CacheSettings
    project: str
    session_collection: str
    session_ttl_s: float
    session_timeout_s: float
    api_keys: str
    rate_limit_per_minute: int
    rate_limit_burst: int
    cors_origins: tuple[str, ...]

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        values = read(os.environ if env is None else env)
        return cls(
            redis_url=values["REDIS_URL"],
            redis_timeout_s=values["REDIS_TIMEOUT_S"],
            cache=CacheSettings(
                l1_max_entries=values["CACHE_L1_MAX_ENTRIES"],
                l1_ttl_s=values["CACHE_L1_TTL_S"],
                l2_ttl_s=values["CACHE_L2_TTL_S"],
                promote_ttl_s=values["CACHE_PROMOTE_TTL_S"],
                stale_s=values["CACHE_STALE_S"],
                lock_ms=values["CACHE_LOCK_MS"],
                wait_ms=values["CACHE_WAIT_MS"],
                version_ttl_s=values["CACHE_VERSION_TTL_S"],
                breaker_threshold=values["CACHE_BREAKER_THRESHOLD"],
                breaker_cooldown_s=values["CACHE_BREAKER_COOLDOWN_S"],
            ),
            project=values["GOOGLE_CLOUD_PROJECT"],
            session_collection=values["SESSION_COLLECTION"],
            session_ttl_s=values["SESSION_TTL_H"] * 3600,
            session_timeout_s=values["SESSION_TIMEOUT_S"],
            api_keys=values["ION_API_KEYS"],
            rate_limit_per_minute=values["RATE_LIMIT_PER_MIN"],
            rate_limit_burst=values["RATE_LIMIT_BURST"],
            cors_origins=values["CORS_ALLOWED_ORIGINS"],
        )


def read(env: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = env.get(setting.name, setting.default)
        try:
            values[setting.name] = setting.parse(raw)
        except ValueError:
            raise ConfigError(
                f"{setting.name}={raw!r} is not valid; accepted: {setting.accepts}"
            ) from None
    return values
