"""The two-tier cache against a real redis-server: promotion, JSON in Redis, single flight within
and across instances, Redis dying mid-run, invalidation, stale answers, context isolation,
and stand-ins (fallback answers) that are never stored."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis

from core.adapters.redis_store import RedisStore
from core.breaker import BreakerState
from core.cache import NO_STORE, CacheSettings, ResponseCache
from core.pipeline import Pipeline, Request, ResponseKey, context_digest
from core.turns import Turn
from devtools.redis_server import RedisServer


def key(message: str = "How do I fix this flaky test?", persona: str = "elro") -> ResponseKey:
    return ResponseKey(
        message=message,
        persona=persona,
        resonance_key="frustrated-medium-problem_solving",
        language="en",
        generator="offline",
        model="offline-v1",
        prompt_version="p1",
        context=context_digest([]),
    )


@pytest.fixture
def store(redis_url: str) -> Iterator[RedisStore]:
    s = RedisStore(redis_url)
    yield s
    s.close()


def cache_on(store: RedisStore | None, **settings: object) -> ResponseCache:
    return ResponseCache(CacheSettings(**settings), store)  # type: ignore[arg-type]


class Counter:
    def __init__(self, delay_s: float = 0.0) -> None:
        self.calls = 0
        self.delay_s = delay_s
        self._lock = threading.Lock()

    def __call__(self) -> dict[str, str]:
        with self._lock:
            self.calls += 1
        time.sleep(self.delay_s)
        return {"answer": "Try isolating the test.", "generator": "offline", "model": "offline-v1"}


def test_miss_then_l1_hit_then_l2_hit_in_another_instance(store: RedisStore) -> None:
    compute = Counter()
    first, second = cache_on(store), cache_on(store)
    assert first.get_or_compute(key(), compute).tier == "computed"
    assert first.get_or_compute(key(), compute).tier == "l1"
    promoted = second.get_or_compute(key(), compute)
    assert (promoted.tier, promoted.hit) == ("l2", True)
    assert second.get_or_compute(key(), compute).tier == "l1"  # promoted into its L1
    assert compute.calls == 1
    stats = second.stats()
    assert stats["l2"]["hits"] == 1
    assert stats["l1"]["size"] == 1


def test_values_in_redis_are_readable_json_with_a_ttl(store: RedisStore, redis_url: str) -> None:
    cache = cache_on(store, l2_ttl_s=600, stale_s=300)
    cache.get_or_compute(key(), Counter())
    client = redis.Redis.from_url(redis_url)
    names = [n.decode() for n in client.scan_iter(match="ion:v1:r:*")]
    assert len(names) == 1
    raw = client.get(names[0])
    assert raw is not None
    assert raw.startswith(b"{")  # JSON, not a pickle (which starts with b"\x80")
    stored = json.loads(raw)
    assert stored["v"]["answer"] == "Try isolating the test."
    assert 890 <= client.ttl(names[0]) <= 900
    client.close()


def test_fifty_threads_missing_one_key_compute_once(store: RedisStore) -> None:
    compute = Counter(delay_s=0.2)
    cache = cache_on(store)
    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(lambda _: cache.get_or_compute(key(), compute), range(50)))
    assert compute.calls == 1
    assert {r.value["answer"] for r in results} == {"Try isolating the test."}
    assert sum(r.tier == "computed" for r in results) == 1


def test_instances_share_one_computation_through_the_redis_lock(store: RedisStore) -> None:
    compute = Counter(delay_s=0.3)
    instances = [cache_on(store, poll_ms=10) for _ in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda c: c.get_or_compute(key(), compute), instances))
    assert compute.calls == 1
    assert sorted(r.tier for r in results) == ["computed", "l2", "l2", "l2"]


def test_a_computed_answer_is_stored_before_its_lock_goes_in_one_round_trip(
    store: RedisStore, redis_url: str
) -> None:
    cache = cache_on(store)
    full = cache.full_key(key())
    raw = redis.Redis.from_url(redis_url)
    raw.config_resetstat()
    result = cache.get_or_compute(key(), Counter())
    assert result.tier == "computed"
    assert raw.get(full) is not None
    assert raw.exists(f"{full}:lock") == 0
    # The lock taken (SET NX) and, in one pipeline, the answer stored and the lock released.
    stats = raw.info("commandstats")
    assert stats["cmdstat_set"]["calls"] == 2
    assert stats["cmdstat_eval"]["calls"] == 1
    assert "cmdstat_evalsha" not in stats
    assert "cmdstat_script|exists" not in stats


def test_a_failed_computation_releases_its_lock(store: RedisStore, redis_url: str) -> None:
    cache = cache_on(store)
    full = cache.full_key(key())

    def fails() -> dict[str, str]:
        raise RuntimeError("the generator broke")

    with pytest.raises(RuntimeError):
        cache.get_or_compute(key(), fails)
    raw = redis.Redis.from_url(redis_url)
    assert raw.exists(f"{full}:lock") == 0
    assert raw.get(full) is None


def test_a_waiting_instance_computes_itself_when_the_holder_never_writes(
    store: RedisStore,
) -> None:
    cache = cache_on(store, wait_ms=100, poll_ms=10)
    full = cache.full_key(key())
    assert store.acquire(f"{full}:lock", "someone-else", 60_000)
    compute = Counter()
    started = time.monotonic()
    result = cache.get_or_compute(key(), compute)
    assert result.tier == "computed"
    assert compute.calls == 1
    # It waited its 100 ms, not the holder's 60 s lock; the margin is for a busy 2-core machine.
    assert time.monotonic() - started < 10


def test_redis_killed_mid_run_never_fails_a_request_and_the_breaker_recovers() -> None:
    with RedisServer() as server:
        store = RedisStore(server.url, socket_timeout_s=0.1, connect_timeout_s=0.1)
        cache = cache_on(store, breaker_threshold=3, breaker_cooldown_s=0.3, version_ttl_s=0.05)
        compute = Counter()
        messages = [f"question {i}" for i in range(30)]
        for m in messages[:10]:
            assert cache.get_or_compute(key(m), compute).value["answer"]
        server.kill()
        for m in messages:  # 20 new keys and 10 in L1: all answered, none raises
            assert cache.get_or_compute(key(m), compute).value["answer"]
        assert cache.breaker.state in (BreakerState.OPEN, BreakerState.HALF_OPEN)
        assert cache.stats()["l2"]["errors"] >= 3
        server.start()
        time.sleep(0.35)  # past the cool-down: the next call probes
        cache.l1.clear()
        deadline = time.monotonic() + 5
        while cache.breaker.state is not BreakerState.CLOSED and time.monotonic() < deadline:
            cache.get_or_compute(key("probe"), compute)
            time.sleep(0.05)
        assert cache.breaker.state is BreakerState.CLOSED
        cache.get_or_compute(key("after"), compute)
        other = cache_on(RedisStore(server.url))
        assert other.get_or_compute(key("after"), compute).tier == "l2"  # L2 is written again
        store.close()


def test_invalidate_everything_or_one_persona_across_instances(store: RedisStore) -> None:
    compute = Counter()
    first, second = cache_on(store, version_ttl_s=0.05), cache_on(store, version_ttl_s=0.05)
    for c in (first, second):
        c.get_or_compute(key(persona="elro"), compute)
        c.get_or_compute(key(persona="lua"), compute)
    assert compute.calls == 2
    report = first.invalidate(persona="elro")
    assert report["shared"]
    assert report["l1_dropped"] == 1
    time.sleep(0.06)
    assert second.get_or_compute(key(persona="elro"), compute).tier == "computed"
    assert second.get_or_compute(key(persona="lua"), compute).tier == "l1"
    first.invalidate()
    time.sleep(0.06)
    assert second.get_or_compute(key(persona="lua"), compute).tier == "computed"
    assert compute.calls == 4


def test_a_stale_answer_is_served_when_recomputing_fails(store: RedisStore) -> None:
    now = [1_000_000.0]
    cache = ResponseCache(CacheSettings(l2_ttl_s=10, stale_s=100), store, wall=lambda: now[0])
    cache.get_or_compute(key(), Counter())
    now[0] += 20  # past freshness, within the stale window
    cache.l1.clear()

    def broken() -> dict[str, str]:
        raise TimeoutError("model timed out")

    result = cache.get_or_compute(key(), broken)
    assert (result.tier, result.value["answer"]) == ("stale", "Try isolating the test.")
    with pytest.raises(TimeoutError):
        cache.get_or_compute(key("never cached"), broken)


def test_use_cache_false_bypasses_and_refresh_overwrites(store: RedisStore) -> None:
    compute = Counter()
    cache = cache_on(store)
    assert cache.get_or_compute(key(), compute, use_cache=False).tier == "bypass"
    assert cache.get_or_compute(key(), compute).tier == "computed"
    assert cache.get_or_compute(key(), compute, refresh=True).tier == "computed"
    assert cache.get_or_compute(key(), compute).tier == "l1"
    assert compute.calls == 3


def test_the_same_message_in_two_conversations_never_shares_an_entry(redis_url: str) -> None:
    from core.bootstrap import build_pipeline  # noqa: PLC0415
    from core.config import Settings  # noqa: PLC0415

    pipeline: Pipeline = build_pipeline(Settings.from_env({"REDIS_URL": redis_url}))
    message = "그럼 다음엔 뭘 하면 돼요?"
    first_context = [Turn("user", "이직 준비 중인데 포트폴리오가 약해요"), Turn("mentor", "...")]
    second_context = [Turn("user", "팀장님이랑 갈등이 있어요"), Turn("mentor", "...")]
    a = pipeline.run(Request(message=message, turns=first_context))
    b = pipeline.run(Request(message=message, turns=second_context))
    assert (a.cache.tier, b.cache.tier) == ("computed", "computed")
    assert a.answer != b.answer
    again = pipeline.run(Request(message=message, turns=first_context))
    assert (again.cache.tier, again.answer) == ("l1", a.answer)


def stand_in() -> dict[str, object]:
    return {"answer": "An offline answer.", "generator": "offline_fallback", NO_STORE: True}


def test_a_stand_in_is_returned_but_written_to_neither_tier(
    store: RedisStore, redis_url: str
) -> None:
    cache = cache_on(store)
    first = cache.get_or_compute(key(), stand_in)
    assert (first.tier, first.value) == (
        "computed",
        {"answer": "An offline answer.", "generator": "offline_fallback"},
    )
    client = redis.Redis.from_url(redis_url)
    assert list(client.scan_iter(match="ion:v1:r:*")) == []  # nothing in L2 (the lock is gone)
    client.close()
    assert len(cache.l1) == 0
    # The model is back: its answer is computed at once, then cached as usual.
    compute = Counter()
    assert cache.get_or_compute(key(), compute).tier == "computed"
    assert cache.get_or_compute(key(), compute).tier == "l1"
    assert compute.calls == 1


def test_a_stale_answer_is_preferred_to_a_stand_in(store: RedisStore) -> None:
    now = [1_000_000.0]
    cache = ResponseCache(CacheSettings(l2_ttl_s=10, stale_s=100), store, wall=lambda: now[0])
    cache.get_or_compute(key(), Counter())
    now[0] += 20  # past freshness, within the stale window
    cache.l1.clear()
    result = cache.get_or_compute(key(), stand_in)
    assert (result.tier, result.value["answer"]) == ("stale", "Try isolating the test.")


def test_a_stand_in_bypassing_the_cache_loses_its_mark(store: RedisStore) -> None:
    result = cache_on(store).get_or_compute(key(), stand_in, use_cache=False)
    assert result.tier == "bypass"
    assert NO_STORE not in result.value
