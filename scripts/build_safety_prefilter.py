r"""Derive the safety check's prefilter from its rule tables: core/safety/prefilter_{en,ko}.json.

Usage: python scripts/build_safety_prefilter.py [--check]
Writes core/safety/prefilter_en.json and prefilter_ko.json (--check: only say if they are stale).

For each pattern of ``core/safety/_en.py`` and ``_ko.py`` (each rule, each shield, and the
single LAUGH/TRIVIAL/EARNEST/DISCLAIMER/TOPIC/RISK/OTHERS/REPORTED patterns) this finds up to
two clauses, each a small set of strings one of which occurs in *every* string the pattern can
match; a text that fails a clause cannot match, and the pattern need not even be compiled
(``core.safety._prefilter``). Clauses are read off the pattern's parse tree: a run of literal
characters in a sequence (with the small finite pieces around it: ``fianc[eé]e?``), every
clause of every piece of a sequence (all of them hold at once: ``want\s+to\s+die`` needs
"want" *and* "die"), the union over the branches of an alternation, the inside of a repeat that
happens at least once. Lookarounds and anchors consume nothing. Where that cannot be told for
sure (case-insensitive parts, backreferences, a branch without a literal, a class of many
characters) nothing is claimed, and a pattern with no clause is always run.

The strings are those of the text with its word boundaries marked (``_prefilter.bounded``: a
MARK wherever ``\b`` matches): a MARK inside a string stands where a word meets a non-word
character (" to" is " MARK to"), and one at either end where the pattern says there is a
boundary: ``\bsh\b`` gives "MARK sh MARK", which "should" has not. ``^`` and ``$`` (beyond
them: a non-word character, or the text's end) and a class of only non-word (or only word)
characters, like ``[.!?]`` or ``\s+``, say so as well: ``(?:^|[.!?]\s*)sh$`` gives the same.
Of the clauses found, the ones kept have the longest shortest string (a letter of a common
English word, a space or a MARK counting for less), then the fewest strings.

The table holds, per part (rules, shields, single patterns), each string once with the bits of
the clauses it belongs to, filed the way ``_prefilter.Index`` reads them (in buckets under a
piece of the string, each bucket one JSON string "string`bits`string`bits", read when a text
first has its piece: loading a table is one ``json.loads``, of a string a bucket), and a
CRC of each pattern: an entry whose pattern has changed since is ignored at runtime (the
pattern is always run), and ``tests/unit/test_safety_prefilter.py`` fails until this script is
rerun.

Parsing lives here, not in core: parsing 670 patterns costs most of what compiling them does,
which is the cost the prefilter exists to avoid on a cold start.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

from core.safety import _en, _ko
from core.safety._detect import single_patterns
from core.safety._prefilter import LANGUAGES, MARK, SEP, SINGLES, crc, data_path

COMMAND = "python scripts/build_safety_prefilter.py"
MODULES = {"en": _en, "ko": _ko}

# A finite piece with more strings than this is not spelled out (the cross product of a run of
# pieces is cut where it would grow past it). Lower for the rules: there are hundreds of them,
# and every string costs a look-up per message; the single patterns are few and dear to compile.
_EXACT_LIMIT = 64
_RULE_LIMIT = 16
# A character class with at most this many characters counts as a finite piece.
_CLASS_LIMIT = 16
# Clauses are ranked by their shortest string's weight up to this; past it, fewer is better.
_LONG_ENOUGH = 6
# Clauses kept per piece while walking the tree, and written per pattern.
_KEPT = 4
_CHOSEN = 2
_CASELESS = sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_LOCALE
_NOT_UNICODE = sre.SRE_FLAG_ASCII | sre.SRE_FLAG_LOCALE  # \b and \w mean something narrower
# While the tree is walked, a string may start or end with one of these: a character of that
# kind lies there, unconsumed (a non-word one: or the text's edge). They decide the MARKs
# beside them, and are dropped from the strings written.
_NON_WORD, _WORD = "\ue000", "\ue001"
_SPECIAL = frozenset({MARK, SEP, _NON_WORD, _WORD})  # in a pattern: unknown
# Pieces that are sequences of their own: their clauses are found again knowing what lies
# around them.
_GROUPS = (sre.SUBPATTERN, sre.ATOMIC_GROUP, sre.BRANCH)

Clause = frozenset[str]  # strings one of which occurs in whatever a piece matches
# The kinds of character at a piece's edge: "w" (word), "n" (non-word, or the text's edge),
# "" (it may consume nothing there: look past it); None: unknown.
Kinds = frozenset[str] | None


@dataclass(frozen=True, slots=True)
class _Mode:
    caseless: bool
    unicode: bool  # \b and \w as the bounded text has them
    limit: int  # the most strings a finite piece is spelled out as


@dataclass(frozen=True, slots=True)
class _Info:
    """What a piece of a pattern consumes: ``exact``, every string it can consume (when there
    are few); ``clauses``, each a set of strings one of which is in whatever it consumes;
    ``first`` and ``last``, the kinds of its first character and of the one before whatever
    follows it."""

    exact: frozenset[str] | None
    clauses: tuple[Clause, ...]
    first: Kinds
    last: Kinds


_UNKNOWN = _Info(None, (), None, None)
_NOTHING = frozenset({""})
_EMPTY = _Info(_NOTHING, (), _NOTHING, _NOTHING)  # zero-width: \B, lookarounds


def _is_word(char: str) -> bool:
    r"""``\w`` of a str pattern (what ``\b`` tells apart)."""
    return char == _WORD or (char != _NON_WORD and (char.isalnum() or char == "_"))


def _join(left: str, right: str) -> str:
    """Two strings one after the other, with a MARK where a word meets a non-word character."""
    if not left or not right:
        return left + right
    before, after = left[-1], right[0]
    if before == MARK and after == MARK:
        return left + right[1:]
    if MARK not in (before, after) and _is_word(before) != _is_word(after):
        return left + MARK + right
    return left + right


def _product(left: Iterable[str], right: Iterable[str]) -> frozenset[str]:
    right = tuple(right)
    return frozenset(_join(a, b) for a in left for b in right)


def _final(string: str) -> str:
    """A string as written: without the kinds of characters beside it."""
    string = string.replace(_NON_WORD, "").replace(_WORD, "")
    while MARK + MARK in string:
        string = string.replace(MARK + MARK, MARK)
    return string


def _consumes(string: str) -> bool:
    return any(char not in _SPECIAL for char in string)


def bounded_form(string: str) -> str:
    """A plain string as the bounded text has it wherever it occurs: with a MARK where a word
    meets a non-word character inside it (none added at its ends)."""
    out = ""
    for char in string:
        out = _join(out, char)
    return out


def _edge_kinds(exact: frozenset[str], first: bool) -> frozenset[str]:
    kinds: set[str] = set()
    for string in exact:
        chars = (c for c in (string if first else reversed(string)) if c != MARK)
        char = next(chars, None)
        kinds.add("" if char is None else "w" if _is_word(char) else "n")
    return frozenset(kinds)


def _finite(exact: frozenset[str]) -> _Info:
    return _Info(exact, (), _edge_kinds(exact, True), _edge_kinds(exact, False))


def _beside(kinds: Kinds, outside: str = "") -> str:
    """The string standing for a character of these kinds ("" if they are not one kind);
    ``outside``: what lies past them if they may be nothing."""
    if kinds is None:
        return ""
    if kinds == _NOTHING:
        return outside
    if "" in kinds:
        if outside not in (_NON_WORD, _WORD):
            return ""
        kinds = kinds - _NOTHING | {"w" if outside == _WORD else "n"}
    if kinds == frozenset("n"):
        return _NON_WORD
    if kinds == frozenset("w"):
        return _WORD
    return ""


def _through(edges: Iterable[Kinds]) -> Kinds:
    """The kinds at the edge of a run of pieces, given each piece's from that edge inwards."""
    found: set[str] = set()
    for kinds in edges:
        if kinds is None:
            return None
        found |= kinds - _NOTHING
        if "" not in kinds:
            return frozenset(found)
    return frozenset(found | _NOTHING)


