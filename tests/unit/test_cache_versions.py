"""Invalidation counters: read at most every ttl, re-read after a failed read, and a bump only
counts when the shared store accepted it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.cache._versions import Versions


class Store:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}
        self.up = True
        self.reads = 0

    def versions(self, names: list[str]) -> list[int]:
        self.reads += 1
        return [self.values.get(n, 0) for n in names]

    def bump(self, name: str) -> int:
        self.values[name] = self.values.get(name, 0) + 1
        return self.values[name]


def make(store: Store, now: list[float]) -> Versions:
    def call(operation: Callable[[Any], Any]) -> Any:
        return operation(store) if store.up else None

    return Versions("ion:v1", 1.0, shared=True, call=call, clock=lambda: now[0])


def test_versions_are_read_at_most_once_per_ttl() -> None:
    store, now = Store(), [100.0]
    versions = make(store, now)
    assert versions.current(["all", "persona:lua"]) == [0, 0]
    versions.current(["all", "persona:lua"])
    assert store.reads == 1
    store.values["ion:v1:version:all"] = 3
    now[0] += 1.0
    assert versions.current(["all", "persona:lua"]) == [3, 0]


def test_a_failed_read_is_retried_on_the_next_call() -> None:
    store, now = Store(), [100.0]
    versions = make(store, now)
    store.up = False
    assert versions.current(["all", "persona:lua"]) == [0, 0]
    store.up = True
    store.values["ion:v1:version:all"] = 5
    assert versions.current(["all", "persona:lua"]) == [5, 0]  # no wait for the ttl


def test_a_bump_the_store_refused_is_not_shared_and_changes_nothing() -> None:
    store, now = Store(), [100.0]
    versions = make(store, now)
    store.up = False
    assert versions.bump("all") == (0, False)
    store.up = True
    assert versions.bump("all") == (1, True)
    assert store.values["ion:v1:version:all"] == 1


def test_without_a_shared_store_versions_are_local() -> None:
    versions = Versions("ion:v1", 1.0, shared=False, call=lambda _: None, clock=lambda: 0.0)
    assert versions.bump("persona:elro") == (1, False)
    assert versions.current(["all", "persona:elro"]) == [0, 1]
