"""The person's own items (``core.generation._own``): the options they weigh and the time they
have, read from what they wrote, and the answer that works with them: "Go or Kotlin?" is
answered about Go and Kotlin, and "the exam is in 9 days" gets a plan for nine days."""

from __future__ import annotations

import re

import pytest

from core.advice._situations import table
from core.generation import OfflineGenerator
from core.generation._own import Horizon, asks_why, horizon_in, options_in, spans
from core.generation._phrases_en import EN
from core.generation._phrases_ko import KO
from core.personas import PersonaName
from core.prompts import situation_in
from core.taxonomy import Intent, Pace, ResonanceKey, Subject, Tone
from tests.helpers import analysed_as

OPTIONS = [
    ("en", "Should I learn Go or Kotlin for backend work?", ("Go", "Kotlin")),
    ("en", "React vs Vue for a first side project?", ("React", "Vue")),
    ("en", "Two seniors keep arguing about monorepo vs polyrepo.", ("monorepo", "polyrepo")),
    (
        "en",
        "We're deciding between row-level security and schema-per-tenant for our Postgres setup.",
        ("row-level security", "schema-per-tenant"),
    ),
    ("en", "Torn between the startup and the bank offer, help", ("startup", "bank offer")),
    ("en", "Would you take the offer or wait?", ("the offer", "wait")),
    ("ko", "백엔드 3년 차인데 Go랑 Kotlin 중에 뭘 배울까요?", ("Go", "Kotlin")),
    ("ko", "대학원 진학이랑 취업 사이에서 고민이에요", ("진학", "취업")),
    ("ko", "SQLD와 ADsP 중 하나를 먼저 준비하려 합니다.", ("SQLD", "ADsP")),
    ("ko", "업무용 노트북을 맥북 vs 씽크패드 중에 고르래요", ("맥북", "씽크패드")),
]
NO_OPTIONS = [
    ("en", "Could I be burned out or am I just lazy?"),  # two questions, not two options
    ("ko", "지난주에 동료랑 회의 중에 언성이 높아졌어요"),  # "during a meeting", not a choice
    ("ko", "390만 원 vs 씽크패드"),
    ("en", "I got my first job offer but the salary is lower than I hoped. Should I negotiate?"),
    ("en", "I run a team split between Austin and Bangalore."),  # a place, not a choice
    ("en", "Is it now or never?"),
    ("en", "My last projects were all abandoned between week 3 and week 6."),
    ("ko", "다음 달에 발표가 있는데 너무 떨려요"),
    ("ko", "이 정도면 괜찮은 건지 아니면 제가 예민한 건지 모르겠어요"),
]
HORIZONS = [
    ("en", "AWS exam in 9 days and I'm at 62% on practice tests.", Horizon(9, "day")),
    ("en", "I have 3 years of experience and my exam is in two weeks.", Horizon(2, "week")),
    ("en", "Over the next six months I want to move into data.", Horizon(6, "month")),
    ("en", "Three weeks left before the defence.", Horizon(3, "week")),
    ("en", "I need a 7-month plan for the promotion.", Horizon(7, "month")),
    ("ko", "시험이 9일 남았는데 네트워크 파트가 약해요", Horizon(9, "day")),
    ("ko", "3주 뒤에 박사 디펜스 발표가 있어요", Horizon(3, "week")),
    ("ko", "앞으로 두 달 동안 포트폴리오를 만들고 싶어요", Horizon(2, "month")),
    ("ko", "D-14인데 공부 계획 좀 짜주세요", Horizon(14, "day")),
]
NO_HORIZONS = [
    ("en", "My exam is in ſix days"),  # a long s is not an s: no number, and no crash
    ("en", "only 3 weeks into my new job"),
    ("ko", "20시간 남짓 공부했어요"),
    ("ko", "COVID-19 때문에 미뤄졌어요"),
    ("ko", "3월 9일 후에 발표가 있어요"),
    ("en", "I have been a pharmacist for 8 years."),
    ("en", "We had a 40-minute outage 2 days ago."),
    ("en", "I study 10 hours a week."),
    ("ko", "3월 9일에 발표가 있어요"),
    ("ko", "1년 동안 돌린 실험이 베이스라인을 못 이겨요"),
    ("ko", "5년 차 개발자예요"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), OPTIONS)
def test_options_are_read_as_written(lang: str, text: str, expected: tuple[str, ...]) -> None:
    assert options_in(text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), NO_OPTIONS)
def test_a_message_that_weighs_nothing_has_no_options(lang: str, text: str) -> None:
    assert options_in(text, lang) == ()