def _minimal(strings: Iterable[str]) -> Clause:
    """The same condition ("one of these occurs") with no string containing another."""
    kept: list[str] = []
    for string in sorted(set(strings), key=lambda s: (len(s), s)):
        if not any(shorter in string for shorter in kept):
            kept.append(string)
    return frozenset(kept)


# Words most English messages have: a string of them tells little ("for my", "to the").
_COMMON = frozenset({
    "a", "about", "after", "again", "all", "also", "always", "an", "and", "any", "anyone",
    "anything", "are", "as", "at", "back", "bad", "be", "because", "been", "before", "but", "by",
    "can", "can't", "could", "day", "did", "do", "does", "doing", "don't", "down", "each", "even",
    "ever", "every", "everyone", "everything", "feel", "few", "first", "for", "from", "get",
    "going", "good", "got", "had", "has", "have", "he", "help", "her", "him", "his", "how", "i",
    "i'd", "i'm", "i've", "if", "in", "into", "is", "it", "it's", "its", "just", "know", "last",
    "like", "made", "make", "many", "me", "more", "most", "much", "my", "need", "never", "new",
    "no", "not", "nothing", "of", "on", "one", "only", "or", "other", "our", "out", "over", "own",
    "people", "really", "said", "same", "says", "she", "should", "so", "some", "someone",
    "something", "still", "sure", "take", "tell", "than", "that", "that's", "the", "their",
    "them", "then", "there", "these", "they", "thing", "things", "think", "this", "those", "time",
    "to", "two", "up", "us", "very", "want", "was", "way", "we", "week", "well", "were", "what",
    "what's", "when", "where", "which", "while", "who", "why", "will", "with", "work", "would",
    "yes", "you", "you're", "your",
})  # fmt: skip
_WORDS = re.compile(rf"[^{re.escape(MARK)} ]+")


