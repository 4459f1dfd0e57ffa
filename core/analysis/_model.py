"""A linear model over words, word pairs and Korean character pairs (for intent, also those of
the sentences that ask), trained at build time.

The lexicon knows the cues we wrote down; the model knows the ones the labelled messages taught
it (how people in the data actually phrase worry, or ask for a plan). It is trained by
``scripts/train_analysis_model.py`` from the development sets in ``tests/data`` and shipped as
``model.json`` (slots, priors) beside ``model.rows`` (the features and their weights, sparse:
``core._rows``): deterministic, no network, and nothing to download at run time.

A label's score is its prior plus, for each known feature in the message, the feature's
weight for that label (0 where the trainer pruned it as indistinct). The weights are stored to
four decimals, so each row is kept as one integer holding every label's weight in a field of its
own: a message costs a look-up and one integer addition per feature, and its sums are exact.
A feature's row is built the first time a message has it, so loading costs about 1 ms rather
than 7. This module only loads and applies the model.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from operator import add
from pathlib import Path

from core._rows import IntRows, SparseRows, Summed, pack_sparse
from core.analysis._matcher import ASCII_RUN, Forms, compact_form, english_form

__all__ = [
    "DATA_PATH",
    "Scorer",
    "SparseRows",
    "ask_features",
    "load",
    "pack_sparse",
    "rows_path",
    "shared_features",
]

DATA_PATH = Path(__file__).with_name("model.json")


def rows_path(path: Path) -> Path:
    """Where the features and weights of the model in ``path`` are (``model.rows``)."""
    return path.with_suffix(".rows")


def shared_features(forms: Forms) -> frozenset[str]:
    """English words and pairs of adjacent words ("should i", "how does"), and pairs of
    adjacent non-ASCII characters (Hangul, jamo, emoji). The word pairs carry how a request is
    put, which single words miss: out of fold on the development files they added two to three
    points of English intent and about two of tone. Every kind reads these."""
    return forms.words | forms.word_pairs | forms.pairs


def ask_features(forms: Forms) -> frozenset[str]:
    """The same features of the sentences that carry the request (``Forms.asked``), marked
    ``q:``: only intent reads them. A message sets its scene first and asks last, and the
    scene's words ("bug", "deadline", "시험") say little of whether the person wants a plan, an
    explanation or a decision. Out of fold on the 18 round-4 to round-6 development files
    (each predicted by a model trained on every other file) they took intent from 0.874 to
    0.905 in English and 0.931 to 0.939 in Korean. (The question sentences without the last
    sentence: 0.900 and 0.934; the first and last words of every sentence: 0.888 and 0.927;
    sentences split after every end mark, so "..." made three: 0.896 and 0.942.)"""
    if len(forms.asked) == 1 and forms.asked[0] == forms.text:  # one sentence: the whole text
        found = shared_features(forms)
    else:
        found = frozenset().union(*map(_sentence_features, forms.asked))
    return frozenset(["q:" + feature for feature in found])


def _sentence_features(sentence: str) -> set[str]:
    """``shared_features(forms_of(sentence))``, without the forms nothing here reads."""
    words = english_form(sentence).split()
    wide = ASCII_RUN.sub("", compact_form(sentence))
    return {*words, *map(" ".join, pairwise(words)), *map(add, wide, wide[1:])}


@dataclass(frozen=True, slots=True)
class Scorer:
    """Several kinds' models folded into one table, each scaled by its blend weight, so a
    message costs one look-up per feature however many kinds there are."""

    slots: tuple[tuple[str, str], ...]  # (kind, label) per position in the score vector
    priors: tuple[float, ...]
    table: Mapping[str, Sequence[float]]  # feature -> its weight in every slot (0 if pruned)
    known: Collection[str]  # the features ``table`` has a row for (a SparseRows' ``known``)
    evidence: int = 0  # known features for a full say (0: always a full say)
    scale: Mapping[str, float] = field(default_factory=dict)
    _rows: IntRows = field(init=False, repr=False, compare=False)
    _sum: Summed = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rows", IntRows(self.table.__getitem__))
        object.__setattr__(self, "_sum", Summed(self.priors))

    def score(
        self, feature_set: Iterable[str], asked: Iterable[str] = ()
    ) -> dict[str, dict[str, float]]:
        """Per kind and label, the scaled log-probability up to a per-kind constant.

        Each known feature's row is one integer (``core._rows.IntRows``): a message's rows are
        added by ``sum`` in C, one addition per feature for every slot at once, and the total
        is read back field by field. The sums are exact, so a message scores the same whatever
        order its features come in.

        A message with fewer than ``evidence`` known features has its scores scaled down in
        proportion: the regression's priors and its weights for common words were fitted
        together on whole messages, and on a message of two or three words ("Hmm.", "I have a
        question.") they would speak with a confidence nothing in it supports. The lexicon's
        cues and the baselines then decide. The ``asked`` features (``ask_features``) repeat
        some of the message's own, so only ``feature_set``'s count towards that evidence."""
        if not self.slots:
            return {}
        known = self.known.__contains__
        rows = list(map(self._rows.__getitem__, filter(known, feature_set)))
        evidence = len(rows)
        rows += map(self._rows.__getitem__, filter(known, asked))
        totals: Iterable[float] = self._sum.floats(rows)
        if evidence < self.evidence:
            share = evidence / self.evidence
            totals = (total * share for total in totals)
        result: dict[str, dict[str, float]] = {}
        for (kind, label), value in zip(self.slots, totals, strict=True):
            scores = result.get(kind)
            if scores is None:
                scores = result[kind] = {}
            scores[label] = value
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
