"""Which of the safety patterns can match a text, before any of them is compiled.

Each pattern of the rule tables comes with one or two clauses, each a few strings one of which
occurs in whatever the pattern matches; a text that fails a clause cannot match the pattern,
so it is neither compiled nor run: an ordinary message compiles almost nothing, and a warm
check runs a handful of the hundreds of rules. ``scripts/build_safety_prefilter.py`` derives
the clauses from the patterns' parse trees and writes them already indexed, in the form
``Index`` reads (``prefilter_en.json``, ``prefilter_ko.json``): loading a language's table is
one ``json.loads`` and nothing is rebuilt. Patterns without a sure clause (and any whose entry
no longer fits its pattern, e.g. a rule edited without rerunning the script) are always run,
so a stale or missing table only costs time, never a decision.

The strings are looked for in the text with its word boundaries marked (``bounded``: a
``MARK`` wherever ``\\b`` matches), so that a clause can say "sh" as a word of its own: a
pattern ``\\bsh\\b`` is not run for "should".
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from operator import add
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "ko")
# A language's patterns that are searched on their own (each module's names; REPORTED as its
# veto-syntax form), in the order of their table.
SINGLES = ("LAUGH", "TRIVIAL", "EARNEST", "DISCLAIMER", "TOPIC", "RISK", "OTHERS", "REPORTED")
# Stands where ``\b`` matches in a bounded text (and so in the tables' strings). Any
# character would do (one in the text is one more non-word character: it may only let a
# pattern run for nothing); this one reads well and needs no escape in JSON.
MARK = "|"
# Separates a table's strings and their bits (no string has it).
SEP = "`"
_BOUNDARY = re.compile(r"\b")

Compile = Callable[[str, str], re.Pattern[str]]


def data_path(language: str) -> Path:
    """A language's table (one file each: an English message never reads the Korean one)."""
    return Path(__file__).with_name(f"prefilter_{language}.json")


