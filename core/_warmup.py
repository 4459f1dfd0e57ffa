"""Work an instance puts off until it has answered its first request.

A cold start is over for its caller when the first answer is sent. Warming a client up meanwhile
(importing redis-py is about 80 ms of CPU) would not run beside that request but against it:
the two threads share the GIL, so the request would take turns with the import and arrive
about twice as late. Such work waits on a daemon thread until the router has sent a response
(:func:`answered`), or for :data:`AT_THE_LATEST_S` in a process that answers no requests (the
CLI, an event function), and then runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

AT_THE_LATEST_S = 1.0

_answered = threading.Event()


def after_first_answer(work: Callable[[], None], name: str) -> None:
    """Run ``work`` on a daemon thread named ``name`` once the instance has answered a
    request (at once if it already has)."""

    def wait_then_work() -> None:
        _answered.wait(AT_THE_LATEST_S)
        work()

    threading.Thread(target=wait_then_work, name=name, daemon=True).start()


_pending: list[tuple[Callable[[], None], str]] = []  # for on_first_answer
_pending_lock = threading.Lock()


def on_first_answer(work: Callable[[], None], name: str) -> None:
    """Run ``work`` on a daemon thread named ``name`` when this process answers its first
    request (at once if it already has), and never in a process that answers none.

    For work registered while a function's module is imported: functions-framework imports it
    in gunicorn's master process, which then forks the worker that serves. A thread started
    during the import would stay behind in the master (a fork keeps only the forking thread);
    a registration is inherited by the worker, whose first answer starts it there."""
    with _pending_lock:
        if not _answered.is_set():
            _pending.append((work, name))
            return
    threading.Thread(target=work, name=name, daemon=True).start()


def answered() -> None:
    """The instance has sent a response: work waiting for it may start."""
    with _pending_lock:
        _answered.set()
        started, _pending[:] = list(_pending), []
    for work, name in started:
        threading.Thread(target=work, name=name, daemon=True).start()


def has_answered() -> bool:
    return _answered.is_set()
