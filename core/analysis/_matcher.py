"""A phrase matcher: every cue of a kind found in a message, without a scan per cue.

- English cues are matched on a normalised copy (lower case, apostrophes dropped, every run of
  other non-alphanumerics turned into one space, padded with spaces). ``"fed up"`` matches whole
  words only; a cue ending in ``*`` (``"worr*"``) matches any word starting with it.
- Korean and symbol cues (emoji, ``ㅋㅋ``) are matched as substrings of the text with all
  whitespace removed, so ``이해가 안`` also finds ``이해가안``: Korean spacing is informal.

Cues belong to *kinds* (``tone``, ``intent``). Within one kind, matches do not overlap and the
longest cue at a position wins (leftmost first), so ``우리 팀`` does not also count ``우리`` and
``팀``; kinds are scanned independently of each other.

How, cheaply: a message is turned into :class:`Forms` once (its words, its non-ASCII character
pairs...), and each cue is indexed by what must occur for it to match: an English phrase by its
first word, a Korean one by its first two characters. Set intersections (in C) pick the few
cues worth looking for, ``str.find`` locates them, and one sort orders them leftmost-longest.
Only single-word English prefixes (``worr*``) need a regular expression, a small trie-shaped
one. Nothing here compiles a pattern per cue, so building the matcher at a cold start is cheap.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import pairwise
from operator import add
from typing import Any, NamedTuple, Protocol

_NON_WORD = re.compile(r"[^a-z0-9]+")
_NORMAL = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*\*?")  # a cue already in its English form
ASCII_RUN = re.compile(r"[\x00-\x7f]+")
# Sentences end at a newline, and at a run of ends ("...", "?!") before a space, so "v3.5" and
# "example.com" stay whole; full-width ends ("？", "。") need no space after them.
_SENTENCE_END = re.compile(r"(?<=[.?!…。？！])(?=\s)|\n|(?<=[。？！])(?![.?!…。？！])")
_WORD_CHAR = re.compile(r"\w")  # a "sentence" without one (":)", a closing quote) is none

Scores = dict[str, dict[str, float]]  # kind -> label -> summed weight
Match = tuple[int, str]  # (position in its form, the matched text)
_Labels = dict[str, float]
_Trie = dict[str, "_Trie"]
_Found = list[tuple[int, int, str]]  # (start, -length, matched): sorts leftmost-longest


class Table(Protocol):
    """``{label: {weight: "cue|cue|..."}}`` (``_lexicon``'s format). Any mapping whose labels
    are strs will do, a StrEnum's members included."""

    def items(self) -> Iterable[tuple[str, Mapping[float, str]]]: ...


class Forms(NamedTuple):
    """The shapes of one text that cues and model features are read from, made once."""

    english: str  # see english_form
    words: frozenset[str]  # the words of ``english``
    word_pairs: frozenset[str]  # each two adjacent words of ``english``, as "one two"
    word_count: int  # how many words ``english`` has, repeats included
    compact: str  # see compact_form
    pairs: frozenset[str]  # adjacent pairs of the non-ASCII characters of ``compact``
    chars: frozenset[str]  # the non-ASCII characters of ``compact``
    asked: tuple[str, ...]  # the sentences that say what the person wants (asked_in)
    text: str  # what the forms were made from


def asked_in(text: str) -> tuple[str, ...]:
    """The sentences that carry the request: the last two with a question mark, and the last
    sentence ("... I have two offers. Which should I take?"; "... 어떻게 시작하면 좋을지
    알려주세요."). The scene set before them says little of what is wanted."""
    sentences = [s for s in map(str.strip, _SENTENCE_END.split(text)) if _WORD_CHAR.search(s)]
    asked = [s for s in sentences if "?" in s or "？" in s][-2:]
    if sentences and (not asked or asked[-1] is not sentences[-1]):
        asked.append(sentences[-1])
    return tuple(asked)


def forms_of(text: str) -> Forms:
    english, compact = english_form(text), compact_form(text)
    # Hangul, jamo and emoji in order, ASCII runs dropped ("" for an ASCII text).
    wide = ASCII_RUN.sub("", compact)
    words = english.split()
    return Forms(
        english=english,
        words=frozenset(words),
        word_pairs=frozenset(map(" ".join, pairwise(words))),
        word_count=len(words),
        compact=compact,
        pairs=frozenset(map(add, wide, wide[1:])),
        chars=frozenset(wide),
        asked=asked_in(text),
        text=text,
    )


def english_form(text: str) -> str:
    return " " + _NON_WORD.sub(" ", text.lower().replace("'", "").replace("\u2019", "")) + " "


def compact_form(text: str) -> str:
    return "".join(text.split())


def _leftmost_longest(found: _Found) -> list[Match]:
    """Non-overlapping matches as a left-to-right scan taking the longest at each position
    would find them (each match spans ``-length`` characters from its start)."""
    found.sort()
    matches: list[Match] = []
    end = 0
    for start, negative_length, matched in found:
        if start >= end:
            matches.append((start, matched))
            end = start - negative_length
    return matches


class _CuePass(Protocol):
    def find(self, forms: Forms) -> list[Match]: ...
    def labels(self, matched: str) -> _Labels: ...


class _EnglishPass(NamedTuple):
    """One kind's English cues. A match's start is the position of the space before it."""

    exact: dict[str, _Labels]
    prefixes: dict[str, _Labels]  # cues ending in "*", without it
    prefix_lengths: tuple[int, ...]  # longest first
    # A phrase's first two whole words ("fed up"), or its only one -> (" needle", is prefix)
    by_key: dict[str, tuple[tuple[str, bool], ...]]
    keys: frozenset[str]
    stems: re.Pattern[str] | None  # the one-word prefixes, each to the end of its word

    def labels(self, matched: str) -> _Labels:
        found = self.exact.get(matched)
        if found is not None:
            return found
        for length in self.prefix_lengths:
            found = self.prefixes.get(matched[:length])
            if found is not None:
                return found
        raise KeyError(matched)  # only what the tables hold is ever matched

    def find(self, forms: Forms) -> list[Match]:
        english = forms.english
        found: _Found = []
        for key in (forms.word_pairs & self.keys) | (forms.words & self.keys):
            for needle, is_prefix in self.by_key[key]:
                start = english.find(needle)
                while start >= 0:
                    # An exact needle ends with its space; a prefix runs to the end of its word.
                    end = start + len(needle)
                    end = english.index(" ", end) if is_prefix else end - 1
                    found.append((start, start - end, english[start + 1 : end]))
                    start = english.find(needle, start + 1)
        if self.stems is not None:
            for match in self.stems.finditer(english):
                start, end = match.span()
                found.append((start, start - end, english[start + 1 : end]))
        return _leftmost_longest(found)


class _CompactPass(NamedTuple):
    """One kind's cues in the compact form. A cue starting with two non-ASCII characters is
    looked for only when the text has that pair, a one-character one only when the text has
    that character; the few others (``;;``, ``T_T``, ``%``) are always looked for."""

    exact: dict[str, _Labels]
    by_head: dict[str, tuple[str, ...]]  # first two characters -> cues
    heads: frozenset[str]
    singles: frozenset[str]  # one non-ASCII character (an emoji, ``ㅋ``)
    others: tuple[str, ...]

    def labels(self, matched: str) -> _Labels:
        return self.exact[matched]

    def find(self, forms: Forms) -> list[Match]:
        text = forms.compact
        candidates = [cue for cue in self.others if cue in text]
        for head in forms.pairs & self.heads:
            candidates += self.by_head[head]
        candidates += forms.chars & self.singles
        found: _Found = []
        for cue in candidates:
            start = text.find(cue)
            while start >= 0:
                found.append((start, -len(cue), cue))
                start = text.find(cue, start + 1)
        return _leftmost_longest(found)


class PhraseMatcher:
    """Finds the cues in a text and sums their weights per kind and label."""

    def __init__(
        self,
        tables: Mapping[str, tuple[Table, Table]],
        late_bonus: Mapping[str, float] | None = None,
        index: Mapping[str, Any] | None = None,
        scale: Mapping[str, float] | None = None,
    ) -> None:
        """``tables``: kind -> (English table, compact table). ``late_bonus``: kind -> how much
        more a cue at the very end of the text weighs than one at the start (linear between):
        people state the context first and ask last, so intent cues gain from position.
        ``scale``: kind -> a factor on all its weights (1 when not given), so one kind's
        lexicon can be weighed against the learned model without rewriting its tables.

        ``index``: these tables' passes as ``scripts/build_cue_index.py`` wrote them
        (:func:`index_of`), read rather than built: for thousands of cues, building is most
        of a cold start's analysis cost. An index made from other tables (a cue edited since)
        is ignored and the passes are built: a stale index costs time, never a match."""
        self._late = dict(late_bonus or {})
        self._scale = dict(scale or {})
        if index is not None and index.get("digest") == digest(tables):
            self._passes = _read_index(index)
            return
        self._passes = [
            (kind, _english_pass(en_table), _compact_pass(compact_table))
            for kind, (en_table, compact_table) in tables.items()
        ]

    def find(self, forms: Forms) -> dict[str, tuple[list[Match], list[Match]]]:
        """Per kind, the (English, compact) matches: positions in ``forms.english`` and
        ``forms.compact``."""
        return {kind: (en.find(forms), compact.find(forms)) for kind, en, compact in self._passes}

    def score(self, forms: Forms, totals: Scores) -> dict[str, list[str]]:
        """Add, per kind, the label weights of the cues found to ``totals``; return the cues.

        ``forms`` (:func:`forms_of`) is made once by the caller and shared with the model.
        """
        found: dict[str, list[str]] = {}
        sizes = (len(forms.english) or 1, len(forms.compact) or 1)
        for kind, english_pass, compact_pass in self._passes:
            bonus = self._late.get(kind, 0.0)
            base = self._scale.get(kind, 1.0)
            scores = totals.setdefault(kind, {})
            cues = found.setdefault(kind, [])
            passes: tuple[_CuePass, _CuePass] = (english_pass, compact_pass)
            for cue_pass, size in zip(passes, sizes, strict=True):
                for start, cue in cue_pass.find(forms):
                    factor = base * (1.0 + bonus * start / size)
                    for label, weight in cue_pass.labels(cue).items():
                        scores[label] = scores.get(label, 0.0) + weight * factor
                    cues.append(cue)
        return found


def _english_pass(table: Table) -> _EnglishPass:
    exact: dict[str, _Labels] = defaultdict(dict)
    prefixes: dict[str, _Labels] = defaultdict(dict)
    for cue, label, weight in _rows(table):
        body = cue.rstrip("*") if _NORMAL.fullmatch(cue) else english_form(cue.rstrip("*")).strip()
        if len(body) < 2:
            raise ValueError(f"English cue {cue!r} is shorter than 2 characters")
        target = prefixes if cue.endswith("*") else exact
        _put(target[body], label, weight, cue)
    # Each phrase is indexed by its first two words (adjacent in any text that holds it), or
    # by its only whole word: a message then looks for the few phrases it could hold.
    by_key: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for body in exact:
        by_key[_index_key(body.split(" "))].append((f" {body} ", False))
    for body in prefixes:
        words = body.split(" ")[:-1]  # the last word of "lets gooo*" may go on
        if words:
            by_key[_index_key(words)].append((f" {body}", True))
    stems = [body for body in prefixes if " " not in body]
    # A leading literal space (rather than a look-behind) lets re jump from word to word.
    pattern = " " + _trie_pattern(stems) + "[a-z0-9]*(?= )" if stems else None
    return _EnglishPass(
        exact=dict(exact),
        prefixes=dict(prefixes),
        prefix_lengths=tuple(sorted({len(p) for p in prefixes}, reverse=True)),
        by_key={key: tuple(needles) for key, needles in by_key.items()},
        keys=frozenset(by_key),
        stems=re.compile(pattern) if pattern else None,
    )


def digest(tables: Mapping[str, tuple[Table, Table]]) -> str:
    """What an index records of the tables it was made from: every kind, label, weight and
    cue, in order."""
    text = "\x1e".join(
        f"{kind}\x1f{side}\x1f{label}\x1f{weight}\x1f{cues}"
        for kind, pair in tables.items()
        for side, table in enumerate(pair)
        for label, rows in table.items()
        for weight, cues in rows.items()
    )
    return f"{zlib.crc32(text.encode('utf-8')):08x}-{len(text)}"


def index_of(tables: Mapping[str, tuple[Table, Table]]) -> dict[str, Any]:
    """The passes of a matcher built from ``tables``, as JSON data (``cue_index.json``). Each
    distinct set of label weights is written once and referred to by its number, so reading
    it makes a few hundred small dicts rather than one per cue."""
    matcher = PhraseMatcher(tables)
    labels: dict[tuple[tuple[str, float], ...], int] = {}

    def refs(table: dict[str, _Labels]) -> dict[str, int]:
        return {
            body: labels.setdefault(tuple((str(k), w) for k, w in weights.items()), len(labels))
            for body, weights in table.items()
        }

    kinds = {
        kind: [
            refs(english.exact),
            refs(english.prefixes),
            english.by_key,
            english.stems.pattern if english.stems is not None else None,
            refs(compact.exact),
            compact.by_head,
            sorted(compact.singles),
            compact.others,
        ]
        for kind, english, compact in matcher._passes
    }
    return {"digest": digest(tables), "labels": list(labels), "kinds": kinds}


def _read_index(index: Mapping[str, Any]) -> list[tuple[str, _EnglishPass, _CompactPass]]:
    labels: list[_Labels] = [dict(pairs) for pairs in index["labels"]]
    passes = []
    for kind, data in index["kinds"].items():
        exact, prefixes, by_key, stems, compact, by_head, singles, others = data
        prefix_labels = {body: labels[i] for body, i in prefixes.items()}
        english = _EnglishPass(
            exact={body: labels[i] for body, i in exact.items()},
            prefixes=prefix_labels,
            prefix_lengths=tuple(sorted({len(p) for p in prefix_labels}, reverse=True)),
            by_key={key: tuple(map(tuple, needles)) for key, needles in by_key.items()},
            keys=frozenset(by_key),
            stems=re.compile(stems) if stems is not None else None,
        )
        compact_pass = _CompactPass(
            exact={cue: labels[i] for cue, i in compact.items()},
            by_head={head: tuple(cues) for head, cues in by_head.items()},
            heads=frozenset(by_head),
            singles=frozenset(singles),
            others=tuple(others),
        )
        passes.append((kind, english, compact_pass))
    return passes


def _index_key(whole_words: list[str]) -> str:
    return " ".join(whole_words[:2])


def _compact_pass(table: Table) -> _CompactPass:
    exact: dict[str, _Labels] = defaultdict(dict)
    for cue, label, weight in _rows(table):
        _put(exact[compact_form(cue)], label, weight, cue)
    by_head: dict[str, list[str]] = defaultdict(list)
    singles, others = [], []
    for cue in exact:
        if len(cue) > 1 and not (cue[0].isascii() or cue[1].isascii()):
            by_head[cue[:2]].append(cue)
        elif len(cue) == 1 and not cue.isascii():
            singles.append(cue)
        else:
            others.append(cue)
    return _CompactPass(
        exact=dict(exact),
        by_head={head: tuple(cues) for head, cues in by_head.items()},
        heads=frozenset(by_head),
        singles=frozenset(singles),
        others=tuple(others),
    )


def _trie_pattern(keys: Iterable[str]) -> str:
    """A pattern matching any of ``keys``, in which each character of the text selects at most
    one branch (a flat alternation would make ``re`` try every key at every position)."""
    trie: _Trie = {}
    ends: set[int] = set()
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        ends.add(id(node))

    def build(node: _Trie) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items())]
        if not branches:
            return ""
        if id(node) in ends:
            # A key that is also the start of a longer one: the rest of the word is consumed
            # by the caller's tail either way, so the longer key is merely optional.
            return "(?:" + "|".join(branches) + ")?"
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return build(trie)


def _put(labels: _Labels, label: str, weight: float, cue: str) -> None:
    """A cue has one weight per label: listed twice (say, with and without a space, which
    match the same) it would be unclear which one was meant."""
    if label in labels:
        raise ValueError(f"cue {cue!r} is listed twice for {label!r}")
    labels[label] = weight


def _rows(table: Table) -> Iterable[tuple[str, str, float]]:
    for label, rows in table.items():
        for weight, cues in rows.items():
            for cue in cues.split("|"):
                if cue.strip():
                    yield cue.strip(), label, weight
