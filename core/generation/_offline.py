"""The deterministic offline generator: a real answer, in the persona's voice, without a model.

An answer is built from slots, in this order:

1. the opening, quoting the topic (Lua names the feeling first),
2. a line of continuity when there are earlier turns,
3. the tone's move (urgent: the intent's fastest safe step),
4. the intent's shape: a header and three items (Elro numbers them),
5. the persona's lens (Riri asks for the evidence, Nana maps people, process and plan),
6. the persona's closing and sign-off.

When the message has a subject (anything but ``general``), slots 4 and 5 come from that
subject's advice (``core.advice``) in the persona's structure: Lua and Elro
state the subject's key point, then its three steps for the intent (Elro numbered); Riri goes
from the evidence to gather, through an insight (a key point), to the steps and her
recommendation; Nana starts from the people to involve, then the steps as the process, then
her plan. An urgent message then gets a move that points at the first step, rather than the
intent's generic fastest step, so no answer carries advice from another domain.

Each slot picks one of its alternatives with bits of a CRC32 of the message: stable across
processes (unlike ``hash()``), so the same message always gets the same answer and different
messages read differently. All templates are split and joined with their fixed parts at
import; a call does one topic extraction, a dozen lookups and one join.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from typing import NamedTuple, TypeVar

from core.advice import Advice, Situation, advice_for
from core.analysis import Analysis, points_back
from core.generation._own import asks_why, horizon_in, options_in, spans
from core.generation._phrases_en import EN
from core.generation._phrases_ko import KO
from core.generation._topic import topic_of
from core.generation._types import Phrases
from core.personas import PersonaName
from core.prompts import Prompt, situation_in
from core.taxonomy import Intent, Tone
from core.turns import Turn

# Intents whose answer, with options, gives the situation's criteria to weigh them by.
_DECIDING = frozenset({Intent.SEEK_ADVICE, Intent.VALIDATION})
TOPIC_CHARS = {"ko": 40, "en": 60}  # Korean carries more per character
PREVIOUS_TOPIC_CHARS = 40  # so topic + previous topic never echo more than ~110 characters

_T = TypeVar("_T")
_Template = tuple[str, str]  # the text before and after the single placeholder


def _split(template: str) -> _Template:
    marker = "{t}" if "{t}" in template else "{x}"
    head, found, tail = template.partition(marker)
    if not found or "{" in head + tail or "}" in head + tail:
        raise ValueError(f"template needs exactly one {{t}} or {{x}}: {template!r}")
    return head, tail


class _Compiled(NamedTuple):
    """One language's tables with every fixed part resolved, keyed the way a call looks up."""

    phrases: Phrases
    openers: dict[PersonaName, tuple[_Template, ...]]
    tone_moves: dict[tuple[Tone, Intent], tuple[str, ...]]
    items: dict[tuple[bool, Intent], tuple[tuple[str, ...], ...]]
    lenses: dict[tuple[PersonaName, Intent], tuple[str, ...]]
    continuity: tuple[_Template, ...]
    key_point: tuple[_Template, ...]
    options_line: tuple[_Template, ...]
    horizon_header: tuple[_Template, ...]
    plan_prefix: re.Pattern[str]
    after_step: re.Pattern[str]
    follow_on: tuple[_Template, ...]
    pointers: tuple[tuple[re.Pattern[str], int], ...]
    next_words: re.Pattern[str]
    start_words: re.Pattern[str]


