"""The safety check, its reply and its crisis lines (core.safety), without I/O.

The examples here are the ones the issue and ``shared/docs/safety.md`` quote; how well the
check does on messages nobody here wrote is measured by ``test_safety_accuracy.py``.
"""

from __future__ import annotations

import json
import re

import pytest

from core.analysis import analyze
from core.safety import (
    DEFAULTS,
    Category,
    Kind,
    _detect,
    _en,
    _ko,
    asks_something_else,
    assess,
    care_note,
    crisis_resources,
    parse,
    plain,
    reply,
    reply_instruction,
    resources_for,
    session_instruction,
)
from core.views import AnalysisOut

CRISES = [
    ("요즘 너무 힘들어서 그냥 죽고 싶다는 생각만 들어", Category.SELF_HARM),
    ("I don't see the point anymore, I've been thinking about ending it all.", Category.SELF_HARM),
    ("사라지고 싶다", Category.SELF_HARM),
    ("다 끝내고 싶어", Category.SELF_HARM),
    ("wish I could go to sleep and not wake up", Category.SELF_HARM),
    ("everyone would be better off without me", Category.SELF_HARM),
    (
        "thesis due friday and honestly I don't see the point of being alive anymore. anyway "
        "how do I format citations",
        Category.SELF_HARM,
    ),
    ("I've been cutting again and I hide it under long sleeves", Category.SELF_HARM),
    ("남편이 술만 마시면 때려요. 어제는 목을 졸랐어요", Category.ABUSE),
    ("my ex keeps following me home and says he'll kill me if I report him", Category.ABUSE),
    (
        "I keep imagining stabbing my manager and it scares me how real it feels",
        Category.HARM_TO_OTHERS,
    ),
    ("그 선배 진짜 칼로 찔러버리고 싶어. 계속 그 생각만 나", Category.HARM_TO_OTHERS),
]
IDIOMS = [
    "배고파 죽겠어",
    "졸려 죽겠다",
    "서버가 죽었어요",
    "프로세스 죽이는 법",
    "죽이는 아이디어",
    "발표 망하면 난 죽었다",
    "this bug is killing me",
    "kill -9",
    "dead code",
    "I'd kill for a coffee",
    "killed it in the interview",
    "career suicide",
    "my laptop died",
]
DISTRESS = [
    "I'm so burned out I can't do this job anymore, I want to quit",
    "I feel like a complete failure after that review",
    "번아웃 와서 회사 그만두고 싶어요",
    "저는 실패자 같아요. 뭘 해도 안 돼요",
]


@pytest.mark.parametrize(("text", "category"), CRISES)
def test_crises_are_flagged_with_their_category(text: str, category: Category) -> None:
    check = assess(text)
    assert check.category is category
    assert check.cues, "the words it was read from"
    for cue in check.cues:
        assert cue in text, "cues are the message's own words"


@pytest.mark.parametrize("text", IDIOMS + DISTRESS)
def test_idioms_jargon_and_ordinary_distress_are_not(text: str) -> None:
    check = assess(text)
    assert check.category is Category.NONE, check.cues
    assert check.cues == ()


def test_a_laugh_with_something_trivial_clears_hyperbole_but_a_laugh_alone_does_not() -> None:
    assert not assess("창피해서 죽고 싶었어 ㅋㅋㅋ").flagged
    assert not assess("I replied-all to the whole company, I want to die lol").flagged
    assert assess("그냥 죽고 싶다 ㅋㅋ").flagged
    assert assess("I want to die lol").flagged
    # ...and saying it is no joke keeps it.
    assert assess("창피해서 죽고 싶어 ㅋㅋ 근데 농담 아니야").flagged


def test_a_subject_under_discussion_is_not_the_writers_own() -> None:
    assert not assess("I'm writing my thesis on suicide prevention in young men").flagged
    assert not assess("자해 예방 교육 자료를 만들고 있는데 구성 좀 봐주세요").flagged
    assert assess("I'm writing my thesis on suicide prevention and honestly I want to die").flagged


