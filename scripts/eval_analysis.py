"""Accuracy of the analyser on a labelled JSONL set, per language, with the misses.

Usage: python scripts/eval_analysis.py tests/data/analysis_dev.jsonl [--misses]
Tune only against the development set; the held-out set is read by tests/unit/test_accuracy.py.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from core.analysis import analyze


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", type=Path)
    parser.add_argument("--misses", action="store_true", help="print every misclassified line")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines()]
    totals: Counter[str] = Counter()
    right: Counter[str] = Counter()
    confusion: Counter[tuple[str, str, str]] = Counter()
    for row in rows:
        a = analyze(row["text"])
        lang = row["lang"]
        totals[lang] += 1
        for kind, got in (("tone", a.tone.primary.value), ("intent", a.intent.primary.value)):
            if got == row[kind]:
                right[f"{lang}:{kind}"] += 1
            else:
                confusion[(kind, row[kind], got)] += 1
                if args.misses:
                    print(f"{row['id']} {kind}: want {row[kind]} got {got} | {row['text']}")
    for lang in sorted(totals):
        tone = right[f"{lang}:tone"] / totals[lang]
        intent = right[f"{lang}:intent"] / totals[lang]
        print(f"{lang}: n={totals[lang]} tone={tone:.3f} intent={intent:.3f}")
    for (kind, want, got), n in confusion.most_common(25):
        print(f"  {kind}: {want} -> {got}: {n}")


if __name__ == "__main__":
    main()