def _compile(ph: Phrases) -> _Compiled:
    lua_opening = tuple(_split(t) for t in ph.lua_topic)
    urgent_head, urgent_tail = _split(ph.urgent)
    moves: dict[tuple[Tone, Intent], tuple[str, ...]] = {}
    items: dict[tuple[bool, Intent], tuple[tuple[str, ...], ...]] = {}
    lenses: dict[tuple[PersonaName, Intent], tuple[str, ...]] = {}
    for intent in Intent:
        for tone in Tone:
            moves[tone, intent] = (
                (urgent_head + ph.urgent_steps[intent] + urgent_tail,)
                if tone is Tone.URGENT
                else ph.tone_moves[tone]
            )
        for numbered in (True, False):
            items[numbered, intent] = tuple(
                tuple((f"{n}. " if numbered else ph.bullet) + item for item in slot)
                for n, slot in enumerate(ph.items[intent], start=1)
            )
        for persona in PersonaName:
            if persona is PersonaName.RIRI:
                pairs = (_split(t) for t in ph.riri_lens)
                lenses[persona, intent] = tuple(a + ph.evidence[intent] + b for a, b in pairs)
            else:
                lenses[persona, intent] = ph.lenses[persona]
    openers = {p: tuple(_split(t) for t in ph.openers.get(p, ())) for p in PersonaName}
    openers[PersonaName.LUA] = lua_opening
    return _Compiled(
        phrases=ph,
        openers=openers,
        tone_moves=moves,
        items=items,
        lenses=lenses,
        continuity=tuple(_split(t) for t in ph.continuity),
        key_point=tuple(_split(t) for t in ph.key_point),
        options_line=tuple(_split(t) for t in ph.options_line),
        horizon_header=tuple(_split(t) for t in ph.horizon_header),
        plan_prefix=re.compile(ph.plan_prefix),
        after_step=re.compile(ph.after_step, re.IGNORECASE),
        follow_on=tuple(_split(t) for t in ph.follow_on),
        pointers=tuple((re.compile(p, re.IGNORECASE), n) for p, n in ph.pointers),
        next_words=re.compile(ph.next_words, re.IGNORECASE),
        start_words=re.compile(ph.start_words, re.IGNORECASE),
    )


_KO, _EN = _compile(KO), _compile(EN)


def _previous_topic(turns: Sequence[Turn], current: str) -> str:
    """The topic of the last earlier user turn that said something of its own; "" when there
    is none (a follow-up such as "and then?" is no topic to quote back)."""
    said = [
        text
        for turn in turns
        if turn.role == "user"
        and (text := unicodedata.normalize("NFC", turn.text).strip())
        and text != current  # a caller that appended this message already
    ]
    own = [text for text in said if not points_back(text)]
    return topic_of(own[-1], PREVIOUS_TOPIC_CHARS) if own else ""


class OfflineGenerator:
    """Answers from phrase tables; deterministic, bilingual, no network, a few microseconds."""

    name = "offline"
    # Bump when answers change: cache keys include it. v9: situations' own people and evidence;
    # v10: intent also read from the sentences that ask; v11: a follow-up goes on from the
    # previous answer's steps.
    model = "offline-v11"
    uses_prompt = False  # answers from the analysis and turns, never from the prompt text

    def generate(
        self,
        persona: PersonaName,
        analysis: Analysis,
        turns: Sequence[Turn] = (),
        prompt: Prompt | None = None,  # the generator port's; templates need no prompt
    ) -> str:
        lang = analysis.language
        c = _KO if lang == "ko" else _EN  # "other" is answered in English
        ph = c.phrases
        text = analysis.text
        h = zlib.crc32(text.encode())
        if analysis.follow_up and (continued := _continued(c, persona, text, turns, h)):
            return continued
        tone, intent = analysis.tone.primary, analysis.intent.primary
        q_open, q_close = ph.quote
        topic = q_open + topic_of(text, TOPIC_CHARS.get(lang, 60)) + q_close

        # Slot n reads three bits of the hash at 3n; pools hold two or three alternatives.
        head, tail = _pick(c.openers[persona], h, 0)
        opening = head + topic + tail
        if persona is PersonaName.LUA:
            opening = _pick(ph.feel[tone], h, 1) + " " + opening
        lines = [opening]
        if turns:
            previous = _previous_topic(turns, text)
            if previous:
                head, tail = _pick(c.continuity, h, 2)
                lines.append(head + q_open + previous + q_close + tail)
            else:
                lines.append(_pick(ph.continuity_plain, h, 2))
        advice = advice_for(analysis.subject.primary, lang)  # None for general
        if advice is not None and tone is Tone.URGENT:
            lines.append(_pick(ph.urgent_advised, h, 3))
        else:
            lines.append(_pick(c.tone_moves[tone, intent], h, 3))
        # Options are weighed when the person is deciding (advice, or a check of their choice)
        # and the situation's criteria follow: "UTC vs Europe/Madrid" in a bug report is no
        # choice, and a generic list is no way to weigh one.
        options = options_in(text, lang) if intent in _DECIDING else ()
        situation = situation_in(analysis) if advice else None
        if options and situation is not None:  # the line promises the criteria below
            head, tail = _pick(c.options_line, h, 2)
            lines.append(head + _joined(ph, options) + tail)
        if advice is None:
            lines.append(_pick(ph.headers[intent], h, 4))
            first, second, third = c.items[persona is PersonaName.ELRO, intent]
            lines += (_pick(first, h, 5), _pick(second, h, 6), _pick(third, h, 7))
            lines.append(_pick(c.lenses[persona, intent], h, 8))
        else:
            lines += _advised(
                c, persona, intent, advice, h, situation=situation, text=text, options=options
            )
        lines.append(_pick(ph.closings[persona], h, 9) + " " + ph.signoff[persona])
        return "\n".join(lines)


