"""The safety check's prefilter (core.safety._prefilter): which patterns can match a text.

A pattern runs only when the text (with its word boundaries marked) has, for each of its
clauses, one of the clause's strings. That must never skip a pattern that would have matched:
these tests check that the shipped index lets every match of every pattern through, in the
labelled data and in strings made from the patterns themselves, looking at nothing but the
match (and the boundaries at its ends); that the shipped tables are what the script derives
from the rules today; and that the verdicts are the same with the prefilter as without it.
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
from core.safety._prefilter import MARK, SINGLES, Index, Shields, bounded, data_path, index_for
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


def _parts(language: str) -> dict[str, list[str]]:
    """The patterns of each part of a language's table, in its order."""
    module = MODULES[language]
    return {
        "rules": [rule.pattern for rule in module.RULES],
        "shields": list(module.SHIELDS),
        "singles": list(single_patterns(module).values()),
    }


def _patterns(language: str) -> Iterator[tuple[str, str, Index, int]]:
    """(name, pattern, the shipped index it is in, its position there) for every pattern of a
    language's table that the index may leave out (those always run need nothing)."""
    for part, patterns in _parts(language).items():
        index = index_for(language, part, patterns)
        assert index is not None, f"{language} {part}: no usable index"
        for position, pattern in enumerate(patterns):
            if not index.allows_bounded("", position):
                yield f"{part} {position}", pattern, index, position


class _Bounded:
    """A text with its word boundaries marked (``_prefilter.bounded``), and the stretch of it
    that a span of the text is: the span's characters and the marks between them, and the
    marks at its ends if a boundary is there (nothing from beyond them)."""

    def __init__(self, text: str) -> None:
        self.text = bounded(text)
        boundaries = {match.start() for match in re.finditer(r"\b", text)}
        self._at = []  # where position i of the text (its mark, if any, then its character) is
        at = 0
        for position in range(len(text) + 1):
            self._at.append(at)
            at += (position in boundaries) + 1
        self._boundaries = boundaries
        assert self.text.replace(MARK, "") == text.replace(MARK, "")

    def stretch(self, start: int, end: int) -> str:
        return self.text[self._at[start] : self._at[end] + (end in self._boundaries)]


