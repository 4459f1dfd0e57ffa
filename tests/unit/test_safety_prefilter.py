"""The safety check's prefilter (core.safety._prefilter): which patterns can match a text.

A pattern runs only when the text has, for each of its clauses, one of the clause's strings.
That must never skip a pattern that would have matched: these tests check that every match of
every pattern, in the labelled data and in strings made from the patterns themselves, has a
string of each of its clauses; that the shipped tables are what the script derives from the
rules today; and that the verdicts are the same with the prefilter as without it.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.safety import Category, _detect, _en, _ko, _prefilter, asks_something_else, assess
from core.safety._detect import single_patterns
from core.safety._prefilter import Index, Shields, clauses_of, data_path
from tests.helpers import load_script

DATA = Path(__file__).resolve().parents[1] / "data"
# Every labelled message (the analysis sets add ordinary messages, which no rule matches).
TEXTS = sorted(
    {
        json.loads(line)["text"]
        for path in sorted(DATA.glob("safety_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
)
MODULES = {"en": _en, "ko": _ko}
REGENERATE = "python scripts/build_safety_prefilter.py"


@pytest.fixture(scope="module")
def builder() -> Iterator[ModuleType]:
    with pytest.MonkeyPatch.context() as patch:
        yield load_script("build_safety_prefilter", patch)


def _shipped(language: str) -> dict[str, Any]:
    table: dict[str, Any] = json.loads(data_path(language).read_text(encoding="utf-8"))
    return table


@cache
def _forms() -> list[_detect.Forms]:
    return [_detect.forms_of(text) for text in TEXTS]


def _patterns(language: str) -> Iterator[tuple[str, str, list[list[str]] | None]]:
    """(name, pattern, its shipped clauses) for every pattern of a language's table."""
    module, table = MODULES[language], _shipped(language)
    for index, (rule, (_crc, found)) in enumerate(zip(module.RULES, table["rules"], strict=True)):
        yield f"rule {index}", rule.pattern, found
    for index, (shield, (_crc, found)) in enumerate(
        zip(module.SHIELDS, table["shields"], strict=True)
    ):
        yield f"shield {index}", shield, found
    for name, pattern in single_patterns(module).items():
        yield name, pattern, table["singles"][name][1]


def _unmet(clauses: list[list[str]] | None, matched: str) -> list[list[str]]:
    return [clause for clause in clauses or () if not any(s in matched for s in clause)]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_shipped_tables_are_what_the_rules_give_today(builder: ModuleType, language: str) -> None:
    shipped = data_path(language).read_text(encoding="utf-8")
    assert shipped == builder.build(language), (
        f"{data_path(language).name} is stale: the rule tables changed since it was made. "
        f"Run: {REGENERATE}"
    )


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_pattern_is_in_the_table_and_most_have_clauses(language: str) -> None:
    module, table = MODULES[language], _shipped(language)
    assert len(table["rules"]) == len(module.RULES)
    assert table["shields"] is not None, "no shield may match empty (see _prefilter.Shields)"
    sets = clauses_of(language, "rules", [rule.pattern for rule in module.RULES])
    assert sets is not None
    # Every entry fits its rule today (a stale one would be ignored: the rule always runs).
    assert [s is None for s in sets] == [found is None for _crc, found in table["rules"]]
    assert sum(s is not None for s in sets) >= 0.95 * len(sets)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_match_in_the_data_has_a_string_of_each_clause(language: str) -> None:
    """The soundness property on every line of the labelled data, in every form a pattern
    reads (the form, and the form with its idioms blanked)."""
    forms = _forms()
    if language == "en":
        texts = {t for f in forms for t in (f.english.text, f.english_blanked)}
    else:
        texts = {t for f in forms if f.korean for t in (f.korean.text, f.korean_blanked or "")}
    joined = "\n".join(sorted(texts))  # one search per pattern: no pattern spans a line here
    failures, matched = [], 0
    for name, pattern, clauses in _patterns(language):
        if clauses is None:
            continue
        compiled = re.compile(pattern)
        for match in compiled.finditer(joined):
            if match.end() > match.start():
                matched += 1
                if _unmet(clauses, match.group()):
                    failures.append((name, match.group()))
    assert not failures, failures[:10]
    assert matched > 1000  # the data does exercise the patterns


