"""Held-out accuracy of the analyser, per language (floor 0.80 for tone and for intent).

``analysis_heldout.jsonl`` was written independently of the analyser, before tuning, and is
read by nothing else. The development set is checked too, as a guard against regressions.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from core.analysis import _model, analyze

DATA = Path(__file__).resolve().parents[1] / "data"
FLOOR = 0.80


def _accuracy(name: str) -> dict[str, float]:
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for row in rows:
        analysis = analyze(row["text"])
        total[row["lang"]] += 1
        right[f"{row['lang']}.tone"] += analysis.tone.primary.value == row["tone"]
        right[f"{row['lang']}.intent"] += analysis.intent.primary.value == row["intent"]
    return {key: right[key] / total[key.split(".")[0]] for key in sorted(right)}


@pytest.mark.parametrize("name", ["analysis_heldout.jsonl", "analysis_dev.jsonl"])
def test_accuracy_per_language_meets_floor(name: str) -> None:
    scores = _accuracy(name)
    print(f"{name}: " + ", ".join(f"{k}={v:.3f}" for k, v in scores.items()))
    assert set(scores) == {"en.intent", "en.tone", "ko.intent", "ko.tone"}
    below = {k: v for k, v in scores.items() if v < FLOOR}
    assert not below, f"{name}: below {FLOOR}: {below}"


def test_shipped_model_is_reproducible_from_the_development_sets(
    analysis_training: tuple[ModuleType, dict[str, Any], int],
) -> None:
    """model.json and model.rows are exactly what training on the dev sets gives; it never saw
    the held-out."""
    trainer, models, examples = analysis_training
    names = [path.name for path in trainer.DEFAULT_DATA]
    built_model, built_rows = trainer.render(models, names, examples)
    built = json.loads(built_model)
    shipped = json.loads(_model.DATA_PATH.read_text(encoding="utf-8"))
    assert built == shipped, "run: python scripts/train_analysis_model.py"
    # The packed rows hold no deflate: the same weights always give the same bytes.
    assert built_rows == _model.rows_path(_model.DATA_PATH).read_bytes(), (
        "the features or weights differ: run python scripts/train_analysis_model.py"
    )
    trained_on = shipped["trained_on"]
    assert trained_on
    assert all("heldout" not in name for name in trained_on)
