"""The wire shape of the domain: pydantic models of what the HTTP functions answer, a bulk item's
result keeps and the ``ion`` CLI prints, each built from its domain object by one classmethod
``of``.

One place decides how an analysis, a routing, a persona or an answered message looks as JSON,
so the responses (``core.api.schemas`` nests these models), the stored bulk results and the CLI
output cannot drift apart, and the OpenAPI documents describe every part of them. Fields that
are ``None`` are left out of the JSON, never written as null. The models are frozen: a view
built once may be shared. The shapes only the CLI prints, built from these, are the CLI's
(``core.cli._views``): no function builds them at a cold start.
"""

# Annotations are objects here, not strings (no ``from __future__ import annotations``):
# pydantic would otherwise compile and evaluate each field's annotation while the models are
# built, at every cold start.

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Generic, Literal, Self, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field

from core.analysis import Analysis, Judgement, Rhythm
from core.cache import Tier
from core.errors import FailureReason
from core.personas import PERSONAS, Persona, PersonaName
from core.pipeline import CacheInfo, Outcome
from core.prompts import Prompt
from core.routing import Contribution, Routing, best_for
from core.safety import (
    Category,
    Resource,
    Resources,
    Safety,
    asks_something_else,
    crisis_resources,
    reply,
)
from core.taxonomy import Intent, Pace, Subject, Tone

if TYPE_CHECKING:  # only named in RankedPersona.of: process and bulk never load the ranking
    from core.recommend import Recommendation


def _is_none(value: object) -> bool:
    return value is None


class View(BaseModel):
    # Frozen: a view built once may be shared.
    model_config = ConfigDict(extra="forbid", frozen=True)


# The config of a model that a function's main route does not use (another route's, an error's,
# the OpenAPI document's): its validator and serializer are built on first use, not at start-up,
# so a cold start pays only for the models its first request needs. A model nested in one built
# at start-up is built with it whatever its own config says, so only models outside the main
# route's responses carry it.
ON_FIRST_USE = ConfigDict(defer_build=True)
# A generic base is used only through its parametrized subclasses: it is built on first use
# (never, by the functions), and each subclass says it is built at start-up again.
AT_START_UP = ConfigDict(defer_build=False)


D = TypeVar("D")
V = TypeVar("V")


class _Recent(Generic[D, V]):
    """The views of the last ``size`` domain objects, found by identity.

    A repeated message is understood once: the pipeline's memo hands out the same analysis,
    and ``core.routing.route`` the same routing, every time (immutable objects). Their views,
    frozen, are then reused rather than built again: building them is most of the work of a
    cache hit's response. An entry holds its object, so that no other object can take its id
    meanwhile: this instance's memory keeps the last ``size`` analyses (a message's text and
    its cues), as the pipeline's memo keeps its last ``CACHE_L1_MAX_ENTRIES``.
    """

    def __init__(self, build: Callable[[D], V], size: int) -> None:
        self._build = build
        self._size = size
        self._entries: dict[int, tuple[D, V]] = {}
        self._lock = threading.Lock()  # for writes; a read is one dict lookup

    def __call__(self, thing: D) -> V:
        entry = self._entries.get(id(thing))
        if entry is not None and entry[0] is thing:
            return entry[1]
        view = self._build(thing)
        with self._lock:
            if len(self._entries) >= self._size:
                del self._entries[next(iter(self._entries))]  # the oldest
            self._entries[id(thing)] = (thing, view)
        return view


Language = Literal["ko", "en", "other"]
Answering = Annotated[PersonaName, Field(description="the persona that answers")]
Secondary = Annotated[PersonaName, Field(description="the next persona by the routing scores")]
RoutingConfidence = Annotated[
    float,
    Field(
        description="how clearly the routing chose, 0-1: 0.7 x the answering persona's score "
        "+ 0.3 x its lead over the next"
    ),
]
KeyText = Annotated[
    str, Field(description="the message's resonance key, tone-pace-intent (see analysis)")
]
Generator = Annotated[
    str,
    Field(
        description="offline, gemini, safety (the fixed safety reply to a crisis message), or "
        "offline_fallback: the offline answer given because the model gave none "
        "(fallback_reason says why)"
    ),
]
FallbackReason = Annotated[
    FailureReason | None,
    Field(
        exclude_if=_is_none,
        description="why the model's answer was replaced by the offline one (only then)",
    ),
]

