"""Situations within a subject: what, inside "deployment" or "job interviews", this message is
about (a postmortem to write rather than an outage to stop; how interviewers score rather
than how to prepare), so the advice can answer the question that was asked.

Each subject has a few situations per language (``situations_en.json``, ``situations_ko.json``),
each with the cues people use when they are in it and its own advice for every intent's shape.
A message's situation is the one whose cues it has most of (ties: the one named last); none
when it has none, and the answer keeps the subject's advice.

Matching is plain string work on one subject's few dozen cues: English words are compared by a
crude stem (so "rejected" finds "rejection"'s stem "reject"), and Korean cues as substrings with
spaces ignored ("재발 방지" finds "재발방지"). A language's table is read on first use, so a cold
start that answers no message pays nothing for it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from core.taxonomy import Intent, Subject

_DIR = Path(__file__).parent
_NOT_WORD = re.compile(r"[^0-9a-z]+")


class Situation(NamedTuple):
    """One situation of a subject, in one language. Every text is a whole sentence."""

    id: str
    name: str  # how an answer names it
    cues: tuple[str, ...]  # prepared for matching (see _prepare)
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
def table(language: str) -> dict[Subject, tuple[Situation, ...]]:
    """The situations of every subject in ``language`` (``ko``, else English)."""
    ko = language == "ko"
    path = _DIR / ("situations_ko.json" if ko else "situations_en.json")
    prepare = korean_form if ko else english_form
    data = json.loads(path.read_text(encoding="utf-8"))
    found: dict[Subject, tuple[Situation, ...]] = {}
    for subject, entries in data.items():
        found[Subject(subject)] = tuple(
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
            for e in entries
        )
    return found


def situation_of(subject: Subject, language: str, text: str) -> Situation | None:
    """The situation of ``subject`` that ``text`` speaks of most; None when it names none.

    Ties go to the situation named last: people set the scene first and ask last ("we had an
    outage last week and I'm writing the postmortem")."""
    situations = table(language).get(subject)
    if not situations:
        return None
    form = korean_form(text) if language == "ko" else english_form(text)
    best, best_rank = None, (0, -1)
    for situation in situations:
        found = [form.rfind(cue) for cue in situation.cues if cue in form]
        if found:
            rank = (len(found), max(found))
            if rank > best_rank:
                best, best_rank = situation, rank
    return best
