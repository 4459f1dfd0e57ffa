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
