"""A conversation's earlier messages, as the prompt builder, the generators and the session
store all see them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Turn:
    """One earlier message in the conversation, the user's or the mentor's."""

    role: str  # "user" or "mentor"
    text: str
    safety: str | None = None  # a user turn the safety check flagged: its category
    # What a session keeps of the reading and the routing, so the next turn can go on from it:
    # on a user turn its subject and intent, on a mentor turn the session's mentor who wrote it
    # (none on a safety reply, which does not make Lua the conversation's mentor).
    subject: str | None = None
    intent: str | None = None
    persona: str | None = None

    @property
    def mentors_answer(self) -> bool:
        """A mentor's own answer, which a follow-up goes on from (not a safety reply)."""
        return self.role == "mentor" and self.persona is not None