@cache
def _table(language: str) -> dict[str, Any]:
    try:
        table = json.loads(data_path(language).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no table: every pattern runs, as before the prefilter
    return table if isinstance(table, dict) else {}


def crc(pattern: str) -> int:
    """What a table's entry records of the pattern it was derived from."""
    return zlib.crc32(pattern.encode("utf-8"))


def bounded(text: str) -> str:
    """The text with a ``MARK`` at each of its word boundaries (where ``\\b`` matches)."""
    return _BOUNDARY.sub(MARK, text)


Grams = tuple[str, frozenset[str]]


def _grams(bounded_text: str) -> Grams:
    pairs = list(map(add, bounded_text, bounded_text[1:]))
    # "" too: it is in every text, as a string of every length up to three is if it is here.
    grams = frozenset(bounded_text).union(pairs, map(add, pairs, bounded_text[2:]), ("",))
    return bounded_text, grams


@lru_cache(maxsize=16)
def _text_grams(text: str) -> Grams:
    """The bounded text and its distinct characters, pairs and triples (one text is asked
    about by several tables in turn: its forms, then each language's rules, shields and single
    patterns)."""
    return _grams(bounded(text))


def _positions(positions: Iterable[int]) -> int:
    mask = 0
    for position in positions:
        mask |= 1 << position
    return mask


Entry = tuple[str, int, str]


def _entry(string: str, mask: int) -> Entry:
    """(string, mask, probe): the probe is a piece every text with the string has, so a text
    without it is passed over with one set look-up instead of a search. A string of up to three
    characters is its own probe (the text has it exactly when the text's pieces do); a longer
    one's is its last three characters."""
    return string, mask, string if len(string) <= 3 else string[-3:]


def _entries(encoded: str) -> list[Entry]:
    """A table's bucket, "string`bits`string`bits...", each ``bits`` the positions of the
    clauses the string belongs to ("3,415"), as (string, mask, probe)."""
    fields = encoded.split(SEP)
    try:
        return [
            _entry(fields[i], _positions(map(int, fields[i + 1].split(","))))
            for i in range(0, len(fields), 2)
        ]
    except (IndexError, ValueError):  # a hand-edited file: every pattern runs
        return [_entry("", -1)]


class Index:
    """Which of a list of patterns may match a text: those with, for each of their clauses,
    one of its strings in the bounded text.

    Clause k of pattern i is bit ``k * count + i``; ``needs`` has the bits of the clauses past
    the first that a pattern has (the first is always there, but for the patterns ``always``
    run). The script writes each string once, with the bits of the clauses it belongs to.
    Thousands of strings are not each looked for in every text: they are filed in buckets under
    a piece of up to three characters of theirs, and only the buckets of the text's characters,
    pairs and triples are looked in. A bucket is read (``_entries``) the first time a text has
    its piece."""

    __slots__ = ("_always", "_buckets", "_count", "_keys", "_last", "_levels", "_unneeded")

    def __init__(
        self, count: int, always: int = 0, needs: int = 0, buckets: dict[str, Any] | None = None
    ) -> None:
        self._count = count
        self._always = always
        self._unneeded = ~needs  # a clause not needed holds
        self._levels = range(count, needs.bit_length(), count or 1)  # clauses past the first
        self._buckets: dict[str, Any] = buckets if buckets is not None else {}
        # The pieces as a frozenset too: two frozensets intersect by walking the smaller one,
        # a dict's keys and a frozenset by walking the frozenset (the text's ~400 pieces).
        self._keys = frozenset(self._buckets)
        self._last = ("", self._allowed(always))  # the last text asked about, and its answer

    @classmethod
    def everything(cls, count: int) -> Index:
        """Every pattern may match every text (no table)."""
        return cls(count, (1 << count) - 1)

    def _allowed(self, mask: int) -> int:
        """Bit i set: every clause of pattern i holds (``mask``: bit set, that clause holds)."""
        holds = mask | self._unneeded
        allowed = mask & ((1 << self._count) - 1)
        for level in self._levels:
            allowed &= holds >> level
        return allowed

    def _answer(self, grams: Grams) -> int:
        bounded_text, pieces = grams
        mask = self._always
        buckets = self._buckets
        for piece in self._keys & pieces:
            entries = buckets[piece]
            if entries.__class__ is str:
                entries = buckets[piece] = _entries(entries)
            for string, bits, probe in entries:
                if probe in pieces and (probe is string or string in bounded_text):
                    mask |= bits
        return self._allowed(mask)

    def _allowed_in(self, text: str) -> int:
        last, answer = self._last
        if text is last:
            return answer
        answer = self._answer(_text_grams(text))
        self._last = (text, answer)
        return answer

    def allows(self, text: str, index: int) -> bool:
        """Whether pattern ``index`` may match ``text``."""
        return bool(self._allowed_in(text) >> index & 1)

    def allows_bounded(self, bounded_text: str, index: int) -> bool:
        """Whether pattern ``index`` may match a text of which this is a bounded stretch."""
        return bool(self._answer(_grams(bounded_text)) >> index & 1)

    def which(self, text: str) -> Iterator[int]:
        """The positions, in order, of the patterns that may match ``text``."""
        allowed = self._allowed_in(text)
        while allowed:
            lowest = allowed & -allowed
            yield lowest.bit_length() - 1
            allowed ^= lowest


def index_for(language: str, part: str, patterns: Sequence[str]) -> Index | None:
    """The index of ``patterns`` (a table's ``part``: "rules", "shields" or "singles"); None
    when the table has none for them. An entry derived from another pattern than today's is
    not used: that pattern always runs."""
    entry = _table(language).get(part)
    if not isinstance(entry, dict):
        return None
    try:
        count, always, needs = entry["count"], int(entry["always"], 16), int(entry["needs"], 16)
        buckets = entry["strings"]
        if count != len(patterns) or not isinstance(buckets, dict):
            return None
        if entry["crc"] != crc("\0".join(patterns)):  # each pattern's, to tell which changed
            crcs = entry["crcs"]
            if len(crcs) != 8 * count:
                return None
            for index, pattern in enumerate(patterns):
                if crc(pattern) != int(crcs[8 * index : 8 * index + 8], 16):
                    always |= 1 << index
                    needs &= ~_positions(range(index, needs.bit_length(), count))
        return Index(count, always, needs, buckets)
    except (KeyError, TypeError, ValueError):  # a hand-edited file
        return None


class Pattern:
    """A pattern compiled the first time a text may match it: when its index allows it (no
    index: whenever asked)."""

    __slots__ = ("_compile", "_compiled", "_index", "_position", "pattern", "where")

    def __init__(
        self, pattern: str, where: str, compile: Compile, index: Index | None = None, at: int = 0
    ) -> None:
        self.pattern, self.where = pattern, where
        self._index, self._position = index, at
        self._compile = compile
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = self._compile(self.pattern, self.where)
        return self._compiled

    def may_match(self, text: str) -> bool:
        return self._index is None or self._index.allows(text, self._position)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text) if self.may_match(text) else None


class Shields:
    """The spans a language's shields (idiom and jargon) cover, as one alternation of them
    would find them: scanning left to right, at each position the first shield in table order
    that matches there, then on from the end of its match.

    With an index, only the shields that may match are compiled, each on its own; the scan
    above is then done across them, which gives the alternation's spans exactly as long as no
    shield can match the empty string (the script writes no index otherwise). Without one,
    the whole alternation is compiled and run, as it always was."""

    __slots__ = ("_all", "_index", "_patterns")

    def __init__(
        self, shields: Sequence[str], index: Index | None, where: str, compile: Compile
    ) -> None:
        self._all = Pattern("|".join(f"(?:{s})" for s in shields), where, compile)
        self._patterns = tuple(
            Pattern(shield, f"{where} {i}", compile) for i, shield in enumerate(shields)
        )
        self._index = index

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self._index is None:
            return [m.span() for m in self._all.compiled.finditer(text)]
        chosen = [self._patterns[i].compiled for i in self._index.which(text)]
        if len(chosen) == 1:
            return [m.span() for m in chosen[0].finditer(text)]
        found: list[tuple[int, int]] = []
        ahead = [shield.search(text) for shield in chosen]  # each one's next match
        position = 0
        while True:
            first: re.Match[str] | None = None
            for which, shield in enumerate(chosen):
                match = ahead[which]
                if match is not None and match.start() < position:
                    match = ahead[which] = shield.search(text, position)
                if match is not None and (first is None or match.start() < first.start()):
                    first = match
            if first is None:
                return found
            if first.end() == first.start():  # cannot happen (see above); never loop on it
                return [m.span() for m in self._all.compiled.finditer(text)]
            found.append(first.span())
            position = first.end()
