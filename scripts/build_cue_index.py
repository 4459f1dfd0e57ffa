"""Write ``core/analysis/cue_index.json``: the phrase matcher's passes for the analyser's cue
tables, which a cold start reads instead of building (about 5 ms against 12).

    .venv/bin/python scripts/build_cue_index.py [--check]

Run it after editing ``core/analysis/_lexicon.py`` or ``_subjects.py``; ``--check`` exits 1
when the shipped index is not what the tables make (a unit test checks it too). A stale index
is never used, as its digest no longer matches the tables: forgetting costs start-up time, not
matches.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.analysis import CUE_INDEX_PATH as INDEX  # noqa: E402
from core.analysis import TABLES  # noqa: E402
from core.analysis._matcher import index_of  # noqa: E402


def render() -> str:
    return json.dumps(index_of(TABLES), ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the index is stale")
    args = parser.parse_args()
    text = render()
    if args.check:
        current = INDEX.read_text(encoding="utf-8") if INDEX.exists() else ""
        if current != text:
            print(f"stale: {INDEX.relative_to(ROOT)}; run {Path(__file__).name}")
            return 1
        return 0
    INDEX.write_text(text, encoding="utf-8")
    print(f"wrote {INDEX.relative_to(ROOT)} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
