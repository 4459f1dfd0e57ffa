"""Cloud Function ``recommend``: rank the four personas for a message; describe the personas."""

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

from core import bootstrap, observability
from core.api.http import Call, Route
from core.api.openapi import service_router
from core.api.recommend_schemas import (
    PersonaList,
    PersonaPath,
    RecommendRequest,
    RecommendResponse,
)
from core.personas import PersonaName
from core.recommend import recommend as rank_personas
from core.views import PersonaOut, RankedPersona, RecommendSafetyOut


def _recommend(call: Call) -> RecommendResponse:
    body = call.body(RecommendRequest)
    recommendation = rank_personas(body.text)
    observability.set_tags(safety=recommendation.analysis.safety.category.value)
    resources = bootstrap.settings().crisis_resources
    return RecommendResponse(
        request_id=call.request_id,
        safety=RecommendSafetyOut.of(recommendation.analysis, resources),
        ranking=[RankedPersona.of(item) for item in recommendation.ranking],
    )


def _personas(_: Call) -> PersonaList:
    return PersonaList(personas=[PersonaOut.of(p) for p in PersonaName])


def _persona(call: Call) -> PersonaOut:
    # No field: a name in the path that is not a persona is a missing resource (404).
    return PersonaOut.of(PersonaName.parse(call.params["name"]))


ROUTES = {
    ("POST", "/v2/recommend"): Route(
        _recommend,
        "rank all four personas for a message or a scenario, with scores and reasons; a "
        "crisis message puts Lua first and carries the safety reply and crisis lines",
        RecommendResponse,
        RecommendRequest,
    ),
    ("GET", "/v2/personas"): Route(_personas, "the four personas", PersonaList),
    ("GET", "/v2/personas/{name}"): Route(
        _persona, "one persona by name (any case)", PersonaOut, errors=(404,), path=PersonaPath
    ),
}

bootstrap.check()  # a bad setting stops the instance here, not on every request

router = service_router(
    "ION Mentoring: recommend",
    "Ranks the mentor personas for a message or scenario and describes them.",
    ROUTES,
    bootstrap.build_guard,
)
bootstrap.started()  # the last line of start-up


@functions_framework.http
def recommend(request: flask.Request) -> flask.Response:
    return router(request)
