"""What the pipeline keys cached answers on: a model that reads the prompt never shares an
answer between users; the offline generator, which does not, shares it."""

from __future__ import annotations

from collections.abc import Sequence

from core.analysis import Analysis
from core.cache import ResponseCache
from core.generation import OfflineGenerator
from core.personas import PersonaName
from core.pipeline import Pipeline, Request
from core.prompts import Prompt, PromptContext
from core.turns import Turn


class EchoModel:
    """Answers with the prompt's user part, as a model that reads it might."""

    name = "echo"
    model = "echo-1"
    uses_prompt = True

    def __init__(self) -> None:
        self.calls = 0

    def generate(
        self,
        persona: PersonaName,
        analysis: Analysis,
        turns: Sequence[Turn] = (),
        prompt: Prompt | None = None,
    ) -> str:
        self.calls += 1
        assert prompt is not None
        return prompt.user


def ask(pipeline: Pipeline, user: str) -> str:
    request = Request(message="How do I ask for a raise?", context=PromptContext(user_id=user))
    return pipeline.run(request).answer


def test_a_model_reading_the_prompt_never_gets_another_users_answer() -> None:
    model = EchoModel()
    pipeline = Pipeline(generator=model, cache=ResponseCache())
    alice, bob = ask(pipeline, "alice"), ask(pipeline, "bob")
    assert "user=alice" in alice
    assert "user=bob" in bob
    assert model.calls == 2
    assert ask(pipeline, "alice") == alice
    assert model.calls == 2  # alice's repeat is a hit


def test_the_offline_generator_shares_answers_across_users() -> None:
    pipeline = Pipeline(generator=OfflineGenerator(), cache=ResponseCache())
    ask(pipeline, "alice")
    request = Request(message="How do I ask for a raise?", context=PromptContext(user_id="bob"))
    assert pipeline.run(request).cache.tier == "l1"
