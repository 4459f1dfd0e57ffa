"""Domain objects as JSON-able dicts, shared by the ``ion`` CLI and the HTTP functions.

One place decides the wire shape of an analysis, a routing and a persona, so the CLI output and
the API responses cannot drift apart. Everything returned here is plain ``dict``/``list``/
``str``/``float``/``int``: ``json.dumps`` and pydantic both take it as is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from core.analysis import Analysis, Judgement, Rhythm
from core.personas import PERSONAS, Persona, PersonaName
from core.routing import Routing, best_for
from core.safety import Resource, Resources, Safety, asks_something_else, crisis_resources, reply
from core.taxonomy import Intent, Tone

if TYPE_CHECKING:
    from core.pipeline import Outcome

JSONDict = dict[str, Any]


def judgement_dict(judgement: Judgement[Tone] | Judgement[Intent]) -> JSONDict:
    return {
        "primary": judgement.primary.value,
        "confidence": judgement.confidence,
        "runner_up": judgement.runner_up.value,
        "runner_up_confidence": judgement.runner_up_confidence,
        # The cues say *why*: which words or shapes of the text the label was read from.
        "cues": list(judgement.cues),
    }


_RHYTHM_FIELDS = tuple(f.name for f in fields(Rhythm))


def rhythm_dict(analysis: Analysis) -> JSONDict:
    # Field by field rather than dataclasses.asdict, which deep-copies: this is on every
    # response's path.
    rhythm = analysis.rhythm
    data: JSONDict = {name: getattr(rhythm, name) for name in _RHYTHM_FIELDS}
    data["bursts"] = rhythm.bursts
    return data


def safety_dict(safety: Safety) -> JSONDict:
    """What the safety check found: the category and the words it was read from."""
    return {"category": safety.category.value, "cues": list(safety.cues)}


def resources_list(resources: Iterable[Resource]) -> list[JSONDict]:
    return [{"name": r.name, "contact": r.contact, "hours": r.hours} for r in resources]


def safety_reply_dict(analysis: Analysis, resources: Resources) -> JSONDict:
    """For an answer that is not the pipeline's (``recommend``, ``ion analyze``): the category,
    and for a crisis the crisis lines and the safety reply to show first."""
    check = analysis.safety
    data: JSONDict = {"category": check.category.value, "resources": []}
    if check.flagged:
        data["resources"] = resources_list(crisis_resources(check, analysis.language, resources))
        data["reply"] = reply(
            check, analysis.language, resources, asks_something_else(analysis.text)
        )
    return data


def analysis_dict(analysis: Analysis) -> JSONDict:
    """Safety, language, resonance key, tone, pace with its rhythm features, and intent."""
    return {
        "safety": safety_dict(analysis.safety),
        "language": analysis.language,
        "resonance_key": str(analysis.key),
        "tone": judgement_dict(analysis.tone),
        "pace": analysis.pace.value,
        "rhythm": rhythm_dict(analysis),
        "intent": judgement_dict(analysis.intent),
    }


def answer_dict(outcome: Outcome) -> JSONDict:
    """One answered message: the answer and how it was reached, as ``process`` reports it and
    a bulk item's result keeps it (without what belongs to one request: its id, session,
    timings and prompt, nor the cache facts, which only an admin caller of ``process`` sees)."""
    routing = outcome.routing
    data: JSONDict = {
        "persona": routing.primary.value,
        "secondary_persona": routing.secondary.value,
        "confidence": routing.confidence,
        "resonance_key": str(routing.key),
        "analysis": analysis_dict(outcome.analysis),
        "answer": outcome.answer,
        "generator": outcome.generator,
        "safety": {
            "category": outcome.analysis.safety.category.value,
            "resources": resources_list(outcome.resources),
        },
    }
    if outcome.fallback_reason is not None:
        data["fallback_reason"] = outcome.fallback_reason.value
    return data


def scores_dict(routing: Routing) -> dict[str, float]:
    return {persona.value: score for persona, score in routing.scores.items()}


def contributions_dict(routing: Routing) -> dict[str, dict[str, float]]:
    """Each persona's weighted tone, pace and intent parts; they sum to its score."""
    return {
        persona.value: {"tone": part.tone, "pace": part.pace, "intent": part.intent}
        for persona, part in routing.contributions.items()
    }


def routing_dict(routing: Routing) -> JSONDict:
    return {
        "primary": routing.primary.value,
        "secondary": routing.secondary.value,
        "confidence": routing.confidence,
        "forced": routing.forced,
        "reason": routing.reason,
        "scores": scores_dict(routing),
        "contributions": contributions_dict(routing),
    }


def persona_dict(persona: Persona | PersonaName) -> JSONDict:
    """A persona's public profile, including what it is best for (affinity >= 0.8)."""
    data = persona if isinstance(persona, Persona) else PERSONAS[persona]
    return {
        "name": data.name.value,
        "display_name": data.display_name,
        "korean_name": data.korean_name,
        "role": data.role,
        "traits": list(data.traits),
        "strengths": list(data.strengths),
        "prompt_style": data.prompt_style,
        "best_for": best_for(data.name),
    }
