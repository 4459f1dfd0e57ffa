"""API keys, token buckets and CORS, without a network."""

from __future__ import annotations

import pytest

from core.api.security import (
    ApiKeys,
    Cors,
    Principal,
    client_ip,
    hash_key,
    parse_api_keys,
)
from core.breaker import StoreUnavailable
from core.errors import Forbidden, RateLimited, Unauthenticated
from core.ratelimit import Decision, LocalBuckets, RateLimiter
from tests.helpers import FakeClock as Clock

SETTING = f"web:{hash_key('web-secret')}:user, ops:{hash_key('ops-secret')}:admin"


def test_keys_are_configured_as_hashes_and_authenticate_by_id() -> None:
    keys = ApiKeys(parse_api_keys(SETTING))
    assert keys.authenticate("web-secret") == Principal("web", admin=False)
    assert keys.authenticate("ops-secret") == Principal("ops", admin=True)
    assert "web-secret" not in SETTING


@pytest.mark.parametrize("presented", [None, "", "wrong", "web-secret ", "WEB-SECRET", "😀"])
def test_missing_or_wrong_keys_are_unauthenticated(presented: str | None) -> None:
    with pytest.raises(Unauthenticated) as caught:
        ApiKeys(parse_api_keys(SETTING)).authenticate(presented)
    assert caught.value.http_status == 401
    assert "X-API-Key" in caught.value.message


def test_admin_is_required_where_asked() -> None:
    with pytest.raises(Forbidden):
        ApiKeys.require_admin(Principal("web", admin=False))
    ApiKeys.require_admin(Principal("ops", admin=True))


@pytest.mark.parametrize(
    "setting",
    [
        "web:abc:user",
        f"web:{hash_key('a')}:root",
        f"web:{hash_key('a')}",
        f"web:{hash_key('a')}:user,web:{hash_key('b')}:admin",
        "plain-key-in-clear",
    ],
)
def test_bad_key_settings_are_refused(setting: str) -> None:
    with pytest.raises(ValueError, match=r"id:sha256hex:role|unique"):
        parse_api_keys(setting)


def test_an_empty_setting_means_no_keys() -> None:
    with pytest.raises(Unauthenticated):
        ApiKeys(parse_api_keys("")).authenticate("anything")


def test_local_bucket_allows_a_burst_then_refills_at_the_rate() -> None:
    clock = Clock(0.0)
    buckets = LocalBuckets(clock)
    assert all(buckets.take("k", 3, per_second=1.0).allowed for _ in range(3))
    denied = buckets.take("k", 3, per_second=1.0)
    assert not denied.allowed
    assert denied.retry_after_s == pytest.approx(1.0)
    clock.now += 1.0
    assert buckets.take("k", 3, per_second=1.0).allowed
    assert buckets.take("other", 3, per_second=1.0).allowed  # buckets are per key


def test_rate_limiter_raises_429_with_retry_after() -> None:
    limiter = RateLimiter(per_minute=60, burst=2, local=LocalBuckets(Clock(0.0)))
    principal = Principal("web", admin=False)
    limiter.check(principal.key_id)
    limiter.check(principal.key_id)
    with pytest.raises(RateLimited) as caught:
        limiter.check(principal.key_id)
    assert caught.value.retry_after_s == 1
    assert caught.value.http_status == 429


def test_a_failing_shared_store_falls_back_to_local_buckets() -> None:
    failures: list[Exception] = []

    class Broken:
        """A BucketStore (same signature) whose store is down, as RedisStore reports it."""

        def take(self, key: str, capacity: int, per_second: float, count: int = 1) -> Decision:
            raise StoreUnavailable("redis down")

    limiter = RateLimiter(60, 1, shared=Broken(), on_shared_failure=failures.append)
    limiter.check("web")
    with pytest.raises(RateLimited):
        limiter.check("web")
    assert len(failures) == 2


def test_cors_answers_only_allowed_origins() -> None:
    cors = Cors(["https://app.example.com"])
    assert cors.headers_for("https://app.example.com")["Access-Control-Allow-Origin"] == (
        "https://app.example.com"
    )
    assert cors.headers_for("https://evil.example.com") == {}
    assert cors.headers_for(None) == {}
    preflight = cors.preflight_headers("https://app.example.com", "POST, OPTIONS")
    assert "X-API-Key" in preflight["Access-Control-Allow-Headers"]
    assert cors.preflight_headers("https://evil.example.com", "POST") == {}


def test_local_buckets_keep_at_most_their_limit_of_keys() -> None:
    # One bucket per client address: a sender choosing addresses must not grow memory.
    buckets = LocalBuckets(clock=lambda: 0.0, max_keys=100)
    for n in range(1000):
        buckets.take(f"ip:{n}", 5, 1.0)
    assert len(buckets._buckets) == 100
    # The most recently used are kept: the last address is still counted.
    assert buckets.take("ip:999", 5, 1.0).granted == 1
    assert buckets._buckets["ip:999"][0] == 3


def test_a_client_address_is_trusted_only_from_the_proxies() -> None:
    lb = "35.191.0.1"
    assert client_ip(f"6.6.6.6, 203.0.113.7, {lb}", "10.0.0.1", 2) == "203.0.113.7"
    assert client_ip(f"203.0.113.7, {lb}", "10.0.0.1", 2) == "203.0.113.7"
    # Fewer entries than proxies: the request did not come through them; the entries are the
    # sender's own writing and the connection is all that is known.
    assert client_ip("6.6.6.6", "10.0.0.1", 2) == "10.0.0.1"
    assert client_ip("", "10.0.0.1", 2) == "10.0.0.1"
