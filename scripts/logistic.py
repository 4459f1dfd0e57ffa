"""Multinomial logistic regression over sets of string features, for the trainers
(``train_analysis_model.py``, ``train_safety_model.py``); the functions never import it.

Fitted by full-batch Adam for a fixed number of steps from zero, with L2: no randomness and no
order, so the same data always gives the same weights. Features live in a dense matrix and
each message is a sparse row of it: a step sums each message's feature rows with
``np.add.reduceat`` and scatters the gradient back the same way over the features sorted, so
it costs two passes over the non-zeros (a second or two for ten thousand messages).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

import numpy as np


class Fitted(NamedTuple):
    vocabulary: list[str]  # the features kept, sorted
    bias: list[float]  # per label
    weights: list[list[float]]  # per feature in ``vocabulary``, one weight per label


def fit(
    examples: Sequence[tuple[Collection[str], int]],
    width: int,
    *,
    l2: float,
    steps: int = 300,
    rate: float = 0.1,
    min_documents: int = 2,
) -> Fitted:
    """Fit on (features, label index) pairs over ``width`` labels. A feature seen in fewer
    than ``min_documents`` messages is left out: one message's words are that message, not a
    way of saying something."""
    documents = Counter(f for features, _ in examples for f in set(features))
    vocabulary = sorted(f for f, n in documents.items() if n >= min_documents)
    position = {f: i for i, f in enumerate(vocabulary)}
    rows = [sorted({position[f] for f in features if f in position}) for features, _ in examples]
    n = len(rows)
    lengths = np.array([len(row) for row in rows], dtype=np.int64)
    columns = np.array([c for row in rows for c in row], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    present = lengths > 0
    owner = np.repeat(np.arange(n), lengths)
    by_feature = np.argsort(columns, kind="stable")
    seen, feature_starts = np.unique(columns[by_feature], return_index=True)
    truth = np.zeros((n, width))
    truth[np.arange(n), [label for _, label in examples]] = 1.0
    weights = np.zeros((len(vocabulary), width))
    bias = np.zeros(width)
    parameters = (weights, bias)
    firsts = (np.zeros_like(weights), np.zeros(width))  # Adam's moment estimates
    seconds = (np.zeros_like(weights), np.zeros(width))
    for step in range(1, steps + 1):
        logits = np.zeros((n, width))
        if columns.size:
            logits[present] = np.add.reduceat(weights[columns], starts[present], axis=0)
        logits += bias
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        error = (probabilities - truth) / n
        gradient = np.zeros_like(weights)
        if columns.size:
            gradient[seen] = np.add.reduceat(error[owner[by_feature]], feature_starts, axis=0)
        gradient += l2 * weights
        for k, g in enumerate((gradient, error.sum(axis=0))):
            firsts[k][...] = 0.9 * firsts[k] + 0.1 * g
            seconds[k][...] = 0.999 * seconds[k] + 0.001 * g * g
            parameters[k][...] -= (
                rate
                * (firsts[k] / (1 - 0.9**step))
                / (np.sqrt(seconds[k] / (1 - 0.999**step)) + 1e-8)
            )
    return Fitted(vocabulary, bias.tolist(), weights.tolist())


def sparse_row(dense: Iterable[float], prune: float) -> tuple[tuple[int, float], ...]:
    """A feature's weights shifted by their median (adding the same to every label changes no
    decision), keeping only those at least ``prune`` from it, rounded: how both trainers store
    a fitted row."""
    values = list(dense)
    shift = statistics.median(values)
    return tuple(
        (index, round(value - shift, 4))
        for index, value in enumerate(values)
        if abs(value - shift) >= prune
    )
