"""The cue tables' shape (core.analysis._lexicon): keyed by every Tone or Intent and nothing
else, one row per weight from the highest down, and a cue at most once per label, which the
matcher enforces when it is built."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

import pytest

from core.analysis._lexicon import EN_INTENT, EN_TONE, KO_INTENT, KO_TONE
from core.analysis._matcher import PhraseMatcher
from core.taxonomy import Intent, Tone

TABLES: dict[str, tuple[Mapping[str, Mapping[float, str]], type[StrEnum]]] = {
    "EN_TONE": (EN_TONE, Tone),
    "KO_TONE": (KO_TONE, Tone),
    "EN_INTENT": (EN_INTENT, Intent),
    "KO_INTENT": (KO_INTENT, Intent),
}


@pytest.mark.parametrize("name", TABLES)
def test_a_table_is_keyed_by_every_label_of_its_enum(name: str) -> None:
    table, enum = TABLES[name]
    assert all(type(label) is enum for label in table)
    assert set(table) == set(enum)


@pytest.mark.parametrize("name", TABLES)
def test_each_label_has_one_row_per_weight_highest_first(name: str) -> None:
    table, _ = TABLES[name]
    for label, rows in table.items():
        weights = list(rows)
        assert weights == sorted(weights, reverse=True), label
        assert all(0 < weight <= 3 for weight in weights), label
        for cues in rows.values():
            assert all(cue and cue == cue.strip() for cue in cues.split("|")), (label, cues)


@pytest.mark.parametrize(
    ("english", "korean"),
    [
        ({Tone.CALM: {1.5: "no rush", 1.0: "No rush"}}, {}),  # the same words, other case
        ({Tone.CALM: {1.0: "fine|thanks|fine"}}, {}),  # twice in one row
        ({}, {Tone.URGENT: {3.0: "분 뒤|분뒤"}}),  # Korean spacing is ignored
    ],
)
def test_a_cue_listed_twice_for_one_label_is_refused(
    english: dict[Tone, dict[float, str]], korean: dict[Tone, dict[float, str]]
) -> None:
    with pytest.raises(ValueError, match="listed twice"):
        PhraseMatcher({"tone": (english, korean)})


def test_one_cue_may_serve_several_labels() -> None:
    korean = {Tone.ANXIOUS: {2.0: "어떡하지"}, Tone.URGENT: {1.0: "어떡 하지"}}
    [(_, _, compact)] = PhraseMatcher({"tone": ({}, korean)})._passes
    assert compact.labels("어떡하지") == {Tone.ANXIOUS: 2.0, Tone.URGENT: 1.0}