def _weight(string: str) -> int:
    """How telling a string is, in half letters: a Hangul syllable or jamo says about as much
    as two letters, a letter of a common word half of one, a space or a word boundary nothing
    (most texts have them: "how should i" tells little, however many there are)."""
    return sum(
        sum(4 if ord(c) >= 0x1100 else 1 if word in _COMMON else 2 for c in word)
        for word in _WORDS.findall(string)
    )


def _rank(clause: Clause) -> tuple[int, int, list[str]]:
    """Better clauses rank higher: longer shortest string (up to a point), then fewer strings
    (then the strings themselves, so that a tie is broken the same way every time)."""
    return min(*map(_weight, clause), 2 * _LONG_ENOUGH), -len(clause), sorted(clause)


def _implies(stronger: Clause, weaker: Clause) -> bool:
    return all(any(w in s for w in weaker) for s in stronger)


def _choose(clauses: Iterable[Clause], count: int) -> tuple[Clause, ...]:
    """The ``count`` best clauses, none implied by a better one (it would add nothing)."""
    chosen: list[Clause] = []
    for clause in sorted(set(clauses), key=_rank, reverse=True):
        if len(chosen) == count:
            break
        if not any(_implies(better, clause) for better in chosen):
            chosen.append(clause)
    return tuple(chosen)


def _sequence(items: Any, mode: _Mode, lead: str = "", trail: str = "") -> _Info:
    """A sequence of pieces: each maximal run of finite pieces spelled out is a clause (when it
    cannot be empty), and so is every clause of every piece: all of them must hold at once. A
    run is spelled out with what lies beside it, where the pieces around tell: a MARK, or a
    character of one kind (``lead`` and ``trail``: what lies before and after the sequence; they
    sharpen its clauses, and change nothing else)."""
    pieces = [_piece(op, av, mode) for op, av in items]
    clauses: list[Clause] = []
    run: frozenset[str] = _NOTHING
    start = 0  # where the run started
    whole = True  # every piece finite and the run never cut: the sequence is finite

    def behind(at: int) -> str:
        """What lies right before piece ``at``, as far as the pieces before it tell."""
        return _beside(_through(piece.last for piece in reversed(pieces[:at])), lead)

    def ahead(at: int) -> str:
        """What lies right at piece ``at``, as far as it and those after it tell."""
        exact = pieces[at].exact if at < len(pieces) else None
        edge = _edge(exact, first=True) if exact is not None else ""
        if edge:
            return edge
        return _beside(_through(piece.first for piece in pieces[at:]), trail)

    def flush(at: int) -> None:
        """The run, which ends before piece ``at``."""
        strings = _product(_product({lead} if start == 0 else _NOTHING, run), {ahead(at)})
        written = {_final(string) for string in strings}
        if all(map(_consumes, written)):
            clauses.append(_minimal(written))

    for at, info in enumerate(pieces):
        if info.exact is None:
            op, av = items[at]
            if op in _GROUPS:  # again, knowing what lies around it
                before = _edge(_product({lead} if start == 0 else _NOTHING, run), first=False)
                info = _piece(op, av, mode, before, ahead(at + 1))  # noqa: PLW2901
            clauses.extend(info.clauses)
            flush(at)
            run, start, whole = frozenset({behind(at + 1)}), at + 1, False
            continue
        clauses.extend(info.clauses)
        joined = _product(run, info.exact)
        if len(joined) > mode.limit:
            flush(at)
            joined, start, whole = _product({behind(at)}, info.exact), at, False
        run = joined
    flush(len(pieces))
    return _Info(
        run if whole else None,
        _choose(clauses, _KEPT),
        _through(piece.first for piece in pieces),
        _through(piece.last for piece in reversed(pieces)),
    )


