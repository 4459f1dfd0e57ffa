"""Situations within a subject: what, inside "deployment" or "job interviews", this message is
about (a postmortem to write rather than an outage to stop; how interviewers score rather
than how to prepare), so the advice can answer the question that was asked.

Each subject has ten to thirteen situations per language
(``situations_en.json``, ``situations_ko.json``), each with the cues people use when they are
in it and its own advice for every intent's shape.
A message's situation is chosen by the subject's situation model (``situation_model/``, trained
by ``scripts/train_situation_model.py`` on labelled development messages): a linear score over
the message's words, Korean syllable pairs and which situations' cues it has, plus a fixed
weight per cue found. It may choose none, and the answer keeps the subject's advice. Without a
model the cues decide alone (most cues, ties to the one named last, then the longer cue).

Cues are found by plain string work: English words are compared by a crude stem (so "rejected"
finds "rejection"'s stem "reject"), Korean cues as substrings with spaces ignored ("재발 방지"
finds "재발방지"), and each cue is looked for only when the text has its first word or
character. A language's table, a subject's cues and its model are read on first use, so a cold
start pays for none of them until a message needs them, and then only for its own subject.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Set
from functools import cache, lru_cache
from operator import add
from pathlib import Path
from typing import Any, NamedTuple

from core._rows import FIXED, IntRows, Summed
from core.taxonomy import Intent, Subject

_DIR = Path(__file__).parent
MODEL_DIR = _DIR / "situation_model"
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_NOT_HANGUL = re.compile(r"[^가-힣]+")


class Situation(NamedTuple):
    """One situation of a subject, in one language. Every text is a whole sentence."""

    id: str
    name: str  # how an answer names it
    cues: tuple[str, ...]  # in the form they are matched in (english_form, korean_form)
    point: str  # the one thing that matters most
    explain: str  # how it works: the idea a learner needs
    steps: tuple[str, ...]  # three moves, the recommended one first
    checks: tuple[str, ...]  # three criteria, each a check
    plan: tuple[str, ...]  # three dated steps
    questions: tuple[str, ...]  # two questions to reflect with
    people: str  # who to involve in it, and what to ask of them (Nana starts from people)
    evidence: str  # what to gather first in it (Riri reasons from it)

    def items(self, intent: Intent) -> tuple[str, ...]:
        """What this situation offers in the intent's shape."""
        if intent is Intent.VALIDATION:
            return self.checks
        if intent is Intent.PLANNING:
            return self.plan
        if intent is Intent.REFLECTION:
            return self.questions
        return self.steps


@lru_cache(maxsize=8192)  # a message's words are mostly ones seen before: a look-up, not a call
def _stem(word: str) -> str:
    """A plural's s, then an -ing or -ed: "meetings", "meeting" and "meet" meet at "meet".
    Crude, but the same on both sides of a comparison."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-2] if word.endswith(("ches", "shes", "sses", "xes")) else word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    return word


def english_form(text: str) -> str:
    """Lower-case words, each stemmed, between single spaces and padded with one on each side:
    a cue matches when its own form is a substring (whole words only)."""
    return " " + " ".join(_words(text)) + " "


def _words(text: str) -> list[str]:
    return list(map(_stem, _NOT_WORD.sub(" ", text.lower()).split()))


def korean_form(text: str) -> str:
    return "".join(text.lower().split())


@cache
def _entries(language: str) -> dict[str, list[dict[str, Any]]]:
    """The situation table of ``language`` (``ko``, else English) as read: about 0.4 ms."""
    path = _DIR / ("situations_ko.json" if language == "ko" else "situations_en.json")
    entries: dict[str, list[dict[str, Any]]] = json.loads(path.read_text(encoding="utf-8"))
    return entries


@cache
def situations(subject: Subject, language: str) -> tuple[Situation, ...]:
    """The situations of ``subject`` in ``language``, ready to match. Built on first use, one
    subject at a time: preparing every subject's cues would cost a first answer ~8 ms."""
    ko = language == "ko"
    prepare = korean_form if ko else english_form
    return tuple(
        Situation(
            id=e["id"],
            name=e["name"],
            cues=tuple(dict.fromkeys(c for c in map(prepare, e["cues"]) if c.strip())),
            point=e["point"],
            explain=e["explain"],
            steps=tuple(e["steps"]),
            checks=tuple(e["checks"]),
            plan=tuple(e["plan"]),
            questions=tuple(e["questions"]),
            people=e["people"],
            evidence=e["evidence"],
        )
        for e in _entries("ko" if ko else "en").get(subject.value, ())
    )


def table(language: str) -> dict[Subject, tuple[Situation, ...]]:
    """Every subject's situations in ``language`` (``ko``, else English)."""
    return {Subject(name): situations(Subject(name), language) for name in _entries(language)}


class _Model(NamedTuple):
    """One subject's situation model: a label's score is its prior plus the weights of the
    features present, plus ``cue_weight`` for each of its cues the text has
    (``scripts/train_situation_model.py``)."""

    labels: tuple[str, ...]  # the subject's situation ids, then "none"
    summed: Summed  # the priors, and how a message's rows are added to them
    weights: dict[str, list[list[float]]]  # feature -> [label index, weight] as stored
    rows: IntRows  # feature -> its weight for every label as one integer, made on first use
    cue_weight: int  # in units of 1 / FIXED, as the totals are

    def best(self, features: Set[str], hits: Mapping[str, tuple[int, int, int]]) -> str:
        """The label with the highest score. The rows are integers (``core._rows``), so each
        total is exact: a set's order differs between processes, and a rounded float sum's
        last bit with it, which would let a near tie go either way."""
        known = self.weights.keys() & features
        totals = self.summed.fixed(list(map(self.rows.__getitem__, known)))
        for index, label in enumerate(self.labels):
            if label in hits:
                totals[index] += self.cue_weight * hits[label][0]
        return self.labels[totals.index(max(totals))]


