"""Resonance routing: the original system's v2 formula and affinity tables, unchanged.

``score = 0.5*tone + 0.3*pace + 0.2*intent``. Affinities are kept in tenths and weights in
tenths so every score is an exact multiple of 0.01: ties (Riri and Nana both 0.59 for
``frustrated-burst-seek_advice``) are real ties, broken in the order Lua, Elro, Riri, Nana,
never by a floating-point rounding accident.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

from core.personas import PersonaName
from core.taxonomy import Intent, Pace, ResonanceKey, Tone

_L, _E, _R, _N = PersonaName.LUA, PersonaName.ELRO, PersonaName.RIRI, PersonaName.NANA
ORDER: tuple[PersonaName, ...] = (_L, _E, _R, _N)

WEIGHTS = {"tone": 5, "pace": 3, "intent": 2}  # tenths

# Affinities in tenths, columns Lua, Elro, Riri, Nana.
TONE_AFFINITY: dict[Tone, tuple[int, int, int, int]] = {
    Tone.FRUSTRATED: (10, 4, 6, 5),
    Tone.PLAYFUL: (10, 3, 4, 7),
    Tone.ANXIOUS: (10, 5, 6, 7),
    Tone.ANALYTICAL: (3, 10, 10, 5),
    Tone.CALM: (6, 10, 10, 7),
    Tone.CURIOUS: (7, 10, 9, 8),
    Tone.URGENT: (5, 8, 6, 10),
    Tone.CONFUSED: (8, 6, 7, 10),
    Tone.COLLABORATIVE: (6, 5, 7, 10),
}
PACE_AFFINITY: dict[Pace, tuple[int, int, int, int]] = {
    Pace.BURST: (10, 4, 5, 6),
    Pace.FLOWING: (10, 8, 9, 9),
    Pace.CONTEMPLATIVE: (9, 7, 10, 8),
    Pace.MEDIUM: (8, 10, 10, 10),
}
INTENT_AFFINITY: dict[Intent, tuple[int, int, int, int]] = {
    Intent.SEEK_ADVICE: (10, 6, 7, 8),
    Intent.PROBLEM_SOLVING: (7, 10, 9, 8),
    Intent.LEARNING: (6, 10, 9, 7),
    Intent.VALIDATION: (8, 7, 10, 9),
    Intent.PLANNING: (5, 8, 9, 10),
    Intent.REFLECTION: (10, 4, 7, 6),
}


class Contribution(NamedTuple):
    """One persona's weighted tone, pace and intent parts; they add up to its score."""

    tone: float
    pace: float
    intent: float

    @property
    def total(self) -> float:
        return round(self.tone + self.pace + self.intent, 4)


class Routing(NamedTuple):
    key: ResonanceKey
    primary: PersonaName
    secondary: PersonaName
    confidence: float
    scores: Mapping[PersonaName, float]
    contributions: Mapping[PersonaName, Contribution]
    forced: bool = False
    # Why ``primary`` answers: "scores" (the formula), "forced" (the caller named it),
    # "safety" (a crisis message: Lua gives the safety reply, whatever the scores say), and in
    # a session "kept_by_session" (the conversation's mentor goes on) or "switched" (another
    # mentor beat it by the session's margin on a message that changed subject or need).
    reason: str = "scores"
    # In a session with a mentor: that mentor, and the best other persona's score minus its
    # score (negative when the mentor scores best).
    session_mentor: PersonaName | None = None
    margin: float | None = None

    def ranked(self) -> list[PersonaName]:
        """All personas, best first, ties in tie-break order."""
        return sorted(ORDER, key=lambda p: (-self.scores[p], ORDER.index(p)))


def _parts(key: ResonanceKey, column: int) -> tuple[int, int, int]:
    """Weighted parts in hundredths."""
    return (
        WEIGHTS["tone"] * TONE_AFFINITY[key.tone][column],
        WEIGHTS["pace"] * PACE_AFFINITY[key.pace][column],
        WEIGHTS["intent"] * INTENT_AFFINITY[key.intent][column],
    )


