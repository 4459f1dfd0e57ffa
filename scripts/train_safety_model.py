"""Train the safety check's learned model from the labelled development sets.

Usage: python scripts/train_safety_model.py [--out core/safety/model.json] [--report]

Reads tests/data/safety_dev*.jsonl and tests/data/safety_train*.jsonl; never the held-out
sets (safety_heldout*.jsonl), which only tests/unit/test_safety_accuracy.py reads.

The model is a multinomial logistic regression (none, self_harm, harm_to_others, abuse) over
the features of ``core.safety._model.features``, fitted by full-batch Adam with L2
regularisation for a fixed number of steps (``scripts/logistic.py``: the same data always gives
the same model). Its threshold is chosen on out-of-fold predictions: each data file is
predicted by a model trained on the other files (files have different authors, so this
estimates how the model does on messages written by someone else; the files are dealt into
``FOLDS`` folds), and the threshold is the most permissive one that keeps the model's own false
alarms on ``none`` messages at or below ``--max-false-alarms``.
Training lives here, not in core: the functions only load and apply the result.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # logistic.py, beside this file

import logistic  # noqa: E402

from core._rows import pack_rows  # noqa: E402
from core.safety import _detect, _model  # noqa: E402

DATA = ROOT / "tests" / "data"
LABELS = _model.LABELS
STEPS = 300  # full-batch Adam steps (scripts/logistic.py)
FOLDS = 12  # out-of-fold folds, each leaving out whole files (authors)
RATE = 0.1
L2 = 2e-4
KEEP = 0.05  # weights whose largest difference from the "none" column is smaller do little
MIN_DOCUMENTS = 2  # a feature seen in one message only is that message, not a way of saying it


@dataclass(frozen=True, slots=True)
class Example:
    source: str  # the file it came from: one author
    label: int
    features: frozenset[str]
    by_rules: bool  # the rules alone flag it
    gated: bool  # it has a word of the crisis vocabulary: the model may flag it
    language: str  # "ko" when it has Hangul (the Korean features), else "en"


def training_files() -> list[Path]:
    """Every labelled set but the held-out ones, which only the accuracy tests read: the
    safety sets, and the analysis development sets as ordinary messages (``none``). Those are
    what people bring a mentor, written without crisis content; their everyday words ("in my
    life", "grabbing", "겁") pass the crisis-vocabulary gate, and the model must learn that
    they are not a crisis."""
    return (
        sorted(DATA.glob("safety_dev*.jsonl"))
        + sorted(DATA.glob("safety_train*.jsonl"))
        + sorted(DATA.glob("analysis_dev*.jsonl"))
    )


def examples() -> list[Example]:
    found = []
    for path in training_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            forms = _detect.forms_of(row["text"])
            found.append(
                Example(
                    source=path.name,
                    label=LABELS.index(row.get("category", "none")),
                    features=frozenset(
                        _model.features(forms.english_blanked, forms.korean_spaced(row["text"]))
                    ),
                    by_rules=_detect.rule_verdict(forms, row["text"]) is not None,
                    gated=_detect.at_risk(forms),
                    language="ko" if forms.korean is not None else "en",
                )
            )
    return found


def fit(data: list[Example]) -> tuple[list[float], dict[str, list[float]]]:
    """The regression's bias and each feature's weights (``scripts/logistic.py``)."""
    fitted = logistic.fit(
        [(e.features, e.label) for e in data],
        len(LABELS),
        l2=L2,
        steps=STEPS,
        rate=RATE,
        min_documents=MIN_DOCUMENTS,
    )
    return fitted.bias, dict(zip(fitted.vocabulary, fitted.weights, strict=True))


def p_none(
    bias: list[float], weights: dict[str, list[float]], features: frozenset[str]
) -> tuple[float, int]:
    totals = list(bias)
    for f in sorted(features):  # a fixed order: the same sums, whatever the hash seed
        row = weights.get(f)
        if row is not None:
            for k, w in enumerate(row):
                totals[k] += w
    top = max(totals)
    exps = [math.exp(t - top) for t in totals]
    best = max(range(1, len(LABELS)), key=lambda k: (totals[k], -k))
    return exps[0] / sum(exps), best


def _fold(data: list[Example], sources: frozenset[str]) -> list[tuple[Example, float, int]]:
    """The predictions for some authors' messages of a model trained on everyone else's."""
    bias, weights = fit([e for e in data if e.source not in sources])
    return [(e, *p_none(bias, weights, e.features)) for e in data if e.source in sources]


def out_of_fold(data: list[Example], jobs: int) -> list[tuple[Example, float, int]]:
    """``FOLDS`` folds of whole authors (files, dealt round-robin in name order), run ``jobs``
    at a time; the same result for any ``jobs``. Every message is predicted by a model that
    saw nothing its author wrote."""
    sources = sorted({e.source for e in data})
    groups = [frozenset(sources[k::FOLDS]) for k in range(min(FOLDS, len(sources)))]
    if jobs <= 1:
        folds = [_fold(data, group) for group in groups]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            folds = list(pool.map(partial(_fold, data), groups))
    return [prediction for fold in folds for prediction in fold]


def choose_thresholds(
    predictions: list[tuple[Example, float, int]], max_false_alarms: float
) -> dict[str, float]:
    """Per language, the most permissive threshold whose false alarms (messages labelled none
    that the rules let through and the model would flag) stay within ``max_false_alarms`` of
    all of that language's such messages."""
    thresholds = {}
    for language in ("en", "ko"):
        clear = [
            (e, p)
            for e, p, _ in predictions
            if e.label == 0 and not e.by_rules and e.language == language
        ]
        candidates = sorted(p for e, p in clear if e.gated)
        allowed = int(max_false_alarms * len(clear))
        # Flag when p(none) < threshold: the (allowed+1)-th lowest is the first not to flag.
        value = candidates[allowed] if allowed < len(candidates) else 1.0
        thresholds[language] = round(value, 4)
    return thresholds


def report(predictions: list[tuple[Example, float, int]], thresholds: dict[str, float]) -> None:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for e, p, _ in predictions:
        t = table[e.source]
        crisis = e.label != 0
        flagged_rules = e.by_rules
        flagged = flagged_rules or (e.gated and p < thresholds[e.language])
        t["crisis" if crisis else "none"] += 1
        if crisis:
            t["rules_hit"] += flagged_rules
            t["both_hit"] += flagged
        else:
            t["rules_fp"] += flagged_rules
            t["both_fp"] += flagged
    print(f"thresholds p(none) < {thresholds}; out-of-fold, by file (author):")
    for source, t in sorted(table.items()):
        print(
            f"  {source:32} crisis recall rules {t['rules_hit']}/{t['crisis']} "
            f"with model {t['both_hit']}/{t['crisis']}; false alarms rules "
            f"{t['rules_fp']}/{t['none']} with model {t['both_fp']}/{t['none']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=_model.DATA_PATH)
    # 1 %: with the analysis development sets (thousands of easy, clearly ordinary messages) in
    # the pool, 1.5 % let twice as many hard negatives through out of fold for the same recall.
    parser.add_argument("--max-false-alarms", type=float, default=0.01)
    parser.add_argument("--report", action="store_true", help="print out-of-fold results")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="folds at a time")
    args = parser.parse_args()
    data = examples()
    predictions = out_of_fold(data, args.jobs)
    thresholds = choose_thresholds(predictions, args.max_false_alarms)
    if args.report:
        report(predictions, thresholds)
    bias, weights = fit(data)
    kept = {
        f: row
        for f, row in sorted(weights.items())
        if max(abs(w - row[0]) for w in row[1:]) >= KEEP
    }
    model = {
        "labels": list(LABELS),
        "thresholds": thresholds,
        "bias": [round(b, 6) for b in bias],
        "features": list(kept),
        "rows": pack_rows(kept.values()),
    }
    args.out.write_text(
        json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(
        f"{len(data)} examples, {len(kept)} features kept, thresholds {thresholds}; "
        f"wrote {args.out}"
    )


if __name__ == "__main__":
    main()
