"""The shared store the cache needs (Redis in production), as a port the domain owns."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from core.cache._breaker import CircuitBreaker

T = TypeVar("T")
log = logging.getLogger(__name__)


class StoreUnavailable(Exception):
    """The shared store failed or timed out; the cache treats this as a miss, never an error."""


class StoreWarmingUp(StoreUnavailable):
    """The store's client is still being set up: a miss, but not a failure of the store."""


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


def call_store(
    breaker: CircuitBreaker,
    operation: Callable[[], T],
    on_failure: Callable[[Exception], None] | None = None,
) -> T | None:
    """``operation()`` on a shared store, behind ``breaker``; None instead when the breaker is
    open, when the store is still warming up (a miss, but no sign of failure) or when it fails.
    Whatever the store does, it never fails the request that called it: any error counts
    against the breaker and goes to ``on_failure``, and one that is not
    :class:`StoreUnavailable` is logged as the bug it is."""
    if not breaker.allow():
        return None
    try:
        result = operation()
    except StoreWarmingUp:
        breaker.success()
        return None
    except Exception as error:
        if not isinstance(error, StoreUnavailable):
            log.exception("unexpected error from the shared store")
        breaker.failure()
        if on_failure is not None:
            on_failure(error)
        return None
    breaker.success()
    return result
