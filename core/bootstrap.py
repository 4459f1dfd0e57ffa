"""Wiring: the one place that turns settings into adapters and hands them to the domain."""

from __future__ import annotations

from core.cache import ResponseCache, SharedStore
from core.config import Settings
from core.pipeline import Pipeline


def build_cache(settings: Settings) -> ResponseCache:
    store: SharedStore | None = None
    if settings.redis_url:
        from core.adapters.redis_store import RedisStore  # noqa: PLC0415 - only with Redis

        store = RedisStore(
            settings.redis_url,
            socket_timeout_s=settings.redis_timeout_s,
            connect_timeout_s=settings.redis_timeout_s,
        )
    return ResponseCache(settings.cache, store)


def build_pipeline(settings: Settings | None = None) -> Pipeline:
    settings = settings or Settings.from_env()
    return Pipeline(cache=build_cache(settings))