def _unmet(pattern: str, text: str, index: Index, position: int) -> list[str]:
    """The matches of ``pattern`` in ``text`` that the index would not let through."""
    marked = _Bounded(text)
    return [
        match.group()
        for match in re.finditer(pattern, text)
        if match.end() > match.start()
        and not index.allows_bounded(marked.stretch(*match.span()), position)
    ]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_shipped_tables_are_what_the_rules_give_today(builder: ModuleType, language: str) -> None:
    shipped = data_path(language).read_text(encoding="utf-8")
    assert shipped == builder.build(language), (
        f"{data_path(language).name} is stale: the rule tables changed since it was made. "
        f"Run: {REGENERATE}"
    )


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_pattern_is_in_the_table_and_most_have_clauses(language: str) -> None:
    table = _shipped(language)
    assert table["shields"] is not None, "no shield may match empty (see _prefilter.Shields)"
    for part, patterns in _parts(language).items():
        # Every entry fits its pattern today (a stale one would be ignored: it always runs).
        assert table[part]["count"] == len(patterns)
        assert table[part]["crc"] == _prefilter.crc("\0".join(patterns)), part
        assert table[part]["crcs"] == "".join(f"{_prefilter.crc(p):08x}" for p in patterns)
        index = index_for(language, part, patterns)
        assert index is not None
        left_out = [not index.allows_bounded("", i) for i in range(len(patterns))]
        assert sum(left_out) >= 0.95 * len(patterns), part


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
    marked = _Bounded(joined)
    failures, matched = [], 0
    for name, pattern, index, position in _patterns(language):
        for match in re.finditer(pattern, joined):
            if match.end() > match.start():
                matched += 1
                if not index.allows_bounded(marked.stretch(*match.span()), position):
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
    for name, pattern, index, position in _patterns(language):
        compiled = re.compile(pattern)
        tree = sre_parse.parse(pattern)
        for _ in range(40):
            sample = _sample(tree.data, rng)
            for text in (sample, f" {sample} ", f"{_detect._BEFORE}{sample}{_detect._AFTER}"):
                matched += sum(1 for m in compiled.finditer(text) if m.end() > m.start())
                failures += [(name, unmet) for unmet in _unmet(pattern, text, index, position)]
    assert not failures, failures[:10]
    assert matched > 5000


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # "|" marks a word boundary (``_prefilter.MARK``): inside a string wherever a word meets
        # a non-word character, at its ends where the pattern says there is one.
        (r"\bkill (?:him|her)\b", [["|kill| |her|", "|kill| |him|"]]),
        (r"fianc[eé]e?", [["fiance", "fiancé"]]),
        (r"\bsuicid(?:e|al)\b(?! squad)", [["|suicidal|", "|suicide|"]]),
        (r"(?:just )?die", [["die"]]),
        (r"want\s+(?:to\s+)?die\b", [["|die|"], ["want|"]]),  # both must be there
        (r"(?:ab)+c", [["ab"], ["c"]]),
        (r"(?:x{2,3})y", [["xxy"]]),  # "xxxy" has "xxy"
        (
            r"(?:want|wish) to (?:die|go)|\bsad\b",
            [["|sad|", "want| |to| |die", "want| |to| |go", "wish| |to| |die", "wish| |to| |go"]],
        ),
        (r"(?i:kill) me", [[" |me"]]),  # the case-insensitive part says nothing, the rest does
        (r"(?<=kill )me\b", [["me|"]]),  # a lookbehind's text is looked at, not matched
        (r"(cat|dog)\1", [["cat", "dog"]]),  # the group, not the backreference
        (r"\d+ pills", [["| |pills"]]),  # a digit is a word character
        # Word boundaries: "should" has "sh", not "|sh|".
        (r"\bsh\b", [["|sh|"]]),
        (r"\b(?:die|sh|suicid\w*)\b", [["|die|", "|sh|", "|suicid"]]),  # into the branches
        (r"(?:^|[.!?\n]\s*)sh(?:[.!?]|$)", [["|sh|"]]),  # what lies around says so too
        (r"sh$", [["sh|"]]),
        (r"\s+sh", [["|sh"]]),
        (r"\bi (?:\w+ )?sh", [["|i| |"], ["|sh"]]),
        (r"(?a)\bsh\b", [["sh"]]),  # an ASCII \b is not the text's
        (r"(?a:\bsh)\b", [["sh|"]]),
        (r"[a|]b", [["b"]]),  # a pattern's own "|" is not a boundary: unknown
        # Nothing sure: each of these can match without any given string.
        (r"(?i)kill", None),
        (r"a*", None),
        (r"(?:kill)?\w+", None),
        (r"(?=kill)\w+", None),
        (r"x|\w", None),
        (r"[^a]", None),
        (r"\|", None),
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
    assert MARK == "|"  # as written above
    assert sorted(sorted(c) for c in found) == sorted(sorted(c) for c in expected)


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("how should i", "|how| |should| |i|"),
        ("i'm ok, sh.", "|i|'|m| |ok|, |sh|."),
        ("자해 ㅋㅋ", "|자해| |ㅋㅋ|"),
        ("", ""),
        ("?!", "?!"),
    ],
)
def test_a_bounded_text_has_a_mark_wherever_a_word_boundary_is(text: str, marked: str) -> None:
    assert bounded(text) == marked


def test_word_boundaries_keep_a_pattern_from_running_for_a_longer_word(
    builder: ModuleType,
) -> None:
    patterns = [r"\bsh\b", r"(?:^|[.!?\n]\s*)sh(?:[.!?]|$)", r"\b(?:kill|sh|die)\b"]
    sets = [builder.clauses(pattern) for pattern in patterns]
    index = _index(builder, sets)
    for text in ("how should i prepare", "she's pushing", "the shed"):
        assert list(index.which(text)) == [], text
    for text in ("sh", "did sh again", "i did sh. again", "i want to sh"):
        expected = [i for i, p in enumerate(patterns) if re.search(p, text)]
        assert expected
        assert set(expected) <= set(index.which(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "How should I prepare for my first on-call week?",
        "이번 주에 처음으로 온콜을 맡게 됐는데 뭘 미리 봐두면 좋을까요?",
    ],
)
def test_an_ordinary_message_compiles_no_pattern(text: str) -> None:
    """The cold start's budget (issue 16): the first message of a process is most often an
    ordinary one, and compiling even one big pattern for it costs more than all the rest of
    its check. Nothing in these may match any rule, shield or single pattern, and the index
    must see that."""
    forms = _detect.forms_of(text)
    checked = [(_detect._english(), forms.english.text, forms.english_blanked)]
    if forms.korean is not None and forms.korean_blanked is not None:
        checked.append((_detect._korean(), forms.korean.text, forms.korean_blanked))
    for language, form, blanked in checked:
        assert list(language.index.which(blanked)) == [], language.name
        assert language.shields._index is not None
        assert list(language.shields._index.which(form)) == [], language.name
        singles = [getattr(language, label.lower()) for label in SINGLES]
        assert [p.pattern for p in singles if p.may_match(form) or p.may_match(blanked)] == []


