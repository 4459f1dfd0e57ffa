"""Counters and latency percentiles for the cache, cheap enough to keep on every request."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field

_WINDOW = 2048  # recent samples per series: enough for a stable p99, small enough to sort


@dataclass(slots=True)
class TierCounters:
    hits: int = 0
    misses: int = 0
    errors: int = 0

    def as_dict(self) -> dict[str, float | int]:
        lookups = self.hits + self.misses
        return {
            "hits": self.hits,
            "misses": self.misses,
            "hit_rate": round(self.hits / lookups, 4) if lookups else 0.0,
            "errors": self.errors,
        }


@dataclass(slots=True)
class Latencies:
    """The most recent samples (in seconds) of one operation."""

    samples: deque[float] = field(default_factory=lambda: deque(maxlen=_WINDOW))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float) -> None:
        with self.lock:
            self.samples.append(seconds)

    def percentiles_ms(self) -> dict[str, float | int]:
        with self.lock:
            ordered = sorted(self.samples)
        if not ordered:
            return {"count": 0}

        def at(q: float) -> float:
            return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 3)

        return {"count": len(ordered), "p50": at(0.50), "p95": at(0.95), "p99": at(0.99)}