_STEP = re.compile(r"^(?:• |- |\* |\d+\. )(.+)$", re.MULTILINE)


def _continued(
    c: _Compiled, persona: PersonaName, text: str, turns: Sequence[Turn], h: int
) -> str | None:
    """The answer to a follow-up that asks where to start, what comes next or about one of the
    steps ("그럼 뭐부터 하면 돼요?", "and then?", "what about the second one?"): it goes on from
    the steps of the latest mentor answer that gave some (never a safety reply's crisis lines),
    rather than starting over. The step pointed at (by its place, the one after the first for
    "and then?", else the first), how to do it, and the steps after it, as steps again, so the
    next "and then?" moves on. None for any other follow-up (the carried subject's advice
    answers it) or when no answer gave steps."""
    index, lead = _pointed(c, text)
    if lead is None:
        return None
    for at in range(len(turns) - 1, -1, -1):
        turn = turns[at]
        steps = _STEP.findall(turn.text) if turn.mentors_answer else []
        # A step named by its place ("the second one") is one of the list the mentor gave, not
        # of an answer that went on from it; "and then?" goes on from wherever that one left off.
        if steps and not (lead == "nth" and _went_on(turn.text)):
            break
    else:
        return None
    index = len(steps) - 1 if index < 0 else min(index, len(steps) - 1)
    ph = c.phrases
    pool = ph.start_with if index == 0 else ph.next_step if lead == "next" else ph.nth_step
    asked = _asked(turns, at)
    lines = []
    if asked:
        head, tail = _pick(c.follow_on, h, 0)
        q_open, q_close = ph.quote
        quoted = topic_of(unicodedata.normalize("NFC", asked), PREVIOUS_TOPIC_CHARS)
        lines.append(head + q_open + quoted + q_close + tail)
    lines += (_pick(pool, h, 1).rstrip(), ph.bullet + steps[index], _pick(ph.make_it_small, h, 2))
    later = steps[index + 1 : index + 3]
    if later:
        lines.append(ph.after_that.rstrip())
        lines += [ph.bullet + step for step in later]
    lines.append(_pick(ph.closings[persona], h, 9) + " " + ph.signoff[persona])
    return "\n".join(lines)


_LEADS = frozenset(
    line.rstrip() for ph in (EN, KO) for line in (*ph.start_with, *ph.next_step, *ph.nth_step)
)


def _asked(turns: Sequence[Turn], at: int) -> str:
    """What the person asked that the list of steps answered: the user turn before the latest
    mentor answer, at or before ``at``, that gave the list rather than going on from one."""
    for k in range(at, 0, -1):
        turn = turns[k]
        if turn.mentors_answer and not _went_on(turn.text):
            before = turns[k - 1]
            return before.text if before.role == "user" and not before.safety else ""
    return ""


def _went_on(answer: str) -> bool:
    """Whether an answer was itself a follow-up's, going on from an earlier list."""
    return any(line in _LEADS for line in answer.splitlines())


def _pointed(c: _Compiled, text: str) -> tuple[int, str | None]:
    """(the step's index, -1 the last; how it was asked: start, next or nth), or (0, None)
    when the message points at no step."""
    for pattern, place in c.pointers:
        if pattern.search(text):
            return place, "nth"
    if c.next_words.search(text):
        return 1, "next"
    if c.start_words.search(text):
        return 0, "start"
    return 0, None


