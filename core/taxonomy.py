"""The resonance taxonomy: 9 tones x 4 paces x 6 intents = 216 resonance keys; and the
subjects a message can be about, under five topics."""

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


class Topic(_Label):
    """The broad area a subject belongs to (``tests/data/LABELLING.md``)."""

    CAREER = "career"
    CODE = "code"
    STUDY = "study"
    TEAMWORK = "teamwork"
    FEELINGS = "feelings"


class Subject(_Label):
    """What a message is about: the thing a mentor's advice must address. ``general`` when
    none fits. Not part of the resonance key: it shapes the advice, not the persona."""

    JOB_OFFER = "job_offer"
    INTERVIEW = "interview"
    JOB_SEARCH = "job_search"
    PROMOTION = "promotion"
    CAREER_CHANGE = "career_change"
    NETWORKING = "networking"
    MANAGER = "manager"
    RECOGNITION = "recognition"
    TEAM_CONFLICT = "team_conflict"
    LEADERSHIP = "leadership"
    ONBOARDING = "onboarding"
    REMOTE_WORK = "remote_work"
    PRESENTATION = "presentation"
    PROCRASTINATION = "procrastination"
    THESIS = "thesis"
    EXAMS = "exams"
    LEARNING_TECH = "learning_tech"
    DEBUGGING = "debugging"
    CODE_REVIEW = "code_review"
    SYSTEM_DESIGN = "system_design"
    DEPLOYMENT = "deployment"
    OPEN_SOURCE = "open_source"
    SIDE_PROJECT = "side_project"
    BURNOUT = "burnout"
    IMPOSTER = "imposter"
    MOTIVATION = "motivation"
    GENERAL = "general"

    @property
    def topic(self) -> Topic | None:
        """The topic it belongs to; None for ``general``."""
        return _TOPIC_OF.get(self)


_TOPIC_OF = {
    **dict.fromkeys(
        (Subject.JOB_OFFER, Subject.INTERVIEW, Subject.JOB_SEARCH, Subject.PROMOTION,
         Subject.CAREER_CHANGE, Subject.NETWORKING),
        Topic.CAREER,
    ),
    **dict.fromkeys(
        (Subject.MANAGER, Subject.RECOGNITION, Subject.TEAM_CONFLICT, Subject.LEADERSHIP,
         Subject.ONBOARDING, Subject.REMOTE_WORK),
        Topic.TEAMWORK,
    ),
    **dict.fromkeys(
        (Subject.PRESENTATION, Subject.PROCRASTINATION, Subject.THESIS, Subject.EXAMS,
         Subject.LEARNING_TECH),
        Topic.STUDY,
    ),
    **dict.fromkeys(
        (Subject.DEBUGGING, Subject.CODE_REVIEW, Subject.SYSTEM_DESIGN, Subject.DEPLOYMENT,
         Subject.OPEN_SOURCE, Subject.SIDE_PROJECT),
        Topic.CODE,
    ),
    **dict.fromkeys((Subject.BURNOUT, Subject.IMPOSTER, Subject.MOTIVATION), Topic.FEELINGS),
}  # fmt: skip


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
