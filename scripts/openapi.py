"""Print or refresh the OpenAPI 3.1 documents kept next to each function.

Usage: python scripts/openapi.py [--write]    (without --write: exit 1 if any copy is stale)
The documents are built from the functions' route tables (core.api.openapi); the copies in
functions/<name>/openapi.json are what reviewers and clients read, and a test keeps them current.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FUNCTIONS = ("process", "recommend", "bulk")


def build(name: str) -> dict[str, Any]:
    path = ROOT / "functions" / name / "main.py"
    spec = importlib.util.spec_from_file_location(f"ion_function_{name}", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    route = module.router.routes[("GET", "/v2/openapi.json")]
    document: dict[str, Any] = route.handler(None).root
    return document


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the stale copies")
    args = parser.parse_args()
    stale = []
    for name in FUNCTIONS:
        target = ROOT / "functions" / name / "openapi.json"
        text = render(build(name))
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            stale.append(name)
            if args.write:
                target.write_text(text, encoding="utf-8")
    for name in stale:
        print(f"{'wrote' if args.write else 'stale'}: functions/{name}/openapi.json")
    return 1 if stale and not args.write else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