@cache
def _model(subject: Subject) -> _Model | None:
    """The subject's situation model, read on first use (~1 ms); None without one. A feature's
    row is packed the first time a message has it."""
    path = MODEL_DIR / f"{subject.value}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    width = len(data["labels"])
    weights: dict[str, list[list[float]]] = data["weights"]

    def dense(feature: str) -> list[float]:
        row = [0.0] * width
        for index, weight in weights[feature]:
            row[int(index)] = weight
        return row

    cue_weight = round(data["cue_weight"] * FIXED)
    return _Model(
        tuple(data["labels"]), Summed(data["priors"]), weights, IntRows(dense), cue_weight
    )


@cache
def _cue_index(subject: Subject, language: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """The subject's cues filed under a key every text that has them has: an English cue under
    its first word, a Korean one under its first character. A text then looks up only the
    cues whose key it has, not the ~150 of its subject."""
    filed: dict[str, list[tuple[str, str]]] = {}
    for situation in situations(subject, language):
        for cue in situation.cues:
            filed.setdefault(_key(cue, language), []).append((situation.id, cue))
    return {key: tuple(cues) for key, cues in filed.items()}


def _key(cue: str, language: str) -> str:
    return cue[0] if language == "ko" else cue.split(maxsplit=1)[0]


def cue_hits(subject: Subject, language: str, text: str) -> dict[str, tuple[int, int, int]]:
    """Per situation whose cues ``text`` has: (how many, where the last one ends, its length)."""
    return _hits(subject, language, korean_form(text) if language == "ko" else english_form(text))


def _hits(subject: Subject, language: str, form: str) -> dict[str, tuple[int, int, int]]:
    index = _cue_index(subject, language)
    keys = set(form) if language == "ko" else set(form.split())
    found: dict[str, list[tuple[int, int]]] = {}
    for key in index.keys() & keys:
        for situation_id, cue in index[key]:
            at = form.rfind(cue)
            if at >= 0:
                found.setdefault(situation_id, []).append((at + len(cue), len(cue)))
    return {sid: (len(ends), *max(ends)) for sid, ends in found.items()}


def features(
    language: str,
    text: str,
    hits: Mapping[str, tuple[int, int, int]],
    tone: str = "",
    intent: str = "",
) -> set[str]:
    """What the situation model reads: English words (stemmed), Korean pairs of adjacent Hangul
    syllables, which situations' cues the text has (once, and twice or more), and the tone and
    intent the analyser read, when given: they tell stages and sides apart that share their
    words (an outage now, urgent, from one last week being written up; a plan for an exam from
    looking back on one). The trainer reads the same function, with the analyser's own reading
    of each labelled message. (Word pairs added nothing out of fold: 0.588 / 0.620 without them,
    0.591 / 0.618 with; tone and intent added 0.017 / 0.026, to 0.605 / 0.642.)"""
    return _features(language, text, english_form(text).split(), hits, tone=tone, intent=intent)


def _features(
    language: str,
    text: str,
    words: list[str],
    hits: Mapping[str, tuple[int, int, int]],
    *,
    tone: str,
    intent: str,
) -> set[str]:
    found = set(words)  # a word; two Hangul syllables for a pair of them
    if language == "ko":
        hangul = _NOT_HANGUL.sub("", text)
        found.update(map(add, hangul, hangul[1:]))
    for situation_id, (count, _, _) in hits.items():
        found.add("c:" + situation_id)
        if count > 1:
            found.add("cc:" + situation_id)
    if tone:
        found.add("t:" + tone)
    if intent:
        found.add("i:" + intent)
    return found


@lru_cache(maxsize=64)
def situation_of(
    subject: Subject, language: str, text: str, tone: str = "", intent: str = ""
) -> Situation | None:
    """The situation of ``subject`` that ``text`` is in; None when it is in none of them.

    The subject's situation model decides, from the text, which situations' cues it has and
    the tone and intent the analyser read in it (``""`` when not known); it was trained on
    development messages labelled with their situation. Without a model the
    cues decide alone: the situation whose cues the text has most of, ties to the one named
    last (people set the scene first and ask last: "we had an outage last week and I'm writing
    the postmortem"), then to the longer cue ("just got promoted" over "promoted").
    Remembered for the last few messages: the prompt and the offline answer both ask."""
    found_in = situations(subject, language)
    if not found_in:
        return None
    words = _words(text)
    english = " " + " ".join(words) + " "  # english_form(text), from the words it is made of
    hits = _hits(subject, language, korean_form(text) if language == "ko" else english)
    model = _model(subject)
    if model is not None:
        chosen = model.best(_features(language, text, words, hits, tone=tone, intent=intent), hits)
        return next((s for s in found_in if s.id == chosen), None)
    if not hits:
        return None
    best = max(sorted(hits), key=hits.__getitem__)
    return next(s for s in found_in if s.id == best)
