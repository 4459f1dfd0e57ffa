"""Safety in the pipeline: a crisis gets Lua's fixed safety reply (never cached, never sent to
the model unless allowed), a model's safety block on an ordinary message gets a plain answer,
and a session flagged earlier stays gentle."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from core import observability
from core.analysis import Analysis
from core.cache import ResponseCache
from core.errors import FailureReason, GenerationFailed
from core.generation import OfflineGenerator
from core.personas import PersonaName
from core.pipeline import Pipeline, Request
from core.prompts import Prompt, PromptContext
from core.safety import DEFAULTS, Category, care_note, parse, plain
from core.turns import Turn

CRISIS = "요즘 너무 힘들어서 그냥 죽고 싶다는 생각만 들어"
CRISIS_EN = "I don't see the point anymore, I've been thinking about ending it all."
ORDINARY = "How should I plan my first month as a tech lead?"


class Model:
    name, model = "model", "model-1"
    uses_prompt = True

    def __init__(self, answer: str = "the model's answer") -> None:
        self.answer = answer
        self.failing: FailureReason | None = None
        self.calls: list[tuple[PersonaName, Prompt | None]] = []

    def generate(
        self,
        persona: PersonaName,
        analysis: Analysis,
        turns: Sequence[Turn] = (),
        prompt: Prompt | None = None,
    ) -> str:
        self.calls.append((persona, prompt))
        if self.failing is not None:
            raise GenerationFailed(self.failing)
        return self.answer


@pytest.mark.parametrize("forced", [None, PersonaName.RIRI])
def test_a_crisis_gets_lua_and_the_fixed_safety_reply(forced: PersonaName | None) -> None:
    outcome = Pipeline().run(Request(CRISIS, persona=forced))
    assert outcome.analysis.safety.category is Category.SELF_HARM
    assert outcome.routing.primary is PersonaName.LUA
    assert (outcome.routing.reason, outcome.routing.forced) == ("safety", False)
    assert (outcome.generator, outcome.model) == ("safety", "safety-v1")
    assert "지금 안전한 곳에 있나요?" in outcome.answer
    assert [r.contact for r in outcome.resources][:2] == ["109", "1577-0199"]
    # The scores are still there to explain the analysis.
    assert set(outcome.routing.scores) == set(PersonaName)


def test_an_idiom_gets_the_normal_answer() -> None:
    outcome = Pipeline().run(Request("배고파 죽겠어. 점심 메뉴 추천해줘"))
    assert outcome.analysis.safety.category is Category.NONE
    assert (outcome.generator, outcome.routing.reason, outcome.resources) == (
        "offline",
        "scores",
        (),
    )


def test_safety_replies_are_never_cached() -> None:
    cache = ResponseCache()
    pipeline = Pipeline(cache=cache)
    first, second = pipeline.run(Request(CRISIS)), pipeline.run(Request(CRISIS))
    assert first.cache.tier == second.cache.tier == "bypass"
    assert cache.stats()["l1"]["size"] == 0
    assert pipeline.run(Request(ORDINARY)).cache.tier == "computed"
    assert pipeline.run(Request(ORDINARY)).cache.tier == "l1"


def test_a_crisis_never_reaches_the_model_by_default() -> None:
    model = Model()
    outcome = Pipeline(generator=model).run(Request(CRISIS_EN))
    assert model.calls == []
    assert outcome.generator == "safety"
    assert "988" in outcome.answer


def test_when_allowed_the_model_writes_under_the_safety_instruction_and_lines_follow() -> None:
    model = Model("I'm really glad you told me. Are you safe right now?")
    outcome = Pipeline(generator=model, model_safety_replies=True).run(Request(CRISIS_EN))
    [(persona, prompt)] = model.calls
    assert persona is PersonaName.LUA
    assert prompt is not None
    assert "may be at risk" in prompt.system
    assert "Do not play a persona" in prompt.system
    assert "Lua" not in prompt.system
    assert outcome.generator == "model"
    assert outcome.answer.startswith("I'm really glad you told me.")
    for resource in outcome.resources:
        assert resource.line() in outcome.answer  # verbatim, after the model's words


@pytest.mark.parametrize("reason", [FailureReason.SAFETY_BLOCKED, FailureReason.TIMEOUT])
def test_any_model_failure_on_a_crisis_gives_the_fixed_reply(reason: FailureReason) -> None:
    model = Model()
    model.failing = reason
    outcome = Pipeline(generator=model, model_safety_replies=True).run(Request(CRISIS_EN))
    assert (outcome.generator, outcome.fallback_reason) == ("safety", reason)
    assert "Are you safe right now?" in outcome.answer


def test_a_safety_block_on_an_ordinary_message_is_answered_plainly() -> None:
    model = Model()
    model.failing = FailureReason.SAFETY_BLOCKED
    outcome = Pipeline(generator=model).run(Request("이번 분기 OKR 좀 같이 봐줄래요? ㅋㅋ 신나요"))
    assert outcome.analysis.safety.category is Category.NONE
    assert (outcome.generator, outcome.fallback_reason) == (
        "offline_fallback",
        FailureReason.SAFETY_BLOCKED,
    )
    assert outcome.answer == plain("ko", DEFAULTS)
    # Other failures still get the persona's offline answer.
    model.failing = FailureReason.TIMEOUT
    other = Pipeline(generator=model).run(Request(ORDINARY))
    assert other.answer == OfflineGenerator().generate(other.routing.primary, other.analysis)


def test_a_session_flagged_earlier_stays_gentle() -> None:
    cache = ResponseCache()
    pipeline = Pipeline(cache=cache, memo=100)
    normal = pipeline.run(Request(ORDINARY))
    cared = pipeline.run(
        Request(ORDINARY, context=PromptContext(session_id="s1", care=Category.SELF_HARM))
    )
    note = care_note(Category.SELF_HARM, "en", DEFAULTS)
    assert cared.answer == f"{normal.answer}\n\n{note}"
    assert cared.cache.tier == "computed", "a cared answer is its own cache entry"
    assert "wrote about suicide or self-harm" in cared.prompt.system
    assert "gentle" in cared.prompt.system
    assert "gentle" not in normal.prompt.system


def test_configured_crisis_lines_are_the_ones_given() -> None:
    mine = [{"name": "Lifeline (Australia)", "contact": "call 13 11 14", "hours": "24/7"}]
    resources = parse(json.dumps({"en": {"self_harm": mine}}))
    outcome = Pipeline(resources=resources).run(Request(CRISIS_EN))
    assert "- Lifeline (Australia): call 13 11 14 (24/7)" in outcome.answer
    assert "988" not in outcome.answer
    assert [r.name for r in outcome.resources] == ["Lifeline (Australia)"]


def test_the_category_is_tagged_on_the_request_never_the_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    log = observability.begin_request("process", {})
    Pipeline().run(Request(CRISIS))
    log.finish("POST", "/v2/process", 200, 0.01)
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert line["safety"] == "self_harm"
    assert "죽고" not in json.dumps(line, ensure_ascii=False)
