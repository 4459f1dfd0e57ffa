"""Every setting, read from the environment in this one module, with one default each.

``SETTINGS`` is the single table: name, default, meaning and whether the value may come from
Secret Manager (the README's configuration table is checked against it). A bad value fails at
start-up naming the variable and what it accepts.

A setting marked ``REQUIRED`` or ``OPTIONAL`` may hold a reference (``sm://...``, see
``core.secrets``) instead of its value; references are read once per instance. A required
secret that cannot be read stops start-up, naming the setting and the secret; an optional one
is logged and the setting keeps its default. Plain values never touch Secret Manager, its
library or Google credentials. One setting is read again while an instance runs:
``ION_API_KEYS``, every ``API_KEYS_REFRESH_S`` (:func:`read_again`, wired in core.bootstrap),
so a key removed from its secret is revoked without a deploy.

This module reads and checks; it builds nothing. Each package that has settings owns their
class (``CacheSettings``, ``ObservabilitySettings``), which :meth:`Settings.from_env` fills in,
and the secret source is handed in by the caller (``core.bootstrap`` passes Secret Manager's
adapter): nothing here imports an adapter.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from core import safety
from core.cache import CacheSettings
from core.errors import ConfigError
from core.observability import ObservabilitySettings
from core.secrets import SecretSource, is_reference, resolve, resolve_again

# Where references are read: Secret Manager's endpoint (None: Google's) -> a source.
SecretSources = Callable[[str | None], SecretSource]


class FromSecret(StrEnum):
    """May the setting's value come from Secret Manager, and what if it cannot be read?"""

    NO = "no"
    REQUIRED = "required"  # the service cannot work without it: stop at start-up
    OPTIONAL = "optional"  # the service works without it: log, keep the default


class Setting(NamedTuple):
    name: str
    default: str
    parse: Callable[[str], Any]
    accepts: str
    meaning: str
    secret: FromSecret = FromSecret.NO


class _Invalid(ValueError):
    """A value a parser can say more about than "not valid" (the message is shown)."""


