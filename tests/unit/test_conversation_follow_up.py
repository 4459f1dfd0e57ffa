"""Follow-ups in a session (issue 19): which messages carry the previous turn's subject and
intent, and what the session keeps of a turn for the next one."""

from __future__ import annotations

import pytest

from core.analysis import PREVIOUS_TURN, analyze, as_follow_up
from core.conversation import continuity
from core.personas import PersonaName
from core.taxonomy import Intent, Subject
from core.turns import Turn

FOLLOW_UPS = [
    "그럼 뭐부터 하면 돼요?",
    "두 번째 거는 어떻게 해요?",
    "그 다음은요?",
    "and then?",
    "what about the second one?",
    "Where do I start?",
    "ok, and how long should that take?",
]
OWN = [
    "팀 회의 운영은 어떻게 해요?",  # short, but a question of its own
    "How do I ask my manager for a raise?",
    "요즘 잠을 못 자겠어요. 번아웃 같아요",
    "고마워요!",
]


@pytest.mark.parametrize("text", FOLLOW_UPS)
def test_a_follow_up_carries_the_previous_subject_and_intent(text: str) -> None:
    own = analyze(text)
    carried = as_follow_up(own, Subject.JOB_SEARCH.value, Intent.PLANNING.value)
    assert carried.follow_up
    assert carried.subject.primary is Subject.JOB_SEARCH
    assert carried.subject.cues == (PREVIOUS_TURN,)
    assert carried.subject.confidence == own.subject.confidence  # no certainty it lacked
    assert carried.intent.primary in (Intent.PLANNING, own.intent.primary)
    if own.intent.confidence < 0.4:
        assert carried.intent.primary is Intent.PLANNING
    assert carried.tone == own.tone
    assert carried.safety == own.safety


@pytest.mark.parametrize("text", OWN)
def test_a_message_with_its_own_question_is_read_on_its_own(text: str) -> None:
    own = analyze(text)
    assert as_follow_up(own, Subject.JOB_SEARCH.value, Intent.PLANNING.value) == own


def test_nothing_is_carried_without_a_previous_reading_nor_into_a_crisis() -> None:
    follow = analyze("and then?")
    assert as_follow_up(follow, None, None) == follow
    crisis = analyze("그럼 그냥 죽고 싶어요")
    assert crisis.safety.flagged
    assert as_follow_up(crisis, Subject.JOB_SEARCH.value, Intent.PLANNING.value) == crisis


def test_the_mentor_is_the_last_one_a_mentor_turn_names_and_a_safety_reply_names_none() -> None:
    turns = (
        Turn("user", "a", subject="job_search", intent="seek_advice"),
        Turn("mentor", "A", persona="riri"),
        Turn("user", "crisis", safety="self_harm"),
        Turn("mentor", "safety reply"),
    )
    assert continuity(turns, 0.2) == (PersonaName.RIRI, "job_search", "seek_advice", 0.2)
    assert continuity((), 0.15) == (None, None, None, 0.15)
