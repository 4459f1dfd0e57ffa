"""Conversation sessions in Firestore (the emulator locally), through google-cloud-firestore.

One document per session, named by ``core.sessions.document_id`` (a keyed hash of the owner and
the session id, so owners never share a document): ``{owner_key, owner_user, turns: [{role,
text, at, safety?, subject?, intent?, persona?}], turn_count, safety?, created_at, updated_at,
expire_at}``; ``safety`` is the category of the latest turn the safety check flagged; a turn's
``subject`` and ``intent`` (user) or ``persona`` (mentor) are what the next turn goes on from
(``core.routing.Continuity``). The stored owner is still checked on every read, in case two
names ever met. A TTL policy on ``expire_at`` deletes
old sessions, but up to a day late, so a document past its ``expire_at`` already counts as absent.

The client library is imported and the client created on first use, not at construction: the
import costs a quarter to half a second, which a sessionless cold start must not pay.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from core import observability
from core.adapters._firestore import Store, run_in_transaction
from core.sessions import (
    KEEP_TURNS,
    Owner,
    SessionNotFound,
    SessionState,
    SessionStoreUnavailable,
    document_id,
)
from core.turns import Turn

# What the API accepts as a session id (core.api.schemas): anything else is no session, even
# though the hashed document name could hold it.
_SESSION_ID = re.compile(r"(?!\.{1,2}\Z)(?!__)[A-Za-z0-9._:@-]{1,128}")

_LOCK_STRIPES = 64
# A turn's optional fields, kept only when set (older documents have none of them).
_TURN_FACTS = ("safety", "subject", "intent", "persona")


class FirestoreSessionStore(Store):
    def __init__(
        self,
        project: str,
        collection: str = "sessions",
        ttl_s: float = 86400,
        timeout_s: float = 5.0,
        clock: Callable[[], float] = time.time,
        *,
        id_secret: bytes,
    ) -> None:
        super().__init__(
            project,
            collection,
            ttl_s=ttl_s,
            timeout_s=timeout_s,
            unavailable=SessionStoreUnavailable,
            clock=clock,
        )
        self._timeout_s = timeout_s
        self._id_secret = id_secret  # SESSION_ID_SECRET: key of the documents' names
        # Striped rather than one lock per id: bounded memory, and a collision only costs a wait.
        self._stripes = tuple(threading.Lock() for _ in range(_LOCK_STRIPES))

    def load(self, session_id: str, owner: Owner) -> SessionState:
        with (
            observability.span("db.firestore", "load session"),
            self._document(session_id, owner) as (_client, reference),
        ):
            snapshot = reference.get()
        data = self._live(snapshot.to_dict() if snapshot.exists else None, self._now())
        if data is None:
            return SessionState((), 0)
        _check_owner(data, owner, session_id)
        return _state(data)

    def append(self, session_id: str, owner: Owner, turns: Sequence[Turn]) -> SessionState:
        # Appends from other instances make Firestore abort and rerun the transaction (10 tries,
        # twice the library's default); appends from this one queue on a lock instead.
        with (
            observability.span("db.firestore", "append turns in a transaction"),
            self._document(session_id, owner) as (client, reference),
            self._serialized(reference.id),
        ):
            return run_in_transaction(
                client, self._append_in, reference, session_id, owner, turns, max_attempts=10
            )

    def _append_in(
        self, transaction: Any, reference: Any, session_id: str, owner: Owner, turns: Sequence[Turn]
    ) -> SessionState:
        """The transaction's body: Firestore may run it again if another one got in first."""
        snapshot = reference.get(transaction=transaction)
        now = self._now()
        data = self._live(snapshot.to_dict() if snapshot.exists else None, now)
        if data is None:  # new, or expired: start over
            data = {"owner_key": owner.key_id, "owner_user": owner.user_id, "turns": []}
            data.update(turn_count=0, created_at=now)
        else:
            _check_owner(data, owner, session_id)
        added = [_turn_data(turn, now) for turn in turns]
        data["turns"] = [*data["turns"], *added][-KEEP_TURNS:]
        for turn in turns:
            if turn.safety:
                data["safety"] = turn.safety
        data["turn_count"] = int(data["turn_count"]) + len(turns)
        data.update(updated_at=now, expire_at=now + self._ttl)
        transaction.set(reference, data)
        return _state(data)

    @contextmanager
    def _document(self, session_id: str, owner: Owner) -> Iterator[tuple[Any, Any]]:
        """For one call: the client, and the owner's session's document in it. A failure of the
        call retires the client (see :class:`Connection`) and becomes SessionStoreUnavailable."""
        if not _SESSION_ID.fullmatch(session_id):
            raise SessionNotFound(session_id)
        name = document_id(self._id_secret, owner, session_id)
        with self._connection.client() as client:
            yield client, client.collection(self._collection).document(name)

    @contextmanager
    def _serialized(self, name: str) -> Iterator[None]:
        """Appends to one session from this instance take turns before reaching Firestore.

        Firestore serializes them anyway, by aborting and rerunning all but one transaction; the
        emulator does so only after a 2 s lock timeout and livelocks under many. Waiting here is
        cheaper, and bounded by the deadline so an outage cannot queue requests for minutes."""
        lock = self._stripes[hash(name) % _LOCK_STRIPES]
        if not lock.acquire(timeout=self._timeout_s):
            raise SessionStoreUnavailable("another append to this session is still waiting")
        try:
            yield
        finally:
            lock.release()

    @staticmethod
    def _live(data: dict[str, Any] | None, now: datetime) -> dict[str, Any] | None:
        """The document's data, or None if it is absent, expired or not one of ours."""
        if data is None:
            return None
        expire_at = data.get("expire_at")
        if not isinstance(expire_at, datetime) or expire_at <= now:
            return None
        return data


def _check_owner(data: dict[str, Any], owner: Owner, session_id: str) -> None:
    # Defence in depth: the document's name already holds the owner, so another owner's data
    # here would take two owners' names meeting (a SHA-256 collision) or a bug.
    if data.get("owner_key") != owner.key_id or data.get("owner_user") != owner.user_id:
        raise SessionNotFound(session_id)


def _turn_data(turn: Turn, now: datetime) -> dict[str, Any]:
    data: dict[str, Any] = {"role": turn.role, "text": turn.text, "at": now}
    for name in _TURN_FACTS:
        if value := getattr(turn, name):
            data[name] = value
    return data


def _state(data: dict[str, Any]) -> SessionState:
    turns = tuple(
        Turn(
            str(t["role"]),
            str(t["text"]),
            **{name: str(t[name]) for name in _TURN_FACTS if t.get(name)},
        )
        for t in data["turns"]
    )
    care = data.get("safety")
    return SessionState(
        turns=turns, turn_count=int(data["turn_count"]), care=str(care) if care else None
    )
