"""Token buckets in a real Redis: shared by every instance, atomic under concurrency, and
replaced by local buckets (never by an error) when Redis is gone."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from core.adapters.redis_store import RedisStore
from core.api.security import Principal, RateLimiter
from core.errors import RateLimited
from tests.redis_server import RedisServer


def test_instances_share_one_bucket_per_key(redis_url: str) -> None:
    first = RateLimiter(60, burst=3, shared=RedisStore(redis_url))
    second = RateLimiter(60, burst=3, shared=RedisStore(redis_url))
    web = Principal("web", admin=False)
    first.check(web)
    second.check(web)
    first.check(web)
    with pytest.raises(RateLimited) as caught:
        second.check(web)
    assert caught.value.retry_after_s == 1
    second.check(Principal("other", admin=False))


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
        web = Principal("web", admin=False)
        server.kill()
        limiter.check(web)
        limiter.check(web)
        with pytest.raises(RateLimited):
            limiter.check(web)
        assert len(failures) == 3
