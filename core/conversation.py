"""One message answered, with or without a session: the service behind ``POST /v2/process``.

Sessionless requests never touch the session store; an instance prepares it in the background
after its first answer (:meth:`Conversations.prepare_sessions`). With a session,
the last ``PROMPT_TURNS`` turns go to the pipeline, and the user's message (with its safety
category, when flagged) and the answer are appended atomically afterwards; a session flagged
once stays in ``care`` for the rest of its life. If the store is down the request fails with
503 before any answer is generated, so a retry does not produce a turn that was never recorded.
"""

from __future__ import annotations

import logging
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

log = logging.getLogger(__name__)
# A turn of a conversation in each language, read once by prepare_sessions (nothing generated
# or cached).
_WARM_UP = tuple(
    Request(
        follow_up,
        turns=(Turn("user", opening), Turn("mentor", "• a step")),
        continuity=Continuity(subject="job_search", intent="seek_advice"),
        use_cache=False,
    )
    for opening, follow_up in (
        ("이직 준비 중인데 포트폴리오가 약해요", "그럼 뭐부터 하면 돼요?"),
        ("How should I prepare for my first on-call week?", "and then?"),
    )
)


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
        """Import the session store's client and connect (``SessionStore.prepare``), and read
        one conversation's turn without answering it (what the reading and the prompt load on
        first use: the situations of a subject, a follow-up's path), so the first request with a
        session does neither on its own time; ``core.bootstrap`` runs this in the background.
        Never raises."""
        self.sessions.prepare()
        try:
            for request in _WARM_UP:
                self.pipeline.understand(request)
        except Exception:  # whatever this met, the first real request meets and reports
            log.info("the pipeline was not warmed up", exc_info=True)

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
    mentor = next((t.persona for t in reversed(turns) if t.mentors_answer), None)
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