def _class_chars(items: Any, alphabet: str) -> list[str]:
    """The characters of ``alphabet`` that a character class matches."""
    regex = re.compile(_class_source(items))
    return [c for c in alphabet if regex.fullmatch(c)]


def _class_source(items: Any) -> str:
    parts, negate = [], False
    categories = {
        sre.CATEGORY_DIGIT: r"\d",
        sre.CATEGORY_NOT_DIGIT: r"\D",
        sre.CATEGORY_SPACE: r"\s",
        sre.CATEGORY_NOT_SPACE: r"\S",
        sre.CATEGORY_WORD: r"\w",
        sre.CATEGORY_NOT_WORD: r"\W",
    }
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY:
            parts.append(categories[av])
    return f"[{'^' if negate else ''}{''.join(parts)}]"


ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 '.,!?-\n죽고싶다자해살ㅋ"


def _sample(items: Any, rng: random.Random) -> str:
    """A string the sequence ``items`` could consume (lookarounds and anchors ignored: the
    caller keeps only the strings the compiled pattern really matches)."""
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(chr(av))
        elif op is sre.NOT_LITERAL:
            out.append(rng.choice([c for c in ALPHABET if c != chr(av)]))
        elif op is sre.ANY:
            out.append(rng.choice(ALPHABET))
        elif op is sre.IN:
            chars = (
                _class_chars(av, ALPHABET) or [chr(v) for o, v in av if o is sre.LITERAL] or ["x"]
            )
            out.append(rng.choice(chars))
        elif op is sre.SUBPATTERN:
            out.append(_sample(av[3], rng))
        elif op is sre.ATOMIC_GROUP:
            out.append(_sample(av, rng))
        elif op is sre.BRANCH:
            out.append(_sample(rng.choice(av[1]), rng))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, inner = av
            top = low + 3 if high is sre.MAXREPEAT else min(high, low + 3)
            out.extend(_sample(inner, rng) for _ in range(rng.randint(low, top)))
    return "".join(out)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_match_of_strings_made_from_the_patterns_has_each_clause(language: str) -> None:
    """The soundness property on strings made from each pattern's own parse tree: every
    branch and repeat count the data may never show."""
    rng = random.Random(16)  # noqa: S311 (a fixed sample, not a secret)
    failures, matched = [], 0
    for name, pattern, clauses in _patterns(language):
        if clauses is None:
            continue
        compiled = re.compile(pattern)
        tree = sre_parse.parse(pattern)
        for _ in range(40):
            sample = _sample(tree.data, rng)
            for text in (sample, f" {sample} ", f"{_detect._BEFORE}{sample}{_detect._AFTER}"):
                for match in compiled.finditer(text):
                    if match.end() > match.start():
                        matched += 1
                        if _unmet(clauses, match.group()):
                            failures.append((name, match.group()))
    assert not failures, failures[:10]
    assert matched > 5000


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bkill (?:him|her)\b", [["kill her", "kill him"]]),
        (r"fianc[eé]e?", [["fiance", "fiancé"]]),
        (r"\bsuicid(?:e|al)\b(?! squad)", [["suicidal", "suicide"]]),
        (r"(?:just )?die", [["die"]]),
        (r"want\s+(?:to\s+)?die\b", [["die"], ["want"]]),  # both must be there
        (r"(?:ab)+c", [["ab"], ["c"]]),
        (r"(?:x{2,3})y", [["xxy"]]),  # "xxxy" has "xxy"
        (
            r"(?:want|wish) to (?:die|go)|\bsad\b",
            [["sad", "want to die", "want to go", "wish to die", "wish to go"]],
        ),
        (r"(?i:kill) me", [[" me"]]),  # the case-insensitive part says nothing, the rest does
        (r"(?<=kill )me\b", [["me"]]),  # a lookbehind's text is looked at, not matched
        (r"(cat|dog)\1", [["cat", "dog"]]),  # the group, not the backreference
        (r"\d+ pills", [[" pills"]]),
        # Nothing sure: each of these can match without any given string.
        (r"(?i)kill", None),
        (r"a*", None),
        (r"(?:kill)?\w+", None),
        (r"(?=kill)\w+", None),
        (r"x|\w", None),
        (r"[^a]", None),
    ],
)
def test_clauses_of_small_patterns(
    builder: ModuleType, pattern: str, expected: list[list[str]] | None
) -> None:
    found = builder.clauses(pattern)
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert sorted(sorted(c) for c in found) == sorted(sorted(c) for c in expected)


