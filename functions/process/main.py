"""Cloud Function ``process``: one message in, the mentor's analysis, routing and answer out.

Thin by design: validate, hand off to the conversation service, shape the response. Errors
become the shared envelope in ``core.api.http``; keys, rate limits and CORS are checked there.
"""

from __future__ import annotations

import gc
import os

# Start-up only allocates what the instance keeps: collecting meanwhile would scan the same
# young objects again and again (about 30 ms of a cold start). bootstrap.started() resumes it.
gc.disable()
# ION uses no pydantic plugins: without this, building the first model looks for them in the
# entry points of every installed distribution (a few ms of a cold start).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import flask
import functions_framework

from core import bootstrap
from core._once import once
from core.api.http import Access, Call, Route
from core.api.openapi import service_router
from core.api.schemas import (
    CacheStatsOut,
    ChatMetadata,
    ChatRequest,
    ChatResponse,
    InvalidateOut,
    InvalidateRequest,
    ProcessRequest,
    ProcessResponse,
)
from core.cache import ResponseCache
from core.conversation import Conversations
from core.personas import PersonaName
from core.pipeline import Request
from core.prompts import PromptContext
from core.sessions import Owner


@once
def _conversations() -> Conversations:
    # One per instance, built on first use so a cold start that only answers /healthz stays
    # cheap (python-docs-samples: tips-lazy-globals). Its cache is shared by all threads.
    return bootstrap.build_conversations()


def _process(call: Call) -> ProcessResponse:
    body = call.body(ProcessRequest)
    forced = PersonaName.parse(body.persona, field="persona") if body.persona is not None else None
    options = body.options
    request = Request(
        message=body.message,
        persona=forced,
        context=PromptContext(user_id=body.user_id, session_id=body.session_id),
        use_cache=options.use_cache,
        refresh=options.refresh,
    )
    owner = Owner(call.caller.key_id, body.user_id)
    answered = _conversations().answer(request, owner, body.session_id)
    return ProcessResponse.of(
        call.request_id,
        answered,
        cache_facts=_sees_cache_facts(call),
        include_prompt=options.include_prompt,
    )


def _sees_cache_facts(call: Call) -> bool:
    """Whether the caller sees the cache hit and tier, and the timings (which show a hit as
    plainly): admin keys only.

    The response cache is shared by every API key, so a hit tells the caller that someone sent
    the same message recently. Hiding these facts from user keys keeps the shared cache's hit
    rate; keying the cache by API key would close the channel too, but every tenant would then
    pay for its own copy of the commonest answers. (A model's answer still takes visibly longer
    than a cached one: see "Who sees cache facts" in the README.)"""
    return call.caller.admin


def _chat(call: Call) -> ChatResponse:
    body = call.body(ChatRequest)
    request = Request(message=body.message, context=PromptContext(user_id=body.user_id))
    outcome = (
        _conversations().answer(request, Owner(call.caller.key_id, body.user_id), None).outcome
    )
    facts = _sees_cache_facts(call)
    return ChatResponse(
        content=outcome.answer,
        persona_used=outcome.routing.primary.value,
        resonance_key=str(outcome.routing.key),
        confidence=outcome.routing.confidence,
        metadata=ChatMetadata(
            request_id=call.request_id,
            secondary_persona=outcome.routing.secondary.value,
            language=outcome.analysis.language,
            generator=outcome.generator,
            fallback_reason=outcome.fallback_reason,
            cache_tier=outcome.cache.tier if facts else None,
            safety=outcome.analysis.safety.category.value,
            timings_ms=outcome.timings_ms if facts else None,
        ),
    )


def _cache_stats(_: Call) -> CacheStatsOut:
    return CacheStatsOut(_cache().stats())


def _invalidate(call: Call) -> InvalidateOut:
    body = call.body(InvalidateRequest)
    # "" is a bad persona name (422), not "everything": only an absent persona means all.
    persona = PersonaName.parse(body.persona, field="persona") if body.persona is not None else None
    report = _cache().invalidate(persona.value if persona else None)
    return InvalidateOut.model_validate(report)


def _cache() -> ResponseCache:
    response_cache = _conversations().pipeline.cache
    if response_cache is None:  # bootstrap always builds one (L1 only without REDIS_URL)
        raise RuntimeError("the pipeline has no response cache")
    return response_cache


ROUTES = {
    ("POST", "/v2/process"): Route(
        _process,
        "answer one message, optionally within a conversation session",
        ProcessResponse,
        ProcessRequest,
        errors=(404, 503),
    ),
    ("POST", "/v1/chat"): Route(
        _chat,
        "the original v1 contract: message and user_id in, content out",
        ChatResponse,
        ChatRequest,
    ),
    ("GET", "/v2/cache-stats"): Route(
        _cache_stats, "response cache statistics (admin)", CacheStatsOut, access=Access.ADMIN
    ),
    ("POST", "/v2/cache/invalidate"): Route(
        _invalidate,
        "invalidate every cached answer, or one persona's (admin)",
        InvalidateOut,
        InvalidateRequest,
        access=Access.ADMIN,
    ),
}

bootstrap.check()  # a bad setting stops the instance here, not on every request

router = service_router(
    "ION Mentoring: process",
    "Reads how and what a person writes, routes to a mentor persona and answers in its voice.",
    ROUTES,
    bootstrap.build_guard,
)
bootstrap.started()  # the last line of start-up
# Off the request path: the session store's client is imported and connected in the background
# once this instance has answered, so its first session request is as quick as the next.
bootstrap.prepare_in_background(_conversations)


@functions_framework.http
def process(request: flask.Request) -> flask.Response:
    return router(request)
