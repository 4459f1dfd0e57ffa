"""Conversation sessions: the port the domain owns, and the rules every store follows.

A session is named by its owner (the API key and ``user_id``) together with the client's
``session_id``: the same ``session_id`` under two owners is two independent sessions, so no
client can take an id away from another, nor learn whether another owner uses it. A store keeps
a session under :func:`document_id`, a keyed hash of all three. Turns are appended atomically,
so concurrent requests on one session lose none; the store keeps the last ``KEEP_TURNS`` and the
prompt sees the last ``PROMPT_TURNS``. ``expire_at`` (last turn + TTL) drives the store's TTL
policy.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from core.errors import IonError, Unavailable
from core.turns import Turn

KEEP_TURNS = 10
PROMPT_TURNS = 5
# The key used when SESSION_ID_SECRET is empty (local development and tests). It is public, so
# a deployment sets its own; core.bootstrap warns when it does not.
DEVELOPMENT_ID_SECRET = b"ion-local-development-session-ids-only"


class Owner(NamedTuple):
    """Who may see a session: the API key (by its id, never the key) and the caller's user."""

    key_id: str
    user_id: str | None = None


class SessionState(NamedTuple):
    turns: tuple[Turn, ...]  # the most recent turns kept, oldest first
    turn_count: int  # every turn ever appended, so the caller can number them
    # The category of the latest turn the safety check flagged, however long ago: the rest
    # of the session stays gentle (core.pipeline).
    care: str | None = None


def document_id(secret: bytes, owner: Owner, session_id: str) -> str:
    """The name a store keeps a session under: HMAC-SHA256, keyed with ``SESSION_ID_SECRET``,
    of the JSON array ``[key id, user id or null, session id]`` (JSON rather than joined
    strings, so ``("a:b", "c")`` and ``("a", "b:c")``, or no user and a user named "null",
    never meet). 64 hex digits: a valid Firestore document id whatever the session id, and one
    that says nothing about its owner or its id to whoever can list the collection."""
    owned = json.dumps([owner.key_id, owner.user_id, session_id], separators=(",", ":"))
    return hmac.new(secret, owned.encode("ascii"), hashlib.sha256).hexdigest()


class SessionNotFound(IonError):
    code = "SESSION_NOT_FOUND"
    http_status = 404
    retryable = False

    def __init__(self, session_id: str) -> None:
        super().__init__(
            f"session {session_id!r} does not exist for this API key and user_id; "
            "omit session_id or send a new one to start a conversation",
            field="session_id",
        )


class SessionStoreUnavailable(Unavailable):
    code = "SESSION_STORE_UNAVAILABLE"

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "the session store is unavailable; retry after a few seconds, or send the request "
            "without session_id",
            detail,
        )


class SessionStore(Protocol):
    def prepare(self) -> None:
        """Get ready for the first call (import the client library, connect) without raising:
        an instance does this in the background when it starts (``Conversations.prepare``)."""
        ...

    def load(self, session_id: str, owner: Owner) -> SessionState:
        """The owner's session's state; empty for an id this owner has not used (whether or
        not another owner has). :class:`SessionNotFound` for an id no session can have,
        :class:`SessionStoreUnavailable` if the store cannot be reached."""
        ...

    def append(self, session_id: str, owner: Owner, turns: Sequence[Turn]) -> SessionState:
        """Atomically append ``turns`` (creating the session if new), keep the last
        ``KEEP_TURNS``, push ``expire_at`` forward, and remember the category of a turn the
        safety check flagged (``Turn.safety``) as the session's ``care``; same errors as
        :meth:`load`."""
        ...
