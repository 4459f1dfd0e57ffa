"""Rank all four personas for a message or a scenario, with scores and short reasons.

The seed counted keywords. Here a ranking is the routing formula taken in expectation over the
analyser's uncertainty: the two most likely tones and intents, weighted by their confidences.
A message that is clearly frustrated ranks like its resonance key; one that is half curious,
half confused ranks between the two.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.analysis import Analysis, analyze
from core.personas import PERSONAS, PersonaName
from core.routing import INTENT_AFFINITY, ORDER, PACE_AFFINITY, SAFETY_PERSONA, TONE_AFFINITY, route
from core.taxonomy import Intent, ResonanceKey, Tone


@dataclass(frozen=True, slots=True)
class Recommendation:
    persona: PersonaName
    score: float
    reasons: tuple[str, ...]


def _weighted(first: float, second: float) -> tuple[float, float]:
    total = first + second
    return (first / total, second / total) if total else (1.0, 0.0)


@dataclass(frozen=True, slots=True)
class Recommended:
    analysis: Analysis  # its ``safety`` says whether the safety reply comes first
    ranking: list[Recommendation]


SAFETY_REASON = "gives the safety reply this message needs first: crisis lines, no persona"


def recommend(text: str) -> Recommended:
    """All four personas, best first (ties in routing order). The safety check runs first:
    for a crisis message Lua, who gives the safety reply, leads whatever the scores say."""
    analysis = analyze(text)
    ranking = rank(analysis)
    if analysis.safety.flagged:
        lead = next(r for r in ranking if r.persona is SAFETY_PERSONA)
        lead = Recommendation(lead.persona, lead.score, (SAFETY_REASON, *lead.reasons))
        ranking = [lead, *(r for r in ranking if r.persona is not SAFETY_PERSONA)]
    return Recommended(analysis, ranking)


def rank(analysis: Analysis) -> list[Recommendation]:
    tones: list[tuple[Tone, float]] = list(
        zip(
            (analysis.tone.primary, analysis.tone.runner_up),
            _weighted(analysis.tone.confidence, analysis.tone.runner_up_confidence),
            strict=True,
        )
    )
    intents: list[tuple[Intent, float]] = list(
        zip(
            (analysis.intent.primary, analysis.intent.runner_up),
            _weighted(analysis.intent.confidence, analysis.intent.runner_up_confidence),
            strict=True,
        )
    )
    scores = dict.fromkeys(ORDER, 0.0)
    for tone, tone_weight in tones:
        for intent, intent_weight in intents:
            routing = route(ResonanceKey(tone, analysis.pace, intent))
            for persona in ORDER:
                scores[persona] += tone_weight * intent_weight * routing.scores[persona]
    ranked = sorted(ORDER, key=lambda p: (-round(scores[p], 6), ORDER.index(p)))
    return [
        Recommendation(persona=p, score=round(scores[p], 4), reasons=_reasons(p, analysis))
        for p in ranked
    ]


def _reasons(persona: PersonaName, analysis: Analysis) -> tuple[str, ...]:
    column = ORDER.index(persona)
    tone, pace, intent = analysis.tone.primary, analysis.pace, analysis.intent.primary
    facts = [
        (TONE_AFFINITY[tone][column], f"tone '{tone.value}'"),
        (PACE_AFFINITY[pace][column], f"pace '{pace.value}'"),
        (INTENT_AFFINITY[intent][column], f"intent '{intent.value}'"),
    ]
    persona_data = PERSONAS[persona]
    reasons = [
        f"{'strong' if affinity >= 8 else 'weak' if affinity <= 5 else 'fair'} fit for "
        f"{label} (affinity {affinity / 10:.1f})"
        for affinity, label in sorted(facts, key=lambda f: -f[0])
    ]
    reasons.append(f"{persona_data.display_name}: {persona_data.role}; {persona_data.prompt_style}")
    return tuple(reasons)