# --- the analysis ---------------------------------------------------------------------------

L = TypeVar("L", Tone, Intent, Subject)


class _Judgement(View, Generic[L]):
    model_config = ON_FIRST_USE

    primary: L = Field(description="the label read")
    confidence: float = Field(description="how sure, 0-1")
    runner_up: L = Field(description="the next-best label")
    runner_up_confidence: float = Field(description="how likely the runner-up was, 0-1")
    cues: list[str] = Field(
        description="why: the words or shapes of the text the label was read from"
    )

    @classmethod
    def of(cls, judgement: Judgement[L]) -> Self:
        return cls(
            primary=judgement.primary,
            confidence=judgement.confidence,
            runner_up=judgement.runner_up,
            runner_up_confidence=judgement.runner_up_confidence,
            cues=list(judgement.cues),
        )


class ToneJudgement(_Judgement[Tone]):
    """The tone read from the message, with the next-best one."""

    model_config = AT_START_UP


class IntentJudgement(_Judgement[Intent]):
    """The intent read from the message, with the next-best one."""

    model_config = AT_START_UP


class SubjectJudgement(_Judgement[Subject]):
    """What the message is about (general when no subject fits), with the next-best one."""

    model_config = AT_START_UP


class RhythmOut(View):
    """The features the pace is read from; every count is over the whole message."""

    sentences: int
    words: int
    words_per_sentence: float
    chars_per_sentence: float
    punctuation_density: float = Field(description="punctuation marks per visible character")
    burst_punctuation: int = Field(description="runs such as !!, ?? or ?!")
    laughter: int = Field(description="ㅋㅋ, ㅎㅎ, haha, lol and the like")
    crying: int = Field(description="ㅠㅠ, T_T, ;; and the like")
    emoji: int = Field(description="emoji and emoticons")
    caps_words: int = Field(description="words in capitals that are not common acronyms")
    ellipses: int
    bursts: int = Field(description="burst_punctuation + laughter + crying + emoji + caps_words")

    @classmethod
    def of(cls, rhythm: Rhythm) -> Self:
        return cls(
            sentences=rhythm.sentences,
            words=rhythm.words,
            words_per_sentence=rhythm.words_per_sentence,
            chars_per_sentence=rhythm.chars_per_sentence,
            punctuation_density=rhythm.punctuation_density,
            burst_punctuation=rhythm.burst_punctuation,
            laughter=rhythm.laughter,
            crying=rhythm.crying,
            emoji=rhythm.emoji,
            caps_words=rhythm.caps_words,
            ellipses=rhythm.ellipses,
            bursts=rhythm.bursts,
        )


class SafetyCheckOut(View):
    """What the safety check found in the message."""

    category: Category = Field(
        description="none, or the crisis the message is about (it gets the safety reply)"
    )
    cues: list[str] = Field(description="the words of the message it was read from")

    @classmethod
    def of(cls, check: Safety) -> Self:
        return cls(category=check.category, cues=list(check.cues))


class ResourceOut(View):
    """A crisis line."""

    name: str
    contact: str = Field(description="a number or address to reach, as text to dial or tap")
    hours: str

    @classmethod
    def of(cls, resource: Resource) -> Self:
        return cls(name=resource.name, contact=resource.contact, hours=resource.hours)


def _resources(resources: Iterable[Resource]) -> list[ResourceOut]:
    return [ResourceOut.of(resource) for resource in resources]


S = TypeVar("S", bound=BaseModel)


class AnalysisOf(View, Generic[S]):
    model_config = ON_FIRST_USE

    # The fields of an analysis, whatever its safety part says (the CLI adds the crisis lines).
    safety: S
    language: Language = Field(description="ko, en, or other (answered in English)")
    resonance_key: str = Field(description="tone-pace-intent")
    tone: ToneJudgement
    pace: Pace
    rhythm: RhythmOut
    intent: IntentJudgement
    subject: SubjectJudgement
    follow_up: bool = Field(
        default=False,
        description="present (true) only for a follow-up in a session that carried little of "
        "its own (a few words pointing back, no subject): its subject, and its intent unless "
        "read clearly, are the previous turn's, with this message's own confidence and the "
        "cue '(the previous turn)'",
        exclude_if=lambda v: not v,
    )