clause_sets = st.lists(
    st.one_of(
        st.none(),
        st.lists(
            st.lists(st.text("abc ", min_size=1, max_size=5), min_size=1, max_size=4).map(tuple),
            min_size=1,
            max_size=3,
        ).map(tuple),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(sets=clause_sets, text=st.text("abc d", max_size=40))
def test_index_picks_exactly_the_patterns_whose_clauses_all_hold(
    sets: list[tuple[tuple[str, ...], ...] | None], text: str
) -> None:
    index = Index(sets)
    expected = [
        i
        for i, clauses in enumerate(sets)
        if clauses is None or all(any(s in text for s in clause) for clause in clauses)
    ]
    assert list(index.which(text)) == expected
    assert list(index.which(text)) == expected  # the remembered answer is the same
    assert [i for i in range(len(sets)) if index.allows(text, i)] == expected


@pytest.mark.parametrize("language", ["en", "ko"])
def test_shields_blank_the_same_spans_as_their_alternation(language: str) -> None:
    module = MODULES[language]
    shields = Shields(
        module.SHIELDS, clauses_of(language, "shields", module.SHIELDS), "test", _detect._re
    )
    alternation = re.compile("|".join(f"(?:{s})" for s in module.SHIELDS))
    forms = _forms()
    texts = (
        [f.english.text for f in forms]
        if language == "en"
        else [f.korean.text for f in forms if f.korean]
    )
    several = 0
    for text in texts:
        spans = shields.spans(text)
        assert spans == [m.span() for m in alternation.finditer(text)], text
        several += len(spans) > 1
    assert several > 20  # the scan across several shields is exercised


def test_a_stale_or_missing_entry_runs_its_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = [rule.pattern for rule in _en.RULES]
    fresh = clauses_of("en", "rules", rules)
    assert fresh is not None
    assert fresh[0] is not None
    edited = [rules[0] + "|\\bnew words\\b", *rules[1:]]
    stale = clauses_of("en", "rules", edited)
    assert stale is not None
    assert stale[0] is None  # an edited rule always runs until the script is rerun
    assert stale[1:] == fresh[1:]
    assert clauses_of("en", "rules", rules[:-1]) is None  # a rule added or removed
    assert clauses_of("xx", "rules", rules) is None  # no table at all


def _verdicts(texts: list[str]) -> list[tuple[object, ...]]:
    out = []
    for text in texts:
        safety = assess(text)
        verdict = (safety.category, safety.cues, safety.kinds, safety.categories)
        out.append((*verdict, asks_something_else(text)))
    return out


def test_verdicts_are_the_same_with_and_without_the_prefilter() -> None:
    texts = sorted(
        json.loads(line)["text"]
        for path in sorted(DATA.glob("safety_dev*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    _detect._english.cache_clear()
    _detect._korean.cache_clear()
    filtered = _verdicts(texts)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_prefilter, "_table", lambda language: {})  # no table: all run
            _detect._english.cache_clear()
            _detect._korean.cache_clear()
            assert list(_detect._english().index.which("")) == list(range(len(_en.RULES)))
            unfiltered = _verdicts(texts)
    finally:
        _detect._english.cache_clear()
        _detect._korean.cache_clear()
    assert sum(v[0] is not Category.NONE for v in filtered) > 200
    assert filtered == unfiltered
