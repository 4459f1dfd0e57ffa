"""``once``: build a shared object once per argument tuple, even when threads race for it.

``functools.cache`` lets two threads that miss at the same moment both run the factory; for a
Redis client or a rate limiter that means a leaked pool, or two buckets counting apart.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class Once(Generic[P, T]):
    def __init__(self, factory: Callable[P, T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._built: dict[tuple[Hashable, ...], T] = {}
        self.__doc__ = factory.__doc__
        self.__name__ = getattr(factory, "__name__", "once")

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> T:
        if kwargs:
            raise TypeError(f"{self.__name__} takes positional arguments only")
        key: tuple[Hashable, ...] = args
        try:
            return self._built[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._built:
                self._built[key] = self._factory(*args, **kwargs)
            return self._built[key]

    def cache_clear(self) -> None:
        """Forget everything built (tests that change the environment use this)."""
        with self._lock:
            self._built.clear()


def once(factory: Callable[P, T]) -> Once[P, T]:
    return Once(factory)
