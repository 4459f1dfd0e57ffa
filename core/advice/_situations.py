"""Situations within a subject: what, inside "deployment" or "job interviews", this message is
about (a postmortem to write rather than an outage to stop; how interviewers score rather
than how to prepare), so the advice can answer the question that was asked.

Each subject has a few situations per language (``situations_en.json``, ``situations_ko.json``),
each with the cues people use when they are in it and its own advice for every intent's shape.
A message's situation is the one whose cues it has most of (ties: the one named last); none
when it has none, and the answer keeps the subject's advice.

Matching is plain string work on one subject's few dozen cues: English words are compared by a
crude stem (so "rejected" finds "rejection"'s stem "reject"), and Korean cues as substrings with
spaces ignored ("재발 방지" finds "재발방지"). A language's table is read on first use and a
subject's cues prepared on first use, so a cold start pays for neither until a message needs
them, and then only for its own subject.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from core.taxonomy import Intent, Subject

_DIR = Path(__file__).parent
_NOT_WORD = re.compile(r"[^0-9a-z]+")


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

    def items(self, intent: Intent) -> tuple[str, ...]:
        """What this situation offers in the intent's shape."""
        if intent is Intent.VALIDATION:
            return self.checks
        if intent is Intent.PLANNING:
            return self.plan
        if intent is Intent.REFLECTION:
            return self.questions
        return self.steps


def _stem(word: str) -> str:
    """A plural's s, then an -ing or -ed: "meetings", "meeting" and "meet" meet at "meet".
    Crude, but the same on both sides of a comparison, and a stem's stem is itself."""
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
    return " " + " ".join(map(_stem, _NOT_WORD.sub(" ", text.lower()).split())) + " "


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
        )
        for e in _entries("ko" if ko else "en").get(subject.value, ())
    )


def table(language: str) -> dict[Subject, tuple[Situation, ...]]:
    """Every subject's situations in ``language`` (``ko``, else English)."""
    return {Subject(name): situations(Subject(name), language) for name in _entries(language)}


@lru_cache(maxsize=64)
def situation_of(subject: Subject, language: str, text: str) -> Situation | None:
    """The situation of ``subject`` that ``text`` speaks of most; None when it names none.

    Ties go to the situation named last: people set the scene first and ask last ("we had an
    outage last week and I'm writing the postmortem"). Remembered for the last few messages:
    the prompt and the offline answer both ask about the same one."""
    found_in = situations(subject, language)
    if not found_in:
        return None
    form = korean_form(text) if language == "ko" else english_form(text)
    best, best_rank = None, (0, -1)
    for situation in found_in:
        found = [at for at in map(form.rfind, situation.cues) if at >= 0]
        if found:
            rank = (len(found), max(found))
            if rank > best_rank:
                best, best_rank = situation, rank
    return best
