"""The JSON shapes only the ``ion`` command prints: ``ion analyze``'s record and
``ion answer --json``. They are made of the views of ``core.views`` (the shapes the HTTP functions
answer) and kept here, so that no function builds them at a cold start."""

from __future__ import annotations

from typing import Self, cast

from pydantic import Field

from core.analysis import Analysis
from core.personas import PERSONAS
from core.pipeline import Outcome
from core.routing import Routing
from core.safety import Category, Resources, crisis_resources
from core.views import (
    AnalysisOf,
    AnalysisOut,
    Answering,
    Contributions,
    CrisisLines,
    Generator,
    KeyText,
    Reason,
    ReasonName,
    ResourceOut,
    RoutingConfidence,
    SafetyCheckOut,
    SafetyOut,
    Scores,
    Secondary,
    View,
    persona_contributions,
    safety_reply,
)


class RoutingDetailOut(View):
    """The whole routing: who answers, who is next, and how every persona scored."""

    primary: Answering
    secondary: Secondary
    confidence: RoutingConfidence
    forced: bool = Field(description="true when the caller named the persona")
    reason: Reason
    scores: Scores
    contributions: Contributions

    @classmethod
    def of(cls, routing: Routing) -> Self:
        return cls(
            primary=routing.primary,
            secondary=routing.secondary,
            confidence=routing.confidence,
            forced=routing.forced,
            reason=cast(ReasonName, routing.reason),
            scores=dict(routing.scores),
            contributions=persona_contributions(routing),
        )


class CrisisCheckOut(View):
    """What the safety check found in a crisis message, with the crisis lines and the safety
    reply to show first (``ion analyze``)."""

    category: Category
    cues: list[str] = Field(description="the words of the message it was read from")
    resources: CrisisLines
    reply: str = Field(description="the safety reply (by Lua) to show the person first")

    @classmethod
    def of(cls, analysis: Analysis, resources: Resources) -> Self:
        check = analysis.safety
        lines = crisis_resources(check, analysis.language, resources)
        return cls(
            category=check.category,
            cues=list(check.cues),
            resources=[ResourceOut.of(line) for line in lines],
            reply=safety_reply(analysis, resources),
        )


class AnalysisRecordOut(AnalysisOf[SafetyCheckOut | CrisisCheckOut]):
    """``ion analyze``: the analysis with its routing; a crisis message is routed to the safety
    reply, and its safety part carries the crisis lines and the reply."""

    routing: RoutingDetailOut

    @classmethod
    def of(cls, analysis: Analysis, routing: Routing, resources: Resources) -> Self:
        view = AnalysisOut.of(analysis)
        check = analysis.safety
        return cls(
            safety=CrisisCheckOut.of(analysis, resources) if check.flagged else view.safety,
            language=view.language,
            resonance_key=view.resonance_key,
            tone=view.tone,
            pace=view.pace,
            rhythm=view.rhythm,
            intent=view.intent,
            subject=view.subject,
            routing=RoutingDetailOut.of(routing),
        )


class MentorAnswerOut(View):
    """``ion answer --json``: the offline answer, who gave it and why."""

    persona: Answering
    display_name: str
    korean_name: str
    secondary_persona: Secondary
    confidence: RoutingConfidence
    forced: bool = Field(description="true when the persona was named")
    resonance_key: KeyText
    answer: str
    generator: Generator
    safety: SafetyOut

    @classmethod
    def of(cls, outcome: Outcome) -> Self:
        routing = outcome.routing
        persona = PERSONAS[routing.primary]
        return cls(
            persona=persona.name,
            display_name=persona.display_name,
            korean_name=persona.korean_name,
            secondary_persona=routing.secondary,
            confidence=routing.confidence,
            forced=routing.forced,
            resonance_key=str(routing.key),
            answer=outcome.answer,
            generator=outcome.generator,
            safety=SafetyOut.of(outcome),
        )
