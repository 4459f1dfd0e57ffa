"""Rate limits: a token bucket per subject (an API key's id), shared by every instance.

Buckets live in Redis (one atomic script, shared by every instance) when it is configured and
healthy, in process otherwise, so a Redis outage never turns into either an outage or no limit
at all. An instance leases tokens from Redis a few at a time (a tenth of the burst) and spends
them locally: the shared limit is never exceeded, and a request costs a Redis round trip only
once per lease. A request that costs more than one token (a bulk job: one per item) spends the
instance's lease for its subject first and takes the rest from the bucket at once, or nothing
at all.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import NamedTuple, Protocol

from core.breaker import CircuitBreaker, call_store
from core.errors import RateLimited

KEY_PREFIX = "ion:v1:rl:"  # + the API key's id: the per-key buckets' names in Redis


class Decision(NamedTuple):
    allowed: bool
    retry_after_s: float  # 0 when allowed
    granted: int = 1  # tokens taken (a lease may take several); 0 when refused


class BucketStore(Protocol):
    def take(
        self, key: str, capacity: int, per_second: float, count: int = 1, *, exact: bool = False
    ) -> Decision:
        """Take up to ``count`` tokens from the bucket ``key`` (``Decision.granted`` says how
        many); with ``exact``, all ``count`` or none, and a refusal's ``retry_after_s`` is when
        ``count`` will be there. Raises StoreUnavailable on failure."""
        ...


class LocalBuckets:
    """Token buckets in this process: the fallback when Redis is absent or failing.

    At most ``max_keys`` are kept, the least recently used dropped first: buckets are made per
    client address too (failed authentications), and addresses are the sender's to choose."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, at), oldest first

    def take(
        self, key: str, capacity: int, per_second: float, count: int = 1, *, exact: bool = False
    ) -> Decision:
        now = self._clock()
        with self._lock:
            # Popped and put back: the dict's order is the order of last use.
            tokens, at = self._buckets.pop(key, (float(capacity), now))
            if len(self._buckets) >= self._max_keys:
                del self._buckets[next(iter(self._buckets))]
            tokens = min(float(capacity), tokens + (now - at) * per_second)
            granted = min(count, int(tokens))
            if exact and granted < count:
                granted = 0
            self._buckets[key] = (tokens - granted, now)
            if granted:
                return Decision(True, 0.0, granted)
            needed = count if exact else 1
            return Decision(False, (needed - tokens) / per_second, 0)


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
        lease: int | None = None,
        prefix: str = KEY_PREFIX,
        subject: str = "requests for this API key",
    ) -> None:
        """``lease``: tokens an instance takes from Redis at a time (a tenth of the burst).
        ``prefix``: of each bucket's name in the shared store (one limiter, one prefix);
        ``subject``: what a refusal says is being counted."""
        self.per_minute = per_minute
        self._prefix = prefix
        self._subject = subject
        self.burst = burst
        self._shared = shared
        self._local = local or LocalBuckets()
        self._on_failure = on_shared_failure
        # A Redis that times out must not cost every request its timeout: after a few failures
        # the limiter stays local until a probe finds Redis back.
        self.breaker = breaker or CircuitBreaker(threshold=3, cooldown_s=5.0)
        self.lease = max(1, burst // 10) if lease is None else lease
        self._leased: dict[str, int] = {}  # key -> tokens taken from Redis, not yet spent
        self._lease_lock = threading.Lock()

    def check(self, subject: str, cost: int = 1) -> None:
        """Raises :class:`RateLimited` (429, with Retry-After) when ``subject`` (an API key's
        id, or whatever the limiter was made to count) is over its limit.

        ``cost``: the tokens the request takes (a bulk job takes one per item), at most
        ``burst``: no bucket ever holds more. The instance's lease for the key is spent first
        and the rest of a cost above one is taken whole from the bucket or not at all: a request
        is never served partly, and a refused one takes nothing (its share of the lease is put
        back) and is told when the rest will be there. The lease must be spent first: the
        tokens in it are gone from the shared bucket, so a job of ``burst`` items after a
        request that leased would otherwise never find them there."""
        if self.per_minute <= 0 or cost <= 0:
            return  # limiting disabled, or nothing to take
        if cost > self.burst:
            raise ValueError(f"a cost of {cost} is over the burst of {self.burst}")
        per_second = self.per_minute / 60
        key = self._prefix + subject
        leased = self._spend_leased(key, cost)
        rest = cost - leased
        if rest == 0:
            return
        decision = None
        shared = self._shared
        if shared is not None:
            # Redis failing or still warming up: the local buckets, never a failed request.
            decision = call_store(
                self.breaker,
                lambda: (
                    shared.take(key, self.burst, per_second, self.lease)
                    if cost == 1
                    else shared.take(key, self.burst, per_second, rest, exact=True)
                ),
                self._on_failure,
            )
            if decision is not None and cost == 1 and decision.granted > 1:
                self._return_leased(key, decision.granted - 1)
        if decision is None:
            decision = self._local.take(key, self.burst, per_second, rest, exact=cost > 1)
        if not decision.allowed:
            self._return_leased(key, leased)
            raise RateLimited(
                max(1, math.ceil(decision.retry_after_s)), self.per_minute, self._subject
            )

    def _spend_leased(self, key: str, wanted: int) -> int:
        """Take up to ``wanted`` of the tokens leased for ``key``; how many were taken."""
        with self._lease_lock:
            taken = min(wanted, self._leased.get(key, 0))
            if taken > 0:
                self._leased[key] -= taken
            return max(taken, 0)

    def _return_leased(self, key: str, count: int) -> None:
        if count > 0:
            with self._lease_lock:
                self._leased[key] = self._leased.get(key, 0) + count
