r"""Derive the safety check's prefilter from its rule tables: core/safety/prefilter_{en,ko}.json.

Usage: python scripts/build_safety_prefilter.py [--check]
Writes core/safety/prefilter_en.json and prefilter_ko.json (--check: only say if they are stale).

For each pattern of ``core/safety/_en.py`` and ``_ko.py`` (each rule, each shield, and the
single LAUGH/TRIVIAL/EARNEST/DISCLAIMER/TOPIC/RISK/OTHERS/REPORTED patterns) this writes up to
two clauses, each a small set of strings one of which occurs in *every* string the pattern can
match; a text that fails a clause cannot match, and the pattern need not even be compiled
(``core.safety._prefilter``). Clauses are read off the pattern's parse tree: a run of literal
characters in a sequence (with the small finite pieces around it: ``fianc[eé]e?``), every
clause of every piece of a sequence (all of them hold at once: ``want\s+to\s+die`` needs
"want" *and* "die"), the union over the branches of an alternation, the inside of a repeat that
happens at least once. Lookarounds, anchors and ``\b`` consume nothing and add nothing. Where
that cannot be told for sure (case-insensitive parts, backreferences, a branch without a
literal, a class of many characters) nothing is claimed, and a pattern with no clause is always
run. Each entry carries a CRC of the pattern it was derived from: an entry whose pattern has
changed since is ignored at runtime (the pattern is always run), and
``tests/unit/test_safety_prefilter.py`` fails until this script is rerun.

Parsing lives here, not in core: parsing 670 patterns costs most of what compiling them does,
which is the cost the prefilter exists to avoid on a cold start.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

from core.safety import _en, _ko
from core.safety._detect import single_patterns
from core.safety._prefilter import LANGUAGES, data_path

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


Clause = frozenset[str]  # strings one of which occurs in whatever a piece matches


@dataclass(frozen=True, slots=True)
class _Info:
    """What a piece of a pattern consumes: ``exact``, every string it can consume (when there
    are few); ``clauses``, each a set of strings one of which is in whatever it consumes."""

    exact: frozenset[str] | None
    clauses: tuple[Clause, ...]


_UNKNOWN = _Info(None, ())
_EMPTY = _Info(frozenset({""}), ())  # zero-width: \b, ^, $, lookarounds


def _minimal(strings: Iterable[str]) -> Clause:
    """The same condition ("one of these occurs") with no string containing another."""
    kept: list[str] = []
    for string in sorted(set(strings), key=lambda s: (len(s), s)):
        if not any(shorter in string for shorter in kept):
            kept.append(string)
    return frozenset(kept)


def _weight(string: str) -> int:
    """How telling a string is: a Hangul syllable or jamo says about as much as two letters."""
    return sum(2 if ord(char) >= 0x1100 else 1 for char in string)


def _rank(clause: Clause) -> tuple[int, int, list[str]]:
    """Better clauses rank higher: longer shortest string (up to a point), then fewer strings
    (then the strings themselves, so that a tie is broken the same way every time)."""
    return min(*map(_weight, clause), _LONG_ENOUGH), -len(clause), sorted(clause)


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


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str]:
    return frozenset(a + b for a in left for b in right)


def _sequence(items: Any, caseless: bool, limit: int) -> _Info:
    """A sequence of pieces: each maximal run of finite pieces spelled out is a clause (when it
    cannot be empty), and so is every clause of every piece: all of them must hold at once."""
    clauses: list[Clause] = []
    run: frozenset[str] = frozenset({""})
    whole = True  # every piece finite and the run never cut: the sequence is finite

    def flush(strings: frozenset[str]) -> None:
        if "" not in strings:
            clauses.append(_minimal(strings))

    for op, av in items:
        info = _piece(op, av, caseless, limit)
        clauses.extend(info.clauses)
        if info.exact is None:
            flush(run)
            run, whole = frozenset({""}), False
            continue
        joined = _product(run, info.exact)
        if len(joined) > limit:
            flush(run)
            joined, whole = info.exact, False
        run = joined
    flush(run)
    return _Info(run if whole else None, _choose(clauses, _KEPT))


def _piece(op: Any, av: Any, caseless: bool, limit: int) -> _Info:  # noqa: PLR0911
    if op is sre.LITERAL:
        return _UNKNOWN if caseless else _Info(frozenset({chr(av)}), ())
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY  # consumes nothing, whatever it looks at
    if op is sre.IN:
        return _UNKNOWN if caseless else _class(av)
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = av
        return _sequence(items, caseless or bool(add_flags & _CASELESS), limit)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, caseless, limit)
    if op is sre.BRANCH:
        return _branch([_sequence(items, caseless, limit) for items in av[1]], limit)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, items = av
        return _repeat(low, high, items, caseless, limit)
    # NOT_LITERAL, ANY, GROUPREF, GROUPREF_EXISTS and anything unforeseen: unknown.
    return _UNKNOWN


def _branch(branches: list[_Info], limit: int) -> _Info:
    """An alternation: one clause, the union of each branch's best one (none if a branch has
    none: it could match without any of the others' strings)."""
    exact: frozenset[str] | None = None
    if all(b.exact is not None for b in branches):
        exact = frozenset().union(*(b.exact or () for b in branches))
        if len(exact) > limit:
            exact = None
    if not all(b.clauses for b in branches):
        return _Info(exact, ())
    best = (max(b.clauses, key=_rank) for b in branches)
    return _Info(exact, (_minimal(s for clause in best for s in clause),))


