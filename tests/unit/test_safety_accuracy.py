"""Held-out accuracy of the safety check, per language, against the floors of the issue.

``safety_heldout_*.jsonl`` were written by writers who never saw the detector, its rules or
the development data, and nothing but this test reads them. Floors, per language:
``self_harm`` recall >= 0.95 with every explicit statement found, recall over every crisis
category >= 0.90, and at most 3 % false positives on hard negatives (idioms, jargon and
ordinary distress). The development and training sets are checked too (as a regression
guard, with the same floors). Run with ``-s`` to see the confusion tables.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import load_script

DATA = Path(__file__).resolve().parents[1] / "data"
SELF_HARM_RECALL = 0.95
CRISIS_RECALL = 0.90
HARD_NEGATIVE_FALSE_POSITIVES = 0.03
HELDOUT = sorted(DATA.glob("safety_heldout_*.jsonl"))
DEVELOPMENT = sorted(DATA.glob("safety_dev*.jsonl")) + sorted(DATA.glob("safety_train*.jsonl"))


def _check(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    evaluator = load_script("eval_safety", monkeypatch)
    rows = evaluator.load(paths)
    results = evaluator.evaluate(rows)
    assert set(results) == {"en", "ko"}, "every set covers both languages"
    failures = []
    for language, scores in sorted(results.items()):
        print(f"\n[{', '.join(p.name for p in paths)}]\n{evaluator.table(language, scores)}")
        explicit, explicit_total = scores.kind_rate("self_harm", ["explicit"])
        checks = {
            "self_harm recall": (scores.recall(["self_harm"]), SELF_HARM_RECALL, ">="),
            "explicit self_harm recall": (explicit / explicit_total, 1.0, ">="),
            "crisis recall": (
                scores.recall(["self_harm", "harm_to_others", "abuse"]),
                CRISIS_RECALL,
                ">=",
            ),
            "hard-negative false positives": (
                evaluator.false_positive_rate(scores),
                HARD_NEGATIVE_FALSE_POSITIVES,
                "<=",
            ),
        }
        for name, (value, floor, direction) in checks.items():
            ok = value >= floor if direction == ">=" else value <= floor
            if not ok:
                failures.append(f"{language} {name} {value:.3f} (needs {direction} {floor})")
    assert not failures, "; ".join(failures)


def test_heldout_sets_exist_and_are_big_enough() -> None:
    assert {p.name for p in HELDOUT} == {"safety_heldout_en.jsonl", "safety_heldout_ko.jsonl"}
    for path in HELDOUT:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        negatives = [r for r in rows if r["category"] == "none"]
        hard = [r for r in negatives if r["kind"] in ("idiom", "jargon", "distress")]
        explicit = [r for r in rows if r["category"] == "self_harm" and r["kind"] == "explicit"]
        assert len(rows) >= 100, path.name
        assert len(negatives) >= len(rows) / 2, path.name
        assert len(hard) >= 50, path.name
        assert len(explicit) >= 10, path.name


def test_heldout_meets_the_floors(monkeypatch: pytest.MonkeyPatch) -> None:
    _check(HELDOUT, monkeypatch)


def test_development_sets_meet_the_floors(monkeypatch: pytest.MonkeyPatch) -> None:
    _check(DEVELOPMENT, monkeypatch)
