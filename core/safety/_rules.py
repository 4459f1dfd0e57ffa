"""The shape of a safety rule, and the forms of a message the rules are matched against.

English rules are matched against the message lower-cased, with its apostrophes and the common
apostrophe-less contractions ("dont", "im") made regular and its whitespace collapsed. Korean
rules are matched against the message with every space removed: Korean spacing varies so much
("죽고 싶다", "죽고싶다", "죽고 싶 다") that a rule written for one spacing would miss the
others. Both forms keep a map back to the original text, so a cue is reported as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    NONE = "none"
    SELF_HARM = "self_harm"
    HARM_TO_OTHERS = "harm_to_others"
    ABUSE = "abuse"


class Kind(StrEnum):
    """What a rule recognises; the reply names it in plain words."""

    IDEATION = "ideation"  # thoughts of dying or of ending one's life, active or passive
    PLAN = "plan"  # a plan, a method looked into, means gathered
    GOODBYE = "goodbye"  # a farewell that sounds final
    SELF_INJURY = "self_injury"
    URGE = "urge"  # an urge, or the fear, to seriously hurt someone
    INTENT = "intent"  # an intention to seriously hurt someone
    ABUSE = "abuse"  # being hurt, threatened, stalked or in danger from someone


CATEGORY_OF = {
    Kind.IDEATION: Category.SELF_HARM,
    Kind.PLAN: Category.SELF_HARM,
    Kind.GOODBYE: Category.SELF_HARM,
    Kind.SELF_INJURY: Category.SELF_HARM,
    Kind.URGE: Category.HARM_TO_OTHERS,
    Kind.INTENT: Category.HARM_TO_OTHERS,
    Kind.ABUSE: Category.ABUSE,
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One way of saying something a crisis reply must answer.

    ``joke``: the words are also everyday hyperbole ("want to die" of embarrassment), so an
    unmistakable joke clears them (see ``_detect``). ``topic``: a bare mention ("suicide",
    "자해") that subject-matter context (research, a policy, volunteering) clears. ``veto``:
    words next to the match that make it something else ("cut myself *a break*"). ``needs``:
    the rule only counts if this is also somewhere in the message.
    """

    kind: Kind
    pattern: str
    joke: bool = False
    topic: bool = False
    veto: str | None = None
    needs: str | None = None


@dataclass(frozen=True, slots=True)
class Form:
    """A matching form of the message, and where each of its characters came from."""

    text: str
    origin: tuple[int, ...]  # origin[i]: index in the original of text[i]

    def span_of(self, original: str, start: int, end: int) -> str:
        if start >= end:
            return ""
        return original[self.origin[start] : self.origin[end - 1] + 1]


_QUOTES = frozenset('"\u201c\u201d\u00ab\u00bb*_')  # quoting marks read as spaces: he said "soon"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# Contractions people type without the apostrophe; only the unambiguous ones ("ill", "were",
# "its" and "id" are words of their own).
_BARE = re.compile(
    r"\b(?:(dont|cant|wont|didnt|doesnt|isnt|wasnt|wouldnt|couldnt|shouldnt|havent|aint|arent)"
    r"|(im|ive|youre|theyre|thats|whats|ill(?= be\b)|id(?= rather\b| be\b)))\b"
)
_EXPAND = {
    "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
    "isnt": "isn't", "wasnt": "wasn't", "wouldnt": "wouldn't", "couldnt": "couldn't",
    "shouldnt": "shouldn't", "havent": "haven't", "aint": "ain't", "arent": "aren't",
    "im": "i'm", "ive": "i've", "youre": "you're", "theyre": "they're", "thats": "that's",
    "whats": "what's", "ill": "i'll", "id": "i'd",
}  # fmt: skip


def _inside_word(text: str, index: int) -> bool:
    """An apostrophe between two letters ("don't") belongs to the word; others quote."""
    return 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()


def english_form(text: str) -> Form:
    """Lower case, regular apostrophes and contractions, runs of whitespace as one space."""
    out: list[str] = []
    origin: list[int] = []
    previous_space = True
    for index, char in enumerate(text.translate(_APOSTROPHES)):
        if char.isspace() or char in _QUOTES or (char == "'" and not _inside_word(text, index)):
            if not previous_space:
                out.append(" ")
                origin.append(index)
            previous_space = True
            continue
        previous_space = False
        lowered = char.lower()  # may be longer than one character ("İ")
        out.append(lowered)
        origin.extend([index] * len(lowered))
    flat = "".join(out)
    if not _BARE.search(flat):
        return Form(flat, tuple(origin))
    # Expanding a contraction adds one character (the apostrophe); it maps to the word's end.
    pieces: list[str] = []
    mapped: list[int] = []
    last = 0
    for match in _BARE.finditer(flat):
        pieces.append(flat[last : match.start()])
        mapped.extend(origin[last : match.start()])
        word = match.group()
        expanded = _EXPAND[word]
        pieces.append(expanded)
        span = origin[match.start() : match.end()]
        mapped.extend(span[: len(expanded)] + [span[-1]] * (len(expanded) - len(span)))
        last = match.end()
    pieces.append(flat[last:])
    mapped.extend(origin[last:])
    return Form("".join(pieces), tuple(mapped))


def compact_form(text: str) -> Form:
    """Every whitespace character removed, and a lone digit or mark between two Hangul
    syllables; Latin letters lower-cased."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isspace() or (char in _FILLERS and _between_hangul(text, index)):
            continue
        lowered = char.lower()
        out.append(lowered)
        origin.extend([index] * len(lowered))
    return Form("".join(out), tuple(origin))


# A digit or mark typed between two syllables to get past a word filter ("자1살", "죽.고").
_FILLERS = frozenset("0123456789.,*_-~^/|'\"`+=")


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def _between_hangul(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return _is_hangul(before) and _is_hangul(after)
