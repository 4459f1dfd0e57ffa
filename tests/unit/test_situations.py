"""Situations within a subject (``core.advice._situations``): which one a message is in, and
the answer that follows from it. A postmortem is not an outage, and "how do interviewers score"
is not "how do I prepare"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from core.advice import Situation, situation_of
from core.advice._situations import _entries, cue_hits, english_form, korean_form, table
from core.analysis import Analysis
from core.generation import OfflineGenerator
from core.generation._own import asks_why
from core.personas import PersonaName
from core.prompts import build_prompt, situation_in
from core.taxonomy import Intent, Pace, ResonanceKey, Subject, Tone, Topic
from tests.helpers import HANGUL, analysed_as, hangul_share
from tests.unit.test_subject_advice import TECHNICAL, TEXTS

SUBJECTS = [s for s in Subject if s is not Subject.GENERAL]
LANGS = ("en", "ko")
# Situations about technical work inside a subject outside code: a portfolio is deployed, a
# big codebase is traced with a debugger, an experiment reproduces a baseline. Every other
# situation outside code must carry no debugging or release step.
TECHNICAL_WORK = {
    (Subject.JOB_SEARCH, "portfolio"),
    (Subject.ONBOARDING, "big_codebase"),
    (Subject.ONBOARDING, "first_task"),  # a first ticket goes through review and deploy
    (Subject.CAREER_CHANGE, "into_dev"),
    (Subject.THESIS, "experiments"),
    (Subject.EXAMS, "which_cert"),  # a cloud certificate beside a small deployed project
}


def with_cue(lang: str, situation: Situation) -> str:
    """A message in ``situation``: the neutral text and the situation's first cue."""
    return f"{TEXTS[lang]} {situation.cues[0].strip()}"


def at(lang: str, subject: Subject, text: str, tone: Tone, intent: Intent) -> Analysis:
    return analysed_as(text, ResonanceKey(tone, Pace.MEDIUM, intent), subject)


@pytest.mark.parametrize("lang", LANGS)
def test_every_subject_has_complete_situations(lang: str) -> None:
    situations = table(lang)
    assert set(situations) == set(SUBJECTS)
    for subject, found in situations.items():
        assert len(found) >= 4, subject
        assert len({s.id for s in found}) == len(found), subject
        for s in found:
            assert s.name, (subject, s.id)
            assert len(s.cues) >= 8, (subject, s.id)
            assert len(s.steps) == len(s.checks) == len(s.plan) == 3, (subject, s.id)
            assert len(s.questions) == 2, (subject, s.id)
            assert all(q.rstrip().endswith("?") for q in s.questions), (subject, s.id)
            texts = (s.point, s.explain, s.people, s.evidence, *s.steps, *s.checks, *s.plan)
            for text in (*texts, *s.questions):
                assert text == text.strip(), (subject, s.id, text)
                assert text[-1] in ".?!요다", (subject, s.id, text)
                assert not set(text) & set("{}\n"), (subject, s.id, text)
                if lang == "ko":
                    assert hangul_share(text) > 0.4, (subject, s.id, text)
                else:
                    assert not HANGUL.search(text), (subject, s.id, text)


def test_both_languages_have_the_same_situations() -> None:
    en, ko = table("en"), table("ko")
    for subject in SUBJECTS:
        assert [s.id for s in en[subject]] == [s.id for s in ko[subject]], subject


@pytest.mark.parametrize("lang", LANGS)
def test_no_cue_belongs_to_two_situations_of_a_subject(lang: str) -> None:
    for subject, found in table(lang).items():
        seen: dict[str, str] = {}
        for s in found:
            for cue in s.cues:
                assert seen.setdefault(cue, s.id) == s.id, (subject, cue, seen[cue], s.id)


@pytest.mark.parametrize("lang", LANGS)
def test_each_cue_finds_its_situation(lang: str) -> None:
    # A cue as written is found for its situation; it ranks first unless a longer cue of
    # another situation contains it (then the other has as many hits): most of each one's cues.
    for subject_name, entries in _entries(lang).items():
        subject = Subject(subject_name)
        for entry in entries:
            hits = [cue_hits(subject, lang, cue) for cue in entry["cues"]]
            assert all(entry["id"] in h for h in hits), (subject, entry["id"])
            first = sum(max(h, key=h.__getitem__) == entry["id"] for h in hits)
            assert first >= 0.8 * len(hits), (subject, entry["id"], first, len(hits))


