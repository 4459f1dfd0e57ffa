"""Invalidation by versioned namespaces: counters that are part of every cache key.

Bumping "all" or "persona:<name>" makes every key built from the old value unreachable in both
tiers and every instance, without KEYS or SCAN; old entries expire on their own. Instances
re-read the shared counters at most every ``ttl_s``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from core.cache._ports import SharedStore

# Runs one store operation behind the cache's breaker; None when the store is absent or failed.
StoreCall = Callable[[Callable[[SharedStore], Any]], Any]


class Versions:
    def __init__(
        self,
        namespace: str,
        ttl_s: float,
        shared: bool,
        call: StoreCall,
        clock: Callable[[], float],
    ) -> None:
        self._namespace = namespace
        self._ttl_s = ttl_s
        self._shared = shared
        self._call = call
        self._clock = clock
        self._lock = threading.Lock()
        self._known: dict[str, tuple[int, float]] = {}  # name -> (version, read at)

    def key(self, name: str) -> str:
        return f"{self._namespace}:version:{name}"

    def current(self, names: Sequence[str]) -> list[int]:
        now = self._clock()
        known = [self._known.get(name) for name in names]
        if all(k is not None and now - k[1] < self._ttl_s for k in known):
            return [k[0] for k in known if k is not None]
        read: list[int] | None = self._call(lambda s: s.versions([self.key(n) for n in names]))
        values = read if read is not None else [(k or (0, 0.0))[0] for k in known]
        # Not read from a shared store: keep what we had but read again next time, rather than
        # trusting a guess (0, or an old value) for a whole ttl_s.
        read_at = 0.0 if read is None and self._shared else now
        with self._lock:
            for name, value in zip(names, values, strict=True):
                self._known[name] = (value, read_at)
        return values

    def bump(self, name: str) -> tuple[int, bool]:
        """Bump ``name``; returns the version now in force here and whether it is shared.

        Only a bump the shared store accepted counts there: a local one would be overwritten
        by the next read of the shared counter, and invalidated entries would come back."""
        current = self._known.get(name, (0, 0.0))[0]
        if self._shared:
            bumped: int | None = self._call(lambda s: s.bump(self.key(name)))
        else:
            bumped = current + 1  # this instance is the whole cache
        if bumped is None:
            return current, False
        version = max(bumped, current + 1)
        with self._lock:
            self._known[name] = (version, self._clock())
        return version, self._shared
