"""The safety check: which crisis, if any, a message is about, and the words that say so.

Deterministic and local (no model, no network), so it runs on every message on every path
before anything else is decided. Each language's rules run on their own form of the text (see
``_rules``), after the spans of everyday idiom and jargon that share their words are blanked
out. Only the rules that can match the text (it has strings every match of theirs contains,
``_prefilter``) are compiled and run. A hit then survives three checks:

- ``veto``: words right beside it that make it something else (``_compile_veto``);
- a joke: a rule marked as everyday hyperbole is cleared when the message laughs *and* names
  something trivial ("so embarrassed I wanted to die lol"), unless it also says it means it.
  A laugh alone does not clear anything: people in crisis laugh too, and a miss costs far more
  than a gentle check-in;
- a topic: a bare mention ("suicide", "자해") is cleared when the message discusses it as a
  subject (research, a policy, volunteering).

When several categories fire, self-harm comes first, then abuse, then harm to others: the
reply is about the writer's own safety first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import NamedTuple

from core.safety import _en, _ko, _model
from core.safety._prefilter import SINGLES, Index, Pattern, Shields, index_for
from core.safety._rules import (
    CATEGORY_OF,
    Category,
    Form,
    Kind,
    Rule,
    compact_form,
    english_form,
)

_PRIORITY = (Category.SELF_HARM, Category.ABUSE, Category.HARM_TO_OTHERS)
# Kinds that are about the writer's own life; someone else's, reported, is not the writer's.
_OWN = frozenset({Kind.IDEATION, Kind.PLAN, Kind.GOODBYE, Kind.SELF_INJURY})
# In a veto, "$" means "right before the match" and "^" "right after it"; the window around a
# match is joined with these two marks, which never occur in a message's forms.
_BEFORE, _AFTER = "\x02", "\x03"
_ANCHOR_END = re.compile(r"(?<!\\)\$")
_ANCHOR_START = re.compile(r"(?<![\\\[])\^")
_LATIN = re.compile(r"[a-z]")


class Safety(NamedTuple):
    """The outcome of the check. ``cues`` are the words of the message it was read from."""

    category: Category
    cues: tuple[str, ...] = ()
    kinds: tuple[Kind, ...] = ()  # what was recognised, strongest category first
    categories: tuple[Category, ...] = ()  # every category that fired, ``category`` first

    @property
    def flagged(self) -> bool:
        return self.category is not Category.NONE


SAFE = Safety(Category.NONE)


class _Rule:
    """A rule whose pattern is compiled the first time a text may match it (``_prefilter``),
    and its veto and needs the first time the pattern matches (most never do in a given message, and
    compiling every one of them up front would cost a cold start a hundred milliseconds)."""

    __slots__ = ("_needs", "_veto", "joke", "kind", "regex", "rule", "where")

    def __init__(self, rule: Rule, where: str) -> None:
        self.rule, self.where = rule, where
        self.kind, self.joke = rule.kind, rule.joke
        self.regex = Pattern(rule.pattern, where, _re)  # run when the language's index says
        self._veto: re.Pattern[str] | None = None
        self._needs: re.Pattern[str] | None = None

    @property
    def topic(self) -> bool:
        return self.rule.topic

    def vetoed(self, window: str) -> bool:
        if self.rule.veto is None:
            return False
        if self._veto is None:
            self._veto = _re(_compile_veto(self.rule.veto), f"{self.where} veto")
        return self._veto.search(window) is not None

    def lacks_needs(self, text: str) -> bool:
        if self.rule.needs is None:
            return False
        if self._needs is None:
            self._needs = _re(self.rule.needs, f"{self.where} needs")
        return self._needs.search(text) is None


@dataclass(frozen=True, slots=True)
class _Language:
    name: str
    rules: tuple[Rule, ...]
    made: list[_Rule | None]  # each rule's _Rule, made the first time a text may match it
    index: Index  # which rules may match a text
    shields: Shields
    laugh: Pattern
    trivial: Pattern
    earnest: Pattern
    disclaimer: Pattern  # "just kidding": a joke even without a laugh
    topic: Pattern
    risk: Pattern  # the learned model's gate
    others: Pattern  # someone else is the one the message is about
    reported: Pattern  # ...and this self-harm hit is what they said or did (veto syntax)
    window: int  # characters on each side of a match that its veto reads

    def rule(self, index: int) -> _Rule:
        rule = self.made[index]
        if rule is None:
            rule = self.made[index] = _Rule(self.rules[index], f"{self.name} rule {index}")
        return rule


def _compile_veto(pattern: str) -> str:
    return _ANCHOR_START.sub(f"(?<={_AFTER})", _ANCHOR_END.sub(f"(?={_BEFORE})", pattern))


def _re(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as error:  # a rule table's mistake: name the rule, not just the offset
        raise ValueError(f"{where}: {error}: {pattern[:80]!r}") from None


def single_patterns(module: ModuleType) -> dict[str, str]:
    """A language's patterns searched on their own, by name, as searched (REPORTED in veto
    syntax)."""
    patterns = {label: getattr(module, label) for label in SINGLES}
    patterns["REPORTED"] = _compile_veto(module.REPORTED)
    return patterns


def _language(module: ModuleType, key: str, window: int) -> _Language:
    """A language's tables, nothing compiled yet: each pattern is compiled the first time a
    text may match it (``_prefilter``; "en"/"ko" is the language's ``key`` there)."""
    name = module.__name__
    rules: tuple[Rule, ...] = module.RULES
    shields: tuple[str, ...] = module.SHIELDS
    index = index_for(key, "rules", [rule.pattern for rule in rules])

    singles = single_patterns(module)
    single_index = (  # one answer per text for all of them
        index_for(key, "singles", list(singles.values())) or Index.everything(len(SINGLES))
    )

    def single(label: str) -> Pattern:
        at = SINGLES.index(label)
        return Pattern(singles[label], f"{name} {label}", _re, single_index, at)

    return _Language(
        name=name,
        rules=rules,
        made=[None] * len(rules),
        index=index or Index.everything(len(rules)),
        shields=Shields(shields, index_for(key, "shields", shields), f"{name} shields", _re),
        laugh=single("LAUGH"),
        trivial=single("TRIVIAL"),
        earnest=single("EARNEST"),
        disclaimer=single("DISCLAIMER"),
        topic=single("TOPIC"),
        risk=single("RISK"),
        others=single("OTHERS"),
        reported=single("REPORTED"),
        window=window,
    )


# Each language's tables are read when a message first needs them, not at import.
@cache
def _english() -> _Language:
    return _language(_en, "en", 48)


@cache
def _korean() -> _Language:
    return _language(_ko, "ko", 24)


class _Hit(NamedTuple):
    kind: Kind
    cue: str
    joke: bool
    topic: bool


def _blank(text: str, shields: Shields) -> str:
    """The text with every shielded span replaced by spaces (positions are kept)."""
    spans = shields.spans(text)
    if not spans:
        return text
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        pieces += (text[last:start], " " * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _hits(
    language: _Language, form: Form, text: str, original: str, earnest: bool = False
) -> list[_Hit]:
    """The rules' matches in ``text`` (the form, blanked), as cues of ``original``. When the
    message says it means it (``earnest``), a hyperbole rule's veto no longer clears it."""
    found: list[_Hit] = []
    width = language.window
    about_others: bool | None = None  # read the first time a hit needs it
    for index in language.index.which(text):
        rule = language.rule(index)
        for match in rule.regex.compiled.finditer(text):
            start, end = match.span()
            if start == end:
                continue
            window = (
                text[max(0, start - width) : start]
                + _BEFORE
                + text[start:end]
                + _AFTER
                + text[end : end + width]
            )
            if (rule.vetoed(window) and not (earnest and rule.joke)) or rule.lacks_needs(form.text):
                continue
            if rule.kind in _OWN and about_others is None:
                about_others = language.others.search(form.text) is not None
            if about_others and rule.kind in _OWN and language.reported.search(window):
                continue  # a friend's crisis, told by someone supporting them
            found.append(_Hit(rule.kind, form.span_of(original, start, end), rule.joke, rule.topic))
    return found


class Forms(NamedTuple):
    """A message's matching forms, and the same with idiom and jargon spans blanked."""

    english: Form
    english_blanked: str
    korean: Form | None
    korean_blanked: str | None

    def korean_spaced(self, original: str) -> str | None:
        """The message with the Korean shields' spans blanked and its own spaces kept (the
        learned model reads words; the rules read the compact form)."""
        if self.korean is None or self.korean_blanked is None:
            return None
        out = list(original)
        for index, (kept, blanked) in enumerate(
            zip(self.korean.text, self.korean_blanked, strict=True)
        ):
            if blanked == " " and kept != " ":
                out[self.korean.origin[index]] = " "
        return "".join(out)


def forms_of(text: str) -> Forms:
    english = english_form(text)
    korean = compact_form(text) if _model.has_hangul(text) else None
    return Forms(
        english=english,
        english_blanked=_blank(english.text, _english().shields),
        korean=korean,
        korean_blanked=_blank(korean.text, _korean().shields) if korean else None,
    )


def _context(language: _Language, text: str) -> tuple[bool, bool, bool]:
    """(a laugh with something trivial, it says it is earnest, it discusses a subject)."""
    joke = bool(
        (language.laugh.search(text) and language.trivial.search(text))
        or language.disclaimer.search(text)
    )
    return joke, bool(language.earnest.search(text)), bool(language.topic.search(text))


def assess(text: str) -> Safety:
    """Check one message (any language; the Korean rules also run when it has Hangul, so
    mixed messages are covered). Never raises on text."""
    forms = forms_of(text)
    return rule_verdict(forms, text) or _by_model(forms, text)


def rule_verdict(forms: Forms, text: str) -> Safety | None:
    """What the rules alone make of a message; None when no rule flags it."""
    # Every English rule needs a Latin letter; Korean-only text skips them all.
    latin = _LATIN.search(forms.english_blanked) is not None
    hits = _hits(_english(), forms.english, forms.english_blanked, text) if latin else []
    joke, earnest, topic = _context(_english(), forms.english.text)
    if forms.korean is not None and forms.korean_blanked is not None:
        hits += _hits(_korean(), forms.korean, forms.korean_blanked, text)
        ko_joke, ko_earnest, ko_topic = _context(_korean(), forms.korean.text)
        joke, earnest, topic = joke or ko_joke, earnest or ko_earnest, topic or ko_topic
    if earnest:
        # "I mean it literally": an idiom's words are not an idiom this time.
        hits += _hits(_english(), forms.english, forms.english.text, text, earnest=True)
        if forms.korean is not None:
            hits += _hits(_korean(), forms.korean, forms.korean.text, text, earnest=True)
    kept = [h for h in hits if not (h.joke and joke and not earnest) and not (h.topic and topic)]
    if not kept:
        return None
    categories = tuple(c for c in _PRIORITY if any(CATEGORY_OF[h.kind] is c for h in kept))
    kept.sort(key=lambda h: _PRIORITY.index(CATEGORY_OF[h.kind]))
    kinds: list[Kind] = []
    for hit in kept:
        if hit.kind not in kinds:
            kinds.append(hit.kind)
    return Safety(categories[0], _distinct(h.cue.strip() for h in kept), tuple(kinds), categories)


def _distinct(cues: Iterable[str]) -> tuple[str, ...]:
    """Cues in order, without repeats or a cue that is part of a longer one."""
    found: list[str] = []
    for cue in cues:
        if not cue or any(cue in other for other in found):
            continue
        found = [other for other in found if other not in cue]
        found.append(cue)
    return tuple(found)


def at_risk(forms: Forms) -> bool:
    """Whether the learned model may flag the message: it has a word of the crisis vocabulary
    (a short ordinary message carries too little for the model to judge) and is not an
    unmistakable joke (a laugh with something trivial, not said to be meant: the model cannot
    tell "I want to die lol" about a reply-all from the same words meant)."""
    english = _english().risk.search(forms.english_blanked) is not None
    korean = forms.korean_blanked is not None and bool(_korean().risk.search(forms.korean_blanked))
    return (english or korean) and not _joking(forms)


def _joking(forms: Forms) -> bool:
    joke, earnest, _ = _context(_english(), forms.english.text)
    if forms.korean is not None:
        ko_joke, ko_earnest, _ = _context(_korean(), forms.korean.text)
        joke, earnest = joke or ko_joke, earnest or ko_earnest
    return joke and not earnest


def _by_model(forms: Forms, text: str) -> Safety:
    """What the learned model makes of a message no rule flagged."""
    if not at_risk(forms):
        return SAFE  # read before the model: most messages never need it loaded
    model = _learned()
    if model is None:
        return SAFE
    language = "ko" if forms.korean is not None else "en"
    verdict = model.judge(
        _model.features(forms.english_blanked, forms.korean_spaced(text)), language
    )
    if verdict is None:
        return SAFE
    category = Category(verdict.label)
    cues = tuple(_cue_text(feature) for feature in verdict.evidence)
    kind = _MODEL_KIND[category]
    return Safety(category, cues, (kind,), (category,))


def _cue_text(feature: str) -> str:
    """A model feature as the words it stands for ("b:alive by" -> "alive by")."""
    return feature.split(":", 1)[1]


_MODEL_KIND = {
    Category.SELF_HARM: Kind.IDEATION,
    Category.HARM_TO_OTHERS: Kind.URGE,
    Category.ABUSE: Kind.ABUSE,
}


@cache
def _learned() -> _model.Model | None:
    return _model.load()  # on the first message that passes the gate


_SENTENCES = re.compile(r"(?<=[.!?。？！\n])\s*|(?<=[.!?])(?=\S)")
_REQUEST = re.compile(
    r"\?|？|\b(?:how|what|which|should|can you|could you|would you|any tips|tips|help me|advice|"
    r"recommend|explain|check|review|please)\b|어떻게|뭐가|뭘|뭐부터|알려|해줘|해주세요|봐주세요|"
    r"봐줘|부탁|할까요|하나요|인가요|될까요|있나요|추천|방법"
)


def asks_something_else(text: str) -> bool:
    """Whether a flagged message also asks about something other than its crisis (a
    question or request in a sentence no rule flags): the reply then says that can wait."""
    for sentence in _SENTENCES.split(text):
        piece = sentence.strip()
        if len(piece) < 8 or not _REQUEST.search(piece.lower()):
            continue
        if rule_verdict(forms_of(piece), piece) is None:
            return True
    return False
