"""The learned model is made by the trainer from the training sets alone, and what ships is
exactly what the trainer makes: no hand edits, no held-out data. (Not in tests/unit: it runs
the trainer, which takes minutes.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.safety import _model
from tests.helpers import load_script

ROOT = Path(__file__).resolve().parents[2]
TRAINER = ROOT / "scripts" / "train_safety_model.py"


def test_the_trainer_reads_every_labelled_set_but_the_held_out_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The safety sets, and the analysis development sets as ordinary (none) messages.
    trainer = load_script("train_safety_model", monkeypatch)
    names = {path.name for path in trainer.training_files()}
    data = ROOT / "tests" / "data"
    every = {path.name for path in data.glob("safety_*.jsonl")}
    ordinary = {path.name for path in data.glob("analysis_*.jsonl")}
    held_out = {name for name in every | ordinary if "heldout" in name}
    assert {"safety_heldout_en.jsonl", "analysis_heldout.jsonl"} <= held_out
    assert not names & held_out
    assert names == (every | ordinary) - held_out
    assert len(names) >= 10


def test_the_shipped_model_is_exactly_what_the_trainer_makes(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    done = subprocess.run(  # our own script, with our own interpreter
        [sys.executable, str(TRAINER), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == _model.DATA_PATH.read_bytes(), (
        "core/safety/model.json differs from what scripts/train_safety_model.py makes: "
        "retrain it (python scripts/train_safety_model.py) after changing rules or data"
    )


def test_the_shipped_model_loads_with_a_threshold_per_language() -> None:
    model = _model.load()
    assert model is not None
    assert set(model.thresholds) == {"en", "ko"}
    assert all(0.0 < value < 1.0 for value in model.thresholds.values())
    data = json.loads(_model.DATA_PATH.read_text(encoding="utf-8"))
    assert len(data["features"]) == len(model.weights) > 1000
