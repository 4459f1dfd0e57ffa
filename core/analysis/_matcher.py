"""A phrase matcher: every cue of a kind found in one regular-expression pass.

A flat alternation of a thousand cues makes ``re`` try each branch at each position (tens of
microseconds per message). The cues are instead compiled into a *trie-shaped* pattern, in
which each character of the text selects at most one branch, so one C-level pass finds them
all in a few microseconds.

- English cues are matched on a normalised copy (lower case, apostrophes dropped, every run of
  other non-alphanumerics turned into one space, padded with spaces). ``"fed up"`` matches whole
  words only; a cue ending in ``*`` (``"worr*"``) matches any word starting with it.
- Korean and symbol cues (emoji, ``ㅋㅋ``) are matched as substrings of the text with all
  whitespace removed, so ``이해가 안`` also finds ``이해가안``: Korean spacing is informal.

Cues belong to *kinds* (``tone``, ``intent``). Within one kind, matches do not overlap and the
longest cue at a position wins, so ``우리 팀`` does not also count ``우리`` and ``팀``; kinds are
scanned independently of each other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_NON_WORD = re.compile(r"[^a-z0-9]+")

Table = Mapping[str, Iterable[tuple[float, str]]]  # label -> [(weight, "cue|cue")]
Scores = dict[str, dict[str, float]]  # kind -> label -> summed weight
_Labels = dict[str, float]
_Trie = dict[str, "_Trie"]


def english_form(text: str) -> str:
    return " " + _NON_WORD.sub(" ", text.lower().replace("'", "").replace("\u2019", "")) + " "


def compact_form(text: str) -> str:
    return "".join(text.split())


@dataclass(frozen=True, slots=True)
class _Pass:
    """One kind's cues in one text form."""

    pattern: re.Pattern[str]
    exact: dict[str, _Labels]
    prefixes: dict[str, _Labels]  # English cues ending in "*"
    prefix_lengths: tuple[int, ...]  # longest first

    def labels(self, matched: str) -> _Labels:
        found = self.exact.get(matched)
        if found is not None:
            return found
        for length in self.prefix_lengths:
            found = self.prefixes.get(matched[:length])
            if found is not None:
                return found
        raise KeyError(matched)  # the pattern only matches what the tables hold


class PhraseMatcher:
    """Finds the cues in a text and sums their weights per kind and label."""

    def __init__(
        self,
        tables: Mapping[str, tuple[Table, Table]],
        late_bonus: Mapping[str, float] | None = None,
    ) -> None:
        """``tables``: kind -> (English table, compact table). ``late_bonus``: kind -> how much
        more a cue at the very end of the text weighs than one at the start (linear between):
        people state the context first and ask last, so intent cues gain from position."""
        self._late = dict(late_bonus or {})
        self._passes: list[tuple[str, bool, _Pass]] = []
        for kind, (en_table, compact_table) in tables.items():
            self._passes.append((kind, True, _english_pass(en_table)))
            self._passes.append((kind, False, _compact_pass(compact_table)))

    def score(self, english: str, compact: str, totals: Scores) -> dict[str, list[str]]:
        """Add, per kind, the label weights of the cues found to ``totals``; return the cues.

        ``english`` and ``compact`` are the text's two forms (:func:`english_form`,
        :func:`compact_form`); the caller makes them once and shares them.
        """
        found: dict[str, list[str]] = {}
        for kind, is_english, cue_pass in self._passes:
            form = english if is_english else compact
            size = len(form) or 1
            bonus = self._late.get(kind, 0.0)
            scores = totals.setdefault(kind, {})
            cues = found.setdefault(kind, [])
            skip = 1 if is_english else 0  # the English pattern consumes the leading space
            for match in cue_pass.pattern.finditer(form):
                matched = match.group()[skip:]
                factor = 1.0 + bonus * match.start() / size
                for label, weight in cue_pass.labels(matched).items():
                    scores[label] = scores.get(label, 0.0) + weight * factor
                cues.append(matched)
        return found


def _english_pass(table: Table) -> _Pass:
    exact: dict[str, _Labels] = defaultdict(dict)
    prefixes: dict[str, _Labels] = defaultdict(dict)
    for cue, label, weight in _rows(table):
        body = english_form(cue.rstrip("*")).strip()
        if len(body) < 2:
            raise ValueError(f"English cue {cue!r} is shorter than 2 characters")
        target = prefixes if cue.endswith("*") else exact
        _put(target[body], label, weight)
    tails = dict.fromkeys(prefixes, r"[a-z0-9]*(?= )")
    tails.update({body: r"(?= )" for body in exact if body not in tails})
    # A leading literal space (rather than a look-behind) lets re jump from word to word.
    pattern = re.compile(" " + _trie_pattern(tails))
    lengths = tuple(sorted({len(p) for p in prefixes}, reverse=True))
    return _Pass(pattern, dict(exact), dict(prefixes), lengths)


def _compact_pass(table: Table) -> _Pass:
    exact: dict[str, _Labels] = defaultdict(dict)
    for cue, label, weight in _rows(table):
        _put(exact[compact_form(cue)], label, weight)
    pattern = re.compile(_trie_pattern(dict.fromkeys(exact, "")))
    return _Pass(pattern, dict(exact), {}, ())


def _trie_pattern(tails: Mapping[str, str]) -> str:
    """A pattern matching every key (followed by its tail), longer keys preferred.

    When a cue is both a whole word and a prefix (``worried`` and ``worr*``), the prefix tail
    comes second, so the exact cue wins and the prefix still catches ``worrying``.
    """
    trie: _Trie = {}
    ends: dict[int, list[str]] = defaultdict(list)
    for key, tail in tails.items():
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        ends[id(node)].append(tail)

    def build(node: _Trie) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items())]
        branches += sorted(set(ends.get(id(node), ())), key=len)  # "(?= )" before the prefix
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return build(trie)


def _put(labels: _Labels, label: str, weight: float) -> None:
    """A cue listed twice for one label (say, with and without a space) keeps its top weight."""
    labels[label] = max(weight, labels.get(label, 0.0))


def _rows(table: Table) -> Iterable[tuple[str, str, float]]:
    for label, rows in table.items():
        for weight, cues in rows:
            for cue in cues.split("|"):
                if cue.strip():
                    yield cue.strip(), label, weight
