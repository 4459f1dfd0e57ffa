"""Token buckets in a real Redis: shared by every instance, atomic under concurrency, and
replaced by local buckets (never by an error) when Redis is gone."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from core import _warmup
from core.adapters.redis_store import RedisStore
from core.breaker import StoreWarmingUp
from core.errors import RateLimited
from core.ratelimit import RateLimiter
from devtools.redis_server import RedisServer


def test_instances_share_one_bucket_per_key(redis_url: str) -> None:
    first = RateLimiter(60, burst=3, shared=RedisStore(redis_url))
    second = RateLimiter(60, burst=3, shared=RedisStore(redis_url))
    web = "web"
    first.check(web)
    second.check(web)
    first.check(web)
    with pytest.raises(RateLimited) as caught:
        second.check(web)
    assert caught.value.retry_after_s == 1
    second.check("other")


def test_concurrent_takes_never_exceed_the_burst(redis_url: str) -> None:
    store = RedisStore(redis_url)
    with ThreadPoolExecutor(max_workers=16) as pool:
        decisions = list(pool.map(lambda _: store.take("ion:v1:rl:t", 10, 0.001), range(64)))
    assert sum(d.allowed for d in decisions) == 10
    assert all(d.retry_after_s > 0 for d in decisions if not d.allowed)


def test_redis_down_falls_back_to_local_limits_without_errors() -> None:
    with RedisServer() as server:
        store = RedisStore(server.url, socket_timeout_s=0.1, connect_timeout_s=0.1)
        failures: list[Exception] = []
        limiter = RateLimiter(60, burst=2, shared=store, on_shared_failure=failures.append)
        web = "web"
        server.kill()
        limiter.check(web)
        limiter.check(web)
        with pytest.raises(RateLimited):
            limiter.check(web)
        assert len(failures) == 3


def test_leased_tokens_never_exceed_the_shared_limit(redis_url: str) -> None:
    # One token a minute: however slowly the loop runs, no token is refilled during it, so the
    # only tokens there are the 20 of the burst, whichever instance leases them.
    instances = [RateLimiter(1, burst=20, shared=RedisStore(redis_url)) for _ in range(3)]
    lease = instances[0].lease
    assert lease == 2
    web = "web"
    allowed = 0
    for n in range(40):
        try:
            instances[n % 3].check(web)
            allowed += 1
        except RateLimited:
            pass
    assert allowed <= 20
    # Leased tokens are spent before Redis is asked again, so when the bucket runs dry each
    # instance holds at most the rest of one lease, unspent.
    assert allowed >= 20 - 3 * (lease - 1)


def test_a_lease_saves_round_trips(redis_url: str) -> None:
    import redis  # noqa: PLC0415

    client = redis.Redis.from_url(redis_url)
    limiter = RateLimiter(600, burst=100, shared=RedisStore(redis_url))
    client.config_resetstat()
    for _ in range(50):
        limiter.check("web")
    scripts = client.info("commandstats").get("cmdstat_evalsha", {}).get("calls", 0)
    scripts += client.info("commandstats").get("cmdstat_eval", {}).get("calls", 0)
    assert scripts == 5  # 50 requests, leases of 10
    client.close()


def test_a_store_warming_up_in_the_background_becomes_ready(redis_url: str) -> None:
    store = RedisStore(redis_url, background=True)
    assert store.ready.wait(10)
    assert store.take("ion:v1:rl:warm", 5, 1.0).allowed


def test_a_store_warms_up_once_the_instance_has_answered(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not while the first request is handled: redis-py's import would share the GIL with it.
    monkeypatch.setattr(_warmup, "_answered", threading.Event())
    monkeypatch.setattr(_warmup, "AT_THE_LATEST_S", 30.0)
    store = RedisStore(redis_url, background=True)
    assert not store.ready.wait(0.3)
    with pytest.raises(StoreWarmingUp):
        store.get("ion:v1:warm")
    _warmup.answered()
    assert store.ready.wait(10)
    assert store.get("ion:v1:warm") is None
