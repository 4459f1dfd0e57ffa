"""A linear model over words, word pairs and Korean character pairs, trained at build time.

The lexicon knows the cues we wrote down; the model knows the ones the labelled messages taught
it (how people in the data actually phrase worry, or ask for a plan). It is trained by
``scripts/train_analysis_model.py`` from the development sets in ``tests/data`` and shipped as
``model.json`` (slots, priors) beside ``model.rows`` (the features and their weights, sparse:
``core._rows``): deterministic, no network, and nothing to download at run time.

A label's score is its prior plus, for each known feature in the message, the feature's
weight for that label (0 where the trainer pruned it as indistinct), so a message
costs two hash look-ups per feature and column sums done in C. A feature's row is built the
first time a message has it, so loading costs about 1 ms rather than 7. This module only
loads and applies the model.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from core._rows import SparseRows, pack_sparse
from core.analysis._matcher import Forms

__all__ = ["DATA_PATH", "Scorer", "SparseRows", "features", "load", "pack_sparse", "rows_path"]

DATA_PATH = Path(__file__).with_name("model.json")


def rows_path(path: Path) -> Path:
    """Where the features and weights of the model in ``path`` are (``model.rows``)."""
    return path.with_suffix(".rows")


def features(forms: Forms) -> frozenset[str]:
    """English words and pairs of adjacent words ("should i", "how does"), and pairs of
    adjacent non-ASCII characters (Hangul, jamo, emoji). The word pairs carry how a request is
    put, which single words miss: out of fold on the development files they added two to three
    points of English intent and about two of tone."""
    return forms.words | forms.word_pairs | forms.pairs


class Scorer(NamedTuple):
    """Several kinds' models folded into one table, each scaled by its blend weight, so a
    message costs one look-up per feature however many kinds there are."""

    slots: tuple[tuple[str, str], ...]  # (kind, label) per position in the score vector
    priors: tuple[float, ...]
    table: Mapping[str, Sequence[float]]  # feature -> its weight in every slot (0 if pruned)
    known: Collection[str]  # the features ``table`` has a row for (a SparseRows' ``known``)
    evidence: int = 0  # known features for a full say (0: always a full say)
    scale: Mapping[str, float] = {}

    def score(self, feature_set: Iterable[str]) -> dict[str, dict[str, float]]:
        """Per kind and label, the scaled log-probability up to a per-kind constant.

        The rows are summed column by column by ``zip`` and ``sum`` in C; adding a 0 where a
        weight was pruned changes no total, so this equals summing only the stored weights.

        A message with fewer than ``evidence`` known features has its scores scaled down in
        proportion: the regression's priors and its weights for common words were fitted
        together on whole messages, and on a message of two or three words ("Hmm.", "I have a
        question.") they would speak with a confidence nothing in it supports. The lexicon's
        cues and the baselines then decide."""
        rows: list[Sequence[float]] = [self.priors]
        rows += map(self.table.__getitem__, filter(self.known.__contains__, feature_set))
        totals: Iterable[float] = map(sum, zip(*rows, strict=True))
        if len(rows) <= self.evidence:
            share = (len(rows) - 1) / self.evidence
            totals = (total * share for total in totals)
        result: dict[str, dict[str, float]] = {}
        for (kind, label), total in zip(self.slots, totals, strict=True):
            scores = result.get(kind)
            if scores is None:
                scores = result[kind] = {}
            scores[label] = total
        return result


def load(path: Path = DATA_PATH) -> Scorer:
    """The shipped model, scaled and combined by the trainer. Only the trainer, which has to
    import this package before the model exists, may go without it
    (``ION_ANALYSIS_BOOTSTRAP=1``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        packed = rows_path(path).read_bytes()
    except FileNotFoundError as missing:
        if os.environ.get("ION_ANALYSIS_BOOTSTRAP") != "1":
            raise RuntimeError(
                f"{missing.filename} is missing: run python scripts/train_analysis_model.py"
            ) from None
        return Scorer((), (), {}, ())
    slots = tuple((kind, label) for kind, label in data["slots"])
    table = SparseRows(packed, width=len(slots))
    return Scorer(slots, tuple(data["priors"]), table, table.known, data["evidence"], data["scale"])
