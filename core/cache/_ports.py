"""The shared store the cache needs (Redis in production), as a port the domain owns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from core.breaker import StoreUnavailable, StoreWarmingUp

__all__ = ["CacheKey", "SharedStore", "StoreUnavailable", "StoreWarmingUp"]


class CacheKey(Protocol):
    """What the cache needs of a key: the persona it is filed under (invalidation is per
    persona) and a stable digest of everything else. The pipeline builds its keys."""

    @property
    def persona(self) -> str: ...

    def digest(self) -> str: ...


class SharedStore(Protocol):
    """Bytes by key with a TTL, short locks and version counters.

    Every method raises :class:`StoreUnavailable` on any failure of the store.
    """

    def get(self, key: str) -> bytes | None: ...

    def set(
        self, key: str, value: bytes, ttl_s: float, *, release: tuple[str, str] | None = None
    ) -> None:
        """Store ``value`` for ``ttl_s``. With ``release`` (a lock's key and token), release
        that lock too, after the value, in the same round trip to the store."""
        ...

    def acquire(self, key: str, token: str, ttl_ms: int) -> bool:
        """Take a lock (``SET NX PX``); False when someone else holds it."""
        ...

    def release(self, key: str, token: str) -> None:
        """Release the lock only if ``token`` still holds it."""
        ...

    def versions(self, names: Sequence[str]) -> list[int]:
        """Current values of version counters (0 for a counter never bumped)."""
        ...

    def bump(self, name: str) -> int:
        """Increment a version counter; returns the new value."""
        ...
