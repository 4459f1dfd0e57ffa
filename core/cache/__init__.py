"""Two-tier response cache: in-process L1, shared L2 (Redis) behind a port, compute on a miss.

Pure: the Redis adapter lives in ``core.adapters.redis_store`` and is wired in
``core.bootstrap``.
"""

from core.cache._breaker import BreakerState, CircuitBreaker
from core.cache._keys import ResponseKey, context_digest
from core.cache._lru import LruCache
from core.cache._ports import SharedStore, StoreUnavailable, StoreWarmingUp, call_store
from core.cache._tiered import NO_STORE, CacheResult, CacheSettings, ResponseCache

__all__ = [
    "NO_STORE",
    "BreakerState",
    "CacheResult",
    "CacheSettings",
    "CircuitBreaker",
    "LruCache",
    "ResponseCache",
    "ResponseKey",
    "SharedStore",
    "StoreUnavailable",
    "StoreWarmingUp",
    "call_store",
    "context_digest",
]
