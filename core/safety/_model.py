"""A small learned model for the crises the rules do not phrase: a logistic regression over
English words and word pairs and Korean character pairs and triples.

The rules are precise, and they are how every explicit statement is caught; but people say
these things in more ways than rules can list ("I don't plan to be alive by Christmas", "이번
생은 여기까지만"). The model is trained by ``scripts/train_safety_model.py`` on the labelled
development sets (never the held-out set) and shipped as ``model.json``: deterministic, no
network, a few thousand weights. It reads the same idiom-blanked forms as the rules, so
"killing me" and "배고파 죽겠다" reach neither.

A message is flagged by the model alone only when the probability of ``none`` falls below
the threshold chosen by the trainer (on data it was not trained on) to keep false alarms on
hard negatives rare.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from core._rows import unpack_rows

DATA_PATH = Path(__file__).with_name("model.json")
LABELS = ("none", "self_harm", "harm_to_others", "abuse")
_WORD = re.compile(r"[a-z0-9']+")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


_EN_SENTENCES = re.compile(r"[.!?;\n]+|\s{3,}")  # a blanked idiom ends a span too
_KO_SENTENCES = re.compile(r"[.!?;\n。？！]+|\s+")


def features(english: str, compact: str | None) -> set[str]:
    """The model's features of a message's two blanked forms: English words (``w:``) and
    adjacent word pairs (``b:``); Korean character pairs and triples (``k:``) when it has
    Hangul. Sentence ends and the spans the shields blanked are gaps: no pair is made across
    one."""
    found: set[str] = set()
    spans = [s for s in _EN_SENTENCES.split(english) if s.strip()]
    for span in spans:
        words = _WORD.findall(span)
        found.update("w:" + w for w in words)
        found.update(f"b:{a} {b}" for a, b in pairwise(words))
    if compact:
        pieces = [p for p in _KO_SENTENCES.split(compact) if _HANGUL.search(p)]
        for piece in pieces:
            found.update("k:" + piece[i : i + 2] for i in range(len(piece) - 1))
            found.update("k:" + piece[i : i + 3] for i in range(len(piece) - 2))
    return found


@dataclass(frozen=True, slots=True)
class Verdict:
    label: str  # the most likely crisis label (never "none")
    p_none: float
    evidence: tuple[str, ...]  # the features that pushed most towards ``label``


@dataclass(frozen=True, slots=True)
class Model:
    bias: tuple[float, ...]  # per label, in LABELS order
    weights: Mapping[str, Sequence[float]]
    thresholds: Mapping[str, float]  # per script ("ko" with Hangul, else "en"): flag below

    def judge(self, feature_set: Iterable[str], language: str) -> Verdict | None:
        """A verdict when the message is a crisis by the model's lights, else None. Korean
        and English have thresholds of their own: their features differ (character pairs
        and triples against words), and so do their false alarms at a given probability."""
        present = [(f, self.weights[f]) for f in feature_set if f in self.weights]
        totals = list(self.bias)
        for _, row in present:
            for i, w in enumerate(row):
                totals[i] += w
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        p_none = exps[0] / sum(exps)
        if p_none >= self.thresholds[language]:
            return None
        best = max(range(1, len(LABELS)), key=lambda i: (totals[i], -i))
        pushes = sorted(
            ((row[best] - row[0], f) for f, row in present if row[best] - row[0] > 0),
            reverse=True,
        )
        return Verdict(LABELS[best], p_none, tuple(f for _, f in pushes[:3]))


def load(path: Path = DATA_PATH) -> Model | None:
    """The shipped model, or None before the trainer has made one (the rules still run)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if tuple(data["labels"]) != LABELS:
        raise ValueError(f"{path}: labels {data['labels']} are not {list(LABELS)}")
    weights = unpack_rows(data["features"], data["rows"], width=len(LABELS))
    thresholds = {language: float(value) for language, value in data["thresholds"].items()}
    return Model(tuple(data["bias"]), weights, thresholds)