def _edge(strings: Iterable[str], first: bool) -> str:
    """What every one of these strings starts (or ends) with: a MARK, or a character of one
    kind; "" if they do not agree."""
    found: set[str] = set()
    for string in strings:
        if not string:
            return ""
        char = string[0] if first else string[-1]
        found.add(MARK if char == MARK else "w" if _is_word(char) else "n")
    if found == {MARK}:
        return MARK
    return _beside(frozenset(found))


def _piece(op: Any, av: Any, mode: _Mode, lead: str = "", trail: str = "") -> _Info:  # noqa: PLR0911
    if op is sre.LITERAL:
        char = chr(av)
        return _UNKNOWN if mode.caseless or char in _SPECIAL else _finite(frozenset({char}))
    if op is sre.AT:
        return _anchor(av, mode)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY  # consumes nothing, whatever it looks at
    if op is sre.IN:
        return _UNKNOWN if mode.caseless else _class(av, mode)
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = av
        inner = replace(
            mode,
            caseless=mode.caseless or bool(add_flags & _CASELESS),
            unicode=mode.unicode and not add_flags & _NOT_UNICODE,
        )
        return _sequence(items, inner, lead, trail)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, mode, lead, trail)
    if op is sre.BRANCH:
        return _branch([_sequence(items, mode, lead, trail) for items in av[1]], mode.limit)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, items = av
        return _repeat(low, high, items, mode)
    # NOT_LITERAL, ANY, GROUPREF, GROUPREF_EXISTS and anything unforeseen: unknown.
    return _UNKNOWN


def _anchor(at: Any, mode: _Mode) -> _Info:
    r"""Consumes nothing; ``\b`` says a word meets a non-word character there, ``^`` and ``$``
    that a non-word character (or the text's edge) lies before or after."""
    if at is sre.AT_BOUNDARY and mode.unicode:
        return _Info(frozenset({MARK}), (), _NOTHING, _NOTHING)
    if at in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
        return _Info(frozenset({_NON_WORD}), (), _NOTHING, frozenset("n"))
    if at in (sre.AT_END, sre.AT_END_STRING):
        return _Info(frozenset({_NON_WORD}), (), frozenset("n"), _NOTHING)
    return _EMPTY


def _branch(branches: list[_Info], limit: int) -> _Info:
    """An alternation: one clause, the union of each branch's best one (none if a branch has
    none: it could match without any of the others' strings)."""
    first = _union(b.first for b in branches)
    last = _union(b.last for b in branches)
    exact: frozenset[str] | None = None
    if all(b.exact is not None for b in branches):
        exact = frozenset().union(*(b.exact or () for b in branches))
        if len(exact) > limit:
            exact = None
    if not all(b.clauses for b in branches):
        return _Info(exact, (), first, last)
    best = (max(b.clauses, key=_rank) for b in branches)
    return _Info(exact, (_minimal(s for clause in best for s in clause),), first, last)


def _union(kinds: Iterable[Kinds]) -> Kinds:
    found: set[str] = set()
    for each in kinds:
        if each is None:
            return None
        found |= each
    return frozenset(found)


