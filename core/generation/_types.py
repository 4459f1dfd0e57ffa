"""The phrase tables' shape, shared by the offline generator and its two languages."""

from __future__ import annotations

from typing import NamedTuple

from core.personas import PersonaName
from core.taxonomy import Intent, Tone


class Phrases(NamedTuple):
    """One language's phrase tables for the offline generator.

    Every slot holds alternatives; the generator picks one with a stable hash of the message,
    so different messages read differently while the same message always reads the same. A
    ``{t}`` marks where the quoted topic goes and ``{x}`` where a sub-phrase goes; the
    generator splits templates on these once at import, so nothing is formatted per call and a
    placeholder can never leak into an answer.
    """

    quote: tuple[str, str]  # the marks around the topic phrase
    ellipsis: str  # appended when the topic was cut short
    bullet: str  # item marker for personas that do not number their steps
    feel: dict[Tone, tuple[str, ...]]  # Lua's first sentence: the feeling, named
    lua_topic: tuple[str, ...]  # {t}
    openers: dict[PersonaName, tuple[str, ...]]  # Elro, Riri, Nana; {t}
    tone_moves: dict[Tone, tuple[str, ...]]  # every tone but urgent
    urgent: str  # {x}: the fastest safe step for the intent
    urgent_steps: dict[Intent, str]
    headers: dict[Intent, tuple[str, ...]]
    items: dict[Intent, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]
    evidence: dict[Intent, str]  # what Riri asks for, per intent
    riri_lens: tuple[str, ...]  # {x}: the evidence
    lenses: dict[PersonaName, tuple[str, ...]]  # Lua, Elro, Nana
    closings: dict[PersonaName, tuple[str, ...]]
    continuity: tuple[str, ...]  # {t}: the previous user turn's topic
    continuity_plain: tuple[str, ...]  # earlier turns, but none from the user
    signoff: dict[PersonaName, str]
    # With a subject's advice (not for general):
    key_point: tuple[str, ...]  # {x}: the subject's name; one of its points follows
    riri_evidence: tuple[str, ...]  # before what to gather first
    riri_insight: tuple[str, ...]  # before a key point
    nana_people: tuple[str, ...]  # before who to involve
    urgent_advised: tuple[str, ...]  # the urgent move when the steps below are the subject's
    explain_head: tuple[str, ...]  # before how a situation works, for someone learning it
    # With the person's own items (core.generation._own):
    option_marks: tuple[str, str]  # around each option
    option_joins: tuple[str, str]  # between options, and before the last
    options_line: tuple[str, ...]  # {x}: the options, joined; before the items
    options_header: tuple[str, ...]  # seek_advice with options: criteria to weigh them by
    horizon_header: tuple[str, ...]  # {x}: the time they have ("9 days"); a plan's header
    duration: dict[str, tuple[str, str]]  # unit -> ("{n} day", "{n} days")
    span: dict[str, tuple[str, str]]  # unit -> ("Day {a}", "Days {a}–{b}")
    plan_prefix: str  # a regular expression: the time word an advice plan step starts with
    after_step: str  # a regular expression: a plan step (its time word cut) for after the event
    afterwards: str  # the label of such a step under a horizon
    # A follow-up that goes on from the previous answer's steps (core.generation._offline):
    follow_on: tuple[str, ...]  # {t}: the previous user turn's topic
    start_with: tuple[str, ...]  # the line before the step to start with
    next_step: tuple[str, ...]  # before the step after the first ("and then?")
    nth_step: tuple[str, ...]  # before the step the person pointed at ("the second one")
    make_it_small: tuple[str, ...]  # how to do that one step
    after_that: str  # before each later step
    pointers: tuple[tuple[str, int], ...]  # (pattern, step index; -1 the last) in order
    next_words: str  # a pattern: the person asks what comes after the first step
    start_words: str  # a pattern: the person asks where to start
