"""The trainers' logistic regression (``scripts/logistic.py``): deterministic, learns what the
labels say, and leaves out what only one message says."""

from __future__ import annotations

import math

import pytest

from tests.helpers import load_script

EXAMPLES = [
    ({"offer", "salary", "the"}, 0),
    ({"offer", "counter", "the"}, 0),
    ({"salary", "counter", "a"}, 0),
    ({"bug", "stack", "the"}, 1),
    ({"bug", "trace", "a"}, 1),
    ({"stack", "trace", "the", "once"}, 1),
]


def _score(fitted: object, features: set[str], label: int) -> float:
    vocabulary, bias, weights = fitted  # type: ignore[misc]
    rows = dict(zip(vocabulary, weights, strict=True))
    return bias[label] + sum(rows[f][label] for f in features if f in rows)


def test_the_same_data_gives_the_same_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    logistic = load_script("logistic", monkeypatch)
    first = logistic.fit(EXAMPLES, 2, l2=1e-3)
    again = logistic.fit(list(EXAMPLES), 2, l2=1e-3)
    assert first == again


def test_it_learns_the_labels_and_weighs_shared_words_little(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    logistic = load_script("logistic", monkeypatch)
    fitted = logistic.fit(EXAMPLES, 2, l2=1e-3)
    for features, label in EXAMPLES:
        assert _score(fitted, features, label) > _score(fitted, features, 1 - label)
    rows = dict(zip(fitted.vocabulary, fitted.weights, strict=True))
    telling = abs(rows["bug"][1] - rows["bug"][0])
    shared = abs(rows["the"][1] - rows["the"][0])
    assert telling > 3 * shared
    assert all(math.isfinite(w) for row in fitted.weights for w in row)


def test_a_feature_in_one_message_only_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    logistic = load_script("logistic", monkeypatch)
    fitted = logistic.fit(EXAMPLES, 2, l2=1e-3, min_documents=2)
    assert "once" not in fitted.vocabulary
    assert "bug" in fitted.vocabulary
    assert "once" in logistic.fit(EXAMPLES, 2, l2=1e-3, min_documents=1).vocabulary
