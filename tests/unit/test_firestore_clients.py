"""How the session store holds its Firestore client: one at a time, replaced after a failure,
closed once no call uses it, and never thrown away by a call that failed on an older one.

The bookkeeping is plain Python (``connect`` and ``close`` are passed in); the store itself, with
the real client, is tested against the emulator in tests/integration/test_firestore_sessions.py.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from core.adapters._firestore import Clients, close


class Client:
    """Stands in for a Firestore client: only its identity and whether it was closed matter."""

    def __init__(self, number: int) -> None:
        self.number = number


class Recorder:
    def __init__(self) -> None:
        self.built: list[Client] = []
        self.closed: list[Client] = []
        self._lock = threading.Lock()

    def connect(self) -> Client:
        with self._lock:
            client = Client(len(self.built))
            self.built.append(client)
            return client

    def close(self, client: Client) -> None:
        with self._lock:
            self.closed.append(client)


def clients() -> tuple[Clients, Recorder]:
    recorder = Recorder()
    return Clients(recorder.connect, recorder.close), recorder


def test_one_client_is_built_lazily_and_shared() -> None:
    pool, recorder = clients()
    assert pool.current is None
    first = pool.checkout()
    second = pool.checkout()
    pool.checkin(first)
    pool.checkin(second)
    assert first is second is pool.current
    assert recorder.built == [first]
    assert recorder.closed == []


def test_a_retired_client_that_no_call_uses_is_closed_at_once() -> None:
    pool, recorder = clients()
    client = pool.checkout()
    pool.checkin(client)
    pool.retire(client)
    assert recorder.closed == [client]
    assert pool.current is None
    assert pool.checkout() is not client


def test_a_retired_client_is_closed_only_when_its_last_call_returns() -> None:
    pool, recorder = clients()
    failing, running = pool.checkout(), pool.checkout()
    pool.retire(failing)
    pool.checkin(failing)
    assert recorder.closed == []  # another call still runs on it
    fresh = pool.checkout()
    assert fresh is not running
    pool.checkin(running)
    assert recorder.closed == [running]
    pool.checkin(fresh)
    assert recorder.closed == [running]


def test_a_late_failure_on_an_old_client_does_not_retire_the_new_one() -> None:
    pool, recorder = clients()
    first_call, second_call = pool.checkout(), pool.checkout()
    pool.retire(first_call)
    pool.checkin(first_call)
    replacement = pool.checkout()
    pool.retire(second_call)  # the same old client failing again: already replaced
    pool.checkin(second_call)
    assert pool.current is replacement
    assert recorder.closed == [first_call]  # closed once
    pool.checkin(replacement)


def test_concurrent_failures_close_every_client_exactly_once() -> None:
    pool, recorder = clients()

    def call(n: int) -> None:
        client = pool.checkout()
        try:
            if n % 3 == 0:
                pool.retire(client)
        finally:
            pool.checkin(client)

    with ThreadPoolExecutor(max_workers=16) as executor:
        list(executor.map(call, range(3000)))
    retired = [c for c in recorder.built if c is not pool.current]
    assert sorted(c.number for c in recorder.closed) == sorted(c.number for c in retired)
    assert len({id(c) for c in recorder.closed}) == len(recorder.closed)


def test_closing_never_raises() -> None:
    class Broken:
        def close(self) -> None:
            raise RuntimeError("already closed")

    close(Broken())
    close(object())
