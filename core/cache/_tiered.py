"""The two-tier response cache: L1 in process, L2 in a shared store, compute on a miss.

- Read path: L1, then L2 (a hit is promoted into L1 for ``promote_ttl_s``), then compute and
  write both tiers.
- Single flight: concurrent misses for one key in this instance compute once (the others wait
  for that result); across instances a short lock in the store lets one compute while the
  others poll the store for ``wait_ms`` and then compute themselves. Nobody deadlocks.
- Never down: every store failure is a miss; a circuit breaker stops calling a failing store
  and probes it again after a cool-down. If computing fails and an expired entry is still
  within ``stale_s``, it is served (tier ``stale``) rather than an error.
- Stand-ins are never stored: a computed value marked with :data:`NO_STORE` (an offline answer
  given while the model is down) is returned but written to neither tier, so the model's own
  answer is computed again as soon as it is back; a stale entry still within ``stale_s`` is
  preferred to it.
- Invalidation bumps a version counter (everything, or one persona) that is part of every key,
  so no ``KEYS``/``SCAN`` is needed: old entries become unreachable and expire on their own.
  Other instances see a bump within ``version_ttl_s``.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from core import observability
from core.breaker import BreakerState, CircuitBreaker, call_store
from core.cache._lru import LruCache
from core.cache._ports import CacheKey, SharedStore
from core.cache._stats import Latencies, TierCounters
from core.cache._versions import Versions

Value = dict[str, Any]

# A computed value with this key set to true is a stand-in: returned (to its caller and to the
# requests coalesced on it) without the key, but never written to L1 or L2.
NO_STORE = "_no_store"


class CacheSettings(NamedTuple):
    l1_max_entries: int = 1000
    l1_ttl_s: float = 300.0
    l2_ttl_s: float = 600.0
    promote_ttl_s: float = 60.0
    stale_s: float = 300.0
    lock_ms: int = 10_000
    wait_ms: int = 2_000
    poll_ms: int = 25
    version_ttl_s: float = 1.0
    breaker_threshold: int = 5
    breaker_cooldown_s: float = 5.0
    namespace: str = "ion:v1"


class Tier(StrEnum):
    """Where an answer came from (``cache.tier`` in responses, logs and Sentry)."""

    L1 = "l1"  # this instance's memory
    L2 = "l2"  # the shared store
    COALESCED = "coalesced"  # another request in this instance computed it meanwhile
    STALE = "stale"  # expired, served because computing it again failed
    COMPUTED = "computed"  # computed now (and stored)
    BYPASS = "bypass"  # the cache was not used for this request
    NONE = "none"  # there is no cache (a bare pipeline)


class CacheResult(NamedTuple):
    value: Value
    hit: bool
    tier: Tier


@dataclass(slots=True)
class _Flight:
    done: threading.Event = field(default_factory=threading.Event)
    value: Value | None = None


@dataclass(slots=True)
class _Envelope:
    value: Value
    fresh_until: float  # wall-clock seconds

    def encode(self) -> bytes:
        data = {"v": self.value, "fresh_until": self.fresh_until}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def decode(cls, raw: bytes) -> _Envelope | None:
        try:
            data = json.loads(raw)
            return cls(value=data["v"], fresh_until=float(data["fresh_until"]))
        except (ValueError, KeyError, TypeError):
            return None  # not ours or corrupt: a miss, and the next write replaces it


class ResponseCache:
    def __init__(
        self,
        settings: CacheSettings | None = None,
        store: SharedStore | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.settings = s = settings or CacheSettings()
        self.store = store
        self._clock, self._wall = clock, wall
        self.l1: LruCache[_Envelope] = LruCache(s.l1_max_entries, s.l1_ttl_s, clock)
        self.breaker = CircuitBreaker(s.breaker_threshold, s.breaker_cooldown_s, clock)
        self._flights: dict[str, _Flight] = {}
        self._lock = threading.Lock()
        self._versions = Versions(
            s.namespace, s.version_ttl_s, store is not None, self._store_call, clock
        )
        self.l2 = TierCounters()
        self.outcomes: dict[str, int] = dict.fromkeys(
            (tier.value for tier in Tier if tier is not Tier.NONE), 0
        )
        # Latency of the hits each tier serves, measured around the whole lookup.
        self.latency = {"l1": Latencies(), "l2": Latencies()}

    # -- the read path ---------------------------------------------------------------------

    def get_or_compute(
        self,
        key: CacheKey,
        compute: Callable[[], Value],
        *,
        use_cache: bool = True,
        refresh: bool = False,
    ) -> CacheResult:
        if not use_cache:
            value, _ = _unmark(compute())
            return self._done(CacheResult(value, hit=False, tier=Tier.BYPASS))
        full_key = self.full_key(key)
        stale: _Envelope | None = None
        if not refresh:
            started = time.perf_counter()
            with observability.span("cache.get", "response cache lookup (L1, L2)") as lookup:
                found, stale = self._lookup(full_key)
                if lookup is not None:
                    lookup.set_data("cache.hit", found is not None)
                    lookup.set_data("cache.tier", found.tier if found else "miss")
            if found is not None:
                self.latency[found.tier].add(time.perf_counter() - started)
                return self._done(found)
        return self._done(self._single_flight(full_key, compute, stale, refresh))

    def _lookup(self, full_key: str) -> tuple[CacheResult | None, _Envelope | None]:
        envelope = self.l1.get(full_key)
        now = self._wall()
        stale = None
        if envelope is not None:
            if envelope.fresh_until > now:
                return CacheResult(envelope.value, hit=True, tier=Tier.L1), None
            stale = envelope
        remote = self._l2_get(full_key)
        if remote is not None:
            if remote.fresh_until > now:
                promote = min(self.settings.promote_ttl_s, remote.fresh_until - now)
                self.l1.set(full_key, remote, promote)
                return CacheResult(remote.value, hit=True, tier=Tier.L2), None
            stale = remote
        return None, stale

    def _single_flight(
        self,
        full_key: str,
        compute: Callable[[], Value],
        stale: _Envelope | None,
        refresh: bool,
    ) -> CacheResult:
        with self._lock:
            flight = self._flights.get(full_key)
            leader = flight is None
            if flight is None:
                flight = self._flights[full_key] = _Flight()
        if not leader:
            flight.done.wait(self.settings.wait_ms / 1000)
            if flight.value is not None:
                return CacheResult(flight.value, hit=True, tier=Tier.COALESCED)
            return self._compute(full_key, compute, stale, refresh)  # leader failed or slow
        try:
            result = self._compute(full_key, compute, stale, refresh)
            flight.value = result.value
            return result
        finally:
            with self._lock:
                del self._flights[full_key]
            flight.done.set()

    def _compute(
        self,
        full_key: str,
        compute: Callable[[], Value],
        stale: _Envelope | None,
        refresh: bool,
    ) -> CacheResult:
        lock_key, token = f"{full_key}:lock", uuid.uuid4().hex
        locked = self._store_call(lambda s: s.acquire(lock_key, token, self.settings.lock_ms))
        if locked is False and not refresh:
            waited = self._wait_for_other_instance(full_key)
            if waited is not None:
                return waited
        lock = (lock_key, token) if locked else None
        written = False
        try:
            value, stand_in = _unmark(compute())
            if not stand_in:
                # Both tiers, and the lock released after the answer in the same round trip:
                # an instance waiting for it finds the answer, never a released lock alone.
                self._write(full_key, value, release=lock)
                written = True
        except Exception:
            if stale is None:
                raise
            return CacheResult(stale.value, hit=True, tier=Tier.STALE)
        finally:
            if lock is not None and not written:
                self._store_call(lambda s: s.release(lock_key, token))
        if stand_in and stale is not None:  # the real answer, a little old, beats a stand-in
            return CacheResult(stale.value, hit=True, tier=Tier.STALE)
        return CacheResult(value, hit=False, tier=Tier.COMPUTED)

    def _wait_for_other_instance(self, full_key: str) -> CacheResult | None:
        deadline = self._clock() + self.settings.wait_ms / 1000
        while self._clock() < deadline:
            time.sleep(self.settings.poll_ms / 1000)
            remote = self._l2_get(full_key)
            if remote is not None and remote.fresh_until > self._wall():
                self.l1.set(full_key, remote, self.settings.promote_ttl_s)
                return CacheResult(remote.value, hit=True, tier=Tier.L2)
            if self.breaker.state is BreakerState.OPEN:
                return None  # the store is down: stop waiting and compute
        return None

    def _write(self, full_key: str, value: Value, release: tuple[str, str] | None = None) -> None:
        with observability.span("cache.put", "response cache write (L1, L2)"):
            self._write_tiers(full_key, value, release)

    def _write_tiers(self, full_key: str, value: Value, release: tuple[str, str] | None) -> None:
        s = self.settings
        now = self._wall()
        # Each tier keeps an entry for its freshness plus the stale window, so a stale answer
        # can stand in when recomputing fails, with or without Redis.
        self.l1.set(full_key, _Envelope(value, now + s.l1_ttl_s), s.l1_ttl_s + s.stale_s)
        raw = _Envelope(value, now + s.l2_ttl_s).encode()
        self._store_call(
            lambda store: store.set(full_key, raw, s.l2_ttl_s + s.stale_s, release=release)
        )

    # -- the shared store, behind the breaker ----------------------------------------------

    def _store_call(self, call: Callable[[SharedStore], Any]) -> Any:
        """``call(store)``, or None when there is no store, the breaker is open or it fails."""
        store = self.store
        if store is None:
            return None
        return call_store(self.breaker, lambda: call(store), self._count_error)

    def _count_error(self, _error: Exception) -> None:
        with self._lock:
            self.l2.errors += 1

    def _l2_get(self, full_key: str) -> _Envelope | None:
        if self.store is None:
            return None
        raw = self._store_call(lambda s: s.get(full_key))
        envelope = _Envelope.decode(raw) if raw is not None else None
        with self._lock:
            if envelope is None:
                self.l2.misses += 1
            else:
                self.l2.hits += 1
        return envelope

    # -- versions and invalidation ---------------------------------------------------------

    def full_key(self, key: CacheKey) -> str:
        everything, persona = self._versions.current(("all", f"persona:{key.persona}"))
        ns = self.settings.namespace
        return f"{ns}:r:{everything}:{key.persona}:{persona}:{key.digest()}"

    def invalidate(self, persona: str | None = None) -> dict[str, Any]:
        """Make every entry (or one persona's) unreachable in all instances and both tiers."""
        name = "all" if persona is None else f"persona:{persona}"
        version, shared = self._versions.bump(name)
        prefix = f"{self.settings.namespace}:r:"
        if persona is None:
            dropped = len(self.l1)
            self.l1.clear()
        else:
            dropped = self.l1.delete_where(
                lambda k: k.startswith(prefix) and k[len(prefix) :].split(":")[1] == persona
            )
        return {"scope": name, "version": version, "shared": shared, "l1_dropped": dropped}

    # -- stats -------------------------------------------------------------------------------

    def _done(self, result: CacheResult) -> CacheResult:
        with self._lock:
            self.outcomes[result.tier] += 1
        return result

    def stats(self) -> dict[str, Any]:
        with self._lock:
            outcomes = dict(self.outcomes)
            l2 = self.l2.as_dict()
        served = sum(outcomes.values()) - outcomes["bypass"]
        hits = outcomes["l1"] + outcomes["l2"] + outcomes["coalesced"] + outcomes["stale"]
        c = self.l1.counters
        return {
            "requests": served,
            "hits": hits,
            "misses": served - hits,
            "hit_rate": round(hits / served, 4) if served else 0.0,
            "outcomes": outcomes,
            "l1": {
                **TierCounters(c.hits, c.misses).as_dict(),
                "size": len(self.l1),
                "max_entries": self.l1.max_entries,
                "evictions": c.evictions,
                "expirations": c.expirations,
                "latency_ms": self.latency["l1"].percentiles_ms(),
            },
            "l2": {
                "enabled": self.store is not None,
                **l2,
                "breaker": self.breaker.state.value,
                "breaker_opened": self.breaker.opened,
                "latency_ms": self.latency["l2"].percentiles_ms(),
            },
        }


def _unmark(value: Value) -> tuple[Value, bool]:
    """The value without the :data:`NO_STORE` mark, and whether it carried one."""
    if NO_STORE not in value:
        return value, False
    stand_in = bool(value[NO_STORE])
    return {k: v for k, v in value.items() if k != NO_STORE}, stand_in
