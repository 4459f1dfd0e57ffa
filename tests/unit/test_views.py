"""``core.views``: the JSON shapes built from domain objects, the way a stored bulk result reads
back, and the memo that lets a repeated message reuse its views."""

from __future__ import annotations

from typing import Any

from core import safety
from core.analysis import analyze
from core.cli._views import AnalysisRecordOut
from core.errors import FailureReason, GenerationFailed
from core.generation import OfflineGenerator
from core.personas import PersonaName
from core.pipeline import Pipeline, Request
from core.routing import route, route_for_safety
from core.views import AnalysisOut, AnswerOut, RoutingOut, _Recent

MESSAGE = "My team keeps missing deadlines and I don't know how to bring it up."
CRISIS = "요즘 너무 힘들어서 그냥 죽고 싶다는 생각만 들어"
ANSWER_KEYS = [
    "persona",
    "secondary_persona",
    "confidence",
    "resonance_key",
    "analysis",
    "answer",
    "generator",
    "safety",
]


class TimesOut(OfflineGenerator):
    name = "gemini"
    model = "a-model"
    uses_prompt = True

    def generate(self, *args: Any, **kwargs: Any) -> str:
        raise GenerationFailed(FailureReason.TIMEOUT, "no answer in time")


def test_an_answer_is_the_shape_process_reports_and_a_bulk_item_keeps() -> None:
    outcome = Pipeline().run(Request(message=MESSAGE))
    data = AnswerOut.of(outcome).model_dump(mode="json")

    assert list(data) == ANSWER_KEYS  # no fallback: the field is left out, never null
    assert list(data["analysis"]) == [
        "safety", "language", "resonance_key", "tone", "pace", "rhythm", "intent", "subject",
    ]  # fmt: skip
    assert data["analysis"]["subject"]["primary"] == outcome.analysis.subject.primary.value
    assert data["persona"] == outcome.routing.primary.value
    assert data["analysis"]["rhythm"]["bursts"] == outcome.analysis.rhythm.bursts
    assert data["safety"] == {"category": "none", "resources": []}


def test_a_fallback_answer_says_why_last() -> None:
    outcome = Pipeline(generator=TimesOut()).run(Request(message=MESSAGE))
    data = AnswerOut.of(outcome).model_dump(mode="json")
    assert list(data) == [*ANSWER_KEYS, "fallback_reason"]
    assert (data["generator"], data["fallback_reason"]) == ("offline_fallback", "timeout")


def reversed_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: reversed_keys(value[key]) for key in reversed(list(value))}
    if isinstance(value, list):
        return [reversed_keys(item) for item in value]
    return value


def test_a_stored_result_reads_back_as_the_same_json_whatever_its_order() -> None:
    for message in (MESSAGE, CRISIS, "배포만 하면 서버가 죽어요!! 뭐부터 봐야 하죠?"):
        answer = AnswerOut.of(Pipeline().run(Request(message=message)))
        stored = reversed_keys(answer.model_dump(mode="json"))  # a document store's order
        assert list(stored) != ANSWER_KEYS
        assert AnswerOut.model_validate(stored).model_dump_json() == answer.model_dump_json()


def test_the_analysis_record_carries_the_crisis_lines_and_reply_only_for_a_crisis() -> None:
    calm = analyze(MESSAGE)
    record = AnalysisRecordOut.of(calm, route(calm.key), safety.DEFAULTS).model_dump(mode="json")
    assert record["safety"] == {"category": "none", "cues": []}
    assert list(record)[-1] == "routing"
    assert record["routing"]["reason"] == "scores"

    crisis = analyze(CRISIS)
    routing = route_for_safety(crisis.key)
    record = AnalysisRecordOut.of(crisis, routing, safety.DEFAULTS).model_dump(mode="json")
    assert list(record["safety"]) == ["category", "cues", "resources", "reply"]
    assert record["safety"]["resources"][0]["contact"] == "109"
    assert "109" in record["safety"]["reply"]
    assert (record["routing"]["primary"], record["routing"]["reason"]) == ("lua", "safety")


def test_a_repeated_analysis_reuses_its_view_and_no_other_analysis_gets_it() -> None:
    first = analyze(MESSAGE)
    assert AnalysisOut.of(first) is AnalysisOut.of(first)
    again = analyze(MESSAGE)  # equal, but another object: its view is built for it
    assert AnalysisOut.of(again) == AnalysisOut.of(first)
    assert AnalysisOut.of(again) is not AnalysisOut.of(first)
    other = analyze(CRISIS)
    assert AnalysisOut.of(other).safety.category == "self_harm"
    assert AnalysisOut.of(first).safety.category == "none"


def test_a_routing_view_follows_its_routing() -> None:
    key = analyze(MESSAGE).key
    scored, forced = route(key), route(key, forced=PersonaName.NANA)
    assert RoutingOut.of(scored) is RoutingOut.of(route(key))  # route() keeps its routings
    assert (RoutingOut.of(scored).forced, RoutingOut.of(forced).forced) == (False, True)


def test_the_memo_keeps_only_the_last_few() -> None:
    built: list[object] = []

    def build(thing: object) -> str:
        built.append(thing)
        return f"view of {id(thing)}"

    recent: _Recent[object, str] = _Recent(build, size=3)
    things = [object() for _ in range(5)]
    for thing in things:
        assert recent(thing) == f"view of {id(thing)}"
    assert len(recent._entries) == 3
    recent(things[-1])  # still there
    assert len(built) == 5
    recent(things[0])  # pushed out by the later ones: built again
    assert len(built) == 6
