"""A small naive Bayes model over words and Korean character pairs, trained at build time.

The lexicon knows the cues we wrote down; the model knows the ones the labelled messages taught
it (how people in the data actually phrase worry, or ask for a plan). It is trained by
``scripts/train_analysis_model.py`` from the development sets in ``tests/data`` and shipped as
``model.json``: deterministic, no network, and nothing to download at run time.

A label's score is its prior plus, for each known feature in the message, the feature's
log-likelihood under that label (see :func:`train` for how that is stored sparsely), so a
message costs one dict look-up per feature and a few additions.
"""

from __future__ import annotations

import json
import math
import os
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
DATA_PATH = Path(__file__).with_name("model.json")
# How much the learned model's log-odds count next to the lexicon's cue weights (chosen on a
# development set the model was not trained on); baked into the shipped table.
SCALE = {"tone": 0.3, "intent": 0.5}
SMOOTHING = 0.5
PRUNE = 0.25  # log-odds below this change no decision worth its cost


def features(english: str, compact: str) -> set[str]:
    """English words and pairs of adjacent non-ASCII characters (Hangul, jamo, emoji)."""
    found = set(english.split())
    if not compact.isascii():
        korean = "".join(_NON_ASCII.findall(compact))
        found.update({korean[i : i + 2] for i in range(len(korean) - 1)})
    return found


@dataclass(frozen=True, slots=True)
class NaiveBayes:
    labels: tuple[str, ...]
    priors: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]  # feature -> (label index, weight)

    def scores(self, feature_set: Iterable[str]) -> dict[str, float]:
        """Per label, the log-probability up to a shared constant, shifted so the best is 0."""
        totals = list(self.priors)
        weights = self.weights
        for feature in feature_set:
            for index, weight in weights.get(feature, ()):
                totals[index] += weight
        top = max(totals)
        return {label: v - top for label, v in zip(self.labels, totals, strict=True)}


def train(
    examples: Iterable[tuple[set[str], str]], labels: Iterable[str], prune: float = PRUNE
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


@dataclass(frozen=True, slots=True)
class Scorer:
    """Several kinds' models folded into one table, each scaled by its blend weight, so a
    message costs one look-up per feature however many kinds there are."""

    slots: tuple[tuple[str, str], ...]  # (kind, label) per position in the score vector
    priors: tuple[float, ...]
    table: dict[str, tuple[tuple[int, float], ...]]

    @classmethod
    def combine(cls, models: Mapping[str, NaiveBayes], scale: Mapping[str, float]) -> Scorer:
        slots: list[tuple[str, str]] = []
        priors: list[float] = []
        table: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for kind, model in models.items():
            offset, factor = len(slots), scale[kind]
            slots.extend((kind, label) for label in model.labels)
            priors.extend(factor * p for p in model.priors)
            for feature, entries in model.weights.items():
                table[feature].extend((offset + i, factor * w) for i, w in entries)
        return cls(tuple(slots), tuple(priors), {f: tuple(e) for f, e in table.items()})

    def score(self, feature_set: Iterable[str]) -> dict[str, dict[str, float]]:
        """Per kind and label, the scaled log-probability up to a per-kind constant."""
        totals = list(self.priors)
        table = self.table
        for feature in feature_set:
            for slot, weight in table.get(feature, ()):
                totals[slot] += weight
        result: dict[str, dict[str, float]] = {}
        for (kind, label), total in zip(self.slots, totals, strict=True):
            result.setdefault(kind, {})[label] = total
        return result


def render(models: Mapping[str, NaiveBayes], trained_on: Iterable[str], examples: int) -> str:
    """The shipped form: both kinds scaled and combined into one table, as JSON, so a cold start
    only parses it (about 20 ms) and builds nothing."""
    scorer = Scorer.combine(models, SCALE)
    data = {
        "trained_on": list(trained_on),
        "examples": examples,
        "scale": SCALE,
        "slots": [list(slot) for slot in scorer.slots],
        "priors": [round(p, 4) for p in scorer.priors],
        "table": {
            feature: [[slot, round(weight, 4)] for slot, weight in entries]
            for feature, entries in sorted(scorer.table.items())
        },
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def load(path: Path = DATA_PATH) -> Scorer:
    """The shipped model (see :func:`render`). Only the trainer, which has to import this
    package before the model exists, may go without it (``ION_ANALYSIS_BOOTSTRAP=1``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if os.environ.get("ION_ANALYSIS_BOOTSTRAP") != "1":
            raise RuntimeError(
                f"{path} is missing: run python scripts/train_analysis_model.py"
            ) from None
        return Scorer((), (), {})
    # Entries stay lists: iterating them costs the same as tuples, converting them does not.
    slots = tuple((kind, label) for kind, label in data["slots"])
    return Scorer(slots, tuple(data["priors"]), data["table"])
