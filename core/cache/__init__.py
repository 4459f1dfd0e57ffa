"""Two-tier response cache: in-process L1, shared L2 (Redis) behind a port, compute on a miss.

Knows nothing of messages or answers: a key is anything with a persona and a digest (the
pipeline builds them), a value any JSON object. The Redis adapter lives in
``core.adapters.redis_store`` and is wired in ``core.bootstrap``.
"""

from core.cache._lru import LruCache
from core.cache._ports import CacheKey, SharedStore, StoreUnavailable, StoreWarmingUp
from core.cache._tiered import NO_STORE, CacheResult, CacheSettings, ResponseCache, Tier

__all__ = [
    "NO_STORE",
    "CacheKey",
    "CacheResult",
    "CacheSettings",
    "LruCache",
    "ResponseCache",
    "SharedStore",
    "StoreUnavailable",
    "StoreWarmingUp",
    "Tier",
]