@pytest.mark.parametrize(("lang", "text", "expected"), HORIZONS)
def test_the_time_ahead_is_read(lang: str, text: str, expected: Horizon) -> None:
    assert horizon_in(text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), NO_HORIZONS)
def test_time_behind_ages_dates_and_rates_are_not_a_horizon(lang: str, text: str) -> None:
    assert horizon_in(text, lang) is None


@pytest.mark.parametrize("unit", ["hour", "day", "week", "month", "year"])
@pytest.mark.parametrize("count", range(1, 40))
def test_a_horizon_is_cut_into_three_spans_that_cover_it(count: int, unit: str) -> None:
    cut = spans(Horizon(count, unit))
    if not cut:
        assert unit in ("hour", "day")
        assert count < 3
        return
    assert len(cut) == 3
    assert cut[0][0] == 1
    assert all(first <= last for first, last, _ in cut)
    assert [s[0] for s in cut[1:]] == [s[1] + 1 for s in cut[:-1]]  # no gap, no overlap
    (_, end, span_unit) = cut[-1]
    assert len({u for _, _, u in cut}) == 1
    per = {("month", "year"): 12, ("week", "month"): 4, ("day", "week"): 7}
    assert end == (count if span_unit == unit else count * per[span_unit, unit])


def answer(lang: str, text: str, subject: Subject, intent: Intent, persona: PersonaName) -> str:
    analysis = analysed_as(text, ResonanceKey(Tone.CALM, Pace.MEDIUM, intent), subject)
    return OfflineGenerator().generate(persona, analysis)


PLAN = {
    "en": ("My AWS certification exam is in 9 days. Can you plan my study?", "Days 1–3: "),
    "ko": ("자격증 시험이 9일 남았어요. 공부 계획 좀 짜 주세요", "1~3일차: "),
}
CHOICE = {
    "en": ("Should I learn Go or Kotlin as my next language?", ("Go", "Kotlin")),
    "ko": ("다음 언어로 Go랑 Kotlin 중에 뭘 배울지 고민이에요", ("‘Go’", "‘Kotlin’")),
}


@pytest.mark.parametrize("persona", list(PersonaName))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_plan_is_cut_to_the_time_the_person_has(lang: str, persona: PersonaName) -> None:
    text, first_label = PLAN[lang]
    reply = answer(lang, text, Subject.EXAMS, Intent.PLANNING, persona)
    items = [line for line in reply.splitlines() if re.match(r"^(\d\. |• )", line)]
    labels = [re.sub(r"^(\d\. |• )", "", line).split(": ")[0] + ": " for line in items]
    assert labels[0] == first_label, reply
    assert len(labels) == 3, reply
    assert len(set(labels)) == 3, reply
    assert ("9 days" if lang == "en" else "9일") in reply
    # The situation's own plan, under the new labels: its steps are all there.
    analysis = analysed_as(
        text, ResonanceKey(Tone.CALM, Pace.MEDIUM, Intent.PLANNING), Subject.EXAMS
    )
    situation = situation_in(analysis)
    assert situation is not None
    for step in situation.plan:
        assert step.split(": ", 1)[1][1:] in reply, (step, reply)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_without_a_horizon_the_plan_keeps_its_own_times(lang: str) -> None:
    text = (
        "Can you help me plan my study for the exam?"
        if lang == "en"
        else "시험 공부 계획 좀 짜 주세요"
    )
    reply = answer(lang, text, Subject.EXAMS, Intent.PLANNING, PersonaName.ELRO)
    assert ("1. Today" if lang == "en" else "1. 오늘") in reply, reply


