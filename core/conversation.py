"""One message answered, with or without a session: the service behind ``POST /v2/process``.

Sessionless requests never touch the session store; an instance prepares it in the background
after its first answer (:meth:`Conversations.prepare_sessions`). With a session,
the last ``PROMPT_TURNS`` turns go to the pipeline, and the user's message (with its safety
category, when flagged) and the answer are appended atomically afterwards; a session flagged
once stays in ``care`` for the rest of its life. If the store is down the request fails with
503 before any answer is generated, so a retry does not produce a turn that was never recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from typing import NamedTuple

from core import observability
from core.pipeline import Outcome, Pipeline, Request
from core.safety import Category
from core.sessions import PROMPT_TURNS, Owner, SessionStore
from core.turns import Turn


class SessionInfo(NamedTuple):
    id: str
    turn: int  # this exchange's number in the session, from 1


class Answered(NamedTuple):
    outcome: Outcome
    session: SessionInfo | None


class Conversations:
    def __init__(self, pipeline: Pipeline, sessions: Callable[[], SessionStore]) -> None:
        self.pipeline = pipeline
        self._sessions_factory = sessions

    @cached_property
    def sessions(self) -> SessionStore:
        return self._sessions_factory()

    def prepare_sessions(self) -> None:
        """Import the session store's client and connect (``SessionStore.prepare``), so the
        first request with a session does not do it on its own time; ``core.bootstrap`` runs
        this in the background. Never raises."""
        self.sessions.prepare()

    def answer(self, request: Request, owner: Owner, session_id: str | None) -> Answered:
        observability.set_tags(user_id=owner.user_id, session_id=session_id)  # keyed hashes
        if session_id is None:
            return Answered(self.pipeline.run(request), None)
        state = self.sessions.load(session_id, owner)
        care = Category(state.care) if state.care else None
        context = replace(request.context, care=care)
        outcome = self.pipeline.run(
            replace(request, turns=state.turns[-PROMPT_TURNS:], context=context)
        )
        check = outcome.analysis.safety
        flag = check.category.value if check.flagged else None
        recorded = self.sessions.append(
            session_id,
            owner,
            (Turn("user", outcome.analysis.text, safety=flag), Turn("mentor", outcome.answer)),
        )
        return Answered(outcome, SessionInfo(session_id, recorded.turn_count // 2))
