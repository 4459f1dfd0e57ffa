"""The offline generator answers: in the message's language, in the persona's voice, shaped by
the intent, coloured by the tone, pointing back at what the person wrote, the same every time.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from core.analysis import Analysis, analyze
from core.generation import OfflineGenerator
from core.generation._topic import topic_of
from core.personas import PersonaName
from core.routing import route
from core.taxonomy import Intent, Pace, ResonanceKey, Tone
from core.turns import Turn
from tests.helpers import HANGUL, analysed_as, hangul_share

DEV = Path(__file__).parent.parent / "data" / "analysis_dev.jsonl"
ROWS = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]

KO_TEXT = (
    "배포 후 모든 API에서 502 에러가 나는데 롤백 버튼이 비활성화돼 있어요. 어떻게 해야 할까요?"
)
EN_TEXT = "My coworker keeps taking credit for my work in standups. How do I handle this?"
# Long enough that every quoted topic is cut at its limit: the worst case for the length bound.
KO_LONG = (
    "지난 분기 내내 팀 전체가 야근을 이어 가면서 새 결제 시스템 이전 작업을 마무리하려고 "
    "애썼는데 결국 일정이 두 번이나 밀렸고 다들 지쳐 있어요. 다음엔 어떻게 해야 할까요?"
)
EN_LONG = (
    "Over the whole last quarter our entire team kept working late to finish migrating the "
    "payment system, the schedule still slipped twice and everyone is exhausted. What now?"
)
TEXTS = {"ko": (KO_TEXT, KO_LONG), "en": (EN_TEXT, EN_LONG)}
TURNS = (
    Turn("user", "We have a big demo with the client on Friday and nothing is ready yet."),
    Turn("mentor", "Let's plan backwards from Friday."),
)
QUOTED = re.compile(r"“([^”]*)”")
ALL = list(PersonaName)


def at(text: str, key: ResonanceKey) -> Analysis:
    """General subject: these tests hold the intent's generic shape (the subjects' advice is
    tested in ``test_subject_advice.py``)."""
    return analysed_as(text, key)


def answer(text: str, persona: PersonaName, tone: Tone, intent: Intent, **kw: object) -> str:
    key = ResonanceKey(tone, Pace.MEDIUM, intent)
    return OfflineGenerator().generate(persona, at(text, key), **kw)  # type: ignore[arg-type]


# --- language ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_answers_in_the_language_of_the_message(lang: str) -> None:
    gen = OfflineGenerator()
    for row in (r for r in ROWS if r["lang"] == lang):
        analysis = analyze(row["text"])
        reply = gen.generate(route(analysis.key).primary, analysis)
        if lang == "ko":
            assert hangul_share(reply) > 0.6, reply
        else:
            assert not HANGUL.search(reply), reply


def test_other_languages_are_answered_in_english() -> None:
    analysis = analyze("¿Cómo puedo organizar mejor mi semana con tantas reuniones?")
    assert analysis.language == "other"
    reply = OfflineGenerator().generate(PersonaName.ELRO, analysis)
    assert "organizar mejor mi semana" in reply
    ours = QUOTED.sub("", reply)  # everything but the quoted topic is our English
    assert ours.endswith("— Elro")
    assert all(ch.isascii() or ch in "—•…" for ch in ours), ours


# --- persona voice -------------------------------------------------------------------------

FEELING = {"en": ("feel", "sound", "hear"), "ko": ("마음", "느껴")}


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("tone", list(Tone))
def test_lua_names_the_feeling_first(lang: str, tone: Tone) -> None:
    for text in TEXTS[lang]:
        reply = answer(text, PersonaName.LUA, tone, Intent.SEEK_ADVICE)
        first_sentence = re.split(r"(?<=[.!?])\s", reply, maxsplit=1)[0]
        assert any(word in first_sentence.lower() for word in FEELING[lang]), first_sentence


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("intent", list(Intent))
def test_elro_numbers_his_steps_and_nobody_else_does(lang: str, intent: Intent) -> None:
    for persona in ALL:
        lines = answer(TEXTS[lang][0], persona, Tone.CALM, intent).splitlines()
        numbered = [line[:3] for line in lines if re.match(r"\d\. ", line)]
        assert numbered == (["1. ", "2. ", "3. "] if persona is PersonaName.ELRO else [])


@pytest.mark.parametrize(
    ("lang", "evidence"), [("en", ("evidence", "data")), ("ko", ("근거", "데이터"))]
)
@pytest.mark.parametrize("intent", list(Intent))
def test_riri_reasons_from_evidence_and_asks_for_it(
    lang: str, evidence: tuple[str, ...], intent: Intent
) -> None:
    for text in TEXTS[lang]:
        reply = answer(text, PersonaName.RIRI, Tone.ANALYTICAL, intent)
        asking = [line for line in reply.splitlines() if "?" in line]
        assert any(word in line.lower() for line in asking for word in evidence), reply


@pytest.mark.parametrize(
    ("lang", "words"), [("en", ("people", "process", "plan")), ("ko", ("사람", "과정", "계획"))]
)
@pytest.mark.parametrize("intent", list(Intent))
def test_nana_maps_people_process_and_plan(
    lang: str, words: tuple[str, ...], intent: Intent
) -> None:
    for text in TEXTS[lang]:
        reply = answer(text, PersonaName.NANA, Tone.COLLABORATIVE, intent).lower()
        assert all(word in reply for word in words), reply


# --- intent shape --------------------------------------------------------------------------

SHAPES: dict[Intent, dict[str, tuple[str, ...]]] = {
    Intent.PLANNING: {"en": ("plan",), "ko": ("계획",)},
    Intent.VALIDATION: {"en": ("what holds", "to check"), "ko": ("맞는 부분", "확인할 부분")},
    Intent.LEARNING: {"en": ("path", "learn"), "ko": ("학습 경로",)},
    Intent.PROBLEM_SOLVING: {"en": ("fix",), "ko": ("단계",)},
    Intent.SEEK_ADVICE: {"en": ("option", "but"), "ko": ("선택지",)},
    Intent.REFLECTION: {"en": ("question",), "ko": ("질문",)},
}


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("intent", list(Intent))
def test_the_intent_shapes_the_answer(lang: str, intent: Intent) -> None:
    texts = [r["text"] for r in ROWS if r["lang"] == lang][:12]  # enough to see every variant
    for persona in ALL:
        for text in texts:
            reply = answer(text, persona, Tone.CALM, intent)
            lowered = reply.lower()
            assert all(word in lowered for word in SHAPES[intent][lang]), reply
            items = [line for line in reply.splitlines() if re.match(r"(\d\.|•) ", line)]
            assert len(items) == 3, reply
            if intent is Intent.REFLECTION:
                assert all(item.endswith("?") for item in items), reply
            if intent is Intent.SEEK_ADVICE and lang == "ko":
                assert all("대신" in item or "지만" in item for item in items), reply


# --- tone colour ---------------------------------------------------------------------------

FASTEST = {"en": "fastest safe step first", "ko": "가장 빠르고 안전한 한 걸음부터"}


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("persona", ALL)
def test_urgent_puts_the_fastest_safe_step_before_anything_else(
    lang: str, persona: PersonaName
) -> None:
    for intent in Intent:
        reply = answer(TEXTS[lang][0], persona, Tone.URGENT, intent)
        lines = reply.lower().splitlines()
        fastest = next(i for i, line in enumerate(lines) if FASTEST[lang] in line)
        first_item = next(i for i, line in enumerate(lines) if re.match(r"(\d\.|•) ", line))
        assert fastest < first_item


@pytest.mark.parametrize(
    ("tone", "lang", "marks"),
    [
        (Tone.ANXIOUS, "en", ("manageable", "workable")),
        (Tone.ANXIOUS, "ko", ("해결할 수 있는", "다룰 수 있어요")),
        (Tone.CONFUSED, "en", ("one thing at a time", "one by one")),
        (Tone.CONFUSED, "ko", ("하나씩",)),
        (Tone.PLAYFUL, "en", ("light",)),
        (Tone.PLAYFUL, "ko", ("가볍게",)),
    ],
)
def test_the_tone_colours_the_answer(tone: Tone, lang: str, marks: tuple[str, ...]) -> None:
    for text in (r["text"] for r in ROWS if r["lang"] == lang):
        reply = answer(text, PersonaName.ELRO, tone, Intent.SEEK_ADVICE).lower()
        assert any(mark in reply for mark in marks), reply


# --- what they wrote -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (EN_TEXT, "coworker keeps taking credit for my work in standups"),
        (KO_TEXT, "배포 후 모든 API에서 502 에러가"),
        ("Standup in 10 minutes and I have to tell my manager I missed the deadline. What do "
         "I say??", "Standup in 10 minutes and I have to tell my manager"),
        ("취준 뭐부터 해야 할지 감이 하나도 안 잡힘. 지원 먼저? 포폴 먼저?", "감이 하나도 안 잡힘"),
    ],
)  # fmt: skip
def test_the_answer_quotes_the_situation_not_the_request(text: str, words: str) -> None:
    for persona in ALL:
        reply = OfflineGenerator().generate(persona, analyze(text))
        assert words in reply, reply


@pytest.mark.parametrize("row", ROWS[::3], ids=lambda r: r["id"])
def test_topics_are_short_cut_between_words_and_free_of_braces(row: dict[str, str]) -> None:
    limit = 40 if row["lang"] == "ko" else 60
    topic = topic_of(row["text"], limit)
    assert 0 < len(topic) <= limit + 1
    assert not set(topic) & set('{}"“”`')
    source = re.sub(r'[{}"“”`]', "", row["text"])
    kept = topic.removesuffix("…")
    start = source.find(kept)
    assert start >= 0, topic
    end = start + len(kept)
    if topic.endswith("…"):  # cut short: the next character in the source is not a letter
        assert not source[end].isalnum(), (topic, source[end:])


def test_a_korean_cut_never_splits_a_word() -> None:
    text = (
        "가나다라 마바사아 자차카타 파하가나 다라마바 사아자차 카타파하 가나다라 마바사아 자차카타"
    )
    topic = topic_of(text, 40)
    assert topic.endswith("…")
    assert all(word in text.split() for word in topic[:-1].split())


# --- determinism, variety, bounds ----------------------------------------------------------


def test_the_same_message_gets_the_same_answer_from_any_instance() -> None:
    for row in ROWS[:40]:
        analysis = analyze(row["text"])
        for persona in ALL:
            assert OfflineGenerator().generate(persona, analysis) == OfflineGenerator().generate(
                persona, analysis
            )


def test_the_answer_does_not_depend_on_the_process_hash_seed() -> None:
    script = (
        "from core.analysis import analyze; from core.generation import OfflineGenerator as G;"
        "from core.personas import PersonaName as P;"
        f"print(G().generate(P.RIRI, analyze({EN_LONG!r})))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(DEV.parents[2])},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert outputs == {OfflineGenerator().generate(PersonaName.RIRI, analyze(EN_LONG)) + "\n"}


def test_different_messages_get_visibly_different_answers() -> None:
    gen = OfflineGenerator()
    messages = list(dict.fromkeys(r["text"] for r in ROWS))[:50]
    replies = set()
    for text in messages:
        analysis = analyze(text)
        replies.add(gen.generate(route(analysis.key).primary, analysis))
    assert len(replies) >= 45


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_placeholder_leaks_and_every_answer_is_bounded(lang: str) -> None:
    gen = OfflineGenerator()
    analyses = [analyze(text) for text in TEXTS[lang]]
    for key in ResonanceKey.all():
        for base in analyses:
            analysis = at(base.text, key)
            for persona in ALL:
                for turns in ((), TURNS):
                    reply = gen.generate(persona, analysis, turns)
                    for leak in ("{", "}", "%s", "None"):
                        assert leak not in reply, (key, persona, reply)
                    assert len(reply) <= 900, (key, persona, len(reply))
                    assert len(reply.splitlines()) <= 12
                    assert sum(len(q) for q in QUOTED.findall(reply)) <= 120


def test_earlier_turns_are_acknowledged() -> None:
    gen = OfflineGenerator()
    analysis = analyze(EN_TEXT)
    alone = gen.generate(PersonaName.NANA, analysis)
    followed = gen.generate(PersonaName.NANA, analysis, TURNS)
    assert followed != alone
    assert "“We have a big demo with the client on…”" in followed
    only_mentor = gen.generate(PersonaName.NANA, analysis, (Turn("mentor", "Hello again."),))
    assert only_mentor not in (alone, followed)
    # A caller that already appended the current message does not get it quoted back twice.
    echoed = gen.generate(PersonaName.NANA, analysis, (*TURNS, Turn("user", EN_TEXT)))
    assert echoed == followed


def test_generator_identity() -> None:
    assert (OfflineGenerator.name, OfflineGenerator.model) == ("offline", "offline-v11")
    with pytest.raises(dataclasses.FrozenInstanceError):
        TURNS[0].text = "changed"  # type: ignore[misc]
