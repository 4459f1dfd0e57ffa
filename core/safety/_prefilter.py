"""Which of the safety patterns can match a text, before any of them is compiled.

Each pattern of the rule tables comes with one or two clauses, each a few strings one of which
occurs in whatever the pattern matches (``prefilter_en.json``, ``prefilter_ko.json``, derived
from the patterns' parse trees by ``scripts/build_safety_prefilter.py``). A text that fails a
clause cannot match the pattern, so it is neither compiled nor run: an ordinary message
compiles almost nothing, and a warm check runs a handful of the hundreds of rules. Patterns
without a sure clause (and any whose entry no longer fits its pattern, e.g. a rule edited
without rerunning the script) are always run, so a stale or missing table only costs time,
never a decision.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "ko")
# A language's patterns that are searched on their own (each module's names; REPORTED as its
# veto-syntax form).
SINGLES = ("LAUGH", "TRIVIAL", "EARNEST", "DISCLAIMER", "TOPIC", "RISK", "OTHERS", "REPORTED")

# A pattern's clauses: each a few strings, one of which occurs in whatever the pattern matches
# (every clause holds at once). None: nothing sure, always run the pattern.
Clauses = tuple[tuple[str, ...], ...] | None
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


def _entries(language: str, part: str) -> Any:
    return _table(language).get(part)


def _fits(entry: Any, pattern: str) -> Clauses:
    """The entry's clauses if it was derived from this very pattern, else None."""
    if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], list)):
        return None
    found = entry[1]
    if entry[0] != zlib.crc32(pattern.encode("utf-8")) or not found:
        return None
    for clause in found:  # a hand-edited file: an empty string would match nothing, not all
        if not (isinstance(clause, list) and clause and set(map(type, clause)) == {str}):
            return None
        if "" in clause:
            return None
    return tuple(tuple(clause) for clause in found)


def clauses_of(language: str, part: str, patterns: Sequence[str]) -> list[Clauses] | None:
    """The clauses of ``patterns`` (a table's ``part``: "rules" or "shields"); None when
    the table has no entries for them."""
    entries = _entries(language, part)
    if not isinstance(entries, list) or len(entries) != len(patterns):
        return None
    return [_fits(entry, pattern) for entry, pattern in zip(entries, patterns, strict=True)]


def single_clauses(language: str, patterns: Mapping[str, str]) -> list[Clauses]:
    """The clauses of a language's single patterns, by name (``SINGLES``)."""
    singles = _entries(language, "singles")
    if not isinstance(singles, dict):
        return [None] * len(patterns)
    return [_fits(singles.get(name), pattern) for name, pattern in patterns.items()]


@lru_cache(maxsize=16)
def _grams(text: str) -> tuple[frozenset[str], ...]:
    """The text's distinct characters, pairs and triples (one text is asked about by several
    tables in turn: its forms, then each language's rules, shields and single patterns)."""
    return (
        frozenset(text),
        frozenset(map("".join, pairwise(text))),
        frozenset(map("".join, zip(text, text[1:], text[2:], strict=False))),
    )


class Index:
    """Which of a list of patterns may match a text: those with, for each of their clauses,
    one of its strings in the text.

    Thousands of strings are not each looked for in every text: each is filed under its first
    (up to) three characters, and only those filed under a triple (pair, character) the text
    has are looked for. Bit i of an answer stands for pattern i's first clause; its other
    clauses have bits past those of the patterns."""

    __slots__ = (
        "_always",
        "_count",
        "_exact",
        "_exact_keys",
        "_last",
        "_longer",
        "_longer_keys",
        "_more",
    )

    def __init__(self, sets: Sequence[Clauses]) -> None:
        self._count = len(sets)
        always = 0
        self._more: dict[int, int] = {}  # pattern -> the bits of its other clauses
        # Strings of 1-3 characters by length, and longer ones by their first three.
        self._exact: tuple[dict[str, int], ...] = ({}, {}, {})
        self._longer: dict[str, dict[str, int]] = {}
        spare = len(sets)
        for index, clauses in enumerate(sets):
            if clauses is None:
                always |= 1 << index
                continue
            for number, clause in enumerate(clauses):
                if number == 0:
                    bit = 1 << index
                else:
                    bit, spare = 1 << spare, spare + 1
                    self._more[index] = self._more.get(index, 0) | bit
                for literal in clause:
                    if len(literal) <= 3:
                        table = self._exact[len(literal) - 1]
                    else:
                        table = self._longer.setdefault(literal[:3], {})
                    table[literal] = table.get(literal, 0) | bit
        self._always = always
        # Sets, so that intersecting a text's grams with them costs the smaller of the two.
        self._exact_keys = tuple(frozenset(exact) for exact in self._exact)
        self._longer_keys = frozenset(self._longer)
        self._last = ("", always)  # the last text asked about, and its answer

    def _mask(self, text: str) -> int:
        """Bit set: that clause holds in ``text`` (see the class)."""
        last, answer = self._last
        if text is last:
            return answer
        mask = self._always
        grams = _grams(text)
        for exact, keys, present in zip(self._exact, self._exact_keys, grams, strict=True):
            for literal in present.intersection(keys):
                mask |= exact[literal]
        longer = self._longer
        for key in grams[2].intersection(self._longer_keys):
            for literal, bits in longer[key].items():
                if bits & ~mask and literal in text:
                    mask |= bits
        self._last = (text, mask)
        return mask

    def _holds(self, mask: int, index: int) -> bool:
        more = self._more.get(index, 0)
        return bool(mask >> index & 1) and mask & more == more

    def allows(self, text: str, index: int) -> bool:
        """Whether pattern ``index`` may match ``text``."""
        return self._holds(self._mask(text), index)

    def which(self, text: str) -> Iterator[int]:
        """The positions, in order, of the patterns that may match ``text``."""
        mask = self._mask(text)
        first = mask & ((1 << self._count) - 1)
        while first:
            lowest = first & -first
            index = lowest.bit_length() - 1
            if self._holds(mask, index):
                yield index
            first ^= lowest


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

    With clauses, only the shields that may match are compiled, each on its own; the scan
    above is then done across them, which gives the alternation's spans exactly as long as no
    shield can match the empty string (the script writes no clauses otherwise). Without
    clauses, the whole alternation is compiled and run, as it always was."""

    __slots__ = ("_all", "_index", "_patterns")

    def __init__(
        self, shields: Sequence[str], sets: Sequence[Clauses] | None, where: str, compile: Compile
    ) -> None:
        self._all = Pattern("|".join(f"(?:{s})" for s in shields), where, compile)
        self._patterns = tuple(
            Pattern(shield, f"{where} {i}", compile) for i, shield in enumerate(shields)
        )
        self._index = Index(sets) if sets is not None else None

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
