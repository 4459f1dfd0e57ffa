"""The shape of a safety rule, and the forms of a message the rules are matched against.

English rules are matched against the message lower-cased, with its apostrophes and the common
apostrophe-less contractions ("dont", "im") made regular and its whitespace collapsed. Korean
rules are matched against the message with every space removed: Korean spacing varies so much
("죽고 싶다", "죽고싶다", "죽고 싶 다") that a rule written for one spacing would miss the
others. Both forms keep a map back to the original text, so a cue is reported as written.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple


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


class Rule(NamedTuple):
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


class Form(NamedTuple):
    """A matching form of the message, and where each of its characters came from."""

    text: str
    origin: tuple[int, ...]  # origin[i]: index in the original of text[i]

    def span_of(self, original: str, start: int, end: int) -> str:
        if start >= end:
            return ""
        return original[self.origin[start] : self.origin[end - 1] + 1]


_QUOTES = frozenset('"\u201c\u201d\u00ab\u00bb*_')  # quoting marks read as spaces: he said "soon"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# Contractions people type without the apostrophe (only the unambiguous ones: "ill", "were",
# "its" and "id" are words of their own), and the crisis vocabulary as it is often mistyped
# in a hurry or by someone writing in a second language ("im gonna kil my self").
_REGULAR = {
    "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
    "isnt": "isn't", "wasnt": "wasn't", "wouldnt": "wouldn't", "couldnt": "couldn't",
    "shouldnt": "shouldn't", "havent": "haven't", "aint": "ain't", "arent": "aren't",
    "im": "i'm", "ive": "i've", "youre": "you're", "theyre": "they're", "thats": "that's",
    "whats": "what's", "ill": "i'll", "id": "i'd",
    "kil": "kill", "kll": "kill", "kiil": "kill", "kilk": "kill",
    "my self": "myself", "myslef": "myself", "mysefl": "myself", "myslf": "myself",
    "mysef": "myself", "mysel": "myself", "meself": "myself",
    "sucide": "suicide", "suicde": "suicide", "suiside": "suicide", "suicid": "suicide",
    "suside": "suicide", "sucicide": "suicide", "suacide": "suicide", "suecide": "suicide",
    "sucidal": "suicidal", "suicdal": "suicidal", "suicidial": "suicidal",
    "suisidal": "suicidal", "susidal": "suicidal", "sucicidal": "suicidal",
    "wana": "wanna", "wnna": "wanna", "wnt": "want", "wamt": "want",
    "anymor": "anymore", "anymre": "anymore", "any more": "anymore", "nomore": "no more",
    "alivee": "alive", "aliv": "alive", "ded": "dead", "dieing": "dying", "dyin": "dying",
    "lyf": "life", "cuting": "cutting", "cuttin": "cutting", "overdoes": "overdose",
}  # fmt: skip
# Only where the misspelling cannot be another word: "kil" before a person, "ill" before "be".
_ONLY_BEFORE = {
    "ill": r"(?= be\b)",
    "id": r"(?= rather\b| be\b)",
    "kil": r"(?= (?:my|me|him|her|them|myself|u|you|everyone|every1|some|ppl|people|the)\b)",
    "ded": r"(?= (?:already|inside|soon|by)\b|$|[.!?,])",
    "overdoes": r"(?= (?:on|of|with)\b)",
}
_BARE = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(word) + _ONLY_BEFORE.get(word, "")
        for word in sorted(_REGULAR, key=len, reverse=True)
    )
    + r")\b"
)


def _inside_word(text: str, index: int) -> bool:
    """An apostrophe between two letters ("don't") belongs to the word; others quote."""
    return 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()


# What reads as a space: whitespace, a quoting mark, an apostrophe (kept inside a word).
_SPACE_LIKE = re.compile(r"[\s'" + re.escape("".join(sorted(_QUOTES))) + "]")


def english_form(text: str) -> Form:
    """Lower case, regular apostrophes, contractions and spellings, runs of whitespace as
    one space.

    Done a word at a time: the text between two space-like characters is lower-cased whole
    and its positions are a range. Text whose lower case depends on more than the character
    (a final sigma) or changes its length ("İ") goes a character at a time."""
    translated = text.translate(_APOSTROPHES)
    if "Σ" in translated:
        return _english_form_by_character(text)
    out: list[str] = []
    origin: list[int] = []
    start, previous_space = 0, True
    for match in _SPACE_LIKE.finditer(translated):
        at = match.start()
        if translated[at] == "'" and _inside_word(text, at):
            continue
        if at > start:
            word = translated[start:at].lower()
            if len(word) != at - start:
                return _english_form_by_character(text)
            out.append(word)
            origin.extend(range(start, at))
            previous_space = False
        if not previous_space:
            out.append(" ")
            origin.append(at)
            previous_space = True
        start = at + 1
    if start < len(translated):
        word = translated[start:].lower()
        if len(word) != len(translated) - start:
            return _english_form_by_character(text)
        out.append(word)
        origin.extend(range(start, len(translated)))
    return _regular(out, origin)


def _english_form_by_character(text: str) -> Form:
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
    return _regular(out, origin)


def _regular(out: list[str], origin: list[int]) -> Form:
    """The text with contractions and misspellings written the regular way."""
    flat = "".join(out)
    if not _BARE.search(flat):
        return Form(flat, tuple(origin))
    # A regular spelling's extra characters (a contraction's apostrophe) map to the word's last
    # character, and so does the last character of a shorter one ("my self" -> "myself").
    pieces: list[str] = []
    mapped: list[int] = []
    last = 0
    for match in _BARE.finditer(flat):
        pieces.append(flat[last : match.start()])
        mapped.extend(origin[last : match.start()])
        word = match.group()
        expanded = _REGULAR[word]
        pieces.append(expanded)
        span = origin[match.start() : match.end()]
        kept = min(len(span), len(expanded)) - 1
        mapped.extend(span[:kept] + [span[-1]] * (len(expanded) - kept))
        last = match.end()
    pieces.append(flat[last:])
    mapped.extend(origin[last:])
    return Form("".join(pieces), tuple(mapped))


def compact_form(text: str) -> Form:
    """Every whitespace character removed, and a lone digit or mark between two Hangul
    syllables; Latin letters lower-cased.

    Done a run at a time (the text between two removed characters is lower-cased whole, its
    positions a range), as ``english_form`` is; by character when lower case would depend on
    more than the character or change its length."""
    if "Σ" in text:
        return _compact_form_by_character(text)
    out: list[str] = []
    origin: list[int] = []
    start = 0
    for match in _DROPPED.finditer(text):
        at = match.start()
        if at > start:
            run = text[start:at].lower()
            if len(run) != at - start:
                return _compact_form_by_character(text)
            out.append(run)
            origin.extend(range(start, at))
        start = at + 1
    if start < len(text):
        run = text[start:].lower()
        if len(run) != len(text) - start:
            return _compact_form_by_character(text)
        out.append(run)
        origin.extend(range(start, len(text)))
    return Form("".join(out), tuple(origin))


def _compact_form_by_character(text: str) -> Form:
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
# What compact_form drops: whitespace, and a filler with a Hangul syllable on each side.
_DROPPED = re.compile(
    r"\s|(?<=[\uac00-\ud7a3])[" + re.escape("".join(sorted(_FILLERS))) + r"](?=[\uac00-\ud7a3])"
)


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def _between_hangul(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return _is_hangul(before) and _is_hangul(after)
