"""Calling something that may fail without failing the caller: a circuit breaker, and the
store-call helper that puts a shared store (Redis) behind one.

closed -> (``threshold`` consecutive failures) -> open -> (``cooldown_s`` later) -> half-open,
where exactly one caller probes: success closes the breaker, failure opens it again. The
response cache, the rate limiter and the model caller each keep their own breaker.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    def __init__(
        self,
        threshold: int = 5,
        cooldown_s: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if threshold < 1 or cooldown_s <= 0:
            raise ValueError("threshold must be >= 1 and cooldown_s > 0")
        self.threshold = threshold
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at = 0.0
        self._state = BreakerState.CLOSED
        self._probing = False
        self.opened = 0  # how many times the breaker has opened

    @property
    def state(self) -> BreakerState:
        with self._lock:
            if self._state is BreakerState.OPEN and self._cooled_down():
                return BreakerState.HALF_OPEN
            return self._state

    def allow(self) -> bool:
        """May the caller use the store now? In half-open, only one caller at a time."""
        healthy = self._state is BreakerState.CLOSED
        if healthy:
            return True  # the common case, without the lock: reading one attribute is atomic
        with self._lock:
            if self._state is BreakerState.CLOSED:
                return True
            if self._state is BreakerState.OPEN:
                if not self._cooled_down():
                    return False
                self._state = BreakerState.HALF_OPEN
            if self._probing:
                return False
            self._probing = True
            return True

    def success(self) -> None:
        if self._state is BreakerState.CLOSED and not self._failures:
            return  # nothing to reset: the healthy path takes no lock
        with self._lock:
            self._failures = 0
            self._probing = False
            self._state = BreakerState.CLOSED

    def failure(self) -> None:
        with self._lock:
            self._failures += 1
            self._probing = False
            if self._state is BreakerState.HALF_OPEN or self._failures >= self.threshold:
                if self._state is not BreakerState.OPEN:
                    self.opened += 1
                self._state = BreakerState.OPEN
                self._opened_at = self._clock()

    def _cooled_down(self) -> bool:
        return self._clock() - self._opened_at >= self.cooldown_s


class StoreUnavailable(Exception):
    """The shared store failed or timed out; the cache treats this as a miss, never an error."""


class StoreWarmingUp(StoreUnavailable):
    """The store's client is still being set up: a miss, but not a failure of the store."""


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