@pytest.mark.parametrize("persona", list(PersonaName))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_choice_is_answered_about_its_options(lang: str, persona: PersonaName) -> None:
    text, named = CHOICE[lang]
    reply = answer(lang, text, Subject.LEARNING_TECH, Intent.SEEK_ADVICE, persona)
    assert all(option in reply for option in named), reply
    key = ResonanceKey(Tone.CALM, Pace.MEDIUM, Intent.SEEK_ADVICE)
    situation = situation_in(analysed_as(text, key, Subject.LEARNING_TECH))
    assert situation is not None
    assert all(check in reply for check in situation.checks), reply  # criteria, not moves


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_criteria_are_promised_where_none_follow(lang: str) -> None:
    # A general message has no situation, so no criteria to weigh its options by.
    text = (
        "Should I get pizza or ramen tonight?"
        if lang == "en"
        else "저녁은 피자랑 라면 중에 뭐가 좋을까요"
    )
    assert options_in(text, lang)
    reply = answer(lang, text, Subject.GENERAL, Intent.SEEK_ADVICE, PersonaName.LUA)
    for line in EN.options_line if lang == "en" else KO.options_line:
        assert line.split("{x}")[1][:20] not in reply, reply


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_step_for_after_the_deadline_comes_after_the_time_they_have(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    situation = table(lang)[Subject.PROCRASTINATION][0]
    after = (
        "Later: after the deadline, note how far off your estimates were."
        if lang == "en"
        else "나중에: 마감 후에 예상과 실제가 얼마나 달랐는지 적어 봐요."
    )
    planned = situation._replace(plan=(*situation.plan[:2], after))
    monkeypatch.setattr("core.generation._offline.situation_in", lambda *_: planned)
    text = (
        "Essay due in 60 hours and nothing written. Lay out the next 60 hours for me."
        if lang == "en"
        else "에세이 마감이 60시간 뒤인데 하나도 못 썼어요. 계획 좀 짜 주세요"
    )
    reply = answer(lang, text, Subject.PROCRASTINATION, Intent.PLANNING, PersonaName.ELRO)
    items = [line[3:] for line in reply.splitlines() if line[:3] in ("1. ", "2. ", "3. ")]
    labels = {
        "en": ("Hours 1–30: ", "Hours 31–60: ", "Afterwards: After the deadline"),
        "ko": ("1~30시간째: ", "31~60시간째: ", "끝난 뒤: 마감 후에"),
    }[lang]
    assert all(item.startswith(label) for item, label in zip(items, labels, strict=True)), reply


WHY = [
    ("en", "What drives burnout in teams like ours, and what should we ask our manager for?"),
    ("en", "Why do I start nothing when I have more tasks?"),
    ("en", "Is it normal to still feel like a fraud after ten years?"),
    ("ko", "할 일이 많을수록 왜 아무것도 시작을 못 할까요?"),
    ("ko", "10년 넘게 개발하는 사람들은 다들 그런 감정을 느끼나요, 원래 그런 건가요?"),
    ("en", "What does the research actually say about where imposter feelings come from?"),
    ("en", "Is there any research on whether pomodoro beats long blocks?"),
    ("ko", "가면증후군이 어디서 오는지 연구 결과가 있나요?"),
    ("ko", "번아웃에 대해 연구에서는 뭐라고 하나요?"),
]
NOT_WHY = [
    ("en", "Can you give me a plan for the next two weeks?"),
    ("en", "Should I take the offer or wait?"),
    ("ko", "다음 주 발표 준비 계획 좀 짜 주세요"),
    ("en", "I'm a research engineer and my project slipped two weeks. What should I do?"),
    ("ko", "연구실 선배랑 사이가 안 좋아요. 어떻게 해야 할까요?"),
]


@pytest.mark.parametrize(("lang", "text"), WHY)
def test_a_why_question_hears_how_the_situation_works(
    lang: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert asks_why(text, lang)
    situation = table(lang)[Subject.BURNOUT][0]
    monkeypatch.setattr("core.generation._offline.situation_in", lambda *_: situation)
    for intent in (Intent.SEEK_ADVICE, Intent.REFLECTION, Intent.PLANNING):
        reply = answer(lang, text, Subject.BURNOUT, intent, PersonaName.LUA)
        assert situation.explain in reply, reply


@pytest.mark.parametrize(("lang", "text"), NOT_WHY)
def test_a_request_without_why_keeps_to_its_shape(
    lang: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not asks_why(text, lang)
    situation = table(lang)[Subject.BURNOUT][0]
    monkeypatch.setattr("core.generation._offline.situation_in", lambda *_: situation)
    reply = answer(lang, text, Subject.BURNOUT, Intent.SEEK_ADVICE, PersonaName.LUA)
    assert situation.explain not in reply, reply


@pytest.mark.parametrize("intent", [Intent.PROBLEM_SOLVING, Intent.LEARNING, Intent.REFLECTION])
def test_options_are_weighed_only_when_the_person_is_deciding(intent: Intent) -> None:
    text = "The scheduler shows UTC vs Europe/Madrid for the same job. Why?"
    assert options_in(text, "en")  # read as options, but not weighed: no decision is asked
    reply = answer("en", text, Subject.DEBUGGING, intent, PersonaName.ELRO)
    assert "weighing" not in reply.lower(), reply
    assert "side by side" not in reply.lower(), reply