def _repeat(low: int, high: int, items: Any, mode: _Mode) -> _Info:
    inner = _sequence(items, mode)
    clauses = inner.clauses if low >= 1 else ()  # a piece that may not be there says nothing
    first, last = inner.first, inner.last
    if low == 0:
        first = None if first is None else first | _NOTHING
        last = None if last is None else last | _NOTHING
    if inner.exact is None or high is sre.MAXREPEAT or high > 4:
        return _Info(None, clauses, first, last)
    strings: set[str] = set()
    power = _NOTHING
    for count in range(high + 1):
        if count >= low:
            strings |= power
        if count < high:
            power = _product(power, inner.exact)
            if len(power) > mode.limit:
                return _Info(None, clauses, first, last)
    exact = frozenset(strings) if len(strings) <= mode.limit else None
    return _Info(exact, clauses, first, last)


# The kind of every character of a class escape, where it has one.
_CATEGORY_KINDS = {
    sre.CATEGORY_SPACE: "n",
    sre.CATEGORY_NOT_WORD: "n",
    sre.CATEGORY_WORD: "w",
    sre.CATEGORY_DIGIT: "w",
}


@cache
def _range_kinds(low: int, high: int) -> frozenset[str]:
    if high - low > 0x10000:
        return frozenset("wn")
    return frozenset("w" if _is_word(chr(code)) else "n" for code in range(low, high + 1))


def _class(items: Any, mode: _Mode) -> _Info:
    chars: set[str] = set()
    kinds: set[str] = set()
    finite = True
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE:
            kinds |= _range_kinds(*av)
            if av[1] - av[0] < _CLASS_LIMIT:
                chars.update(chr(code) for code in range(av[0], av[1] + 1))
            else:
                finite = False
        elif op is sre.CATEGORY and mode.unicode and av in _CATEGORY_KINDS:
            kinds.add(_CATEGORY_KINDS[av])
            finite = False
        else:  # NEGATE, another CATEGORY (\S, \D, \W in ASCII mode), anything unforeseen
            return _UNKNOWN
    if chars & _SPECIAL:
        return _UNKNOWN
    kinds |= {"w" if _is_word(char) else "n" for char in chars}
    if finite and len(chars) <= _CLASS_LIMIT:
        return _finite(frozenset(chars))
    return _Info(None, (), frozenset(kinds), frozenset(kinds))


def clauses(pattern: str, limit: int = _EXACT_LIMIT) -> list[list[str]] | None:
    """Sets of strings such that every match of ``pattern`` has, in the bounded text, a string
    of each set right where it is (with the MARKs at its ends, if any), each set shortest
    first; None when there is no such set that is sure (always run it). ``limit``: the most
    strings a finite piece is spelled out as."""
    tree = sre_parse.parse(pattern)
    flags = tree.state.flags
    mode = _Mode(bool(flags & _CASELESS), not flags & _NOT_UNICODE, limit)
    found = _sequence(tree.data, mode).clauses
    chosen = [sorted(c, key=lambda s: (len(s), s)) for c in _choose(found, _CHOSEN)]
    return chosen or None


def may_match_empty(pattern: str) -> bool:
    low, _high = sre_parse.parse(pattern).getwidth()
    return bool(low == 0)


def _piece_of(string: str) -> str:
    """The bucket a string is filed in: its most telling piece of up to three characters,
    not in a common word if it can (the first of the shortest, among equals; any piece of it
    would be sure: the fewer texts have it, the fewer look in the bucket)."""
    common = [False] * len(string)
    for word in _WORDS.finditer(string):
        if word.group() in _COMMON:
            common[word.start() : word.end()] = [True] * len(word.group())
    pieces = [(i, n) for n in (1, 2, 3) for i in range(len(string) - n + 1)]
    i, n = max(pieces, key=lambda p: (_telling(string[p[0] : p[0] + p[1]]), not common[p[0]]))
    return string[i : i + n]


def _telling(piece: str) -> int:
    """How rarely a text has a piece, roughly: by its letters (Hangul counting double), up
    to three; a space or a mark says little."""
    weight = sum(4 if ord(char) >= 0x1100 else 2 if _is_word(char) else 1 for char in piece)
    return min(weight, _LONG_ENOUGH)


