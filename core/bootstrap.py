"""Wiring: the one place that turns settings into adapters and hands them to the domain.

Everything is built on first use and once per instance (functions-framework serves each
instance with several threads; clients and pools are shared). Client libraries are imported
only here and only when their setting turns them on, so a cold start pays for what it uses.
:func:`check` runs when a function's module is imported: a bad setting stops the instance from
starting instead of failing every request.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from core import observability
from core._once import once
from core.adapters.redis_store import RedisStore  # imports redis-py only when one is made
from core.api.http import Guard
from core.api.security import ApiKeys, Cors, RateLimiter, parse_api_keys
from core.cache import CircuitBreaker, ResponseCache
from core.config import GeminiSettings, Settings
from core.conversation import Conversations
from core.errors import ConfigError
from core.generation import OfflineGenerator
from core.pipeline import Generator, Pipeline
from core.resilience import ResilientGenerator
from core.sessions import SessionStore

if TYPE_CHECKING:  # imported where built: process and recommend never load the bulk package
    from core.bulk import BulkJobs, BulkWorker, JobStore, Publisher

log = logging.getLogger(__name__)


@once
def settings() -> Settings:
    return Settings.from_env()


def check() -> None:
    """Read and validate every setting now (secrets included) and parse the API keys; raises
    :class:`ConfigError` naming the setting. Cheap: no client is built, except Sentry's when
    ``SENTRY_DSN`` is set (for the function named by ``FUNCTION_TARGET``, which
    functions-framework and Cloud Functions set), so it sees the instance's first request."""
    config = settings()
    api_keys(config)
    observability.init_sentry(os.environ.get("FUNCTION_TARGET") or "ion", config)


def api_keys(config: Settings) -> ApiKeys:
    try:
        keys = ApiKeys(parse_api_keys(config.api_keys))
    except ValueError as error:
        raise ConfigError(f"ION_API_KEYS: {error}") from None
    if not config.api_keys.strip():
        log.warning("ION_API_KEYS is empty: every request that needs a key will get 401")
    return keys


@once
def _redis(url: str, timeout_s: float) -> RedisStore:
    return RedisStore(url, socket_timeout_s=timeout_s, connect_timeout_s=timeout_s, background=True)


def redis_store(config: Settings) -> RedisStore | None:
    """The instance's one Redis client (cache and rate limits share its pool), if configured."""
    return _redis(config.redis_url, config.redis_timeout_s) if config.redis_url else None


def build_cache(config: Settings) -> ResponseCache:
    return ResponseCache(config.cache, redis_store(config))


def build_generator(config: Settings) -> Generator:
    """What writes answers (``GENERATOR``); the pipeline falls back to offline on failure."""
    if config.generator == "gemini":
        return _gemini(config.gemini, config.project)
    return OfflineGenerator()


@once
def _gemini(gemini: GeminiSettings, project: str) -> ResilientGenerator:
    # One per instance: the SDK client's connection pool and the breaker's count are shared by
    # every thread. The adapter imports google-genai on its first answer, not here.
    from core.adapters.gemini import GeminiModel  # noqa: PLC0415

    model = GeminiModel(
        model=gemini.model,
        mode=gemini.mode,
        project=project,
        location=gemini.location,
        api_key=gemini.api_key,
        temperature=gemini.temperature,
        max_output_tokens=gemini.max_output_tokens,
        base_url=gemini.base_url,
    )
    return ResilientGenerator(
        model,
        timeout_s=gemini.timeout_s,
        deadline_s=gemini.deadline_s,
        breaker=CircuitBreaker(gemini.breaker_threshold, gemini.breaker_cooldown_s),
    )


def build_pipeline(config: Settings | None = None) -> Pipeline:
    """Message in, answer out, with the configured generator and the response cache: what
    ``process`` answers with, and what the bulk worker calls for each of its items."""
    config = config or settings()
    return Pipeline(
        generator=build_generator(config),
        cache=build_cache(config),
        memo=config.cache.l1_max_entries,
        resources=config.crisis_resources,
        model_safety_replies=config.safety_model_replies,
    )


def build_sessions(config: Settings) -> SessionStore:
    from core.adapters.firestore_sessions import FirestoreSessionStore  # noqa: PLC0415

    return FirestoreSessionStore(
        project=config.project,
        collection=config.session_collection,
        ttl_s=config.session_ttl_s,
        timeout_s=config.session_timeout_s,
    )


def build_conversations(config: Settings | None = None) -> Conversations:
    config = config or settings()
    return Conversations(build_pipeline(config), lambda: build_sessions(config))


def build_guard(config: Settings | None = None) -> Guard:
    config = config or settings()
    keys = api_keys(config)
    limiter = RateLimiter(
        config.rate_limit_per_minute,
        config.rate_limit_burst,
        shared=redis_store(config),
        on_shared_failure=lambda error: log.warning("rate limit falls back to local: %s", error),
    )
    return Guard(keys=keys, limiter=limiter, cors=Cors(config.cors_origins))


def build_job_store(config: Settings) -> JobStore:
    from core.adapters.firestore_jobs import FirestoreJobStore  # noqa: PLC0415

    bulk = config.bulk
    return FirestoreJobStore(
        project=config.project,
        collection=bulk.collection,
        ttl_s=bulk.job_ttl_s,
        timeout_s=bulk.timeout_s,
    )


def build_bulk_jobs(config: Settings | None = None) -> BulkJobs:
    """Submitting and reporting bulk jobs: Firestore for the records, Pub/Sub for the items.
    Neither library is imported until the first request that needs it."""
    from core.bulk import BulkJobs  # noqa: PLC0415

    config = config or settings()

    @once
    def publisher() -> Publisher:
        from core.adapters.pubsub_publisher import PubSubPublisher  # noqa: PLC0415

        return PubSubPublisher(config.project, config.bulk.topic, config.bulk.timeout_s)

    # A job still publishing, with no item started, well past the longest submission (create,
    # publish and mark: three deadlines) was interrupted: its instance died.
    grace = 3 * config.bulk.timeout_s + 10
    return BulkJobs(build_job_store(config), publisher, publish_grace_s=grace)


def build_bulk_worker(config: Settings | None = None) -> BulkWorker:
    """One bulk item per delivery, answered by the same pipeline (and cache) as ``process``."""
    from core.bulk import BulkWorker  # noqa: PLC0415

    config = config or settings()
    return BulkWorker(build_job_store(config), build_pipeline(config), config.bulk.max_attempts)
