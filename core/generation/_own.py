"""What the person gave us, in their own words: the options they weigh and the time they have,
so an answer can work with them rather than around them.

A mentor who hears "Go or Kotlin for the new service?" talks about Go and Kotlin; one who hears
"the exam is in 9 days" plans nine days, not "today / this week / later". Subject and situation
advice cannot reach that grain by itself: it is written once for everyone in the situation. This
module finds the two kinds of items, and the generator lays the advice over them.

Each reader is a short regular expression behind a cheap gate (a substring that every match
needs), so a message without options or durations pays a few ``in`` tests, and one with them a
few microseconds. What is found is quoted back as written, trimmed, never rephrased: a wrong
guess would put words in the person's mouth, so every pattern errs towards finding nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

OPTION_CHARS = 40  # an option longer than this is a clause, not an option


class Horizon(NamedTuple):
    """The time the person has: ``length`` of ``unit`` (hour, day, week, month or year)."""

    length: int
    unit: str


_NUMBERS_EN = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
               "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
               "twelve": 12}  # fmt: skip
_NUMBERS_KO = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
               "아홉": 9, "열": 10}  # fmt: skip
_UNITS_KO = {"시간": "hour", "일": "day", "주": "week", "주일": "week", "달": "month",
             "개월": "month", "년": "year"}  # fmt: skip

_COUNT_EN = r"(\d{1,3}|" + "|".join(_NUMBERS_EN) + r")"
_UNIT_EN = r"(hour|day|week|month|year)s?"
# "in 9 days", "the next 3 weeks", "within two months"; "9 days left", "three weeks away";
# "a 7-month plan". Never "3 years of experience", "2 days ago", "40-minute outage".
_HORIZON_EN = re.compile(
    r"\b(?:in|within|only|got|have|has|(?:over|for|in)\s+the\s+(?:next|coming)|next)\s+"
    r"(?:about\s+|around\s+|roughly\s+|just\s+)?"
    + _COUNT_EN
    + r"[\s-]"
    + _UNIT_EN
    + r"\b(?!\s+(?:ago|of|old|a\b|per\b|each|every|into|in\b|experience|as\b|at\b))"
    r"|\b" + _COUNT_EN + r"[\s-]" + _UNIT_EN + r"\s+(?:left|away|to go|until|before|from now)"
    r"|\b" + _COUNT_EN + r"-(hour|day|week|month|year)\s+(?:plan|window|runway|deadline|"
    r"timeline|schedule|roadmap|sprint|countdown|break|gap)",
    re.IGNORECASE | re.ASCII,  # ASCII: "ſix" and "SİX" must not match "six" (no number for them)
)
_COUNT_KO = r"(\d{1,3}|" + "|".join(_NUMBERS_KO) + r")"
# "9일 남았", "3주 안에", "두 달 뒤", "앞으로 6개월", "D-9". Not the past ("1년 동안 돌린 실험")
# and not a date ("3월 9일").
_HORIZON_KO = re.compile(
    r"(?<![월\d])(?<!월 )" + _COUNT_KO + r"\s?(시간|주일|개월|일|주|달|년)\s?"
    r"(?:남(?!짓)|안에|안으로|내에|내로|뒤|후(?!기)|밖에\s?안\s?남)"
    r"|앞으로\s?" + _COUNT_KO + r"\s?(시간|주일|개월|일|주|달|년)"
    r"|(?<![A-Za-z])[Dd]-(\d{1,3})(?!\d)",
)

# Options. English: "between A and B", "A vs B", "should I A or B", "A or B?" in a question.
_OPTION_END = r"(?=\s*(?:[?.!,;:()]|\s-\s|\s—\s|$))"
_SIDE = r"([\w.+#/'-]+(?:\s[\w.+#/'-]+){0,3}?)"  # one to four words
_OPTIONS_EN = (
    re.compile(
        r"\b(?:choos\w*|decid\w*|torn|pick\w*|choice|stuck|options?|weigh\w*|compar\w*)\s+"
        r"between\s+(?:the\s+|a\s+)?"
        + _SIDE
        + r"\s+and\s+(?:the\s+|a\s+)?([^,.;?!]{2,60}?)"
        + _OPTION_END,
        re.I,
    ),
    re.compile(
        r"\b(?:should|would|do|could|can)\s+(?:i|we)\s+([^,.;?!]{2,40}?),?\s+or\s+"
        r"(?:should\s+(?:i|we)\s+)?([^,.;?!]{2,40}?)" + _OPTION_END,
        re.I,
    ),
    re.compile(
        r"\b(?:take|pick|choose|go with|learn|use|accept|join|stay at|stay with|try)\s+"
        r"([^,.;?!]{2,40}?)\s+or\s+([^,.;?!]{2,40}?)\s*\?",
        re.I,
    ),
)
# Korean: "A랑 B 중에", "A vs B". ("A 아니면 B" and "A할지 B할지" join clauses far more often
# than they name options.)
_OPTIONS_KO = (
    re.compile(
        r"(\S{1,20}?)(?:이랑|랑|와|과|하고)\s(\S{1,20}?)\s?(?:중에|중|사이에서|사이)(?:\s|$)"
    ),
)
# "A vs B": each side is the words next to "vs" up to a function word or a break, at most three.
_VERSUS = re.compile(r"\s(?:vs\.?|versus)\s", re.IGNORECASE)
_VS_WORD = re.compile(r"[^\s,.;:!?()]+|[,.;:!?()]")
_VS_STOP = frozenset({
    "about", "on", "between", "with", "the", "whether", "is", "are", "was", "were", "to", "of",
    "in", "for", "over", "and", "or", "a", "an", "my", "our", "at", "from", "by", "it", "its",
    "this", "that", "their", "his", "her", "your", "i", "we", "they", "you", "arguing",
    "fighting", "debating", "splits", "split", "choose", "choosing", "pick", "picking",
    "decide", "deciding", "like", "than", "as"
})  # fmt: skip


def _side(words: Iterable[str], ko: bool, *, backwards: bool = False) -> str:
    """Up to three words taken from next to "vs" until a function word or a break; Korean,
    the one eojeol next to it, its particle dropped. "" when there is nothing to take."""
    taken: list[str] = []
    for word in words:
        if (not ko and word.lower() in _VS_STOP) or not any(c.isalpha() for c in word):
            break
        taken.append(word)
        if ko or len(taken) == 3:
            break
    if not taken:
        return ""
    return _clean(" ".join(reversed(taken) if backwards else taken), ko=ko)


_NOT_OPTION = frozenset({
    "now", "then", "here", "there", "this", "that", "it", "not", "no", "yes", "later", "today",
    "tomorrow", "me", "you", "him", "her", "them", "나", "너", "저", "지금", "나중"
})  # fmt: skip
# An "or" that joins two questions ("could I be burned out or am I just lazy?"), not options.
_QUESTION_STARTS = ("am i ", "is it ", "is that ", "are we ", "do i ", "did i ", "be ", "was i ")
_OPTION_GATE_EN = (" or ", " vs", " versus ", "between ")
_OPTION_GATE_KO = ("중", "사이", "vs")  # looked for in the lower-cased text
_CHOICE_KO = re.compile(
    r"고민|고르|골라|골라야|뭘|뭐가|어느|어떤 게|어떤 걸|선택|나을|낫|할지|하나를|하나만"
)
# Leading words that belong to the question, not to the first option.
_LEAD_EN = re.compile(
    r"^(?:(?:and|but|so|then|just|still|i|we|it|to|should|would|could|can|do|is|are|"
    r"whether|either|either to|go for|go with|take|pick|choose|learn|use|try)\s+)+",
    re.I,
)
_TAIL_EN = re.compile(
    r"\s+(?:instead|first|now|next|then|here|there|right now|for now|this year|later)$", re.I
)
_TAIL_KO = re.compile(r"(?:을|를|이|가|은|는|로|으로|에서|에)?[,.?!]*$")
# A last option runs on into the rest of the question ("Go or Kotlin for backend work?"); cut
# it at one of these when the first option has none.
_RUN_ON_EN = (" for ", " in ", " on ", " with ", " as ", " when ", " since ", " because ",
              " given ", " if ")  # fmt: skip


# A question about why or how something works, or whether it is usual: the person wants to
# understand, whatever else they ask for.
_WHY_EN = re.compile(
    r"\b(?:why|how come|what (?:drives|causes|makes|keeps|explains)|is (?:it|this|that) normal|"
    r"is (?:it|this|that) common|do (?:other|most) (?:people|developers|engineers)|"
    r"what(?:'s| is) (?:behind|the (?:difference|reason|point|logic|idea|psychology))|"
    r"how (?:does|do) (?:it|this|that|they) work|"
    r"what (?:does|do) (?:the )?(?:research|studies|science|data) "
    r"(?:actually |really )?(?:say|show)|"
    r"(?:is|are) there (?:any )?(?:research|studies|data)|research (?:on|into|about))\b",
    re.IGNORECASE | re.ASCII,
)
_WHY_KO = re.compile(
    r"왜(?!냐)|무슨 이유|이유가 뭐|이유는 뭐|이유가 뭘|원인이 뭐|원인은 뭐|어떻게 돌아가|어떤 원리|"
    r"정상인가|정상인지|다들 그런|원래 그런|"
    r"연구(?:가|로|에서|에선|는|들은|\s?결과)|논문(?:이|에서|은)"
)


def asks_why(text: str, language: str) -> bool:
    """Whether ``text`` asks why or how something works, or whether it is usual."""
    return (_WHY_KO if language == "ko" else _WHY_EN).search(text) is not None


def options_in(text: str, language: str) -> tuple[str, ...]:
    """The two options ``text`` weighs, as written; () when it weighs none."""
    if language == "ko":
        return _options(text, _OPTION_GATE_KO, _OPTIONS_KO, ko=True)
    return _options(text, _OPTION_GATE_EN, _OPTIONS_EN, ko=False)


def horizon_in(text: str, language: str) -> Horizon | None:
    """The time ``text`` says the person has for what they ask; None when it says none."""
    return _horizon_ko(text) if language == "ko" else _horizon_en(text)


def _options(text: str, gates: tuple[str, ...], patterns: tuple[re.Pattern[str], ...], *,
             ko: bool) -> tuple[str, ...]:  # fmt: skip
    lowered = text.lower()
    if not any(gate in lowered for gate in gates):
        return ()
    versus = _VERSUS.search(text)
    if versus is not None:
        left = _VS_WORD.findall(text[: versus.start()].rsplit(",", 1)[-1])
        right = _VS_WORD.findall(text[versus.end() :])
        pair = (_side(reversed(left), ko, backwards=True), _side(right, ko))
        if _acceptable(pair):
            return pair
    if ko and not _CHOICE_KO.search(text):
        return ()  # "동료랑 회의 중에" is "during a meeting with a colleague", not a choice
    for pattern in patterns:
        match = pattern.search(text)
        if match is None:
            continue
        found = tuple(_clean(part, ko=ko) for part in match.groups())
        if not ko:
            found = _same_shape(found)
        if _acceptable(found):
            return found
    return ()


def _acceptable(options: tuple[str, ...]) -> bool:
    """Options worth naming: each a few words with a letter in it, none a filler word or the
    start of a yes/no question ("am I just lazy"), and no two the same."""
    lowered = [option.lower() for option in options]
    return (
        all(1 < len(option) <= OPTION_CHARS for option in options)
        and all(any(char.isalpha() for char in option) for option in options)
        and not _NOT_OPTION.intersection(lowered)
        and not any(option.startswith(_QUESTION_STARTS) for option in lowered)
        and len(set(lowered)) == len(lowered)
    )


def _same_shape(options: tuple[str, ...]) -> tuple[str, ...]:
    first, last = options[0], options[-1]
    for word in _RUN_ON_EN:
        at = last.find(word)
        if at > 0 and word not in first:
            last = last[:at]
    return (*options[:-1], last)


def _clean(option: str, *, ko: bool) -> str:
    option = option.strip(" '\"‘’“”")
    if ko:
        return _TAIL_KO.sub("", option) if len(option) > 2 else option
    option = _TAIL_EN.sub("", _LEAD_EN.sub("", option))
    return option.strip()


def _horizon_en(text: str) -> Horizon | None:
    lowered = text.lower()
    if not any(unit in lowered for unit in ("hour", "day", "week", "month", "year")):
        return None
    match = _HORIZON_EN.search(text)
    if match is None:
        return None
    groups = [g for g in match.groups() if g]
    count_text, unit = groups[0].lower(), groups[1].lower()
    count = int(count_text) if count_text.isdigit() else _NUMBERS_EN.get(count_text, 0)
    return Horizon(count, unit) if count > 0 else None


def _horizon_ko(text: str) -> Horizon | None:
    match = _HORIZON_KO.search(text)
    if match is None:
        return None
    groups = [g for g in match.groups() if g]
    if len(groups) == 1:  # D-9
        count, unit = int(groups[0]), "day"
    else:
        count_text, unit = groups[0], _UNITS_KO[groups[1]]
        count = int(count_text) if count_text.isdigit() else _NUMBERS_KO.get(count_text, 0)
    return Horizon(count, unit) if count > 0 else None


_SMALLER = {"year": ("month", 12), "month": ("week", 4), "week": ("day", 7)}


def spans(horizon: Horizon, parts: int = 3) -> tuple[tuple[int, int, str], ...]:
    """The horizon cut into ``parts`` spans in order, each (first, last, unit): 9 days in
    three are days 1-3, 4-6 and 7-9; two weeks are days 1-5, 6-10 and 11-14. () when it is
    too short to cut (a day or less, two hours)."""
    count, unit = horizon
    if parts < 1:
        return ()
    while count < parts and unit in _SMALLER:
        unit, per = _SMALLER[unit]
        count *= per
    if count < parts:
        return ()
    ends = [-(-count * k // parts) for k in range(1, parts + 1)]
    return tuple(zip([1, *(end + 1 for end in ends[:-1])], ends, [unit] * parts, strict=True))
