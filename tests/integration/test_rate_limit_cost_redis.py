"""Requests that cost more than one token (a bulk job: one per item) against a real Redis: the
whole cost is taken in one atomic step or nothing is, and instances sharing the bucket never
take more than it holds together."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from core.adapters.redis_store import RedisStore
from core.errors import RateLimited
from core.ratelimit import RateLimiter

WEB = "web"  # an API key's id


def test_an_exact_take_is_all_or_nothing(redis_url: str) -> None:
    store = RedisStore(redis_url)
    key = "ion:v1:rl:exact"
    assert store.take(key, 10, 0.001, 7, exact=True).granted == 7

    refused = store.take(key, 10, 0.001, 4, exact=True)
    assert (refused.allowed, refused.granted) == (False, 0)
    assert refused.retry_after_s == pytest.approx(1000, rel=0.01)  # 1 token short at 0.001/s
    partly = store.take(key, 10, 0.001, 4)  # without exact: what there is
    assert partly.granted == 3


def test_concurrent_costs_never_take_more_than_the_bucket_holds(redis_url: str) -> None:
    store = RedisStore(redis_url)
    with ThreadPoolExecutor(max_workers=16) as pool:
        decisions = list(
            pool.map(lambda _: store.take("ion:v1:rl:race", 10, 0.001, 3, exact=True), range(32))
        )
    assert [d.granted for d in decisions if d.allowed] == [3, 3, 3]
    assert all(d.granted == 0 and d.retry_after_s > 0 for d in decisions if not d.allowed)


def test_instances_charge_costs_to_the_one_shared_bucket(redis_url: str) -> None:
    # One token a minute: nothing refills while the test runs.
    first = RateLimiter(1, burst=20, shared=RedisStore(redis_url))
    second = RateLimiter(1, burst=20, shared=RedisStore(redis_url))
    first.check(WEB)  # leases 2 (a tenth of the burst): 18 left in Redis, 1 leased
    second.check(WEB, cost=15)  # 3 left
    with pytest.raises(RateLimited) as refused:
        first.check(WEB, cost=5)  # its 1 leased and 3 from Redis are not 5: nothing is taken
    assert refused.value.retry_after_s == 60  # the one missing token, at one a minute
    second.check(WEB, cost=2)  # 1 left in Redis
    first.check(WEB, cost=2)  # its lease, which the refusal put back, and the last in Redis
    for limiter in (first, second):
        with pytest.raises(RateLimited):
            limiter.check(WEB)


def test_a_job_of_the_whole_burst_passes_after_the_request_leased(redis_url: str) -> None:
    # What the bulk function does with a full bucket: the router takes the request's token
    # (leasing a tenth of the burst from Redis), the handler the job's other 99 at once.
    limiter = RateLimiter(1, burst=100, shared=RedisStore(redis_url))
    limiter.check(WEB)
    limiter.check(WEB, cost=99)
    with pytest.raises(RateLimited):  # all 100 spent, none taken twice
        limiter.check(WEB)
