"""One message answered, with or without a session: the service behind ``POST /v2/process``.

Sessionless requests never touch the session store; an instance prepares it in the background
after its first answer (:meth:`Conversations.prepare_sessions`). With a session,
the last ``PROMPT_TURNS`` turns go to the pipeline, and the user's message (with its safety
category, when flagged) and the answer are appended atomically afterwards; a session flagged
once stays in ``care`` for the rest of its life. If the store is down the request fails with
503 before any answer is generated, so a retry does not produce a turn that was never recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property
from typing import NamedTuple

from core import observability
from core.personas import PersonaName
from core.pipeline import Outcome, Pipeline, Request
from core.routing import SWITCH_MARGIN, Continuity
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
    def __init__(
        self,
        pipeline: Pipeline,
        sessions: Callable[[], SessionStore],
        switch_margin: float = SWITCH_MARGIN,
    ) -> None:
        self.pipeline = pipeline
        self._sessions_factory = sessions
        self.switch_margin = switch_margin  # SESSION_SWITCH_MARGIN

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
            replace(
                request,
                turns=state.turns[-PROMPT_TURNS:],
                context=context,
                continuity=continuity(state.turns, self.switch_margin),
            )
        )
        recorded = self.sessions.append(session_id, owner, turns_of(outcome))
        return Answered(outcome, SessionInfo(session_id, recorded.turn_count // 2))


def continuity(turns: Sequence[Turn], switch_margin: float) -> Continuity:
    """What the next turn goes on from: the mentor of the latest mentor turn that had one (a
    safety reply has none), and the subject and intent of the latest user turn read."""
    mentor = next((t.persona for t in reversed(turns) if t.role == "mentor" and t.persona), None)
    read = next((t for t in reversed(turns) if t.role == "user" and t.subject), None)
    return Continuity(
        PersonaName(mentor) if mentor else None,
        read.subject if read else None,
        read.intent if read else None,
        switch_margin,
    )


def turns_of(outcome: Outcome) -> tuple[Turn, Turn]:
    """The exchange as the session keeps it: the user's message with its safety category when
    flagged, else the subject and intent it was read as; the answer with its mentor, unless it
    was the safety reply (Lua gives it; she does not become the conversation's mentor)."""
    analysis, routing = outcome.analysis, outcome.routing
    check = analysis.safety
    if check.flagged:
        user = Turn("user", analysis.text, safety=check.category.value)
    else:
        user = Turn(
            "user",
            analysis.text,
            subject=analysis.subject.primary.value,
            intent=analysis.intent.primary.value,
        )
    mentor = None if routing.reason == "safety" else routing.primary.value
    return user, Turn("mentor", outcome.answer, persona=mentor)
