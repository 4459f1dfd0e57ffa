"""The cache's pure parts: L1 LRU with TTL, the circuit breaker, and response keys."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.breaker import (
    BreakerState,
    CircuitBreaker,
    StoreUnavailable,
    StoreWarmingUp,
    call_store,
)
from core.cache import LruCache
from core.pipeline import ResponseKey, context_digest
from core.turns import Turn
from tests.helpers import FakeClock


def test_lru_expires_entries_by_ttl_on_a_fake_clock() -> None:
    clock = FakeClock()
    lru: LruCache[str] = LruCache(10, default_ttl_s=30, clock=clock)
    lru.set("a", "A")
    lru.set("b", "B", ttl_s=5)
    clock.now += 5
    assert lru.get("b") is None  # expired exactly at its deadline
    assert lru.get("a") == "A"
    clock.now += 25
    assert lru.get("a") is None
    assert (lru.counters.expirations, lru.counters.hits, lru.counters.misses) == (2, 1, 2)
    assert len(lru) == 0


def test_lru_evicts_the_least_recently_used() -> None:
    lru: LruCache[int] = LruCache(3, default_ttl_s=60)
    for i in range(3):
        lru.set(str(i), i)
    assert lru.get("0") == 0  # "0" is now the most recent
    lru.set("3", 3)
    assert lru.get("1") is None
    assert [lru.get(k) for k in ("0", "2", "3")] == [0, 2, 3]
    assert lru.counters.evictions == 1


def test_lru_of_size_zero_stores_nothing() -> None:
    lru: LruCache[int] = LruCache(0, default_ttl_s=60)
    lru.set("a", 1)
    assert lru.get("a") is None


def test_lru_is_consistent_under_threads() -> None:
    lru: LruCache[int] = LruCache(100, default_ttl_s=60)

    def work(offset: int) -> None:
        for i in range(2000):
            key = str((i + offset) % 150)
            if lru.get(key) is None:
                lru.set(key, i)

    threads = [threading.Thread(target=work, args=(n * 7,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    c = lru.counters
    assert len(lru) == 100
    assert c.hits + c.misses == 8 * 2000
    assert c.evictions >= 50


def test_breaker_opens_after_threshold_and_probes_once_after_cooldown() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(threshold=3, cooldown_s=10, clock=clock)
    for _ in range(2):
        assert breaker.allow()
        breaker.failure()
    assert breaker.state is BreakerState.CLOSED
    breaker.failure()
    assert breaker.state is BreakerState.OPEN
    assert not breaker.allow()
    clock.now += 10
    assert breaker.state is BreakerState.HALF_OPEN
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # only one at a time
    breaker.failure()
    assert breaker.state is BreakerState.OPEN
    clock.now += 10
    assert breaker.allow()
    breaker.success()
    assert breaker.state is BreakerState.CLOSED
    assert breaker.allow()
    assert breaker.opened == 2


def test_breaker_success_resets_consecutive_failures() -> None:
    breaker = CircuitBreaker(threshold=2, cooldown_s=1)
    breaker.failure()
    breaker.success()
    breaker.failure()
    assert breaker.state is BreakerState.CLOSED


def _key(**changes: str) -> ResponseKey:
    fields = {
        "message": "배포가 또 실패했어요",
        "persona": "elro",
        "resonance_key": "frustrated-burst-problem_solving",
        "language": "ko",
        "generator": "offline",
        "model": "offline-v1",
        "prompt_version": "p1",
        "context": context_digest([]),
    }
    return ResponseKey(**{**fields, **changes})


@pytest.mark.parametrize(
    "field",
    ["message", "persona", "resonance_key", "language", "generator", "model", "prompt_version"],
)
def test_every_field_changes_the_key(field: str) -> None:
    assert _key().digest() != _key(**{field: "other"}).digest()
    assert _key().digest() == _key().digest()


turns = st.lists(
    st.builds(Turn, role=st.sampled_from(["user", "mentor"]), text=st.text(max_size=40)),
    max_size=5,
)


@given(turns, turns, st.sampled_from(["default", "summary_light"]))
def test_different_conversation_contexts_never_share_a_key(
    first: list[Turn], second: list[Turn], mode: str
) -> None:
    same = first == second
    a = _key(context=context_digest(first, mode)).digest()
    b = _key(context=context_digest(second, mode)).digest()
    assert (a == b) == same
    assert context_digest(first, "default") != context_digest(first, "summary_light")


def test_call_store_never_raises_and_counts_only_real_failures(
    caplog: pytest.LogCaptureFixture,
) -> None:
    breaker = CircuitBreaker(threshold=2, cooldown_s=60, clock=FakeClock())
    failures: list[Exception] = []

    def raise_(error: Exception) -> int:
        raise error

    assert call_store(breaker, lambda: 7, failures.append) == 7
    assert call_store(breaker, lambda: raise_(StoreWarmingUp("soon")), failures.append) is None
    assert breaker.state is BreakerState.CLOSED
    assert failures == []
    down = StoreUnavailable("down")
    assert call_store(breaker, lambda: raise_(down), failures.append) is None
    assert caplog.records == []  # an expected failure is not logged as a bug
    bug = KeyError("a bug in the adapter")
    assert call_store(breaker, lambda: raise_(bug), failures.append) is None
    assert failures == [down, bug]
    assert "unexpected error from the shared store" in caplog.text
    assert breaker.state is BreakerState.OPEN
    called: list[int] = []
    assert call_store(breaker, lambda: called.append(1) or 1) is None  # open: not called
    assert called == []


def test_a_store_still_warming_up_is_a_miss_not_a_failure() -> None:
    from core.cache import CacheSettings, ResponseCache, StoreWarmingUp  # noqa: PLC0415

    class Warming:
        def __getattr__(self, name: str) -> object:
            def call(*_: object, **__: object) -> object:
                raise StoreWarmingUp("not yet")

            return call

    cache = ResponseCache(CacheSettings(breaker_threshold=1), Warming())  # type: ignore[arg-type]
    for _ in range(3):
        result = cache.get_or_compute(_key(), lambda: {"answer": "a"})
    assert result.tier == "l1"
    assert cache.breaker.state is BreakerState.CLOSED
    assert cache.stats()["l2"]["errors"] == 0
