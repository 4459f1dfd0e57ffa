"""Every setting, read from the environment in this one module, with one default each.

``SETTINGS`` is the single table: name, default and meaning (the README's configuration table
is checked against it). A bad value fails at start-up naming the variable and what it accepts.
"""

from __future__ import annotations

import os
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
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Settings:
    redis_url: str | None
    redis_timeout_s: float
    cache: CacheSettings

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