def test_negation_is_read() -> None:
    assert not assess("I'm not suicidal, just exhausted from the launch").flagged
    assert not assess("죽고 싶은 건 아니고 그냥 좀 쉬고 싶어요").flagged
    assert assess("죽고 싶진 않은데 살고 싶지도 않아").flagged


def test_spacing_and_filler_marks_do_not_hide_korean() -> None:
    for text in ("죽고싶다", "죽고 싶 다", "자1살하고 싶어", "자.살 생각이 나요"):
        assert assess(text).category is Category.SELF_HARM, text


def test_several_categories_put_the_writers_own_safety_first() -> None:
    check = assess("My husband beats me and honestly I want to die")
    assert check.category is Category.SELF_HARM
    assert check.categories == (Category.SELF_HARM, Category.ABUSE)
    assert {Kind.IDEATION, Kind.ABUSE} <= set(check.kinds)


def test_the_analysis_json_carries_safety_at_the_top() -> None:
    data = AnalysisOut.of(analyze("다 끝내고 싶어")).model_dump(mode="json")
    assert data["safety"]["category"] == "self_harm"
    assert data["safety"]["cues"]
    none = AnalysisOut.of(analyze("배고파 죽겠어")).model_dump(mode="json")
    assert none["safety"] == {"category": "none", "cues": []}


@pytest.mark.parametrize("module", [_en, _ko], ids=["en", "ko"])
def test_rule_tables_are_well_formed(module: object) -> None:
    rules = module.RULES  # type: ignore[attr-defined]
    assert len(rules) > 50
    for index, rule in enumerate(rules):
        for part in (rule.pattern, rule.veto, rule.needs):
            if part is None:
                continue
            # An empty alternative matches anywhere: a rule (or its veto) would always fire.
            for empty in ("||", "(|", "|)"):
                assert empty not in part, (index, part[:60])
            # A quantifier in an f-string must be doubled ({{0,30}}); single, it is a tuple.
            assert not re.search(r"\(\d+, ?\d+\)", part), (index, part[:60])
        re.compile(_detect._compile_veto(rule.veto or ""))
        re.compile(rule.needs or "")
        assert re.compile(rule.pattern).search("") is None, f"rule {index} matches nothing"
    for shield in module.SHIELDS:  # type: ignore[attr-defined]
        assert re.compile(shield).fullmatch("") is None
    for name in (
        "RISK",
        "OTHERS",
        "REPORTED",
        "LAUGH",
        "TRIVIAL",
        "DISCLAIMER",
        "EARNEST",
        "TOPIC",
    ):
        source = getattr(module, name)
        assert "\\\\" not in source, f"{name}: a doubled backslash matches a backslash, not \\b"
        re.compile(source)


def test_messages_that_would_break_a_careless_matcher() -> None:
    for text in ("", " ", "?" * 5000, "ㅋ" * 3000, "a" * 4000, "\x00\x1f", "😂" * 100, "İ" * 50):
        assert assess(text).category in Category


# --- the reply ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("요즘 너무 힘들어서 그냥 죽고 싶다는 생각만 들어", "ko"),
        ("I don't see the point anymore, I've been thinking about ending it all.", "en"),
    ],
)
def test_the_self_harm_reply_does_what_safe_messaging_asks(text: str, language: str) -> None:
    check = assess(text)
    answer = reply(check, language, DEFAULTS)
    lines = resources_for(DEFAULTS, language, Category.SELF_HARM)
    for resource in lines:
        assert resource.line() in answer, "every crisis line, as text to dial"
    if language == "ko":
        assert "지금 안전한 곳에 있나요?" in answer
        assert "109" in answer
        assert "1577-0199" in answer
        assert "죽고 싶다는 생각" in answer  # what they wrote, in plain words
    else:
        assert "Are you safe right now?" in answer
        assert "988" in answer
        assert "116 123" in answer
        assert "ending your life" in answer
    banned = ("good question", "궁금해할 만한", "options", "1.", "Decide now", "데이터로", "—")
    for phrase in banned:
        assert phrase not in answer, phrase


