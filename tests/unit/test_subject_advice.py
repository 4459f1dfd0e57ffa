"""Answers about what was asked: a message's subject brings that subject's advice (``core.advice``)
into the offline answer, in the persona's structure, and the model's prompt gets the subject's
key points. ``general`` keeps the intent's generic shape (``test_offline_generator.py``)."""

from __future__ import annotations

import re

import pytest

from core.advice import EN_ADVICE, KO_ADVICE, Advice, advice_for
from core.analysis import Analysis, analyze
from core.generation import OfflineGenerator
from core.personas import PersonaName
from core.prompts import build_prompt
from core.taxonomy import Intent, Pace, ResonanceKey, Subject, Tone, Topic
from tests.helpers import HANGUL, analysed_as, hangul_share

LIBRARIES = {"en": EN_ADVICE, "ko": KO_ADVICE}


@pytest.fixture
def no_situation(monkeypatch: pytest.MonkeyPatch) -> None:
    """The answer as it is when the subject's situation model finds none of its situations:
    the subject's own advice (situations are tested in ``test_situations.py``)."""
    monkeypatch.setattr("core.generation._offline.situation_in", lambda *_: None)


SUBJECTS = [s for s in Subject if s is not Subject.GENERAL]
TEXTS = {
    "en": "Could you help me think this through? I'd like a second opinion before I decide.",
    "ko": "이 문제를 어떻게 생각해야 할지 같이 봐 주실 수 있을까요? 결정 전에 의견이 궁금해요.",
}
# Steps of a debugging or release routine: never in an answer about a subject outside code
# ("commit to a bootcamp", "log off" and a "research log" are not).
TECHNICAL = {
    "en": re.compile(
        r"\b(?:errors?|stack trace|reproduce|repro|debug\w*|breakpoints?|bisect|deploy\w*|"
        r"roll ?back|bugs?|the logs|last change)\b",
        re.IGNORECASE,
    ),
    "ko": re.compile(r"에러|디버깅|배포|롤백|버그|재현|브레이크포인트|스택 트레이스|마지막 변경"),
}


def at(lang: str, subject: Subject, tone: Tone, intent: Intent) -> Analysis:
    return analysed_as(TEXTS[lang], ResonanceKey(tone, Pace.MEDIUM, intent), subject)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_subject_has_advice_for_every_intent(lang: str) -> None:
    library = LIBRARIES[lang]
    assert set(library) == set(SUBJECTS)
    for subject, advice in library.items():
        assert advice.name, subject
        assert 3 <= len(advice.points) <= 4, subject
        assert len(advice.evidence) == len(advice.people) == 2, subject
        assert set(advice.steps) == set(Intent), subject
        texts = [*advice.points, *advice.evidence, *advice.people]
        for intent, steps in advice.steps.items():
            assert len(set(steps)) == len(steps) == 3, (subject, intent)
            texts += steps
        for text in texts:
            assert text == text.strip(), (subject, text)
            assert text[-1] in ".?!요", (subject, text)
            assert not set(text) & set("{}\n"), (subject, text)
            if lang == "ko":  # Korean sentences, English terms inside some ("good first issue")
                assert hangul_share(text) > 0.4, (subject, text)
        assert all(step.endswith("?") for step in advice.steps[Intent.REFLECTION]), subject


def test_general_has_no_advice_and_every_other_subject_a_topic() -> None:
    assert advice_for(Subject.GENERAL, "en") is None
    assert advice_for(Subject.GENERAL, "ko") is None
    assert Subject.GENERAL.topic is None
    assert {s.topic for s in SUBJECTS} == set(Topic)


