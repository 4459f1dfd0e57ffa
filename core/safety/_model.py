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
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from core._rows import unpack_rows

DATA_PATH = Path(__file__).with_name("model.json")
LABELS = ("none", "self_harm", "harm_to_others", "abuse")
_WORD = re.compile(r"[a-z0-9']+")


_EN_SENTENCES = re.compile(r"[.!?;\n]+|\s{3,}")  # a blanked idiom ends a span too
_KO_SENTENCES = re.compile(r"[.!?;\n。？！]+")


@cache
def _korean_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # A Korean word, and a Hangul character: compiled with the first Korean message, as each
    # class spans thousands of characters (about 0.5 ms to compile) that English never needs.
    return (
        re.compile(r"[\uac00-\ud7a3\u3131-\u318ea-z0-9]+"),
        re.compile(r"[\uac00-\ud7a3\u3131-\u318e]"),
    )


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds a Hangul syllable or jamo (an ASCII text is answered at once)."""
    return not text.isascii() and _korean_patterns()[1].search(text) is not None


_READABLE = ("w:", "b:", "kw:")
_SUFFIXES = ("ing", "ed", "es", "s", "ly", "'s", "'d", "'ll", "'m", "'ve", "'re")


def _stem(word: str) -> str:
    """A crude English stem ("wanting" -> "want"): enough to share evidence between forms."""
    for suffix in _SUFFIXES:
        if len(word) > 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def features(english: str, korean: str | None) -> set[str]:
    """The model's features of a message's blanked forms.

    English (the blanked English form): words (``w:``), adjacent word pairs (``b:``) and the
    same over crude stems (``s:``, ``sb:``). Korean (the message with its shielded spans
    blanked and its spaces kept, when it has Hangul): each word (``kw:``), its first two
    characters (``kp:``, roughly the stem), the character pairs and triples inside it (``k:``)
    and adjacent word stems (``kb:``). Sentence ends and blanked spans are gaps: no pair is
    made across one."""
    found: set[str] = set()
    for span in _EN_SENTENCES.split(english):
        words = _WORD.findall(span)
        stems = [_stem(w) for w in words]
        found.update("w:" + w for w in words)
        found.update(f"b:{a} {b}" for a, b in pairwise(words))
        found.update("s:" + w for w in stems)
        found.update(f"sb:{a} {b}" for a, b in pairwise(stems))
    if korean:
        korean_word, hangul = _korean_patterns()
        for sentence in _KO_SENTENCES.split(korean.lower()):
            words = [w for w in korean_word.findall(sentence) if hangul.search(w)]
            for word in words:
                found.add("kw:" + word)
                found.add("kp:" + word[:2])
                found.update("k:" + word[i : i + 2] for i in range(len(word) - 1))
                found.update("k:" + word[i : i + 3] for i in range(len(word) - 2))
            found.update(f"kb:{a[:2]} {b[:2]}" for a, b in pairwise(words))
    return found


class Verdict(NamedTuple):
    label: str  # the most likely crisis label (never "none")
    p_none: float
    evidence: tuple[str, ...]  # the features that pushed most towards ``label``


class Model(NamedTuple):
    bias: tuple[float, ...]  # per label, in LABELS order
    weights: Mapping[str, Sequence[float]]
    thresholds: Mapping[str, float]  # per script ("ko" with Hangul, else "en"): flag below

    def judge(self, feature_set: Iterable[str], language: str) -> Verdict | None:
        """A verdict when the message is a crisis by the model's lights, else None. Korean
        and English have thresholds of their own: their features differ (character pairs
        and triples against words), and so do their false alarms at a given probability."""
        present = [(f, self.weights[f]) for f in feature_set if f in self.weights]
        # Column sums in C, adding in the same order as a loop over ``present`` would.
        totals = list(map(sum, zip(self.bias, *(row for _, row in present), strict=True)))
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        p_none = exps[0] / sum(exps)
        if p_none >= self.thresholds[language]:
            return None
        best = max(range(1, len(LABELS)), key=lambda i: (totals[i], -i))
        # Whole words and word pairs make readable cues; stems and character n-grams do not.
        pushes = sorted(
            (
                (row[best] - row[0], f)
                for f, row in present
                if row[best] - row[0] > 0 and f.startswith(_READABLE)
            ),
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