def _margin(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:  # NaN fails both
        raise ValueError
    return value


def _boolean(text: str) -> bool:
    if text.strip().lower() not in ("true", "false"):
        raise ValueError
    return text.strip().lower() == "true"


def _crisis_resources(text: str) -> safety.Resources:
    try:
        return safety.parse(text)
    except ValueError as error:
        raise _Invalid(str(error)) from None


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


def _float_between(low: float, high: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = float(text)
        if not low <= value <= high:
            raise ValueError
        return value

    return parse


def _optional(text: str) -> str | None:
    return text.strip() or None


def _optional_key(text: str) -> str | None:
    key = text.strip()
    if key and len(key) < 32:
        # Never the value: it is a secret, however short.
        raise _Invalid(f"it has {len(key)} characters")
    return key or None


def _seconds_up_to(high: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = float(text)
        if not 0 < value <= high:
            raise ValueError
        return value

    return parse


def _one_of(*choices: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in choices:
            raise ValueError
        return text

    return parse


def _optional_url(text: str) -> str | None:
    url = text.strip().rstrip("/")
    if url and not re.fullmatch(r"https?://[^\s/]+(/\S*)?", url):
        raise ValueError
    return url or None


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
_model = _matching(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_location = _matching(r"[a-z][a-z0-9-]{1,62}")
# Google's rule for topic ids: a letter, then 2-254 of letters, digits and -_.~+%; not goog*.
_topic = _matching(r"(?!goog)[A-Za-z][A-Za-z0-9._~+%-]{2,254}")
REQUIRED, OPTIONAL = FromSecret.REQUIRED, FromSecret.OPTIONAL


def _origins(text: str) -> tuple[str, ...]:
    origins = tuple(o.strip().rstrip("/") for o in text.split(",") if o.strip())
    for origin in origins:
        if origin == "*" or not origin.startswith(("https://", "http://")):
            raise ValueError
    return origins


SETTINGS: tuple[Setting, ...] = (
    Setting("REDIS_URL", "", _optional, "a redis:// or rediss:// URL, or empty",
            "L2 cache; empty means L1 only", OPTIONAL),
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
            "project whose Firestore keeps sessions (any id works with the emulator), whose "
            "Vertex AI answers and whose Secret Manager holds sm://NAME secrets"),
    Setting("SESSION_COLLECTION", "sessions", _collection, "a Firestore collection id",
            "collection that holds one document per session"),
    Setting("SESSION_TTL_H", "24", _positive_float, "hours > 0",
            "a session expires this long after its last turn (Firestore TTL on expire_at)"),
    Setting("SESSION_TIMEOUT_S", "5", _positive_float, "seconds > 0",
            "deadline for each Firestore call; past it a request with a session gets 503"),
    Setting("SESSION_SWITCH_MARGIN", "0.15", _margin, "a number from 0 to 1",
            "in a session, how far another persona's routing score must lead the session's "
            "mentor's, on a message that changes the subject or the need, to take over the "
            "conversation (1 keeps the mentor always)"),
    Setting("SESSIONS_WARM_UP", "true", _boolean, "true or false",
            "prepare the session store (import its client, connect) in the background once an "
            "instance has answered its first request, so its first session request is quick"),
    Setting("SESSION_ID_SECRET", "", _optional_key, "a random string of 32+ characters (best "
            "as sm://NAME), or empty", "HMAC key that names each session's document after its "
            "API key, user_id and session_id; changing it ends every open session; empty means "
            "a public development key (logged as a warning)", REQUIRED),
    Setting("BULK_TOPIC", "ion-bulk", _topic, "a Pub/Sub topic id",
            "topic in GOOGLE_CLOUD_PROJECT that carries bulk items to the worker"),
    Setting("BULK_COLLECTION", "bulk_jobs", _collection, "a Firestore collection id",
            "collection of bulk jobs; each job's outcomes and failure counts are its "
            "subcollections results and attempts"),
    Setting("BULK_MAX_ATTEMPTS", "5", _int_at_least(1), "an integer >= 1",
            "deliveries of one bulk item the worker tries before it records the item as failed"),
    Setting("BULK_JOB_TTL_H", "168", _positive_float, "hours > 0",
            "a bulk job and its results are deleted this long after it was submitted "
            "(Firestore TTL on expire_at)"),
    Setting("BULK_TIMEOUT_S", "10", _positive_float, "seconds > 0",
            "deadline for each Firestore call and for publishing a job's items; past it the "
            "submission gets 503 and the worker lets Pub/Sub redeliver"),
    # At least a job's most items (core.bulk.MAX_ITEMS, not imported: process and recommend
    # never load the bulk package), or a full job could never be accepted.
    Setting("BULK_MAX_IN_FLIGHT_ITEMS", "500", _int_at_least(100), "an integer >= 100",
            "items of one API key's bulk jobs that may be unanswered at once; a job that would "
            "pass it gets 429 TOO_MANY_ITEMS_IN_FLIGHT"),
    Setting("SENTRY_DSN", "", _optional, "a Sentry DSN (best as sm://NAME), or empty",
            "where errors and traces go; empty turns Sentry off (its SDK is then never "
            "imported)", OPTIONAL),
    Setting("SENTRY_ENVIRONMENT", "local", _matching(r"[A-Za-z0-9._-]{1,64}"),
            "a name like production or staging", "the environment Sentry files events under"),
    Setting("SENTRY_RELEASE", "", _optional, "a release name, or empty",
            "the release Sentry files events under; empty means K_REVISION (set by Cloud "
            "Functions), else ion-mentoring@VERSION"),
    Setting("SENTRY_TRACES_SAMPLE_RATE", "0.1", _float_between(0, 1), "a number from 0 to 1",
            "share of requests whose trace (transaction and spans) is sent to Sentry"),
    Setting("ID_HASH_KEY", "", _optional, "a random string of 32+ characters (best as "
            "sm://NAME), or empty", "HMAC key that turns user and session ids into the keyed "
            "hashes logs and Sentry show; empty means a random key per instance", OPTIONAL),
    Setting("ION_API_KEYS", "", str, "id:sha256hex:role entries (role user or admin), "
            "separated by commas", "the API keys, as SHA-256 hashes of the keys, never the keys",
            REQUIRED),
    Setting("API_KEYS_REFRESH_S", "60", _seconds_up_to(60), "seconds > 0 and <= 60",
            "when ION_API_KEYS is a secret reference, each instance reads it again this often, "
            "so a key removed from the secret is refused within this bound"),
    Setting("RATE_LIMIT_PER_MIN", "600", _int_at_least(0), "an integer >= 0 (0 disables)",
            "requests per minute per API key (a token bucket, shared through Redis)"),
    Setting("RATE_LIMIT_BURST", "100", _int_at_least(1), "an integer >= 1",
            "requests an API key may make at once before the per-minute rate applies; a bulk "
            "job counts one per item, so a job may have at most this many items"),
    Setting("AUTH_FAILURES_PER_MIN", "30", _int_at_least(0), "an integer >= 0 (0 disables)",
            "requests with a missing or wrong API key a client IP may make per minute (a token "
            "bucket, shared through Redis); past it they get 429 instead of 401"),
    Setting("AUTH_FAILURE_BURST", "20", _int_at_least(1), "an integer >= 1",
            "failed authentications a client IP may make at once before the per-minute rate "
            "applies"),
    Setting("CLIENT_IP_HOPS", "2", _int_at_least(1), "an integer >= 1",
            "the client's address is this many entries from the right of X-Forwarded-For (2 "
            "behind the HTTPS load balancer, which appends the client and its own address)"),
    Setting("CORS_ALLOWED_ORIGINS", "", _origins, "origins like https://app.example.com, "
            "separated by commas", "browser origins allowed to call the API; empty means none",
            OPTIONAL),
    Setting("GENERATOR", "offline", _one_of("offline", "gemini"), "offline or gemini",
            "what writes the answers: the offline generator, or Gemini with the offline one as "
            "fallback"),
    Setting("GEMINI_MODE", "vertex", _one_of("vertex", "api_key"), "vertex or api_key",
            "Vertex AI in GOOGLE_CLOUD_PROJECT as the service account, or the Gemini API with "
            "GEMINI_API_KEY"),
    Setting("GEMINI_MODEL", "gemini-2.5-flash", _model, "a Gemini model id",
            "the model that answers (part of every cache key)"),
    Setting("GEMINI_LOCATION", "global", _location, "a Vertex AI location, e.g. global or "
            "asia-northeast3", "where Vertex AI runs the model (vertex mode)"),
    Setting("GEMINI_API_KEY", "", _optional, "a Gemini API key (best as sm://NAME)",
            "the key for api_key mode; required there, unused in vertex mode", REQUIRED),
    Setting("GEMINI_TEMPERATURE", "0.7", _float_between(0, 2), "a number from 0 to 2",
            "sampling temperature: lower is more predictable"),
    Setting("GEMINI_MAX_OUTPUT_TOKENS", "2048", _int_at_least(1), "an integer >= 1",
            "longest answer, in tokens (thinking models spend some of them thinking)"),
    Setting("GEMINI_TIMEOUT_S", "10", _positive_float, "seconds > 0",
            "deadline for one call to Gemini; a timed-out call is retried"),
    Setting("GEMINI_DEADLINE_S", "20", _positive_float, "seconds >= GEMINI_TIMEOUT_S",
            "longest wait for Gemini's answer, retries included, before answering offline"),
    Setting("GEMINI_BREAKER_THRESHOLD", "5", _int_at_least(1), "an integer >= 1",
            "consecutive failed calls that open Gemini's circuit breaker"),
    Setting("GEMINI_BREAKER_COOLDOWN_S", "30", _positive_float, "seconds > 0",
            "how long answers are offline, without calling Gemini, before it is probed again"),
    Setting("GEMINI_BASE_URL", "", _optional_url, "an http(s) URL, or empty",
            "for testing: send Gemini calls to this endpoint (a local fake) instead of Google's"),
    Setting("CRISIS_RESOURCES", "", _crisis_resources, 'JSON like {"ko": {"self_harm": [{"name": '
            '"...", "contact": "...", "hours": "..."}]}} (languages ko, en; categories '
            "self_harm, harm_to_others, abuse), or empty", "crisis lines in safety replies; a "
            "language and category named here replace that default list (README, Safety); "
            "empty means the documented defaults, to verify for each region"),
    Setting("SAFETY_MODEL_REPLIES", "false", _boolean, "true or false",
            "with GENERATOR=gemini, let the model write the reply to a crisis message under a "
            "strict safety instruction (the crisis lines are still appended verbatim; any model "
            "failure gives the fixed reply); false: crisis messages never reach the model"),
    Setting("SECRET_MANAGER_ENDPOINT", "", _optional_url, "an http(s) URL, or empty",
            "for testing: read sm:// secrets from this endpoint (a local fake, REST) without "
            "credentials instead of from Google"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class GeminiSettings:
    mode: str
    model: str
    location: str
    api_key: str | None = field(repr=False)
    temperature: float
    max_output_tokens: int
    timeout_s: float
    deadline_s: float
    breaker_threshold: int
    breaker_cooldown_s: float
    base_url: str | None


class BulkSettings(NamedTuple):
    topic: str
    collection: str
    max_attempts: int
    job_ttl_s: float
    timeout_s: float
    max_in_flight_items: int


@dataclass(frozen=True, slots=True)
class Settings:
    redis_url: str | None = field(repr=False)  # may hold a password
    redis_timeout_s: float
    cache: CacheSettings
    project: str
    session_collection: str
    session_ttl_s: float
    session_timeout_s: float
    sessions_warm_up: bool
    session_switch_margin: float
    session_id_secret: str | None = field(repr=False)
    bulk: BulkSettings
    api_keys: str = field(repr=False)
    api_keys_reference: str | None  # the sm:// reference ION_API_KEYS came from, if any
    api_keys_refresh_s: float
    secret_manager_endpoint: str | None
    rate_limit_per_minute: int
    rate_limit_burst: int
    auth_failures_per_minute: int
    auth_failure_burst: int
    client_ip_hops: int
    cors_origins: tuple[str, ...]
    observability: ObservabilitySettings
    generator: str
    gemini: GeminiSettings
    crisis_resources: safety.Resources = field(repr=False)
    safety_model_replies: bool
    # When these were read (time.monotonic): how old the API keys and other secrets are.
    read_at: float = field(default_factory=time.monotonic, compare=False)

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, *, secrets: SecretSources | None = None
    ) -> Settings:
        """Every setting from ``env`` (default: the environment). References are read from the
        source ``secrets`` gives for ``SECRET_MANAGER_ENDPOINT`` (asked only if a reference is
        present); without one, a reference is a :class:`ConfigError`."""
        env = os.environ if env is None else env
        read_at = time.monotonic()
        values = read(env, secrets)
        _check_together(values)
        keys_setting = env.get("ION_API_KEYS", "")
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
            sessions_warm_up=values["SESSIONS_WARM_UP"],
            session_switch_margin=values["SESSION_SWITCH_MARGIN"],
            session_id_secret=values["SESSION_ID_SECRET"],
            bulk=BulkSettings(
                topic=values["BULK_TOPIC"],
                collection=values["BULK_COLLECTION"],
                max_attempts=values["BULK_MAX_ATTEMPTS"],
                job_ttl_s=values["BULK_JOB_TTL_H"] * 3600,
                timeout_s=values["BULK_TIMEOUT_S"],
                max_in_flight_items=values["BULK_MAX_IN_FLIGHT_ITEMS"],
            ),
            api_keys=values["ION_API_KEYS"],
            api_keys_reference=keys_setting if is_reference(keys_setting) else None,
            api_keys_refresh_s=values["API_KEYS_REFRESH_S"],
            secret_manager_endpoint=values["SECRET_MANAGER_ENDPOINT"],
            rate_limit_per_minute=values["RATE_LIMIT_PER_MIN"],
            rate_limit_burst=values["RATE_LIMIT_BURST"],
            auth_failures_per_minute=values["AUTH_FAILURES_PER_MIN"],
            auth_failure_burst=values["AUTH_FAILURE_BURST"],
            client_ip_hops=values["CLIENT_IP_HOPS"],
            cors_origins=values["CORS_ALLOWED_ORIGINS"],
            observability=ObservabilitySettings(
                sentry_dsn=values["SENTRY_DSN"],
                sentry_environment=values["SENTRY_ENVIRONMENT"],
                sentry_release=values["SENTRY_RELEASE"],
                traces_sample_rate=values["SENTRY_TRACES_SAMPLE_RATE"],
                id_hash_key=values["ID_HASH_KEY"],
                project=values["GOOGLE_CLOUD_PROJECT"],
            ),
            generator=values["GENERATOR"],
            gemini=GeminiSettings(
                mode=values["GEMINI_MODE"],
                model=values["GEMINI_MODEL"],
                location=values["GEMINI_LOCATION"],
                api_key=values["GEMINI_API_KEY"],
                temperature=values["GEMINI_TEMPERATURE"],
                max_output_tokens=values["GEMINI_MAX_OUTPUT_TOKENS"],
                timeout_s=values["GEMINI_TIMEOUT_S"],
                deadline_s=values["GEMINI_DEADLINE_S"],
                breaker_threshold=values["GEMINI_BREAKER_THRESHOLD"],
                breaker_cooldown_s=values["GEMINI_BREAKER_COOLDOWN_S"],
                base_url=values["GEMINI_BASE_URL"],
            ),
            crisis_resources=values["CRISIS_RESOURCES"],
            safety_model_replies=values["SAFETY_MODEL_REPLIES"],
            read_at=read_at,
        )


def value(name: str, env: Mapping[str, str] | None = None) -> Any:
    """One setting, parsed, for a command that needs only it (``ion answer`` reads
    ``CRISIS_RESOURCES``): no other setting is read or checked. It may not be a reference."""
    setting = next(s for s in SETTINGS if s.name == name)
    raw = (os.environ if env is None else env).get(name, setting.default)
    if is_reference(raw):
        raise ConfigError(f"{name}={raw!r}: a secret reference needs the whole configuration")
    return _parse(setting, raw, repr(raw))


def read_again(name: str, reference: str, project: str, source: SecretSource) -> Any:
    """Setting ``name`` read again from its secret ``reference`` and parsed, for a setting an
    instance re-reads while it runs (``ION_API_KEYS``, every ``API_KEYS_REFRESH_S``). Raises
    ``SecretUnavailable`` or :class:`ConfigError`; the caller keeps the value it had."""
    setting = next(s for s in SETTINGS if s.name == name)
    text = resolve_again(name, reference, project, source)
    return _parse(setting, text, f"(the value of {reference})")


def read(env: Mapping[str, str], secrets: SecretSources | None = None) -> dict[str, Any]:
    """Every setting parsed: plain values first, then references (which need the project and
    the Secret Manager endpoint, both plain)."""
    values: dict[str, Any] = {}
    references: list[tuple[Setting, str]] = []
    for setting in SETTINGS:
        raw = env.get(setting.name, setting.default)
        if not is_reference(raw):
            values[setting.name] = _parse(setting, raw, repr(raw))
        elif setting.secret is FromSecret.NO:
            raise ConfigError(
                f"{setting.name}={raw!r} refers to a secret, but {setting.name} may not come "
                "from Secret Manager; set the value itself"
            )
        else:
            references.append((setting, raw))
    if references:
        if secrets is None:
            names = ", ".join(setting.name for setting, _ in references)
            raise ConfigError(f"{names}: a secret reference, but no secret source to read it")
        source = secrets(values["SECRET_MANAGER_ENDPOINT"])
        for setting, raw in references:
            required = setting.secret is FromSecret.REQUIRED
            secret = resolve(setting.name, raw, values["GOOGLE_CLOUD_PROJECT"], source, required)
            # The value itself is never shown, only where it came from.
            shown = repr(raw) if secret is None else f"(the value of {raw})"
            values[setting.name] = _parse(
                setting, setting.default if secret is None else secret, shown
            )
    return values


def _parse(setting: Setting, raw: str, shown: str) -> Any:
    try:
        return setting.parse(raw)
    except _Invalid as error:
        raise ConfigError(
            f"{setting.name} is not valid ({error}); accepted: {setting.accepts}"
        ) from None
    except ValueError:
        raise ConfigError(
            f"{setting.name}={shown} is not valid; accepted: {setting.accepts}"
        ) from None


def _check_together(values: Mapping[str, Any]) -> None:
    """Rules that involve more than one setting."""
    gemini = values["GENERATOR"] == "gemini"
    if gemini and values["GEMINI_MODE"] == "api_key" and not values["GEMINI_API_KEY"]:
        raise ConfigError(
            "GEMINI_API_KEY is empty; GENERATOR=gemini with GEMINI_MODE=api_key needs a key "
            "(the key itself, or sm://NAME for a secret), or use GEMINI_MODE=vertex"
        )
    if values["GEMINI_DEADLINE_S"] < values["GEMINI_TIMEOUT_S"]:
        raise ConfigError(
            f"GEMINI_DEADLINE_S={values['GEMINI_DEADLINE_S']:g} is shorter than "
            f"GEMINI_TIMEOUT_S={values['GEMINI_TIMEOUT_S']:g}; accepted: seconds >= "
            "GEMINI_TIMEOUT_S"
        )
