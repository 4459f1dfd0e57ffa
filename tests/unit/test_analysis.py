from __future__ import annotations

import pytest

from core.analysis import analyze
from core.errors import EmptyMessage
from core.taxonomy import Pace, Tone


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", "\x00\x01"])
def test_empty_or_blank_text_is_an_error(text: str) -> None:
    with pytest.raises(EmptyMessage) as caught:
        analyze(text)
    assert caught.value.field == "message"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("배포가 또 실패했어요", "ko"),
        ("PR 리뷰가 너무 늦어서 TypeError: 'NoneType' object is not subscriptable 나요", "ko"),
        ("My deploy failed again", "en"),
        ("ㅋㅋㅋ this is so funny", "en"),
        ("¿Cómo puedo mejorar mi código?", "other"),
        ("Как мне улучшить мой код?", "other"),
        ("🙂🙂", "other"),
    ],
)
def test_language(text: str, language: str) -> None:
    assert analyze(text).language == language


@pytest.mark.parametrize(
    "text",
    ["What time is the team sync tomorrow?", "회의는 몇 시에 시작하나요?", "Is there a template?"],
)
def test_a_question_mark_alone_does_not_decide_the_tone(text: str) -> None:
    tone = analyze(text).tone.primary
    assert tone not in (Tone.CURIOUS, Tone.CONFUSED)
    assert analyze(text.rstrip("?")).tone.primary == tone


def test_judgements_carry_confidence_and_a_distinct_runner_up() -> None:
    a = analyze("I'm so worried I'll fail the interview tomorrow, what should I do?")
    assert a.tone.primary == Tone.ANXIOUS
    assert a.tone.runner_up != a.tone.primary
    assert 0 < a.tone.runner_up_confidence <= a.tone.confidence <= 1
    assert a.intent.runner_up != a.intent.primary
    assert str(a.key) == f"{a.tone.primary}-{a.pace}-{a.intent.primary}"


def test_no_cue_is_a_low_confidence_default() -> None:
    plain, strong = analyze("I have a question."), analyze("ugh this is SO annoying!!")
    assert plain.tone.primary == Tone.CALM
    assert plain.tone.confidence < strong.tone.confidence


@pytest.mark.parametrize(
    ("text", "tone"),
    [
        ("WHY DOES THIS KEEP BREAKING", Tone.FRUSTRATED),
        ("아 진짜 짜증나 왜 또 안 돼", Tone.FRUSTRATED),
        ("ㅋㅋㅋㅋ 코드 리뷰에서 내 변수명 보고 다들 웃음", Tone.PLAYFUL),
        ("lol my code works and I have no idea why 😂", Tone.PLAYFUL),
        ("면접이 내일인데 너무 떨려요 ㅠㅠ", Tone.ANXIOUS),
        ("p95 latency went from 120ms to 340ms after the deploy", Tone.ANALYTICAL),
        ("내일 아침까지 제출해야 해요 급해요", Tone.URGENT),
        ("I don't get the difference between a mutex and a semaphore", Tone.CONFUSED),
        ("우리 팀이 다 같이 회고를 해보려고 해요", Tone.COLLABORATIVE),
        ("I wonder how compilers actually optimise loops", Tone.CURIOUS),
    ],
)
def test_tone_reads_korean_and_english_signals(text: str, tone: Tone) -> None:
    assert analyze(text).tone.primary == tone


@pytest.mark.parametrize(
    ("text", "pace"),
    [
        ("WHAT?! no way!! again?!", Pace.BURST),
        ("헐 ㅋㅋㅋ 진짜?? 대박", Pace.BURST),
        (
            "I have been thinking about where my career is heading over the last couple of "
            "years and whether the path I chose still fits the person I am becoming. Some days "
            "I feel sure about it and other days I wonder whether I drifted into it by accident.",
            Pace.CONTEMPLATIVE,
        ),
        ("Can you review my plan for the week?", Pace.MEDIUM),
    ],
)
def test_pace_from_rhythm(text: str, pace: Pace) -> None:
    assert analyze(text).pace == pace


def test_rhythm_features_are_reported() -> None:
    r = analyze("ugh!! WHY 😭 ㅋㅋ").rhythm
    assert r.burst_punctuation >= 1
    assert r.caps_words == 1
    assert r.emoji >= 1
    assert r.laughter == 1


def test_acronyms_are_not_shouting() -> None:
    assert analyze("Our API returns JSON over HTTP").rhythm.caps_words == 0


def test_code_inside_a_message_points_to_problem_solving() -> None:
    a = analyze("`df.groupby('a').sum()` gives me NaN everywhere")
    assert a.intent.primary.value == "problem_solving"


def test_control_characters_are_dropped_and_text_normalised() -> None:
    assert analyze("  hello\x00 there \x07 ").text == "hello there"


def test_analysis_is_deterministic() -> None:
    text = "요즘 회사 일이 손에 안 잡혀요. 이직을 해야 할까요?"
    assert analyze(text) == analyze(text)