def confidence(primary: float, secondary: float) -> float:
    value = 0.7 * primary + 0.3 * (primary - secondary)
    return round(min(1.0, max(0.0, value)), 4)


@cache
def route(key: ResonanceKey, *, forced: PersonaName | None = None) -> Routing:
    """Score all four personas for ``key``; ``forced`` overrides the primary choice.

    A pure function of at most 216 x 5 inputs, so results are cached; they are immutable
    (frozen, with read-only mappings) and safe to share between requests and threads.
    """
    hundredths = {p: _parts(key, column) for column, p in enumerate(ORDER)}
    scores = {p: min(100, max(0, sum(parts))) / 100 for p, parts in hundredths.items()}
    contributions = {
        p: Contribution(tone=t / 100, pace=pc / 100, intent=i / 100)
        for p, (t, pc, i) in hundredths.items()
    }
    ranked = sorted(ORDER, key=lambda p: (-scores[p], ORDER.index(p)))
    primary = forced or ranked[0]
    secondary = next(p for p in ranked if p != primary)
    return Routing(
        key=key,
        primary=primary,
        secondary=secondary,
        confidence=confidence(scores[primary], scores[secondary]),
        scores=MappingProxyType(scores),
        contributions=MappingProxyType(contributions),
        forced=forced is not None,
        reason="forced" if forced is not None else "scores",
    )


# How far another persona's score must lead the session's mentor's to take over (scores run
# 0-1 in steps of 0.01; the best and second persona are 0.05-0.2 apart for most keys).
SWITCH_MARGIN = 0.15


class Continuity(NamedTuple):
    """What a session's next turn goes on from: the conversation's mentor, the subject and
    intent of the last user turn read (their values; None before the first), and the margin by
    which another persona must beat the mentor to take over (``SESSION_SWITCH_MARGIN``)."""

    mentor: PersonaName | None = None
    subject: str | None = None
    intent: str | None = None
    switch_margin: float = SWITCH_MARGIN


@cache
def route_in_session(
    key: ResonanceKey, mentor: PersonaName, *, changed: bool, switch_margin: float
) -> Routing:
    """The routing of a turn in a session whose mentor is ``mentor``: the mentor keeps the
    conversation ("kept_by_session") unless the best other persona beats it by at least
    ``switch_margin`` on a message that ``changed`` the subject or the need ("switched"). The
    scores are the formula's either way; ``margin`` says by how much the best other persona
    led (a caller who names a persona, and a crisis, are routed before this is asked)."""
    scored = route(key)
    best = next(p for p in scored.ranked() if p != mentor)
    margin = round(scored.scores[best] - scored.scores[mentor], 4)
    switch = changed and margin >= switch_margin - 1e-9  # scores are multiples of 0.01
    primary = best if switch else mentor
    secondary = next(p for p in scored.ranked() if p != primary)
    return scored._replace(
        primary=primary,
        secondary=secondary,
        confidence=confidence(scored.scores[primary], scored.scores[secondary]),
        reason="switched" if switch else "kept_by_session",
        session_mentor=mentor,
        margin=margin,
    )


SAFETY_PERSONA = _L  # who gives the safety reply


@cache
def route_for_safety(key: ResonanceKey) -> Routing:
    """A crisis message's routing: the scores as the formula gives them (so the analysis is
    still explained), with Lua answering."""
    routing = route(key, forced=SAFETY_PERSONA)
    return routing._replace(forced=False, reason="safety")


def best_for(persona: PersonaName, threshold: int = 8) -> dict[str, list[str]]:
    """The tones, paces and intents where ``persona``'s affinity is at least 0.8."""
    column = ORDER.index(persona)
    return {
        "tones": [t.value for t, row in TONE_AFFINITY.items() if row[column] >= threshold],
        "paces": [p.value for p, row in PACE_AFFINITY.items() if row[column] >= threshold],
        "intents": [i.value for i, row in INTENT_AFFINITY.items() if row[column] >= threshold],
    }
