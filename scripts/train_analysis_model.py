"""Train the analyser's naive Bayes model from the labelled development sets.

Usage: python scripts/train_analysis_model.py [--out core/analysis/_model_data.py] [DATA ...]
Default data: tests/data/analysis_dev*.jsonl. The held-out set is never read here.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

# The package loads the shipped model on import; the trainer runs before it may exist.
os.environ.setdefault("ION_ANALYSIS_BOOTSTRAP", "1")

from core.analysis import normalize_text
from core.analysis._matcher import compact_form, english_form
from core.analysis._model import DATA_PATH, features, render, train
from core.taxonomy import Intent, Tone

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = sorted((ROOT / "tests" / "data").glob("analysis_dev*.jsonl"))


def build(paths: list[Path]) -> str:
    if any("heldout" in p.name for p in paths):
        raise SystemExit("refusing to train on the held-out set")
    rows = [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    examples = []
    for row in rows:
        text = normalize_text(row["text"])
        examples.append((features(english_form(text), compact_form(text)), row))
    models = {
        "tone": train(((f, r["tone"]) for f, r in examples), Tone.values()),
        "intent": train(((f, r["intent"]) for f, r in examples), Intent.values()),
    }
    return render(models, [p.name for p in paths], len(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", nargs="*", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DATA_PATH)
    args = parser.parse_args()
    args.out.write_text(build(args.data), encoding="utf-8")
    print(f"wrote {args.out} from {len(args.data)} files")


if __name__ == "__main__":
    main()