def test_abuse_and_harm_to_others_replies_have_their_own_lines_and_steps() -> None:
    abuse = reply(assess("남편이 때려요"), "ko", DEFAULTS)
    assert "1366" in abuse
    assert "112" in abuse
    assert "절대 잘못이 아니에요" in abuse
    harm = reply(assess("I keep imagining stabbing my manager"), "en", DEFAULTS)
    assert "step away" in harm
    assert "988" in harm
    assert "1366" not in harm


def test_a_plan_is_named_as_one_and_the_means_put_out_of_reach() -> None:
    plan = reply(assess("I'm going to kill myself this weekend"), "en", DEFAULTS)
    assert "a plan or a way to end your life" in plan
    assert "out of reach" in plan
    thought = reply(assess("I keep wishing I could disappear forever"), "en", DEFAULTS)
    assert "out of reach" not in thought
    assert "thoughts of ending your life" in thought


def test_a_crisis_buried_in_a_request_is_answered_first_and_the_rest_can_wait() -> None:
    text = (
        "thesis due friday and honestly I don't see the point of being alive anymore. anyway "
        "how do I format citations"
    )
    assert asks_something_else(text)
    assert "can wait" in reply(assess(text), "en", DEFAULTS, embedded=True)
    assert not asks_something_else("I want to die. I can't take it anymore.")


def test_mixed_crises_list_every_categorys_lines_once() -> None:
    check = assess("My husband beats me and honestly I want to die")
    lines = crisis_resources(check, "en", DEFAULTS)
    names = [r.name for r in lines]
    assert len(names) == len(set(names))
    assert any("988" in r.contact for r in lines)
    assert any("799-7233" in r.contact for r in lines)


def test_plain_answer_care_note_and_model_instructions() -> None:
    assert "109" in plain("ko", DEFAULTS)
    assert "988" in plain("en", DEFAULTS)
    assert "109" in care_note(Category.SELF_HARM, "ko", DEFAULTS)
    assert "1366" in care_note(Category.ABUSE, "ko", DEFAULTS)
    instruction = reply_instruction(Category.SELF_HARM, "ko")
    assert "Korean" in instruction
    assert "safe right now" in instruction
    assert "Never describe methods" in instruction
    assert "gentle" in session_instruction(Category.SELF_HARM)


# --- crisis lines ----------------------------------------------------------------------------


def test_resources_default_and_other_languages_get_english() -> None:
    assert parse("") is DEFAULTS
    assert resources_for(DEFAULTS, "other", Category.SELF_HARM) == resources_for(
        DEFAULTS, "en", Category.SELF_HARM
    )
    assert resources_for(DEFAULTS, "ko", Category.NONE) == ()


def test_resources_setting_replaces_only_what_it_names() -> None:
    mine = [{"name": "Lifeline (Australia)", "contact": "call 13 11 14", "hours": "24/7"}]
    resources = parse(json.dumps({"en": {"self_harm": mine}}))
    assert [r.name for r in resources_for(resources, "en", Category.SELF_HARM)] == [
        "Lifeline (Australia)"
    ]
    assert resources_for(resources, "en", Category.ABUSE) == resources_for(
        DEFAULTS, "en", Category.ABUSE
    )
    assert resources_for(resources, "ko", Category.SELF_HARM) == resources_for(
        DEFAULTS, "ko", Category.SELF_HARM
    )


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("{", "not JSON"),
        ("[]", "object of languages"),
        ('{"fr": {}}', "'fr' is not one of ko, en"),
        ('{"en": {"none": []}}', "'none' has no resources"),
        ('{"en": {"panic": []}}', "is not one of self_harm"),
        ('{"en": {"abuse": []}}', "1 to 8 resources"),
        ('{"en": {"abuse": [{"name": "x"}]}}', "exactly name, contact and hours"),
        ('{"en": {"abuse": [{"name": " ", "contact": "1", "hours": "x"}]}}', "1-200 characters"),
    ],
)
def test_resources_setting_refuses_what_it_cannot_use(value: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        parse(value)


def test_rules_compile_lazily_per_language() -> None:
    # Importing the package compiles nothing; the first message of a language does.
    _detect._english()  # the cache holds one compiled table per process
    assert _detect._english() is _detect._english()
    assert _detect._korean() is _detect._korean()
