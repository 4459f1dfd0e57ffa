"""The mentoring pipeline: message -> analysis -> routing -> prompt -> answer.

Synchronous; the answer goes through the response cache when one is given (see
``core.bootstrap``), keyed on everything that changes it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from core.analysis import Analysis, analyze
from core.cache import ResponseCache, ResponseKey, context_digest
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
    use_cache: bool = True
    refresh: bool = False


@dataclass(frozen=True, slots=True)
class CacheInfo:
    hit: bool
    tier: str  # l1 | l2 | coalesced | stale | computed | bypass | none (no cache)


@dataclass(frozen=True, slots=True)
class Outcome:
    analysis: Analysis
    routing: Routing
    prompt: Prompt
    answer: str
    generator: str
    model: str
    cache: CacheInfo
    timings_ms: dict[str, float]


@dataclass(slots=True)
class Pipeline:
    generator: Generator = field(default_factory=OfflineGenerator)
    cache: ResponseCache | None = None

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
        answer, generator, model, cache = self._answer(request, analysis, routing, prompt)
        finished = time.perf_counter()
        return Outcome(
            analysis=analysis,
            routing=routing,
            prompt=prompt,
            answer=answer,
            generator=generator,
            model=model,
            cache=cache,
            timings_ms={
                "understand": round((understood - started) * 1000, 3),
                "answer": round((finished - understood) * 1000, 3),
                "total": round((finished - started) * 1000, 3),
            },
        )

    def _answer(
        self, request: Request, analysis: Analysis, routing: Routing, prompt: Prompt
    ) -> tuple[str, str, str, CacheInfo]:
        generator = self.generator

        def compute() -> dict[str, str]:
            answer = generator.generate(routing.primary, analysis, request.turns)
            return {"answer": answer, "generator": generator.name, "model": generator.model}

        if self.cache is None:
            value, info = compute(), CacheInfo(hit=False, tier="none")
        else:
            key = ResponseKey(
                message=analysis.text,
                persona=routing.primary.value,
                resonance_key=str(routing.key),
                language=analysis.language,
                generator=generator.name,
                model=generator.model,
                prompt_version=prompt.version,
                context=context_digest(request.turns, request.context.mode),
            )
            result = self.cache.get_or_compute(
                key, compute, use_cache=request.use_cache, refresh=request.refresh
            )
            value, info = result.value, CacheInfo(hit=result.hit, tier=result.tier)
        return value["answer"], value["generator"], value["model"], info
