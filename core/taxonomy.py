"""The resonance taxonomy: 9 tones x 4 paces x 6 intents = 216 resonance keys."""

from __future__ import annotations

from enum import StrEnum
from itertools import product
from typing import NamedTuple, Self

from core.errors import InvalidResonanceKey, one_of


class _Label(StrEnum):
    """A closed set of lower-case labels that parses strictly."""

    @classmethod
    def parse(cls, value: str, *, field: str | None = None) -> Self:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise InvalidResonanceKey(
                one_of(cls.__name__.lower(), value, cls.values()), field=field
            ) from None

    @classmethod
    def values(cls) -> list[str]:
        return [str(member) for member in cls]


class Tone(_Label):
    FRUSTRATED = "frustrated"
    PLAYFUL = "playful"
    ANXIOUS = "anxious"
    ANALYTICAL = "analytical"
    CALM = "calm"
    CURIOUS = "curious"
    URGENT = "urgent"
    CONFUSED = "confused"
    COLLABORATIVE = "collaborative"


class Pace(_Label):
    BURST = "burst"
    FLOWING = "flowing"
    CONTEMPLATIVE = "contemplative"
    MEDIUM = "medium"


class Intent(_Label):
    SEEK_ADVICE = "seek_advice"
    PROBLEM_SOLVING = "problem_solving"
    LEARNING = "learning"
    VALIDATION = "validation"
    PLANNING = "planning"
    REFLECTION = "reflection"


class ResonanceKey(NamedTuple):
    """``tone-pace-intent``; intents use underscores so ``-`` splits it into exactly 3 parts."""

    tone: Tone
    pace: Pace
    intent: Intent

    def __str__(self) -> str:
        # The members are strs (StrEnum) holding their values: joined in C, no enum look-ups.
        return "-".join((self.tone, self.pace, self.intent))

    @classmethod
    def parse(cls, text: str, *, field: str | None = None) -> ResonanceKey:
        parts = text.strip().split("-")
        if len(parts) != 3:
            raise InvalidResonanceKey(
                f"resonance key {text!r} must have the form tone-pace-intent, "
                f"e.g. frustrated-burst-seek_advice; tones: {', '.join(Tone.values())}; "
                f"paces: {', '.join(Pace.values())}; intents: {', '.join(Intent.values())}",
                field=field,
            )
        tone, pace, intent = parts
        return cls(
            Tone.parse(tone, field=field),
            Pace.parse(pace, field=field),
            Intent.parse(intent, field=field),
        )

    @classmethod
    def all(cls) -> list[ResonanceKey]:
        return [cls(t, p, i) for t, p, i in product(Tone, Pace, Intent)]
