"""Conversation sessions: the port the domain owns, and the rules every store follows.

A session belongs to the API key and ``user_id`` that created it; for anyone else it does not
exist (404, never its content). Turns are appended atomically, so concurrent requests on one
session lose none; the store keeps the last ``KEEP_TURNS`` and the prompt sees the last
``PROMPT_TURNS``. ``expire_at`` (last turn + TTL) drives the store's TTL policy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from core.errors import IonError, Unavailable
from core.generation import Turn

KEEP_TURNS = 10
PROMPT_TURNS = 5


@dataclass(frozen=True, slots=True)
class Owner:
    """Who may see a session: the API key (by its id, never the key) and the caller's user."""

    key_id: str
    user_id: str | None = None


@dataclass(frozen=True, slots=True)
class SessionState:
    turns: tuple[Turn, ...]  # the most recent turns kept, oldest first
    turn_count: int  # every turn ever appended, so the caller can number them
    # The category of the latest turn the safety check flagged, however long ago: the rest
    # of the session stays gentle (core.pipeline).
    care: str | None = None


class SessionNotFound(IonError):
    code = "SESSION_NOT_FOUND"
    http_status = 404

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
    def load(self, session_id: str, owner: Owner) -> SessionState:
        """The session's state; empty for a new id. :class:`SessionNotFound` if it belongs to
        another owner, :class:`SessionStoreUnavailable` if the store cannot be reached."""
        ...

    def append(self, session_id: str, owner: Owner, turns: Sequence[Turn]) -> SessionState:
        """Atomically append ``turns`` (creating the session if new), keep the last
        ``KEEP_TURNS``, push ``expire_at`` forward, and remember the category of a turn the
        safety check flagged (``Turn.safety``) as the session's ``care``; same errors as
        :meth:`load`."""
        ...
