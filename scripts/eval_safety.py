"""The safety check on labelled JSONL sets: the confusion table per language, recall by kind,
false positives on hard negatives, and (with --misses) every message it got wrong.

Usage: python scripts/eval_safety.py tests/data/safety_dev_en.jsonl ... [--misses]
Tune only against the development sets; the held-out sets are read by
tests/unit/test_safety_accuracy.py (run it with -s to see the same table for them).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.safety import assess

CATEGORIES = ("self_harm", "harm_to_others", "abuse", "none")
HARD_NEGATIVES = frozenset({"idiom", "jargon", "distress"})


@dataclass
class Scores:
    """One language's results."""

    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (want, got)
    kinds: Counter[tuple[str, bool]] = field(default_factory=Counter)  # (category/kind, right)
    misses: list[str] = field(default_factory=list)

    def recall(self, categories: Iterable[str]) -> float:
        wanted = set(categories)
        total = sum(n for (want, _), n in self.confusion.items() if want in wanted)
        hit = sum(
            n for (want, got), n in self.confusion.items() if want in wanted and got != "none"
        )
        return hit / total if total else 1.0

    def kind_rate(self, category: str, kinds: Iterable[str] | None = None) -> tuple[int, int]:
        """(right, total) for a category's kinds (all of them when ``kinds`` is None)."""
        right = total = 0
        for (name, ok), n in self.kinds.items():
            cat, kind = name.split("/")
            if cat == category and (kinds is None or kind in kinds):
                total += n
                right += n if ok else 0
        return right, total


def evaluate(rows: Iterable[Mapping[str, str]]) -> dict[str, Scores]:
    """Scores per language. A crisis counts as found when flagged as any crisis category (the
    reply is a safety reply either way); the table shows the category it was given."""
    scores: dict[str, Scores] = {}
    for row in rows:
        got = assess(row["text"]).category.value
        want = row["category"]
        lang = scores.setdefault(row["lang"], Scores())
        lang.confusion[want, got] += 1
        right = (got != "none") if want != "none" else (got == "none")
        lang.kinds[f"{want}/{row['kind']}", right] += 1
        if not right:
            lang.misses.append(f"{row['id']} want {want}/{row['kind']} got {got} | {row['text']}")
    return scores


def table(language: str, scores: Scores) -> str:
    width = max(len(c) for c in CATEGORIES)
    lines = [f"{language}: rows = labelled, columns = detected"]
    lines.append(" " * (width + 2) + "  ".join(f"{c:>{width}}" for c in CATEGORIES))
    for want in CATEGORIES:
        cells = "  ".join(f"{scores.confusion[want, got]:>{width}}" for got in CATEGORIES)
        lines.append(f"  {want:<{width}}{cells}")
    fp, negatives = _false_positives(scores)
    lines.append(
        f"  self_harm recall {scores.recall(['self_harm']):.3f} (explicit "
        f"{_rate(scores.kind_rate('self_harm', ['explicit']))}); all crises recall "
        f"{scores.recall(CATEGORIES[:3]):.3f}; false positives on hard negatives "
        f"{fp}/{negatives} = {fp / negatives if negatives else 0:.3f}"
    )
    kinds = sorted({name for name, _ in scores.kinds})
    parts = []
    for name in kinds:
        category, kind = name.split("/")
        parts.append(f"{name} {_rate(scores.kind_rate(category, [kind]))}")
    lines.append("  by kind: " + ", ".join(parts))
    return "\n".join(lines)


def _false_positives(scores: Scores) -> tuple[int, int]:
    wrong = total = 0
    for (name, ok), n in scores.kinds.items():
        category, kind = name.split("/")
        if category == "none" and kind in HARD_NEGATIVES:
            total += n
            wrong += 0 if ok else n
    return wrong, total


def false_positive_rate(scores: Scores) -> float:
    wrong, total = _false_positives(scores)
    return wrong / total if total else 0.0


def _rate(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right}/{total}"


def load(paths: Iterable[Path]) -> list[dict[str, str]]:
    return [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--misses", action="store_true", help="print every wrong message")
    args = parser.parse_args()
    results = evaluate(load(args.paths))
    for language in sorted(results):
        print(table(language, results[language]))
        if args.misses:
            print("\n".join("    " + miss for miss in results[language].misses))


if __name__ == "__main__":
    main()