def test_matching_ignores_case_inflection_and_korean_spacing() -> None:
    assert english_form("Rejected AGAIN, after 3 rejections!") == " reject again after 3 rejection "
    assert korean_form("재발 방지 대책") == "재발방지대책"
    assert "postmortem" in cue_hits(Subject.DEPLOYMENT, "en", "Writing our POSTMORTEMS takes ages")
    assert "postmortem" in cue_hits(Subject.DEPLOYMENT, "ko", "재발 방지 대책을 쓰고 있어요")


def test_a_subject_without_situations_has_none() -> None:
    assert situation_of(Subject.GENERAL, "en", "postmortem timeline") is None
    assert situation_of(Subject.GENERAL, "ko", "포스트모템 타임라인") is None


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> Callable[[Situation], None]:
    """Make the answer be about a given situation, whatever the model would choose: these
    tests hold how every situation's advice is given (the choice is tested on labelled
    messages in ``test_situation_model.py``)."""

    def choose(situation: Situation) -> None:
        monkeypatch.setattr("core.generation._offline.situation_in", lambda *_: situation)

    return choose


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("subject", SUBJECTS)
def test_the_answer_gives_the_situations_advice_in_the_personas_structure(
    lang: str, subject: Subject, chosen: Callable[[Situation], None]
) -> None:
    generator = OfflineGenerator()
    for situation in table(lang)[subject]:
        text = with_cue(lang, situation)
        chosen(situation)
        for intent in Intent:
            items = situation.items(intent)
            for persona in PersonaName:
                reply = generator.generate(persona, at(lang, subject, text, Tone.CALM, intent))
                lines = reply.splitlines()
                if persona is PersonaName.ELRO:
                    numbered = [line for line in lines if line[:3] in ("1. ", "2. ", "3. ")]
                    assert numbered == [f"{n}. {item}" for n, item in enumerate(items, 1)]
                else:
                    assert all(any(ln.endswith(item) for ln in lines) for item in items), reply
                first = next(i for i, ln in enumerate(lines) if ln.endswith(items[0]))
                # how it works, before the items, only for someone learning
                explained = [i for i, ln in enumerate(lines) if ln.endswith(situation.explain)]
                # (or for a why-question: a situation's cue may be one, "연구 결과")
                learns = intent is Intent.LEARNING or asks_why(text, lang)
                assert explained == ([first - 2] if learns else []), reply
                # Riri's evidence and Nana's people are the situation's own, first of all
                own = {PersonaName.RIRI: situation.evidence, PersonaName.NANA: situation.people}
                if persona in own:
                    assert lines[2].endswith(own[persona]), reply  # after opening and tone
                if persona is not PersonaName.NANA:  # she starts from people instead
                    point = next(i for i, ln in enumerate(lines) if ln.endswith(situation.point))
                    assert point < first, reply
                    if persona is not PersonaName.RIRI:  # Lua and Elro name the situation
                        assert situation.name in lines[point], reply
                if lang == "ko":
                    assert hangul_share(reply) > 0.6, reply
                else:
                    assert not HANGUL.search(reply), reply
                assert len(reply) <= 1400, (len(reply), reply)


@pytest.mark.parametrize("lang", LANGS)
def test_no_situation_outside_code_carries_technical_advice(
    lang: str, chosen: Callable[[Situation], None]
) -> None:
    generator = OfflineGenerator()
    outside_code = [
        s for s in SUBJECTS if s.topic is not Topic.CODE and s is not Subject.LEARNING_TECH
    ]
    for subject in outside_code:
        for situation in table(lang)[subject]:
            if (subject, situation.id) in TECHNICAL_WORK:
                continue
            text = with_cue(lang, situation)
            chosen(situation)
            for tone in (Tone.CALM, Tone.URGENT):
                for intent in Intent:
                    for persona in PersonaName:
                        reply = generator.generate(persona, at(lang, subject, text, tone, intent))
                        found = TECHNICAL[lang].search(reply)
                        assert found is None, (subject, situation.id, found, reply)


def test_the_model_is_told_the_situation() -> None:
    text = "We had a 40-minute outage last week and I'm writing the postmortem. What goes in it?"
    analysis = at("en", Subject.DEPLOYMENT, text, Tone.CALM, Intent.LEARNING)
    situation = situation_in(analysis)
    assert situation is not None
    prompt = build_prompt(PersonaName.RIRI, analysis)
    assert situation.name in prompt.system
    assert situation.point in prompt.system
    plain = build_prompt(
        PersonaName.RIRI, at("en", Subject.GENERAL, TEXTS["en"], Tone.CALM, Intent.LEARNING)
    )
    assert "More precisely" not in plain.system
