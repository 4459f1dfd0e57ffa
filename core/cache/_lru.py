"""L1: a thread-safe in-process LRU with a TTL per entry.

functions-framework serves one instance with several threads, so every operation takes one
lock; each is O(1). The clock is injectable so expiry is tested without sleeping.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")
Clock = Callable[[], float]


@dataclass(slots=True)
class LruCounters:
    hits: int = 0
    misses: int = 0
    evictions: int = 0
    expirations: int = 0


class LruCache(Generic[V]):
    def __init__(self, max_entries: int, default_ttl_s: float, clock: Clock = time.monotonic):
        if max_entries < 0:
            raise ValueError("max_entries must be >= 0 (0 disables the cache)")
        if default_ttl_s <= 0:
            raise ValueError("default_ttl_s must be > 0")
        self.max_entries = max_entries
        self.default_ttl_s = default_ttl_s
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()
        self.counters = LruCounters()

    def get(self, key: str) -> V | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.counters.misses += 1
                return None
            expires_at, value = entry
            if expires_at <= self._clock():
                del self._entries[key]
                self.counters.expirations += 1
                self.counters.misses += 1
                return None
            self._entries.move_to_end(key)
            self.counters.hits += 1
            return value

    def set(self, key: str, value: V, ttl_s: float | None = None) -> None:
        if self.max_entries == 0:
            return
        expires_at = self._clock() + (self.default_ttl_s if ttl_s is None else ttl_s)
        with self._lock:
            self._entries[key] = (expires_at, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
                self.counters.evictions += 1

    def delete_where(self, predicate: Callable[[str], bool]) -> int:
        """Drop every entry whose key matches; returns how many were dropped."""
        with self._lock:
            doomed = [key for key in self._entries if predicate(key)]
            for key in doomed:
                del self._entries[key]
            return len(doomed)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