def _index(builder: ModuleType, sets: list[Any]) -> Index:
    """An index as the script writes it, read as the runtime reads it."""
    data = builder.index_data(sets)
    assert json.loads(json.dumps(data)) == data  # survives being written
    assert data["count"] == len(sets)
    return Index(len(sets), int(data["always"], 16), int(data["needs"], 16), data["strings"])


strings = st.tuples(st.booleans(), st.text("abc ", min_size=1, max_size=5), st.booleans())
clause_sets = st.lists(
    st.one_of(
        st.none(),
        st.lists(
            st.lists(strings, min_size=1, max_size=4).map(tuple),
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
    builder: ModuleType,
    sets: list[tuple[tuple[tuple[bool, str, bool], ...], ...] | None],
    text: str,
) -> None:
    """Each string of a clause is plain or has a word boundary at either end: it holds where
    the text has it (with the boundaries)."""

    def holds(string: tuple[bool, str, bool]) -> bool:
        before, plain, after = string
        regex = (r"\b" if before else "") + re.escape(plain) + (r"\b" if after else "")
        return re.search(regex, text) is not None

    def written(string: tuple[bool, str, bool]) -> str:
        before, plain, after = string
        return (MARK if before else "") + plain + (MARK if after else "")

    index = _index(
        builder,
        [None if c is None else [[written(s) for s in clause] for clause in c] for c in sets],
    )
    expected = [
        i
        for i, clauses in enumerate(sets)
        if clauses is None or all(any(holds(s) for s in clause) for clause in clauses)
    ]
    assert list(index.which(text)) == expected
    assert list(index.which(text)) == expected  # the remembered answer is the same
    assert [i for i in range(len(sets)) if index.allows(text, i)] == expected


@pytest.mark.parametrize("language", ["en", "ko"])
def test_shields_blank_the_same_spans_as_their_alternation(language: str) -> None:
    module = MODULES[language]
    shields = Shields(
        module.SHIELDS, index_for(language, "shields", module.SHIELDS), "test", _detect._re
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


def test_a_stale_or_missing_entry_runs_its_pattern() -> None:
    rules = [rule.pattern for rule in _en.RULES]
    fresh = index_for("en", "rules", rules)
    assert fresh is not None
    assert not fresh.allows("", 0)  # rule 0 has a clause, which an empty text fails
    edited = [rules[0] + "|\\bnew words\\b", *rules[1:]]
    stale = index_for("en", "rules", edited)
    assert stale is not None
    assert stale.allows("", 0)  # an edited rule always runs until the script is rerun
    texts = ["", *TEXTS[::10]]
    assert [list(stale.which(t)) for t in texts] == [sorted({0, *fresh.which(t)}) for t in texts]
    assert index_for("en", "rules", rules[:-1]) is None  # a rule added or removed
    assert index_for("xx", "rules", rules) is None  # no table at all


def test_a_stale_entry_with_two_clauses_runs_its_pattern() -> None:
    needs = int(_shipped("en")["rules"]["needs"], 16)
    rules = [rule.pattern for rule in _en.RULES]
    two = next(i for i in range(len(rules)) if needs >> (len(rules) + i) & 1)
    fresh = index_for("en", "rules", rules)
    edited = [*rules[:two], rules[two] + "|x", *rules[two + 1 :]]
    stale = index_for("en", "rules", edited)
    assert fresh is not None
    assert stale is not None
    assert not fresh.allows("", two)
    assert stale.allows("", two)


def test_a_broken_table_runs_every_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table edited by hand: a bucket that cannot be read lets every pattern through for a
    text that has its piece; one with the wrong shape is not used at all."""
    rules = [rule.pattern for rule in _en.RULES]
    table = json.loads(data_path("en").read_text(encoding="utf-8"))
    piece = next(piece for piece in table["rules"]["strings"] if piece.isalpha())
    table["rules"]["strings"][piece] = "broken"
    monkeypatch.setattr(_prefilter, "_table", lambda language: table)
    index = index_for("en", "rules", rules)
    assert index is not None
    assert list(index.which(piece)) == list(range(len(rules)))
    assert list(index.which("")) == []
    table["rules"]["always"] = "x"
    assert index_for("en", "rules", rules) is None
    table["rules"] = {"crc": table["rules"]["crc"]}
    assert index_for("en", "rules", rules) is None
    assert _shipped("en")["singles"]["count"] == len(SINGLES)


def _verdicts(texts: list[str]) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
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
