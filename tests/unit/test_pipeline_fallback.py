"""The pipeline's fallback: a generator that gives up is replaced by the offline one for that
request, the outcome says so, and the cache never keeps the stand-in."""

from __future__ import annotations

from collections.abc import Sequence

from core.analysis import Analysis
from core.cache import ResponseCache
from core.errors import FailureReason, GenerationFailed
from core.generation import OfflineGenerator
from core.personas import PersonaName
from core.pipeline import FALLBACK_GENERATOR, Pipeline, Request
from core.prompts import Prompt
from core.turns import Turn

MESSAGE = "How should I plan my first month as a tech lead?"


class Model:
    """A model-backed generator whose health the test switches."""

    name, model = "model", "model-1"
    uses_prompt = True

    def __init__(self) -> None:
        self.failing: FailureReason | None = None
        self.prompts: list[Prompt | None] = []

    def generate(
        self,
        persona: PersonaName,
        analysis: Analysis,
        turns: Sequence[Turn] = (),
        prompt: Prompt | None = None,
    ) -> str:
        self.prompts.append(prompt)
        if self.failing is not None:
            raise GenerationFailed(self.failing)
        return "the model's answer"


def test_a_failed_generation_is_answered_offline_and_says_why() -> None:
    model = Model()
    model.failing = FailureReason.SERVER_ERROR
    outcome = Pipeline(generator=model).run(Request(MESSAGE))
    assert outcome.generator == FALLBACK_GENERATOR == "offline_fallback"
    assert outcome.model == OfflineGenerator.model
    assert outcome.fallback_reason is FailureReason.SERVER_ERROR
    expected = OfflineGenerator().generate(outcome.routing.primary, outcome.analysis)
    assert outcome.answer == expected


def test_the_generator_gets_the_prompt_the_pipeline_built() -> None:
    model = Model()
    outcome = Pipeline(generator=model).run(Request(MESSAGE))
    assert model.prompts == [outcome.prompt]
    assert (outcome.generator, outcome.fallback_reason) == ("model", None)


def test_a_fallback_is_not_cached_so_the_model_answers_once_it_is_back() -> None:
    model = Model()
    pipeline = Pipeline(generator=model, cache=ResponseCache())
    model.failing = FailureReason.TIMEOUT
    down = pipeline.run(Request(MESSAGE))
    assert (down.generator, down.cache.tier) == ("offline_fallback", "computed")
    assert pipeline.run(Request(MESSAGE)).cache.tier == "computed"  # asked again, not cached

    model.failing = None
    back = pipeline.run(Request(MESSAGE))
    assert (back.generator, back.answer, back.cache.tier) == (
        "model",
        "the model's answer",
        "computed",
    )
    again = pipeline.run(Request(MESSAGE))
    assert (again.generator, again.cache.tier) == ("model", "l1")
    assert len(model.prompts) == 3  # every miss asked the model; the hit did not


def test_the_offline_generator_is_the_default_and_never_falls_back() -> None:
    outcome = Pipeline().run(Request(MESSAGE))
    assert (outcome.generator, outcome.model, outcome.fallback_reason) == (
        "offline",
        "offline-v11",
        None,
    )
