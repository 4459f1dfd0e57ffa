"""Redis (Memorystore in production) through redis-py: the cache's shared store and the
rate limiter's token buckets.

One connection pool per instance, short timeouts (a slow Redis must not slow requests down:
the cache treats it as a miss, the limiter falls back to local buckets), values stored as the
bytes the cache gives (JSON; never pickle), and every redis-py error turned into
:class:`StoreUnavailable`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from core._warmup import after_first_answer
from core.breaker import StoreUnavailable, StoreWarmingUp
from core.ratelimit import Decision

T = TypeVar("T")

# Delete the lock only if it still holds our token: a lock that expired and was taken by
# another instance must not be released by us.
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0
"""


# A token bucket per key in one atomic step, timed by the Redis server's clock so that every
# instance agrees. Floats go back as strings: Lua numbers become integers on the way out.
# ARGV[4] "1": all the wanted tokens or none (BucketStore.take's exact).
_TAKE = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local exact = ARGV[4] == '1'
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local granted = math.min(wanted, math.floor(tokens))
if exact and granted < wanted then
  granted = 0
end
local retry = 0
if granted >= 1 then
  tokens = tokens - granted
else
  granted = 0
  retry = ((exact and wanted or 1) - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return {granted, tostring(retry)}
"""


class RedisStore:
    """``background=True`` (what the functions use) imports redis-py and builds the client on a
    thread once the instance has answered its first request (:mod:`core._warmup`), so that
    request neither waits ~80 ms for the import nor shares the GIL with it: until the client is
    ready every call raises :class:`StoreWarmingUp`, which the cache and the rate limiter
    treat as "no Redis yet" (a miss, local buckets) without counting it as a failure."""

    def __init__(
        self,
        url: str,
        *,
        socket_timeout_s: float = 0.25,
        connect_timeout_s: float = 0.25,
        max_connections: int = 32,
        background: bool = False,
    ) -> None:
        self._errors: tuple[type[BaseException], ...] = (OSError,)
        self._client: Any = None
        self._release: Any = None
        self._take: Any = None
        options = {
            "socket_timeout": socket_timeout_s,
            "socket_connect_timeout": connect_timeout_s,
            "max_connections": max_connections,
            "health_check_interval": 30,
        }
        self.ready = threading.Event()
        if background:
            after_first_answer(lambda: self._connect(url, options), "redis-warm-up")
        else:
            self._connect(url, options)

    def _connect(self, url: str, options: dict[str, Any]) -> None:
        import redis  # noqa: PLC0415 - only instances configured with REDIS_URL pay for it

        client = redis.Redis.from_url(url, **options)
        self._release = client.register_script(_RELEASE)
        self._take = client.register_script(_TAKE)
        self._errors = (redis.RedisError, OSError)
        self._client = client  # last: publishing the client makes the store usable
        self.ready.set()

    def _call(self, operation: Callable[[], T]) -> T:
        if self._client is None:
            raise StoreWarmingUp("redis: the client is still being set up")
        try:
            return operation()
        except self._errors as error:
            raise StoreUnavailable(f"redis: {type(error).__name__}: {error}") from error

    def get(self, key: str) -> bytes | None:
        value: Any = self._call(lambda: self._client.get(key))
        return value if value is None or isinstance(value, bytes) else bytes(value)

    def set(
        self, key: str, value: bytes, ttl_s: float, *, release: tuple[str, str] | None = None
    ) -> None:
        ttl_ms = max(1, int(ttl_s * 1000))
        if release is None:
            self._call(lambda: self._client.set(key, value, px=ttl_ms))
            return

        def set_then_release() -> Any:
            # One round trip, not a transaction (the two keys may live on different shards).
            # EVAL rather than the registered script: a pipeline would first ask the server
            # whether the script exists, a round trip of its own.
            pipe = self._client.pipeline(transaction=False)
            pipe.set(key, value, px=ttl_ms)
            pipe.eval(_RELEASE, 1, release[0], release[1])
            return pipe.execute()

        self._call(set_then_release)

    def acquire(self, key: str, token: str, ttl_ms: int) -> bool:
        return bool(self._call(lambda: self._client.set(key, token, nx=True, px=ttl_ms)))

    def release(self, key: str, token: str) -> None:
        self._call(lambda: self._release(keys=[key], args=[token]))

    def versions(self, names: Sequence[str]) -> list[int]:
        values: Any = self._call(lambda: self._client.mget(list(names)))
        return [int(v) if v is not None else 0 for v in values]

    def bump(self, name: str) -> int:
        return int(self._call(lambda: self._client.incr(name)))

    def take(
        self, key: str, capacity: int, per_second: float, count: int = 1, *, exact: bool = False
    ) -> Decision:
        granted, retry = self._call(
            lambda: self._take(keys=[key], args=[capacity, per_second, count, int(exact)])
        )
        return Decision(int(granted) > 0, float(retry), int(granted))

    def info(self) -> dict[str, Any]:
        """A few facts for cache stats: reachable, memory used, keys in the database."""
        if self._client is None:
            return {"reachable": False, "error": "warming up"}
        try:
            memory: Any = self._client.info("memory")
            keys: Any = self._client.dbsize()
        except self._errors as error:
            return {"reachable": False, "error": type(error).__name__}
        return {"reachable": True, "used_memory": memory.get("used_memory"), "keys": keys}

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