class AnalysisOut(AnalysisOf[SafetyCheckOut]):
    """How and what the person wrote: safety, language, tone, pace (with its rhythm features),
    intent and subject."""

    model_config = AT_START_UP

    @classmethod
    def of(cls, analysis: Analysis) -> "AnalysisOut":
        return _ANALYSES(analysis)

    @classmethod
    def _build(cls, analysis: Analysis) -> "AnalysisOut":
        return cls(
            safety=SafetyCheckOut.of(analysis.safety),
            language=cast(Language, analysis.language),
            resonance_key=str(analysis.key),
            tone=ToneJudgement.of(analysis.tone),
            pace=analysis.pace,
            rhythm=RhythmOut.of(analysis.rhythm),
            intent=IntentJudgement.of(analysis.intent),
            subject=SubjectJudgement.of(analysis.subject),
            follow_up=analysis.follow_up,
        )


_ANALYSES = _Recent(AnalysisOut._build, size=128)


# --- routing --------------------------------------------------------------------------------

ReasonName = Literal["scores", "forced", "safety", "kept_by_session", "switched"]
Reason = Annotated[
    ReasonName,
    Field(
        description="why the persona answers: the routing formula, the caller's choice, a "
        "crisis message (Lua gives the safety reply), or in a session: its mentor goes on "
        "(kept_by_session), or another persona led the mentor by at least "
        "SESSION_SWITCH_MARGIN on a message that changed the subject or the need (switched)"
    ),
]


class ContributionOut(View):
    tone: float
    pace: float
    intent: float

    @classmethod
    def of(cls, contribution: Contribution) -> Self:
        return cls(tone=contribution.tone, pace=contribution.pace, intent=contribution.intent)


Scores = Annotated[
    dict[PersonaName, float],
    Field(description="each persona's score, 0-1: its tone, pace and intent parts added up"),
]
Contributions = Annotated[
    dict[PersonaName, ContributionOut],
    Field(description="each persona's weighted tone (0.5), pace (0.3) and intent (0.2) parts"),
]


def persona_contributions(routing: Routing) -> dict[PersonaName, ContributionOut]:
    return {persona: ContributionOut.of(part) for persona, part in routing.contributions.items()}


class RoutingOut(View):
    """How the routing scored every persona (which one answers is said beside it)."""

    scores: Scores
    contributions: Contributions
    forced: bool = Field(description="true when the caller named the persona")
    reason: Reason
    session_mentor: PersonaName | None = Field(
        default=None,
        description="in a session with a mentor: that mentor, before this turn",
        exclude_if=lambda v: v is None,
    )
    margin: float | None = Field(
        default=None,
        description="in a session with a mentor (not named by the caller): the best other "
        "persona's score minus the mentor's; negative when the mentor scores best",
        exclude_if=lambda v: v is None,
    )

    @classmethod
    def of(cls, routing: Routing) -> "RoutingOut":
        return _ROUTINGS(routing)

    @classmethod
    def _build(cls, routing: Routing) -> "RoutingOut":
        return cls(
            scores=dict(routing.scores),
            contributions=persona_contributions(routing),
            forced=routing.forced,
            reason=cast(ReasonName, routing.reason),
            session_mentor=routing.session_mentor,
            margin=routing.margin,
        )


# The routings of sessionless requests (216 keys, each routed, forced to one of four or for
# safety) are fewer than this; in sessions, kept or switched from each mentor, there are more,
# and the least recently used are built again.
_ROUTINGS = _Recent(RoutingOut._build, size=2048)


# --- safety with an answer ------------------------------------------------------------------

CrisisLines = Annotated[
    list[ResourceOut],
    Field(description="crisis lines for the message's language and category (empty for none)"),
]


class SafetyOut(View):
    """The safety check's category, and the crisis lines an answer to a crisis carries."""

    category: Category = Field(
        description="what the safety check found; anything but none gets the safety reply"
    )
    resources: CrisisLines

    @classmethod
    def of(cls, outcome: Outcome) -> Self:
        return cls(
            category=outcome.analysis.safety.category,
            resources=_resources(outcome.resources),
        )