def index_data(sets: Sequence[Sequence[Sequence[str]] | None]) -> dict[str, Any]:
    """The patterns' clauses (None: always run) filed as ``_prefilter.Index`` reads them: clause
    k of pattern i is bit ``k * count + i``; masks in hexadecimal. Plain strings are taken as
    they occur in a text (``bounded_form``)."""
    count = len(sets)
    always = needs = 0
    bits: dict[str, set[int]] = {}
    for index, found in enumerate(sets):
        if found is None:
            always |= 1 << index
            continue
        for number, clause in enumerate(found):
            bit = number * count + index
            if number:
                needs |= 1 << bit
            for string in clause:
                assert string, clause
                assert SEP not in string, string
                bits.setdefault(bounded_form(string), set()).add(bit)
    buckets: dict[str, list[str]] = {}
    for string in sorted(bits):
        entry = f"{string}{SEP}{','.join(map(str, sorted(bits[string])))}"
        buckets.setdefault(_piece_of(string), []).append(entry)
    strings = {piece: SEP.join(buckets[piece]) for piece in sorted(buckets)}
    return {"count": count, "always": f"{always:x}", "needs": f"{needs:x}", "strings": strings}


def _part(patterns: Sequence[str], limit: int = _EXACT_LIMIT) -> dict[str, Any]:
    """A part of a table: its index, and what it was derived from (``_prefilter.index_for``):
    the CRC of all the patterns, and each one's, to tell which changed."""
    index = index_data([clauses(pattern, limit) for pattern in patterns])
    each = "".join(f"{crc(pattern):08x}" for pattern in patterns)
    return {"crc": crc("\0".join(patterns)), "crcs": each, **index}


def language_table(module: ModuleType) -> dict[str, Any]:
    shields: list[str] = list(module.SHIELDS)
    singles = single_patterns(module)
    assert tuple(singles) == SINGLES, "the single patterns' table is in SINGLES order"
    return {
        "generated_by": COMMAND,
        "rules": _part([rule.pattern for rule in module.RULES], _RULE_LIMIT),
        # Shields are run one at a time only when none can match empty (see _prefilter.Shields).
        "shields": None if any(may_match_empty(s) for s in shields) else _part(shields),
        "singles": _part(list(singles.values())),
    }


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _dumps(value: Any) -> str:
    """JSON with its characters as they are, but for those past U+FFFF (emoji), escaped: one
    of them would make the whole file's text take four bytes a character once read, and
    parsing it slower (escapes cost too, so only these few)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _ASTRAL.sub(lambda char: json.dumps(char.group())[1:-1], text)


def _dumps_part(part: dict[str, Any] | None) -> str:
    """A part of a table: one bucket of strings a line, for readable diffs."""
    if part is None:
        return "null"
    lines = []
    for key, value in part.items():
        if isinstance(value, dict) and value:
            rows = ",\n".join(f"{_dumps(name)}:{_dumps(row)}" for name, row in value.items())
            lines.append(f"{_dumps(key)}:{{\n{rows}\n}}")
        else:
            lines.append(f"{_dumps(key)}:{_dumps(value)}")
    return "{\n" + ",\n".join(lines) + "\n}"


def build(language: str) -> str:
    """A language's table as written to its file."""
    table = language_table(MODULES[language])
    rows = [
        f"{_dumps(key)}:{_dumps_part(value) if isinstance(value, dict | None) else _dumps(value)}"
        for key, value in table.items()
    ]
    return "{\n" + ",\n".join(rows) + "\n}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a file is out of date; write nothing"
    )
    args = parser.parse_args()
    stale = []
    for language in LANGUAGES:
        path = data_path(language)
        text = build(language)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(text, encoding="utf-8")
        rules = json.loads(text)["rules"]
        always = int(rules["always"], 16).bit_count()
        print(f"{path}: {rules['count']} rules, {always} always run")
    if args.check:
        print("\n".join(f"stale: {path}" for path in stale) or "up to date")
        return 1 if stale else 0
    print(f"wrote {len(stale)} file(s)" if stale else "up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
