"""The mentoring pipeline: message -> analysis -> routing -> prompt -> answer.

Pure and synchronous; the adapters (cache, sessions, model) wrap it from outside.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from core.analysis import Analysis, analyze
from core.generation import OfflineGenerator, Turn
from core.personas import PersonaName
from core.prompts import Prompt, PromptContext, build_prompt
from core.routing import Routing, route


class Generator(Protocol):
    """Anything that turns a persona, an analysis and the conversation into an answer."""

    name: str
    model: str

    def generate(
        self, persona: PersonaName, analysis: Analysis, turns: Sequence[Turn] = ()
    ) -> str: ...


@dataclass(frozen=True, slots=True)
class Request:
    message: str
    persona: PersonaName | None = None
    turns: Sequence[Turn] = ()
    context: PromptContext = field(default_factory=PromptContext)


@dataclass(frozen=True, slots=True)
class Outcome:
    analysis: Analysis
    routing: Routing
    prompt: Prompt
    answer: str
    generator: str
    model: str
    timings_ms: dict[str, float]


@dataclass(slots=True)
class Pipeline:
    generator: Generator = field(default_factory=OfflineGenerator)

    def understand(self, request: Request) -> tuple[Analysis, Routing, Prompt]:
        """Everything before generation; the cache keys its entries on this."""
        analysis = analyze(request.message)
        routing = route(analysis.key, forced=request.persona)
        prompt = build_prompt(routing.primary, analysis, request.context, request.turns)
        return analysis, routing, prompt

    def run(self, request: Request) -> Outcome:
        started = time.perf_counter()
        analysis, routing, prompt = self.understand(request)
        understood = time.perf_counter()
        answer = self.generator.generate(routing.primary, analysis, request.turns)
        finished = time.perf_counter()
        return Outcome(
            analysis=analysis,
            routing=routing,
            prompt=prompt,
            answer=answer,
            generator=self.generator.name,
            model=self.generator.model,
            timings_ms={
                "understand": round((understood - started) * 1000, 3),
                "generate": round((finished - understood) * 1000, 3),
                "total": round((finished - started) * 1000, 3),
            },
        )