class RecommendSafetyOut(View):
    """For an answer that is not the pipeline's (a ranking): the category, and for a crisis the
    crisis lines and the safety reply to show first."""

    model_config = ON_FIRST_USE

    category: Category = Field(
        description="what the safety check found; anything but none gets the safety reply"
    )
    resources: CrisisLines
    reply: str | None = Field(
        default=None,
        exclude_if=_is_none,
        description="for a crisis message: the safety reply (by Lua) to show the person first",
    )

    @classmethod
    def of(cls, analysis: Analysis, resources: Resources) -> Self:
        check = analysis.safety
        if not check.flagged:
            return cls(category=check.category, resources=[])
        return cls(
            category=check.category,
            resources=_resources(crisis_resources(check, analysis.language, resources)),
            reply=safety_reply(analysis, resources),
        )


def safety_reply(analysis: Analysis, resources: Resources) -> str:
    """The safety reply (by Lua) to a crisis message, to show the person first."""
    return reply(analysis.safety, analysis.language, resources, asks_something_else(analysis.text))


# --- an answered message --------------------------------------------------------------------


class AnswerOut(View):
    """One answered message: the answer and how it was reached, as ``process`` reports it and
    a bulk item's result keeps it (without what belongs to one request: its id, session,
    timings and prompt, nor the cache facts, which only an admin caller of ``process`` sees)."""

    persona: Answering
    secondary_persona: Secondary
    confidence: RoutingConfidence
    resonance_key: KeyText
    analysis: AnalysisOut
    answer: str
    generator: Generator
    safety: SafetyOut
    fallback_reason: FallbackReason = None

    @classmethod
    def of(cls, outcome: Outcome) -> Self:
        routing = outcome.routing
        return cls(
            persona=routing.primary,
            secondary_persona=routing.secondary,
            confidence=routing.confidence,
            resonance_key=str(routing.key),
            analysis=AnalysisOut.of(outcome.analysis),
            answer=outcome.answer,
            generator=outcome.generator,
            safety=SafetyOut.of(outcome),
            fallback_reason=outcome.fallback_reason,
        )


class CacheOut(View):
    hit: bool
    tier: Tier

    @classmethod
    def of(cls, info: CacheInfo) -> Self:
        return cls(hit=info.hit, tier=info.tier)


class PromptOut(View):
    system: str
    user: str
    version: str

    @classmethod
    def of(cls, prompt: Prompt) -> Self:
        return cls(system=prompt.system, user=prompt.user, version=prompt.version)


# --- personas -------------------------------------------------------------------------------


class BestForOut(View):
    """Where a persona's affinity is at least 0.8."""

    model_config = ON_FIRST_USE

    tones: list[Tone]
    paces: list[Pace]
    intents: list[Intent]

    @classmethod
    def of(cls, persona: PersonaName) -> Self:
        return cls.model_validate(best_for(persona))


class PersonaOut(View):
    """A persona's public profile."""

    model_config = ON_FIRST_USE

    name: PersonaName
    display_name: str
    korean_name: str
    role: str
    traits: list[str]
    strengths: list[str]
    prompt_style: str
    best_for: BestForOut

    @classmethod
    def of(cls, persona: Persona | PersonaName) -> Self:
        data = persona if isinstance(persona, Persona) else PERSONAS[persona]
        return cls(
            name=data.name,
            display_name=data.display_name,
            korean_name=data.korean_name,
            role=data.role,
            traits=list(data.traits),
            strengths=list(data.strengths),
            prompt_style=data.prompt_style,
            best_for=BestForOut.of(data.name),
        )


class RankedPersona(View):
    """A persona's place in a ranking, with why."""

    model_config = ON_FIRST_USE

    persona: PersonaName
    display_name: str
    korean_name: str
    score: float = Field(description="0-1; the ranking is by it, ties in routing order")
    reasons: list[str]

    @classmethod
    def of(cls, item: "Recommendation") -> Self:
        persona = PERSONAS[item.persona]
        return cls(
            persona=item.persona,
            display_name=persona.display_name,
            korean_name=persona.korean_name,
            score=item.score,
            reasons=list(item.reasons),
        )
