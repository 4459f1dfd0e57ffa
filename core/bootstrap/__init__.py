"""Wiring: the one place that turns settings into adapters and hands them to the services.

Only this package imports both ``core.config`` and ``core.adapters``, and only the entry points
(``functions/*/main.py``, ``core.cli``) import it. Everything is built on first use and once
per instance (functions-framework serves each instance with several threads; clients and pools
are shared). The adapters import their client libraries when first used, so a cold start pays
for what it uses. :func:`check` runs when a function's module is imported: a bad setting stops
the instance from starting instead of failing every request. The bulk function's wiring is in
``core.bootstrap.bulk``, so process and recommend never load the bulk package.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable, Mapping

from core import observability
from core._once import once
from core._warmup import on_first_answer
from core.adapters.firestore_sessions import FirestoreSessionStore
from core.adapters.gemini import GeminiModel
from core.adapters.redis_store import RedisStore
from core.adapters.secret_manager import shared_source
from core.api.http import Guard
from core.api.security import (
    FAILURE_PREFIX,
    FAILURE_SUBJECT,
    ApiKeys,
    Cors,
    parse_api_keys,
)
from core.breaker import CircuitBreaker
from core.cache import ResponseCache
from core.config import GeminiSettings, Settings, read_again
from core.conversation import Conversations
from core.errors import ConfigError
from core.generation import OfflineGenerator
from core.pipeline import Generator, Pipeline
from core.ratelimit import RateLimiter
from core.resilience import ResilientGenerator
from core.sessions import DEVELOPMENT_ID_SECRET, SessionStore

log = logging.getLogger(__name__)


def read_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Every setting from ``env`` (default: the environment), secret references read from
    Secret Manager (its library is imported only when one is present)."""
    return Settings.from_env(env, secrets=shared_source)


@once
def settings() -> Settings:
    """This instance's settings, read once."""
    return read_settings()


def check() -> None:
    """Read and validate every setting now (secrets included) and parse the API keys; raises
    :class:`ConfigError` naming the setting. Cheap: no client is built, except Sentry's when
    ``SENTRY_DSN`` is set (for the function named by ``FUNCTION_TARGET``, which
    functions-framework and Cloud Functions set), so it sees the instance's first request."""
    try:
        config = settings()
        api_keys(config)
    except BaseException:
        gc.enable()  # the instance will not start; whoever loaded it goes on collecting
        raise
    observability.configure(os.environ.get("FUNCTION_TARGET") or "ion", config.observability)


def started() -> None:
    """The end of an instance's start-up, called by the entry point once its module has
    imported everything and :func:`check` passed. The entry point pauses garbage collection
    before its imports (start-up only allocates what the instance keeps, and collecting
    meanwhile costs a cold start tens of milliseconds); what start-up made is moved out of the
    collector's sight for good (``gc.freeze``) and collection resumes."""
    gc.freeze()
    gc.enable()


def prepare_in_background(conversations: Callable[[], Conversations]) -> None:
    """Unless ``SESSIONS_WARM_UP`` is off, build the instance's conversations and prepare
    their session store on a thread of its own once the instance has answered its first
    request (``core._warmup.on_first_answer``: in the worker that serves, never beside a cold
    start's own request, so neither ``/healthz`` nor a sessionless request waits), so the first
    request with a session is as quick as the next one."""
    if settings().sessions_warm_up:
        on_first_answer(lambda: conversations().prepare_sessions(), "sessions-warm-up")


def api_keys(config: Settings) -> ApiKeys:
    """The keys; when ``ION_API_KEYS`` is a secret reference they are read again every
    ``API_KEYS_REFRESH_S``, so removing a key from the secret revokes it on running instances
    too (a plain value changes only with a new revision)."""
    try:
        keys = parse_api_keys(config.api_keys)
    except ValueError as error:
        raise ConfigError(f"ION_API_KEYS: {error}") from None
    _warn_if_no_keys(config.api_keys)
    reference = config.api_keys_reference
    if reference is None:
        return ApiKeys(keys)
    current = config.api_keys

    def reread() -> str:
        nonlocal current
        source = shared_source(config.secret_manager_endpoint)
        text: str = read_again("ION_API_KEYS", reference, config.project, source)
        if text != current:
            before = {k.key_id for k in parse_api_keys(current)}
            after = {k.key_id for k in parse_api_keys(text)}  # a bad version raises here
            removed, added = sorted(before - after), sorted(after - before)
            log.info("ION_API_KEYS changed: ids removed %s, added %s", removed, added)
            _warn_if_no_keys(text)
            current = text
        return text

    return ApiKeys(
        keys,
        reload=reread,
        refresh_s=config.api_keys_refresh_s,
        # As old as the settings: an instance idle since it started (only /healthz, or a
        # minimum instance) must not take hours-old keys for fresh on its first keyed request.
        read_at=config.read_at,
        on_reload_failure=lambda error: log.warning(
            "ION_API_KEYS could not be read again; the keys read before stay in use: %s", error
        ),
    )


def _warn_if_no_keys(text: str) -> None:
    if not text.strip():
        log.warning("ION_API_KEYS is empty: every request that needs a key will get 401")


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
    """Firestore, whose library is imported on the first request with a session."""
    if config.session_id_secret is None:
        log.warning(
            "SESSION_ID_SECRET is empty: session documents are named with the public "
            "development key; set a random string of 32+ characters (sm://NAME) when deployed"
        )
    secret = config.session_id_secret
    return FirestoreSessionStore(
        project=config.project,
        collection=config.session_collection,
        ttl_s=config.session_ttl_s,
        timeout_s=config.session_timeout_s,
        id_secret=secret.encode("utf-8") if secret else DEVELOPMENT_ID_SECRET,
    )


def build_conversations(config: Settings | None = None) -> Conversations:
    config = config or settings()
    return Conversations(
        build_pipeline(config),
        lambda: build_sessions(config),
        switch_margin=config.session_switch_margin,
    )


def build_guard(config: Settings | None = None) -> Guard:
    config = config or settings()
    keys = api_keys(config)
    limiter = RateLimiter(
        config.rate_limit_per_minute,
        config.rate_limit_burst,
        shared=redis_store(config),
        on_shared_failure=lambda error: log.warning("rate limit falls back to local: %s", error),
    )
    failures = None
    if config.auth_failures_per_minute > 0:
        failures = RateLimiter(
            config.auth_failures_per_minute,
            config.auth_failure_burst,
            shared=redis_store(config),
            on_shared_failure=lambda error: log.warning(
                "failed-authentication limit falls back to local: %s", error
            ),
            lease=1,  # no per-address lease kept in each instance
            prefix=FAILURE_PREFIX,
            subject=FAILURE_SUBJECT,
        )
    return Guard(
        keys=keys,
        limiter=limiter,
        cors=Cors(config.cors_origins),
        failures=failures,
        client_ip_hops=config.client_ip_hops,
    )
