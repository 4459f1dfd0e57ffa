"""A small naive Bayes model over words and Korean character pairs, trained at build time.

The lexicon knows the cues we wrote down; the model knows the ones the labelled messages taught
it (how people in the data actually phrase worry, or ask for a plan). It is trained by
``scripts/train_analysis_model.py`` from the development sets in ``tests/data`` and shipped as
``model.json``: deterministic, no network, and nothing to download at run time.

Scoring uses the sparse form of multinomial naive Bayes over binary features: a label's score
is its prior, plus for each known feature in the message either the feature's log-likelihood
under that label or, if the label never saw it, the label's unseen-feature constant. Only the
labels that saw a feature are stored with it, so a message costs one dict look-up per feature.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("model.json")
SMOOTHING = 0.5


def features(english: str, compact: str) -> set[str]:
    """English words and pairs of adjacent non-ASCII characters (Hangul, jamo, emoji)."""
    found = set(english.split())
    korean = "".join(ch for ch in compact if ch > "\x7f") if not compact.isascii() else ""
    found.update(korean[i : i + 2] for i in range(len(korean) - 1))
    return found


@dataclass(frozen=True, slots=True)
class NaiveBayes:
    labels: tuple[str, ...]
    priors: tuple[float, ...]
    unseen: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]  # feature -> (label index, log p - unseen)

    def scores(self, feature_set: Iterable[str]) -> dict[str, float]:
        """Per label, the log-probability up to a shared constant, shifted so the best is 0."""
        totals = list(self.priors)
        known = 0
        weights = self.weights
        for feature in feature_set:
            entries = weights.get(feature)
            if entries is None:
                continue
            known += 1
            for index, weight in entries:
                totals[index] += weight
        values = [t + known * u for t, u in zip(totals, self.unseen, strict=True)]
        top = max(values)
        return {label: v - top for label, v in zip(self.labels, values, strict=True)}

    def to_json(self) -> dict[str, object]:
        return {
            "labels": list(self.labels),
            "priors": list(self.priors),
            "unseen": list(self.unseen),
            "weights": {f: [list(e) for e in entries] for f, entries in self.weights.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> NaiveBayes:
        raw = data["weights"]
        assert isinstance(raw, dict)
        return cls(
            labels=tuple(data["labels"]),  # type: ignore[arg-type]
            priors=tuple(data["priors"]),  # type: ignore[arg-type]
            unseen=tuple(data["unseen"]),  # type: ignore[arg-type]
            weights={f: tuple((int(i), float(w)) for i, w in e) for f, e in raw.items()},
        )


def train(examples: Iterable[tuple[set[str], str]], labels: Iterable[str]) -> NaiveBayes:
    """Fit on (features, label) pairs. Deterministic: sorted iteration, rounded weights."""
    names = tuple(labels)
    per_label: dict[str, Counter[str]] = defaultdict(Counter)
    documents: Counter[str] = Counter()
    for feature_set, label in examples:
        documents[label] += 1
        per_label[label].update(feature_set)
    vocabulary = sorted({f for counts in per_label.values() for f in counts})
    n_docs = sum(documents.values())
    priors, unseen, denominators = [], [], []
    for label in names:
        denominator = sum(per_label[label].values()) + SMOOTHING * len(vocabulary)
        denominators.append(denominator)
        # A label with no example keeps a tiny prior rather than minus infinity.
        priors.append(round(math.log(max(documents[label], SMOOTHING) / n_docs), 4))
        unseen.append(round(math.log(SMOOTHING / denominator), 4))
    weights: dict[str, tuple[tuple[int, float], ...]] = {}
    for feature in vocabulary:
        entries = []
        for index, label in enumerate(names):
            count = per_label[label][feature]
            if count:
                log_p = math.log((count + SMOOTHING) / denominators[index])
                entries.append((index, round(log_p - unseen[index], 4)))
        weights[feature] = tuple(entries)
    return NaiveBayes(names, tuple(priors), tuple(unseen), weights)


def load(path: Path = MODEL_PATH) -> dict[str, NaiveBayes]:
    """The shipped models, one per kind (``tone``, ``intent``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {kind: NaiveBayes.from_json(model) for kind, model in data["models"].items()}
