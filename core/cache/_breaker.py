"""A circuit breaker for the shared store: stop calling a sick Redis, probe it again later.

closed -> (``threshold`` consecutive failures) -> open -> (``cooldown_s`` later) -> half-open,
where exactly one caller probes: success closes the breaker, failure opens it again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from enum import StrEnum


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
