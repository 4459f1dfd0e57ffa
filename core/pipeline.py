"""The mentoring pipeline: message -> analysis -> routing -> prompt -> answer.

Synchronous; the answer goes through the response cache when one is given (see
``core.bootstrap``), keyed on everything that changes it, the generator and its model included.

A model-backed generator that gives up (:class:`GenerationFailed`, after its own retries) is
replaced by the offline fallback for that request: the user still gets an answer, the outcome
says ``offline_fallback`` and why, and the cache does not keep it (see ``NO_STORE``), so the
model's answer is asked for again as soon as the model is back. When the model refused the
message on safety grounds, the fallback is a plain answer rather than a persona's template:
whatever the message was about, a cheerful template could read as flippant.

Safety first: a message the safety check flags (``core.safety``) is answered by Lua with the
fixed safety reply and the crisis lines (``generator: "safety"``), never cached and never sent
to the model unless ``model_safety_replies`` allows it; then the model writes under a strict
safety instruction, the lines are still appended verbatim, and any failure gives the fixed
reply. A session that was flagged (``PromptContext.care``) keeps a gentle note on the rest of
its answers and a safety instruction in the rest of its prompts.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from core import observability, safety
from core.analysis import Analysis, analyze, as_follow_up
from core.cache import NO_STORE, LruCache, ResponseCache, Tier
from core.errors import FailureReason, GenerationFailed
from core.generation import OfflineGenerator
from core.personas import PersonaName
from core.prompts import Prompt, PromptContext, build_prompt
from core.routing import (
    SAFETY_PERSONA,
    Continuity,
    Routing,
    route,
    route_for_safety,
    route_in_session,
)
from core.taxonomy import Subject
from core.turns import Turn

FALLBACK_GENERATOR = "offline_fallback"  # the generator an outcome names after a fallback


class Generator(Protocol):
    """Anything that turns a persona, an analysis and the conversation into an answer.

    ``prompt`` is the persona prompt the pipeline built for this request (a model-backed
    generator sends it; the offline one does not need it). A generator that cannot answer
    raises :class:`GenerationFailed`.
    """

    name: str
    model: str
    # True when the answer depends on the whole prompt (a model reads the context lines, user
    # and session included): the cache then keys on the prompt, not only on its inputs.
    uses_prompt: bool

    def generate(
        self,
        persona: PersonaName,
        analysis: Analysis,
        turns: Sequence[Turn] = (),
        prompt: Prompt | None = None,
    ) -> str: ...


# -- response cache keys ------------------------------------------------------------------
# A key covers the normalised message, the persona that answers (forced or routed), the
# resonance key, the language, the generator and its model, the prompt version and a digest of
# the conversation context used (earlier turns and prompt mode). Two requests share an entry
# only when all of these agree, so an answer is never served into a different conversation.
# User and session ids are in the key only through the prompt, and only for generators that
# read the prompt: the offline generator's answer does not depend on them, and keying on them
# would only lower its hit rate.

_SEPARATOR = "\x1f"


def context_digest(
    turns: Sequence[Turn], mode: str = "default", prompt: Prompt | None = None
) -> str:
    """A digest of the conversation context an answer was built from: the turns and prompt
    mode, and the whole prompt when the generator reads it (a model sees the user and session
    ids in it, so two users' answers must not share an entry)."""
    if not turns and prompt is None:
        return _no_context_digest(mode)  # most requests: one digest per mode, made once
    return _digest(mode, turns, prompt)


def _digest(mode: str, turns: Sequence[Turn], prompt: Prompt | None) -> str:
    whole = [prompt.system, prompt.user] if prompt is not None else None
    data = json.dumps(
        [mode, [[turn.role, turn.text] for turn in turns], whole],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


@functools.lru_cache(maxsize=8)
def _no_context_digest(mode: str) -> str:
    return _digest(mode, (), None)


class ResponseKey(NamedTuple):
    message: str
    persona: str
    resonance_key: str
    language: str
    generator: str
    model: str
    prompt_version: str
    context: str  # context_digest(...)

    def digest(self) -> str:
        """The stable identity of this key (the same in every process and release).

        Fields are joined with U+001F (unit separator), which cannot occur in any of them:
        messages lose control characters in normalisation, the rest are our own names.
        """
        data = _SEPARATOR.join(
            (
                self.message,
                self.persona,
                self.resonance_key,
                self.language,
                self.generator,
                self.model,
                self.prompt_version,
                self.context,
            )
        )
        return hashlib.blake2b(data.encode("utf-8"), digest_size=20).hexdigest()


@dataclass(frozen=True, slots=True)
class Request:
    message: str
    persona: PersonaName | None = None
    turns: Sequence[Turn] = ()
    context: PromptContext = field(default_factory=PromptContext)
    use_cache: bool = True
    refresh: bool = False
    # In a session: its mentor, and the subject and intent a follow-up goes on from.
    continuity: Continuity | None = None


class CacheInfo(NamedTuple):
    hit: bool
    tier: Tier


class Outcome(NamedTuple):
    analysis: Analysis
    routing: Routing
    prompt: Prompt
    answer: str
    generator: str
    model: str
    cache: CacheInfo
    timings_ms: dict[str, float]
    fallback_reason: FailureReason | None = None  # set when generator is offline_fallback
    resources: tuple[safety.Resource, ...] = ()  # the crisis lines, when the message is one


Understanding = tuple[Analysis, Routing, Prompt]


@dataclass(slots=True)
class Pipeline:
    """``cache`` stores answers; ``memo`` (entries, 0 = off) remembers the understanding of
    recent requests, which is deterministic, so a repeated question skips analysis too. A
    pipeline with a cache gets a memo from ``core.bootstrap``; a bare one computes every time.
    ``fallback`` answers when ``generator`` raises :class:`GenerationFailed`.
    """

    generator: Generator = field(default_factory=OfflineGenerator)
    fallback: Generator = field(default_factory=OfflineGenerator)
    cache: ResponseCache | None = None
    memo: int = 0
    resources: safety.Resources = field(default_factory=lambda: safety.DEFAULTS)  # CRISIS_RESOURCES
    model_safety_replies: bool = False  # SAFETY_MODEL_REPLIES
    _memo: LruCache[Understanding] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.memo:
            self._memo = LruCache(self.memo, default_ttl_s=3600)

    def understand(self, request: Request) -> Understanding:
        """Everything before generation; the cache keys its entries on this."""
        memo_key = self._memo_key(request) if self._memo is not None else None
        if memo_key is not None and self._memo is not None:
            remembered = self._memo.get(memo_key)
            if remembered is not None:
                return remembered
        session = request.continuity
        with observability.span("ion.analysis", "analyse the message"):
            analysis = analyze(request.message)
            if session is not None:
                analysis = as_follow_up(analysis, session.subject, session.intent)
        with observability.span("ion.routing", "route to a persona"):
            if analysis.safety.flagged:  # before anything else: no persona routine
                routing = route_for_safety(analysis.key)
            elif request.persona is None and session is not None and session.mentor is not None:
                routing = route_in_session(
                    analysis.key,
                    session.mentor,
                    changed=_changed(analysis, session),
                    switch_margin=session.switch_margin,
                )
            else:
                routing = route(analysis.key, forced=request.persona)
                if session is not None and session.mentor is not None:  # named by the caller
                    routing = routing._replace(session_mentor=session.mentor)
        prompt = build_prompt(routing.primary, analysis, request.context, request.turns)
        if memo_key is not None and self._memo is not None:
            self._memo.set(memo_key, (analysis, routing, prompt))
        return analysis, routing, prompt

    @staticmethod
    def _memo_key(request: Request) -> str:
        """Everything the understanding depends on: the message, the forced persona and the
        prompt's inputs (context and turns)."""
        c = request.context
        return "\x1f".join(
            (
                request.message,
                request.persona.value if request.persona else "",
                c.user_id or "",
                c.session_id or "",
                c.mode,
                c.care.value if c.care else "",
                context_digest(request.turns, c.mode) if request.turns else "",
                repr(tuple(request.continuity)) if request.continuity else "",
            )
        )

    def run(self, request: Request) -> Outcome:
        started = time.perf_counter()
        analysis, routing, prompt = self.understand(request)
        understood = time.perf_counter()
        if analysis.safety.flagged:
            value, cache = self._safety_answer(request, analysis, prompt), SAFETY_CACHE
        else:
            value, cache = self._answer(request, analysis, routing, prompt)
        finished = time.perf_counter()
        reason = value.get("fallback_reason")
        observability.set_tags(
            persona=routing.primary.value,
            resonance_key=str(routing.key),
            cache_tier=cache.tier,
            generator=value["generator"],
            safety=analysis.safety.category.value,  # the category, never the text
        )
        return Outcome(
            analysis=analysis,
            routing=routing,
            prompt=prompt,
            answer=value["answer"],
            generator=value["generator"],
            model=value["model"],
            cache=cache,
            fallback_reason=FailureReason(reason) if reason else None,
            resources=safety.crisis_resources(analysis.safety, analysis.language, self.resources)
            if analysis.safety.flagged
            else (),
            timings_ms={
                "understand": round((understood - started) * 1000, 3),
                "answer": round((finished - understood) * 1000, 3),
                "total": round((finished - started) * 1000, 3),
            },
        )

    def _safety_answer(
        self, request: Request, analysis: Analysis, prompt: Prompt
    ) -> dict[str, Any]:
        """The reply to a crisis message; never cached (each one is answered afresh)."""
        check, language = analysis.safety, analysis.language
        fixed = safety.reply(
            check, language, self.resources, safety.asks_something_else(analysis.text)
        )
        generator = self.generator
        if not self.model_safety_replies or generator.name == OfflineGenerator.name:
            return {"answer": fixed, "generator": safety.GENERATOR, "model": safety.MODEL}
        try:
            with observability.span("ion.generation", generator.name, model=generator.model):
                written = generator.generate(SAFETY_PERSONA, analysis, request.turns, prompt)
        except GenerationFailed as failure:
            return {
                "answer": fixed,
                "generator": safety.GENERATOR,
                "model": safety.MODEL,
                "fallback_reason": failure.reason.value,
            }
        answer = safety.with_resources(written, check, language, self.resources)
        return {"answer": answer, "generator": generator.name, "model": generator.model}

    def _answer(
        self, request: Request, analysis: Analysis, routing: Routing, prompt: Prompt
    ) -> tuple[dict[str, Any], CacheInfo]:
        generator, fallback, resources = self.generator, self.fallback, self.resources
        care = request.context.care

        def compute() -> dict[str, Any]:
            try:
                with observability.span("ion.generation", generator.name, model=generator.model):
                    answer = generator.generate(routing.primary, analysis, request.turns, prompt)
            except GenerationFailed as failure:
                if failure.reason is FailureReason.SAFETY_BLOCKED:
                    # The model would not answer this message: answer plainly, not in a
                    # template whose tone or persona could be wrong for whatever it was.
                    written = safety.plain(analysis.language, resources)
                else:
                    written = fallback.generate(routing.primary, analysis, request.turns, prompt)
                return {
                    "answer": _with_care(written, care, analysis.language, resources),
                    "generator": FALLBACK_GENERATOR,
                    "model": fallback.model,
                    "fallback_reason": failure.reason.value,
                    NO_STORE: True,  # a stand-in: never cached under the model's key
                }
            return {
                "answer": _with_care(answer, care, analysis.language, resources),
                "generator": generator.name,
                "model": generator.model,
            }

        # What a follow-up carried, which may come from beyond the turns given: in the key too.
        carried = f"+follow-up:{analysis.subject.primary.value}" if analysis.follow_up else ""
        if self.cache is None:
            value, info = compute(), CacheInfo(hit=False, tier=Tier.NONE)
            value.pop(NO_STORE, None)
        else:
            key = ResponseKey(
                message=analysis.text,
                persona=routing.primary.value,
                resonance_key=str(routing.key),
                language=analysis.language,
                generator=generator.name,
                model=generator.model,
                prompt_version=prompt.version,
                context=context_digest(
                    request.turns,
                    request.context.mode + (f"+care:{care.value}" if care else "") + carried,
                    prompt=prompt if generator.uses_prompt else None,
                ),
            )
            result = self.cache.get_or_compute(
                key, compute, use_cache=request.use_cache, refresh=request.refresh
            )
            value, info = result.value, CacheInfo(hit=result.hit, tier=result.tier)
        return value, info


SAFETY_CACHE = CacheInfo(hit=False, tier=Tier.BYPASS)  # safety replies are never cached


def _changed(analysis: Analysis, session: Continuity) -> bool:
    """Whether a message changes the conversation's subject or need: a subject of its own that
    is not the last one, or another intent. A follow-up carries both, so it changes neither."""
    subject = analysis.subject.primary
    new_subject = subject is not Subject.GENERAL and subject.value != session.subject
    return new_subject or analysis.intent.primary.value != session.intent


def _with_care(
    answer: str, care: safety.Category | None, language: str, resources: safety.Resources
) -> str:
    """An answer in a session that was flagged earlier ends with a gentle pointer to help."""
    if care is None:
        return answer
    return f"{answer}\n\n{safety.care_note(care, language, resources)}"