def _advised(
    c: _Compiled,
    persona: PersonaName,
    intent: Intent,
    advice: Advice,
    h: int,
    *,
    situation: Situation | None,
    text: str,
    options: tuple[str, ...],
) -> list[str]:
    """Slots 4 and 5 from the subject's advice, in the persona's structure: the situation's
    point and items when the message is in one of the subject's situations.

    Someone asking why or how a thing works ("what drives burnout?", "왜 그런 걸까요?") hears how
    the situation works whatever else they want, as a learner does.

    The person's own items shape them: options to choose between turn advice into the
    situation's criteria to weigh them by, and a plan for the time they have is cut into that
    time's spans ("Days 1-3") rather than today / this week / later."""
    ph = c.phrases
    point = situation.point if situation else _pick(advice.points, h, 6)
    lines: list[str] = []
    # What to gather and whom to involve are the situation's own when it is known: the
    # subject's lines belong to one stage or side of it (attending a meetup, not organising one).
    if persona is PersonaName.RIRI:  # evidence -> insight -> recommendation
        evidence = situation.evidence if situation else _pick(advice.evidence, h, 5)
        lines.append(_pick(ph.riri_evidence, h, 10) + evidence)
        lines.append(_pick(ph.riri_insight, h, 8) + point)
    elif persona is PersonaName.NANA:  # people -> process -> plan
        people = situation.people if situation else _pick(advice.people, h, 5)
        lines.append(_pick(ph.nana_people, h, 10) + people)
    else:
        head, tail = _pick(c.key_point, h, 10)
        lines.append(head + (situation.name if situation else advice.name) + tail + point)
    lang = "ko" if ph is KO else "en"
    if situation is not None and (intent is Intent.LEARNING or asks_why(text, lang)):
        lines.append(_pick(ph.explain_head, h, 3) + situation.explain)
    header = _pick(ph.headers[intent], h, 4)
    steps = situation.items(intent) if situation else advice.steps[intent]
    if options and situation is not None and intent is Intent.SEEK_ADVICE:
        header, steps = _pick(ph.options_header, h, 4), situation.checks
    elif intent is Intent.PLANNING:
        horizon = horizon_in(text, lang)
        # A last step for after the deadline ("After the deadline, note how far off...") is
        # not put inside the time they have: the time is cut in two, and it comes afterwards.
        after = bool(steps) and c.after_step.match(c.plan_prefix.sub("", steps[-1], count=1))
        cut = spans(horizon, len(steps) - 1 if after else len(steps)) if horizon else ()
        if horizon and cut:
            head, tail = _pick(c.horizon_header, h, 4)
            singular, plural = ph.duration[horizon.unit]
            header = (
                head + (singular if horizon.length == 1 else plural).format(n=horizon.length) + tail
            )
            timed = tuple(_spanned(c, step, span) for step, span in zip(steps, cut, strict=False))
            if after:
                last = c.plan_prefix.sub("", steps[-1], count=1)
                timed += (ph.afterwards + (last[:1].upper() if ph is EN else last[:1]) + last[1:],)
            steps = timed
    lines.append(header)
    numbered = persona is PersonaName.ELRO
    lines += ((f"{n}. " if numbered else ph.bullet) + step for n, step in enumerate(steps, start=1))
    if persona is not PersonaName.RIRI:  # her closing is the recommendation
        lines.append(_pick(c.lenses[persona, intent], h, 7))
    return lines


def _joined(ph: Phrases, options: tuple[str, ...]) -> str:
    """The options as the person wrote them, marked and joined ("Go and Kotlin")."""
    mark_open, mark_close = ph.option_marks
    marked = [mark_open + option + mark_close for option in options]
    between, last = ph.option_joins
    return between.join(marked[:-1]) + last + marked[-1]


def _spanned(c: _Compiled, step: str, span: tuple[int, int, str]) -> str:
    """A plan step under its span's label: "Today: do X" becomes "Days 1–3: do X"."""
    first, last, unit = span
    single, several = c.phrases.span[unit]
    label = single.format(a=first) if first == last else several.format(a=first, b=last)
    rest, cut = c.plan_prefix.subn("", step, count=1)
    if cut and rest and c.phrases is EN:
        rest = rest[0].upper() + rest[1:]
    return label + ": " + rest


def _pick(pool: tuple[_T, ...], h: int, slot: int) -> _T:
    return pool[(h >> (3 * slot)) % len(pool)]
