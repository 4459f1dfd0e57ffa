"""A Firestore client whose every call gives up within the deadline.

The library lets a caller pass ``retry`` and ``timeout`` to reads, but a transaction's begin,
commit and rollback take neither and fall back to the generated defaults: retries for up to 60 s.
A request must get its 503 in seconds, so the client's generated API object is wrapped to give
those calls (and any read that did not choose otherwise) a short deadline and a bounded retry.
:class:`Clients` holds the one client a store uses and replaces it after a failure.

Importing this module imports nothing from Google; :func:`connect` does.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)
# Written once per instance by Store.prepare, under a name of its own ("ion-warm-up-" and 8 hex
# digits: instances starting together do not contend for one document); stores name theirs
# with 64 hex digits (sessions) or "j" and 24 (jobs), so none is ever one of these.
WARM_UP_DOCUMENT = "ion-warm-up-"

# The calls the stores make: document reads, queries, and a transaction's or batch's steps.
_DEADLINED = frozenset(
    {"batch_get_documents", "run_query", "begin_transaction", "commit", "rollback"}
)


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


def close(client: Any) -> None:
    """Release ``client``'s gRPC channel (and its threads); never raises. ``Client.close`` alone
    only closes an HTTP session, which a gRPC client does not have."""
    with contextlib.suppress(Exception):
        client.close()
    with contextlib.suppress(Exception):
        client._firestore_api.transport.close()


class Clients:
    """The one client a store uses, lent to each call and replaced after a failure.

    gRPC waits longer and longer (up to two minutes) before it reconnects a failed channel; a
    new client tries at once, so a restarted Firestore is back in use within a second or two.
    A retired client is closed when the last call still using it returns, not before: closing
    a channel fails every call running on it ("Channel closed"), which would turn one failure
    into many. Only the client a failed call used is retired, so a call that fails late cannot
    throw away the new client another call has already built.
    """

    def __init__(self, connect: Callable[[], Any], close: Callable[[Any], None] = close) -> None:
        self._connect = connect
        self._close = close
        self._lock = threading.Lock()
        self._current: Any = None
        self._users: dict[int, int] = {}  # id(client) -> calls using it now

    @property
    def current(self) -> Any:
        """The client the next call gets, or None if it will build a new one."""
        return self._current

    def checkout(self) -> Any:
        """The current client (built if there is none), counted as in use until checkin."""
        with self._lock:
            if self._current is None:
                self._current = self._connect()
            client = self._current
            self._users[id(client)] = self._users.get(id(client), 0) + 1
            return client

    def checkin(self, client: Any) -> None:
        """A call is done with ``client``; closes it if it was retired and this was the last."""
        with self._lock:
            left = self._users.pop(id(client)) - 1
            if left:
                self._users[id(client)] = left
                return
            if client is self._current:
                return
        self._close(client)

    def retire(self, client: Any) -> None:
        """A call on ``client`` failed: the next call gets a new client. A no-op when another
        call already retired it."""
        with self._lock:
            if client is not self._current:
                return
            self._current = None
            if id(client) in self._users:
                return  # closed by the checkin of the last call using it
        self._close(client)


class Connection:
    """A store's way to Firestore: ``with connection.client() as client`` lends the client for
    one call; if the call fails because Firestore is unreachable or too slow, the client is
    retired and the failure becomes ``unavailable(detail)``, the store's own error (a 503).
    Errors the body raises itself pass through unchanged."""

    def __init__(
        self, project: str, timeout_s: float, unavailable: Callable[[str], Exception]
    ) -> None:
        self._clients = Clients(lambda: connect(project, timeout_s))
        self._unavailable = unavailable
        self._errors: tuple[type[BaseException], ...] = ()

    @contextlib.contextmanager
    def client(self) -> Iterator[Any]:
        with self._translated(None):
            if not self._errors:  # first: building the client can fail too (no credentials)
                self._errors = unavailable_errors()
            client = self._clients.checkout()
        try:
            with self._translated(client):
                yield client
        finally:
            self._clients.checkin(client)

    @contextlib.contextmanager
    def _translated(self, client: Any) -> Iterator[None]:
        try:
            yield
        except ValueError as error:
            # The library reports running out of transaction attempts, and a rollback after a
            # failed begin, as ValueError; the store's own error is further down the chain.
            cause = _in_chain(error, self._errors)
            if cause is None:
                raise
            self._retire(client)
            raise self._unavailable(f"firestore: {type(cause).__name__}") from error
        except self._errors as error:
            self._retire(client)
            raise self._unavailable(f"firestore: {type(error).__name__}") from error

    def _retire(self, client: Any) -> None:
        if client is not None:  # None: building it failed, there is nothing to retire
            self._clients.retire(client)

    @property
    def current(self) -> Any:
        """The client the next call gets (None before the first call and after a failure)."""
        return self._clients.current


class Store:
    """What a Firestore-backed store is made of: its collection, how long its documents live
    (their ``expire_at``, for a TTL policy), a clock and its :class:`Connection`."""

    def __init__(
        self,
        project: str,
        collection: str,
        *,
        ttl_s: float,
        timeout_s: float,
        unavailable: Callable[[str], Exception],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._collection = collection
        self._ttl = timedelta(seconds=ttl_s)
        self._clock = clock
        self._connection = Connection(project, timeout_s, unavailable)

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), UTC)

    def prepare(self) -> None:
        """Import the library, build the client, open its channel and take the paths a request
        takes (a read, and a transaction that reads and writes) on a document no store ever
        names, so the first call a request makes is as quick as the rest: a process's first
        transaction that writes costs ten times a later one in lazy imports and set-up, and a
        read-only one does not pay it. The document gets an ``expire_at`` like every other, so
        the TTL policy removes it. Never raises: a failure here is the first real call's to
        report (and retry)."""
        try:
            with self._connection.client() as client:
                name = WARM_UP_DOCUMENT + secrets.token_hex(4)
                reference = client.collection(self._collection).document(name)
                reference.get()
                run_in_transaction(
                    client, _touch, reference, self._now() + self._ttl, max_attempts=1
                )
        except Exception as error:  # Firestore down at start-up: the requests will say so
            log.info("the %s store was not prepared: %s", self._collection, error)


def _touch(transaction: Any, reference: Any, expire_at: datetime) -> None:
    reference.get(transaction=transaction)
    transaction.set(reference, {"warm_up": True, "expire_at": expire_at})


def _in_chain(error: BaseException, kinds: tuple[type[BaseException], ...]) -> BaseException | None:
    seen: set[int] = set()
    link: BaseException | None = error
    while link is not None and id(link) not in seen:
        if isinstance(link, kinds):
            return link
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    return None
