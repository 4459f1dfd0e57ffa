"""The phrase matcher finds exactly what a plain left-to-right scan finds.

The matcher indexes cues (by a word, by a character pair) and sorts what ``str.find`` locates;
the oracle here is the definition in ``core.analysis._matcher``'s docstring, written the slow,
obvious way: at each position, the longest cue that starts there, then carry on after it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.analysis import _MATCHER, CUE_INDEX_PATH, TABLES, normalize_text
from core.analysis._matcher import Forms, Match, PhraseMatcher, digest, forms_of
from core.taxonomy import Tone
from tests.helpers import load_script

DATA = Path(__file__).resolve().parents[1] / "data"
TEXTS = [
    json.loads(line)["text"]
    for path in sorted(DATA.glob("analysis_*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
PASSES = {kind: (english, compact) for kind, english, compact in _MATCHER._passes}


def scan_english(english: str, exact: set[str], prefixes: set[str]) -> list[Match]:
    """Whole-word cues; a prefix cue's last word may go on. A match starts at its space."""
    matches: list[Match] = []
    end = 0
    for start, char in enumerate(english):
        if char != " " or start < end or start == len(english) - 1:
            continue
        longest = ""
        for cue in exact:
            if english.startswith(f" {cue} ", start) and len(cue) > len(longest):
                longest = cue
        for prefix in prefixes:
            if english.startswith(f" {prefix}", start) and start + 1 + len(prefix) < len(english):
                word_end = english.index(" ", start + 1 + len(prefix))
                if word_end - start - 1 > len(longest):
                    longest = english[start + 1 : word_end]
        if longest:
            matches.append((start, longest))
            end = start + 1 + len(longest)
    return matches


def scan_compact(compact: str, cues: set[str]) -> list[Match]:
    by_first: dict[str, list[str]] = defaultdict(list)
    for cue in cues:
        by_first[cue[0]].append(cue)
    matches: list[Match] = []
    end = 0
    for start, char in enumerate(compact):
        if start < end:
            continue
        found = [cue for cue in by_first.get(char, ()) if compact.startswith(cue, start)]
        if found:
            longest = max(found, key=len)
            matches.append((start, longest))
            end = start + len(longest)
    return matches


def expected(forms: Forms) -> dict[str, tuple[list[Match], list[Match]]]:
    return {
        kind: (
            scan_english(forms.english, set(english.exact), set(english.prefixes)),
            scan_compact(forms.compact, set(compact.exact)),
        )
        for kind, (english, compact) in PASSES.items()
    }


def test_the_labelled_messages_match_as_a_plain_scan_would() -> None:
    assert len(TEXTS) >= 300
    found_any = 0
    for text in TEXTS:
        forms = forms_of(normalize_text(text))
        found = _MATCHER.find(forms)
        assert found == expected(forms), text
        found_any += any(en or compact for en, compact in found.values())
    assert found_any > len(TEXTS) * 0.9  # the oracle is not comparing empty lists


# Texts made of the cues themselves, cut and glued together, so that overlapping cues, cues
# inside cues, prefixes and repeated cues are common rather than lucky.
FRAGMENTS = sorted(
    {cue for english, _ in PASSES.values() for cue in (*english.exact, *english.prefixes)}
    | {cue for _, compact in PASSES.values() for cue in compact.exact}
)
pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS).map(lambda cue: cue[: len(cue) // 2 + 1]),
    st.sampled_from(["s", "ing", "ed", "ㅋ", "!", "?", "요", "a", "I"]),
)
separators = st.sampled_from(["", " ", "  ", "\n", ", ", "'"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(pieces, separators), min_size=1, max_size=12))
def test_glued_cues_match_as_a_plain_scan_would(parts: list[tuple[str, str]]) -> None:
    text = normalize_text("".join(piece + separator for piece, separator in parts))
    if text:
        forms = forms_of(text)
        assert _MATCHER.find(forms) == expected(forms)


# -- the shipped index ----------------------------------------------------------------------


def test_the_shipped_cue_index_is_what_the_tables_make(monkeypatch: pytest.MonkeyPatch) -> None:
    index = load_script("build_cue_index", monkeypatch)
    assert CUE_INDEX_PATH.read_text(encoding="utf-8") == index.render(), (
        "core/analysis/cue_index.json is stale: run scripts/build_cue_index.py"
    )
    shipped = json.loads(CUE_INDEX_PATH.read_text(encoding="utf-8"))
    assert shipped["digest"] == digest(TABLES)  # so the analyser reads it


def test_a_matcher_read_from_the_index_finds_what_a_built_one_finds() -> None:
    shipped = json.loads(CUE_INDEX_PATH.read_text(encoding="utf-8"))
    read, built = PhraseMatcher(TABLES, index=shipped), PhraseMatcher(TABLES)
    for text in TEXTS:
        forms = forms_of(text)
        assert read.find(forms) == built.find(forms), text
        assert read.score(forms, {}) == built.score(forms, {}), text


def test_an_index_made_from_other_tables_is_ignored() -> None:
    shipped = json.loads(CUE_INDEX_PATH.read_text(encoding="utf-8"))
    edited = {**TABLES, "tone": ({Tone.CALM: {1.0: "steady"}}, {})}
    matcher = PhraseMatcher(edited, index=shipped)
    assert [k for k, _, _ in matcher._passes] == list(edited)
    assert matcher.find(forms_of("a steady week"))["tone"][0] == [(2, "steady")]
    assert matcher.find(forms_of("ugh this again"))["tone"] == ([], [])


def test_a_kinds_scale_multiplies_its_weights_and_no_others() -> None:
    forms = forms_of("ugh this is so annoying, 너무 떨려요. Can you explain how it works?")
    plain: dict[str, dict[str, float]] = {}
    scaled: dict[str, dict[str, float]] = {}
    PhraseMatcher(TABLES, late_bonus={"intent": 0.6}).score(forms, plain)
    PhraseMatcher(TABLES, late_bonus={"intent": 0.6}, scale={"tone": 2.0}).score(forms, scaled)
    assert plain["tone"]
    assert plain["intent"]
    for label, weight in plain["tone"].items():
        assert scaled["tone"][label] == pytest.approx(2 * weight)
    assert scaled["intent"] == plain["intent"]
