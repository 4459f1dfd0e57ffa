"""API keys, per-key rate limits and CORS: the checks every function makes before a handler.

- Keys are configured as SHA-256 hashes (``ION_API_KEYS``: ``id:sha256hex:role`` entries,
  role ``user`` or ``admin``), never in clear. A presented key is hashed and compared with
  every configured hash in constant time; only its id ever reaches logs or sessions.
- Rate limits are token buckets per key id: in Redis (one atomic script, shared by every
  instance) when it is configured and healthy, in process otherwise, so a Redis outage never
  turns into either an outage or no limit at all. An instance leases tokens from Redis a few
  at a time (a tenth of the burst) and spends them locally: the shared limit is never
  exceeded, and a request costs a Redis round trip only once per lease.
- CORS answers only origins on the allow-list; others get no ``Access-Control-Allow-Origin``.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from core.cache import CircuitBreaker, call_store
from core.errors import Forbidden, RateLimited, Unauthenticated

API_KEY_HEADER = "X-API-Key"
_ENTRY = re.compile(r"(?P<id>[A-Za-z0-9._-]{1,64}):(?P<hash>[0-9a-f]{64}):(?P<role>user|admin)")


@dataclass(frozen=True, slots=True)
class Principal:
    key_id: str
    admin: bool


@dataclass(frozen=True, slots=True)
class _Key:
    key_id: str
    digest: bytes
    admin: bool


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def parse_api_keys(text: str) -> tuple[_Key, ...]:
    """``id:sha256hex:role`` entries separated by commas or whitespace."""
    keys: list[_Key] = []
    for entry in re.split(r"[,\s]+", text.strip()):
        if not entry:
            continue
        match = _ENTRY.fullmatch(entry)
        if match is None:
            # Never echo the entry: a key pasted in clear by mistake must not reach a log.
            raise ValueError(
                f"entry {len(keys) + 1} is not id:sha256hex:role "
                "(id 1-64 of [A-Za-z0-9._-], 64 lower-case hex digits, role user or admin)"
            )
        keys.append(_Key(match["id"], bytes.fromhex(match["hash"]), admin=match["role"] == "admin"))
    ids = [k.key_id for k in keys]
    if len(ids) != len(set(ids)):
        raise ValueError("API key ids must be unique")
    return tuple(keys)


class ApiKeys:
    def __init__(self, keys: Iterable[_Key]) -> None:
        self._keys = tuple(keys)

    def authenticate(self, presented: str | None) -> Principal:
        if not presented:
            raise Unauthenticated(f"send your API key in the {API_KEY_HEADER} header")
        digest = hashlib.sha256(presented.encode("utf-8", "replace")).digest()
        found: _Key | None = None
        for key in self._keys:  # every key compared, in constant time: no early exit
            if hmac.compare_digest(digest, key.digest):
                found = key
        if found is None:
            raise Unauthenticated(f"the {API_KEY_HEADER} header does not hold a valid API key")
        return Principal(found.key_id, found.admin)

    @staticmethod
    def require_admin(principal: Principal) -> None:
        if not principal.admin:
            raise Forbidden("this endpoint needs an admin API key")


# -- rate limiting --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    retry_after_s: float  # 0 when allowed
    granted: int = 1  # tokens taken (a lease may take several); 0 when refused


class BucketStore(Protocol):
    def take(self, key: str, capacity: int, per_second: float, count: int = 1) -> Decision:
        """Take up to ``count`` tokens from the bucket ``key`` (``Decision.granted`` says how
        many); raises StoreUnavailable on failure."""
        ...


class LocalBuckets:
    """Token buckets in this process: the fallback when Redis is absent or failing."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)

    def take(self, key: str, capacity: int, per_second: float, count: int = 1) -> Decision:
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.get(key, (float(capacity), now))
            tokens = min(float(capacity), tokens + (now - at) * per_second)
            granted = min(count, int(tokens))
            self._buckets[key] = (tokens - granted, now)
            if granted:
                return Decision(True, 0.0, granted)
            return Decision(False, (1 - tokens) / per_second, 0)


class RateLimiter:
    def __init__(
        self,
        per_minute: int,
        burst: int,
        *,
        shared: BucketStore | None = None,
        local: LocalBuckets | None = None,
        on_shared_failure: Callable[[Exception], None] | None = None,
        breaker: CircuitBreaker | None = None,
    ) -> None:
        self.per_minute = per_minute
        self.burst = burst
        self._shared = shared
        self._local = local or LocalBuckets()
        self._on_failure = on_shared_failure
        # A Redis that times out must not cost every request its timeout: after a few failures
        # the limiter stays local until a probe finds Redis back.
        self.breaker = breaker or CircuitBreaker(threshold=3, cooldown_s=5.0)
        self.lease = max(1, burst // 10)
        self._leased: dict[str, int] = {}  # key -> tokens taken from Redis, not yet spent
        self._lease_lock = threading.Lock()

    def check(self, principal: Principal) -> None:
        """Raises :class:`RateLimited` (429, with Retry-After) when the key is over its limit."""
        if self.per_minute <= 0:
            return  # limiting disabled
        per_second = self.per_minute / 60
        key = f"ion:v1:rl:{principal.key_id}"
        if self._spend_leased(key):
            return
        decision = None
        shared = self._shared
        if shared is not None:
            # Redis failing or still warming up: the local buckets, never a failed request.
            decision = call_store(
                self.breaker,
                lambda: shared.take(key, self.burst, per_second, self.lease),
                self._on_failure,
            )
            if decision is not None and decision.granted > 1:
                with self._lease_lock:
                    self._leased[key] = self._leased.get(key, 0) + decision.granted - 1
        if decision is None:
            decision = self._local.take(key, self.burst, per_second)
        if not decision.allowed:
            raise RateLimited(max(1, math.ceil(decision.retry_after_s)), self.per_minute)

    def _spend_leased(self, key: str) -> bool:
        with self._lease_lock:
            left = self._leased.get(key, 0)
            if left <= 0:
                return False
            self._leased[key] = left - 1
            return True


# -- CORS -----------------------------------------------------------------------------------


class Cors:
    def __init__(self, allowed_origins: Iterable[str]) -> None:
        self._origins = frozenset(o.rstrip("/") for o in allowed_origins if o)

    def headers_for(self, origin: str | None) -> dict[str, str]:
        if not origin or origin.rstrip("/") not in self._origins:
            return {}
        return {
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Expose-Headers": "X-Request-Id, Retry-After",
            "Vary": "Origin",
        }

    def preflight_headers(self, origin: str | None, allowed_methods: str) -> dict[str, str]:
        base = self.headers_for(origin)
        if not base:
            return {}
        return {
            **base,
            "Access-Control-Allow-Methods": allowed_methods,
            "Access-Control-Allow-Headers": f"Content-Type, {API_KEY_HEADER}, X-Request-Id",
            "Access-Control-Max-Age": "600",
        }
