"""Cloud Function ``process``: one message in, the mentor's analysis, routing and answer out.

Thin by design: validate, hand off to the pipeline, shape the response. Errors become the
shared envelope in ``core.api.http``.
"""

from __future__ import annotations

from functools import cache

import flask
import functions_framework

from core.api.http import Call, Router, health
from core.api.schemas import CacheOut, ProcessRequest, ProcessResponse, PromptOut, RoutingOut
from core.bootstrap import build_pipeline
from core.personas import PersonaName
from core.pipeline import Pipeline, Request
from core.prompts import PromptContext
from core.serialize import analysis_dict, contributions_dict, scores_dict


@cache
def _pipeline() -> Pipeline:
    # One per instance, built on first use so a cold start that only answers /healthz stays
    # cheap (python-docs-samples: tips-lazy-globals). Its cache is shared by all threads.
    return build_pipeline()


def _process(call: Call) -> ProcessResponse:
    body = call.body(ProcessRequest)
    forced = PersonaName.parse(body.persona, field="persona") if body.persona is not None else None
    context = PromptContext(user_id=body.user_id, session_id=body.session_id)
    options = body.options
    outcome = _pipeline().run(
        Request(
            message=body.message,
            persona=forced,
            context=context,
            use_cache=options.use_cache,
            refresh=options.refresh,
        )
    )
    routing = outcome.routing
    return ProcessResponse(
        request_id=call.request_id,
        persona=routing.primary.value,
        secondary_persona=routing.secondary.value,
        confidence=routing.confidence,
        resonance_key=str(routing.key),
        analysis=analysis_dict(outcome.analysis),
        routing=RoutingOut.model_validate(
            {
                "scores": scores_dict(routing),
                "contributions": contributions_dict(routing),
                "forced": routing.forced,
            }
        ),
        answer=outcome.answer,
        generator=outcome.generator,
        cache=CacheOut.model_validate({"hit": outcome.cache.hit, "tier": outcome.cache.tier}),
        timings_ms=outcome.timings_ms,
        prompt=PromptOut(
            system=outcome.prompt.system,
            user=outcome.prompt.user,
            version=outcome.prompt.version,
        )
        if body.options.include_prompt
        else None,
    )


_router = Router({("POST", "/v2/process"): _process, ("GET", "/healthz"): health})


@functions_framework.http
def process(request: flask.Request) -> flask.Response:
    return _router(request)