@pytest.mark.usefixtures("no_situation")
@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("subject", SUBJECTS)
def test_the_answer_gives_the_subjects_steps_in_the_personas_structure(
    lang: str, subject: Subject
) -> None:
    advice: Advice = LIBRARIES[lang][subject]
    for intent in Intent:
        steps = advice.steps[intent]
        for persona in PersonaName:
            reply = OfflineGenerator().generate(persona, at(lang, subject, Tone.CALM, intent))
            lines = reply.splitlines()
            if persona is PersonaName.ELRO:
                assert [f"{n}. {s}" for n, s in enumerate(steps, 1)] == [
                    line for line in lines if line[:3] in ("1. ", "2. ", "3. ")
                ], reply
            else:
                assert all(any(line.endswith(step) for line in lines) for step in steps), reply
            if persona is PersonaName.RIRI:  # evidence, then an insight, then the steps
                evidence = next(i for i, line in enumerate(lines) if line.endswith(advice.evidence))
                insight = next(i for i, line in enumerate(lines) if line.endswith(advice.points))
                assert evidence < insight < next(i for i, ln in enumerate(lines) if steps[0] in ln)
            elif persona is PersonaName.NANA:  # people first
                people = next(i for i, line in enumerate(lines) if line.endswith(advice.people))
                assert people < next(i for i, ln in enumerate(lines) if steps[0] in ln)
            else:  # the subject by name, with one of its key points
                assert any(advice.name in line and line.endswith(advice.points) for line in lines)
            if lang == "ko":
                assert hangul_share(reply) > 0.6, reply
            else:
                assert not HANGUL.search(reply), reply
            assert len(reply) <= 1300, (len(reply), reply)
            assert len(lines) <= 12, reply


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_answer_about_a_non_technical_subject_carries_technical_advice(
    lang: str, no_situation: None
) -> None:
    outside_code = [
        s for s in SUBJECTS if s.topic is not Topic.CODE and s is not Subject.LEARNING_TECH
    ]
    for subject in outside_code:
        for tone in Tone:  # urgent included: its move must not be a generic "roll back"
            for intent in Intent:
                for persona in PersonaName:
                    reply = OfflineGenerator().generate(persona, at(lang, subject, tone, intent))
                    found = TECHNICAL[lang].search(reply)
                    assert found is None, (subject, tone, intent, persona, found, reply)


def test_the_generic_shape_would_have_carried_technical_advice() -> None:
    # The check above can fail: read as general, such a message gets the intent's generic
    # steps, and some of those are a debugging routine.
    for lang in ("en", "ko"):
        replies = [
            OfflineGenerator().generate(persona, at(lang, Subject.GENERAL, tone, intent))
            for persona in PersonaName
            for tone in (Tone.URGENT, Tone.CALM)
            for intent in (Intent.PROBLEM_SOLVING,)
        ]
        assert any(TECHNICAL[lang].search(reply) for reply in replies), lang


def test_the_examples_from_the_issue_get_advice_about_their_subject() -> None:
    cases = {
        "I got my first job offer but the salary is lower than I hoped. Should I negotiate?": (
            (Subject.JOB_OFFER,),
            ("negotiat", "counter", "number"),
        ),
        # The issue calls this one "debugging steps for a thesis": getting started on a thesis
        # is about the thesis as much as about putting it off, and either subject's advice
        # answers it; what must not happen is the generic shape.
        "I keep procrastinating on my thesis and I feel guilty. How do I get started?": (
            (Subject.PROCRASTINATION, Subject.THESIS),
            ("start", "step"),
        ),
        "다음 달에 발표가 있는데 너무 떨려요": ((Subject.PRESENTATION,), ("발표", "리허설")),
    }
    for text, (subjects, words) in cases.items():
        analysis = analyze(text)
        assert analysis.subject.primary in subjects, (text, analysis.subject)
        for persona in PersonaName:
            reply = OfflineGenerator().generate(persona, analysis).lower()
            assert any(word in reply for word in words), reply
            assert "reproduce it once" not in reply  # the generic steps of the issue's examples
            assert "decide now" not in reply


def test_the_model_is_told_the_subject_and_its_key_points() -> None:
    analysis = analyze(
        "I got my first job offer but the salary is lower than I hoped. Should I negotiate?"
    )
    advice = advice_for(Subject.JOB_OFFER, "en")
    assert advice is not None
    prompt = build_prompt(PersonaName.RIRI, analysis)
    assert f"about {advice.name}" in prompt.system
    assert all(point in prompt.system for point in advice.points)
    assert "subject=job_offer" in prompt.user
    general = build_prompt(PersonaName.RIRI, analyze("hello there"))
    assert "The message is about" not in general.system
    assert "subject=general" in general.user


def test_a_korean_message_gives_the_model_the_korean_points() -> None:
    analysis = analyze("다음 달에 발표가 있는데 너무 떨려요")
    advice = advice_for(analysis.subject.primary, "ko")
    assert advice is not None
    prompt = build_prompt(PersonaName.LUA, analysis)
    assert advice.points[0] in prompt.system
