"""Train the analyser's naive Bayes model from the labelled development sets.

Usage: python scripts/train_analysis_model.py [--out core/analysis/model.json] [DATA ...]
Default data: tests/data/analysis_dev*.jsonl. The held-out set is never read here. The weights
go beside the JSON with their features (``model.rows``: ``core._rows.pack_sparse``).
Training lives here, not in core: the functions only load and apply the result.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# The package loads the shipped model on import; the trainer runs before it may exist.
os.environ.setdefault("ION_ANALYSIS_BOOTSTRAP", "1")

from core.analysis import normalize_text
from core.analysis._matcher import forms_of
from core.analysis._model import DATA_PATH, Scorer, features, pack_sparse, rows_path
from core.taxonomy import Intent, Tone

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = sorted((ROOT / "tests" / "data").glob("analysis_dev*.jsonl"))
# How much the learned model's log-odds count next to the lexicon's cue weights (chosen on a
# development set the model was not trained on); baked into the shipped table.
SCALE = {"tone": 0.3, "intent": 0.5}
SMOOTHING = 0.5
PRUNE = 0.25  # log-odds below this change no decision worth its cost


@dataclass(frozen=True, slots=True)
class NaiveBayes:
    labels: tuple[str, ...]
    priors: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]  # feature -> (label index, weight)


def train(
    examples: Iterable[tuple[frozenset[str], str]], labels: Iterable[str], prune: float = PRUNE
) -> NaiveBayes:
    """Fit on (features, label) pairs. Deterministic: sorted iteration, rounded weights.

    A feature present in a message adds, for each label, ``log p(feature | label)`` (the
    smoothed unseen value when the label never saw it). Adding the same constant to every
    label changes no decision, so each feature's vector is shifted by its median and only the
    entries that differ from it by at least ``prune`` are kept: a word every label uses ("the",
    "요") costs nothing at run time, and a distinctive one costs a look-up and a few additions.
    """
    names = tuple(labels)
    per_label: dict[str, Counter[str]] = defaultdict(Counter)
    documents: Counter[str] = Counter()
    for feature_set, label in examples:
        documents[label] += 1
        per_label[label].update(feature_set)
    vocabulary = sorted({f for counts in per_label.values() for f in counts})
    n_docs = sum(documents.values())
    # A label with no example keeps a tiny prior rather than minus infinity.
    priors = tuple(round(math.log(max(documents[n], SMOOTHING) / n_docs), 4) for n in names)
    denominators = [sum(per_label[n].values()) + SMOOTHING * len(vocabulary) for n in names]
    weights: dict[str, tuple[tuple[int, float], ...]] = {}
    for feature in vocabulary:
        dense = [
            math.log((per_label[name][feature] + SMOOTHING) / denominators[index])
            for index, name in enumerate(names)
        ]
        shift = statistics.median(dense)
        entries = tuple(
            (index, round(value - shift, 4))
            for index, value in enumerate(dense)
            if abs(value - shift) >= prune
        )
        if entries:
            weights[feature] = entries
    return NaiveBayes(names, priors, weights)


def combine(models: Mapping[str, NaiveBayes], scale: Mapping[str, float]) -> Scorer:
    """Both kinds' models in one table, each scaled by its blend weight, so a message costs
    one look-up per feature however many kinds there are. Each feature's row is dense (one
    weight per slot, 0 where pruned), which a message sums column by column in C."""
    slots: list[tuple[str, str]] = []
    priors: list[float] = []
    sparse: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for kind, model in models.items():
        offset, factor = len(slots), scale[kind]
        slots.extend((kind, label) for label in model.labels)
        priors.extend(round(factor * p, 4) for p in model.priors)
        for feature, entries in model.weights.items():
            sparse[feature].extend((offset + i, round(factor * w, 4)) for i, w in entries)
    table: dict[str, list[float]] = {}
    for feature, stored in sorted(sparse.items()):
        row = [0.0] * len(slots)
        for slot, weight in stored:
            row[slot] = weight
        table[feature] = row
    return Scorer(tuple(slots), tuple(priors), table, table)


def render(
    models: Mapping[str, NaiveBayes], trained_on: Iterable[str], examples: int
) -> tuple[str, bytes]:
    """The shipped form, scaled and combined: JSON (slots, priors), and the features with
    their weights packed sparse, which a cold start reads with one split and a few
    ``array.frombytes``."""
    scorer = combine(models, SCALE)
    data = {
        "trained_on": list(trained_on),
        "examples": examples,
        "scale": SCALE,
        "slots": [list(slot) for slot in scorer.slots],
        "priors": list(scorer.priors),
    }
    rows = pack_sparse(scorer.table, width=len(scorer.slots))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", rows


def build(paths: list[Path]) -> tuple[str, bytes]:
    """``model.json`` and ``model.rows`` as training on ``paths`` makes them."""
    models, examples = fit(paths)
    return render(models, [p.name for p in paths], examples)


def fit(paths: list[Path]) -> tuple[dict[str, NaiveBayes], int]:
    """Each kind's model, trained on ``paths``, and how many examples they hold."""
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
        examples.append((features(forms_of(text)), row))
    models = {
        "tone": train(((f, r["tone"]) for f, r in examples), Tone.values()),
        "intent": train(((f, r["intent"]) for f, r in examples), Intent.values()),
    }
    return models, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", nargs="*", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DATA_PATH)
    args = parser.parse_args()
    model, rows = build(args.data)
    args.out.write_text(model, encoding="utf-8")
    rows_path(args.out).write_bytes(rows)
    print(f"wrote {args.out} and {rows_path(args.out)} from {len(args.data)} files")


if __name__ == "__main__":
    main()
