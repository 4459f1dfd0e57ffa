"""Request and response bodies of the ``recommend`` function (``POST /v2/recommend``,
``GET /v2/personas[/{name}]``), apart from ``core.api.schemas`` so that the other functions do
not build them at a cold start. The text rules are the shared ones of ``core.api.schemas``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from core.api.schemas import (
    PERSONA_NAME_PATTERN,
    PERSONA_NAMES,
    Message,
    RequestBody,
    ResponseBody,
)
from core.views import PersonaOut, RankedPersona, RecommendSafetyOut


def _exactly_one_of(*names: str) -> dict[str, Any]:
    """JSON Schema for "exactly one of these fields is given and not null" (a null is absent)."""
    return {
        "oneOf": [
            {"required": [name], "properties": {name: {"not": {"type": "null"}}}} for name in names
        ]
    }


class RecommendRequest(RequestBody):
    """Exactly one of ``message`` (what a person wrote) or ``scenario`` (a description of a
    situation, e.g. from a course platform); a null counts as absent."""

    model_config = ConfigDict(json_schema_extra=_exactly_one_of("message", "scenario"))

    message: Message | None = None
    scenario: Message | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> RecommendRequest:
        if (self.message is None) == (self.scenario is None):
            raise PydanticCustomError(
                "message_or_scenario", "send exactly one of message or scenario"
            )
        return self

    @property
    def text(self) -> str:
        return self.message if self.message is not None else str(self.scenario)


class RecommendResponse(ResponseBody):
    request_id: str
    safety: RecommendSafetyOut
    ranking: list[RankedPersona]


class PersonaList(ResponseBody):
    personas: list[PersonaOut]


# A path parameter, for the OpenAPI document; the handler checks it and answers 404.
class PersonaPath(BaseModel):
    name: str = Field(
        description=f"one of {PERSONA_NAMES}, in any case",
        json_schema_extra={"pattern": PERSONA_NAME_PATTERN},
    )