def _repeat(low: int, high: int, items: Any, caseless: bool, limit: int) -> _Info:
    inner = _sequence(items, caseless, limit)
    clauses = inner.clauses if low >= 1 else ()  # a piece that may not be there says nothing
    if inner.exact is None or high is sre.MAXREPEAT or high > 4:
        return _Info(None, clauses)
    strings: set[str] = set()
    power = frozenset({""})
    for count in range(high + 1):
        if count >= low:
            strings |= power
        if count < high:
            power = _product(power, inner.exact)
            if len(power) > limit:
                return _Info(None, clauses)
    return _Info(frozenset(strings) if len(strings) <= limit else None, clauses)


def _class(items: Any) -> _Info:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _CLASS_LIMIT:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\s, \w, ...), a wide range
            return _UNKNOWN
    return _Info(frozenset(chars), ()) if len(chars) <= _CLASS_LIMIT else _UNKNOWN


def clauses(pattern: str, limit: int = _EXACT_LIMIT) -> list[list[str]] | None:
    """Sets of strings such that every match of ``pattern`` contains a string of each set,
    each set shortest first; None when there is no such set that is sure (always run it).
    ``limit``: the most strings a finite piece is spelled out as."""
    tree = sre_parse.parse(pattern)
    found = _sequence(tree.data, bool(tree.state.flags & _CASELESS), limit).clauses
    chosen = [sorted(c, key=lambda s: (len(s), s)) for c in _choose(found, _CHOSEN)]
    return chosen or None


def may_match_empty(pattern: str) -> bool:
    low, _high = sre_parse.parse(pattern).getwidth()
    return bool(low == 0)


def crc(pattern: str) -> int:
    return zlib.crc32(pattern.encode("utf-8"))


def _entry(pattern: str, limit: int = _EXACT_LIMIT) -> list[Any]:
    return [crc(pattern), clauses(pattern, limit)]


def language_table(module: ModuleType) -> dict[str, Any]:
    shields: list[str] = list(module.SHIELDS)
    # Shields are run one at a time only when none can match empty (see _prefilter.Shields).
    shield_entries = (
        None if any(may_match_empty(s) for s in shields) else list(map(_entry, shields))
    )
    return {
        "generated_by": COMMAND,
        "rules": [_entry(rule.pattern, _RULE_LIMIT) for rule in module.RULES],
        "shields": shield_entries,
        "singles": {name: _entry(p) for name, p in single_patterns(module).items()},
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def build(language: str) -> str:
    """A language's table as written to its file: one entry a line, for readable diffs."""
    table = language_table(MODULES[language])
    lines = ["{"]
    for key, value in table.items():
        if isinstance(value, list):
            rows = ",\n".join(_dumps(row) for row in value)
            lines.append(f"{_dumps(key)}:[\n{rows}\n],")
        elif isinstance(value, dict):
            rows = ",\n".join(f"{_dumps(name)}:{_dumps(row)}" for name, row in value.items())
            lines.append(f"{_dumps(key)}:{{\n{rows}\n}},")
        else:
            lines.append(f"{_dumps(key)}:{_dumps(value)},")
    lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    return "\n".join(lines) + "\n"


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
        always = sum(1 for _crc, found in rules if found is None)
        print(f"{path}: {len(rules)} rules, {always} always run")
    if args.check:
        print("\n".join(f"stale: {path}" for path in stale) or "up to date")
        return 1 if stale else 0
    print(f"wrote {len(stale)} file(s)" if stale else "up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
