"""Train the analyser's learned model from the labelled development sets: a multinomial logistic
regression per kind (tone, intent, subject) over words, word pairs and Korean character pairs;
intent's also over those of the sentences that ask (``core.analysis._model.ask_features``).

Usage: python scripts/train_analysis_model.py [--out core/analysis/model.json] [DATA ...]
Default data: tests/data/analysis_dev*.jsonl. The held-out sets are never read here. The weights
go beside the JSON with their features (``model.rows``: ``core._rows.pack_sparse``).
Training lives here, not in core: the functions only load and apply the result.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

# The package loads the shipped model on import; the trainer runs before it may exist.
os.environ.setdefault("ION_ANALYSIS_BOOTSTRAP", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))  # logistic.py, beside this file

import logistic

from core.analysis import normalize_text
from core.analysis._matcher import forms_of
from core.analysis._model import (
    DATA_PATH,
    Scorer,
    ask_features,
    pack_sparse,
    rows_path,
    shared_features,
)
from core.taxonomy import Intent, Subject, Tone

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = sorted((ROOT / "tests" / "data").glob("analysis_dev*.jsonl"))
# How much the learned model's log-odds count next to the lexicon's cue weights, chosen out of
# fold: each of 14 round-3 and round-4 development files (one writer each) predicted by a model
# trained on all the others. With word pairs among the features the model earns more say than
# the 3 / 3 / 2.5 chosen before them (English intent 0.794 -> 0.806, Korean 0.878 -> 0.886).
# Checked again out of fold on the round-6 and 7 files before the asking sentences' features
# were added (every setting within half a point), not since. Baked into the shipped table.
SCALE = {"tone": 4.0, "intent": 5.0, "subject": 3.5}
# The regression: L2 strength, full-batch Adam steps and step size, and the fewest messages a
# feature must appear in (one message's words are that message, not a way of saying anything).
L2, STEPS, RATE, MIN_DOCUMENTS = 3e-4, 300, 0.1, 2
PRUNE = 0.05  # weights this close to a feature's median change no decision worth their cost
# Known features a message needs for the model's full say (core.analysis._model.Scorer): fewer,
# and its scores are scaled down in proportion. Out of fold this changes no decision on the
# development messages (they are longer) and turns "Hmm." from a 97 % calm into a 25 % one.
# 20 when the features were words; word pairs brought a message's known features from about 30
# to 43, so the same share of a message is 30 now. The asking sentences' features repeat the
# message's own and do not count.
EVIDENCE = 30


@dataclass(frozen=True, slots=True)
class Linear:
    """A linear model over feature sets, as the trainer makes it: a label's score is its
    prior plus the weights of the features present."""

    labels: tuple[str, ...]
    priors: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]  # feature -> (label index, weight)


def train(
    examples: Sequence[tuple[frozenset[str], str]],
    labels: Iterable[str],
    prune: float = PRUNE,
) -> Linear:
    """A multinomial logistic regression (``scripts/logistic.py``). It weighs features against
    each other, so a word that every subject's messages use ("team", "팀") gets little weight
    however often it appears, and a rare but telling one ("bisect", "연봉") gets much.
    Deterministic: the same data always gives the same rounded weights."""
    names = tuple(labels)
    index = {name: i for i, name in enumerate(names)}
    fitted = logistic.fit(
        [(features_, index[label]) for features_, label in examples],
        len(names),
        l2=L2,
        steps=STEPS,
        rate=RATE,
        min_documents=MIN_DOCUMENTS,
    )
    weights = {}
    for feature, row in zip(fitted.vocabulary, fitted.weights, strict=True):
        entries = logistic.sparse_row(row, prune)
        if entries:
            weights[feature] = entries
    top = max(fitted.bias)
    return Linear(names, tuple(round(b - top, 4) for b in fitted.bias), weights)


def combine(models: Mapping[str, Linear], scale: Mapping[str, float]) -> Scorer:
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
    return Scorer(tuple(slots), tuple(priors), table, table, EVIDENCE, dict(scale))


def render(
    models: Mapping[str, Linear], trained_on: Iterable[str], examples: int
) -> tuple[str, bytes]:
    """The shipped form, scaled and combined: JSON (slots, priors), and the features with
    their weights packed sparse, which a cold start reads with one split and a few
    ``array.frombytes``."""
    scorer = combine(models, SCALE)
    data = {
        "trained_on": list(trained_on),
        "examples": examples,
        "scale": SCALE,
        "evidence": EVIDENCE,
        "slots": [list(slot) for slot in scorer.slots],
        "priors": list(scorer.priors),
    }
    rows = pack_sparse(scorer.table, width=len(scorer.slots))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", rows


def build(paths: list[Path]) -> tuple[str, bytes]:
    """``model.json`` and ``model.rows`` as training on ``paths`` makes them."""
    models, examples = fit(paths)
    return render(models, [p.name for p in paths], examples)


def fit(paths: list[Path]) -> tuple[dict[str, Linear], int]:
    """Each kind's model, trained on ``paths``, and how many examples they hold."""
    if any("heldout" in p.name for p in paths):
        raise SystemExit("refusing to train on the held-out set")
    rows = [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    examples = []  # what every kind reads, and what only intent reads, per message
    for row in rows:
        forms = forms_of(normalize_text(row["text"]))
        examples.append((shared_features(forms), ask_features(forms), row))
    models = {
        "tone": train([(f, r["tone"]) for f, _, r in examples], Tone.values()),
        "intent": train([(f | ask, r["intent"]) for f, ask, r in examples], Intent.values()),
        "subject": train([(f, r["subject"]) for f, _, r in examples], Subject.values()),
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
