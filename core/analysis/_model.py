"""A small naive Bayes model over words and Korean character pairs, trained at build time.

The lexicon knows the cues we wrote down; the model knows the ones the labelled messages taught
it (how people in the data actually phrase worry, or ask for a plan). It is trained by
``scripts/train_analysis_model.py`` from the development sets in ``tests/data`` and shipped as
``model.json``: deterministic, no network, and nothing to download at run time.

A label's score is its prior plus, for each known feature in the message, the feature's
log-likelihood under that label (stored sparsely: see the trainer), so a message costs one
dict look-up per feature and a few additions. This module only loads and applies the model.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
DATA_PATH = Path(__file__).with_name("model.json")


def features(english: str, compact: str) -> set[str]:
    """English words and pairs of adjacent non-ASCII characters (Hangul, jamo, emoji)."""
    found = set(english.split())
    if not compact.isascii():
        korean = "".join(_NON_ASCII.findall(compact))
        found.update({korean[i : i + 2] for i in range(len(korean) - 1)})
    return found


@dataclass(frozen=True, slots=True)
class Scorer:
    """Several kinds' models folded into one table, each scaled by its blend weight, so a
    message costs one look-up per feature however many kinds there are."""

    slots: tuple[tuple[str, str], ...]  # (kind, label) per position in the score vector
    priors: tuple[float, ...]
    table: dict[str, tuple[tuple[int, float], ...]]

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


def load(path: Path = DATA_PATH) -> Scorer:
    """The shipped model, scaled and combined by the trainer. Only the trainer, which has to
    import this package before the model exists, may go without it
    (``ION_ANALYSIS_BOOTSTRAP=1``)."""
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
