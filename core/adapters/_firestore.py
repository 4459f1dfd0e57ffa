"""A Firestore client whose every call gives up within the deadline.

The library lets a caller pass ``retry`` and ``timeout`` to reads, but a transaction's begin,
commit and rollback take neither and fall back to the generated defaults: retries for up to 60 s.
A request must get its 503 in seconds, so the client's generated API object is wrapped to give
those calls (and any read that did not choose otherwise) a short deadline and a bounded retry.

Importing this module imports nothing from Google; :func:`connect` does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# The calls a session store makes: a document read, and a transaction's three steps.
_DEADLINED = frozenset({"batch_get_documents", "begin_transaction", "commit", "rollback"})


class _Deadlined:
    """The generated Firestore API object, with our retry and timeout as the defaults."""

    def __init__(self, api: Any, retry: Any, timeout_s: float) -> None:
        self._api = api
        self._retry = retry
        self._timeout_s = timeout_s

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._api, name)
        if name not in _DEADLINED:
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("retry", self._retry)
            kwargs.setdefault("timeout", self._timeout_s)
            return attribute(*args, **kwargs)

        return call


def unavailable_errors() -> tuple[type[BaseException], ...]:
    """What the client raises when Firestore cannot be reached or does not answer in time."""
    import grpc  # noqa: PLC0415 - see the module docstring
    from google.api_core import exceptions  # noqa: PLC0415
    from google.auth import exceptions as auth_exceptions  # noqa: PLC0415

    return (exceptions.GoogleAPIError, auth_exceptions.GoogleAuthError, grpc.RpcError, OSError)


def connect(project: str, timeout_s: float) -> Any:
    """A client for ``project`` (the emulator if FIRESTORE_EMULATOR_HOST is set) whose calls give
    up after ``timeout_s``, retrying transient failures within it."""
    from google.api_core import retry  # noqa: PLC0415
    from google.cloud import firestore  # noqa: PLC0415

    client = firestore.Client(project=project)
    bounded = retry.Retry(
        predicate=retry.if_transient_error,
        initial=0.1,
        maximum=1.0,
        multiplier=2.0,
        timeout=timeout_s,
    )
    client._firestore_api_internal = _Deadlined(client._firestore_api, bounded, timeout_s)
    if not isinstance(client._firestore_api, _Deadlined):
        # The hook is private; a library update that moves it must fail here, loudly, rather
        # than leave requests hanging for a minute when Firestore is down.
        raise RuntimeError("google-cloud-firestore no longer exposes _firestore_api_internal")
    return client


def run_in_transaction(client: Any, body: Callable[..., T], *args: Any, max_attempts: int) -> T:
    """``body(transaction, *args)`` in a transaction, rerun if Firestore aborts it (contention)."""
    from google.cloud import firestore  # noqa: PLC0415

    result: T = firestore.transactional(body)(client.transaction(max_attempts=max_attempts), *args)
    return result
