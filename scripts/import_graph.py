"""Numbers of core's import graph: what the layering (``.importlinter``) is measured by.

- circles: groups of modules that import each other, directly or round about (strongly
  connected components of more than one module), with every import counted, those inside
  functions and under ``TYPE_CHECKING`` included;
- upward imports: imports from a module to one in a higher layer of ``.importlinter``, and
  sideways ones: between two siblings of one layer (which the layers may not do either);
- what ``import core.config`` loads: core's modules and the milliseconds (median of 5 fresh
  interpreters).

    python scripts/import_graph.py [--root DIR] [--json FILE]

``--root`` measures another checkout (an older commit in a git worktree, say) against this
checkout's layers; modules the layers do not name (an older tree's) are placed by
``FORMERLY``.
"""

from __future__ import annotations

import argparse
import configparser
import json
import statistics
import subprocess
import sys
from pathlib import Path

import grimp

HERE = Path(__file__).resolve().parents[1]
# Modules of older trees, placed in the layer their contents now live in.
FORMERLY = {"serialize": "views", "_ask": "cli", "_bulk_cli": "cli"}


def layers(config: Path) -> dict[str, int]:
    """Each top-level module of core -> its layer's height (0 = lowest)."""
    parser = configparser.ConfigParser()
    parser.read(config)
    lines = [
        line.strip()
        for line in parser["importlinter:contract:layers"]["layers"].splitlines()
        if line.strip()
    ]
    height: dict[str, int] = {}
    for level, line in enumerate(reversed(lines)):
        for name in line.replace(":", "|").split("|"):
            height[name.strip().strip("()")] = level
    return height


def top(module: str) -> str:
    """The layer a module of core belongs to, by the top-level name it is under."""
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else ""
    return FORMERLY.get(name, name)


def circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def config_import(root: Path) -> tuple[int, float]:
    code = (
        "import sys, time; t = time.perf_counter(); import core.config; "
        "t = time.perf_counter() - t; "
        "print(sum(m == 'core' or m.startswith('core.') for m in sys.modules), t)"
    )
    runs = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
        ).stdout.split()
        runs.append((int(out[0]), float(out[1]) * 1000))
    return runs[0][0], statistics.median(ms for _, ms in runs)


def measure(root: Path) -> dict[str, object]:
    sys.path.insert(0, str(root))
    graph = grimp.build_graph("core", cache_dir=None, exclude_type_checking_imports=False)
    height = layers(HERE / ".importlinter")
    modules = sorted(m for m in graph.modules if m.startswith("core"))
    edges = [
        (importer, imported)
        for importer in modules
        for imported in graph.find_modules_directly_imported_by(importer)
    ]
    upward = sorted(
        f"{a} -> {b}"
        for a, b in edges
        if top(a) in height and top(b) in height and height[top(b)] > height[top(a)]
    )
    sideways = sorted(
        f"{a} -> {b}"
        for a, b in edges
        if top(a) in height
        and top(b) in height
        and top(a) != top(b)
        and height[top(b)] == height[top(a)]
    )
    loaded, ms = config_import(root)
    found = circles(graph)
    return {
        "modules": len(modules),
        "imports": len(edges),
        "circles": len(found),
        "circle_sizes": [len(c) for c in found],
        "circle_members": found,
        "upward_imports": len(upward),
        "upward": upward,
        "sideways_imports": len(sideways),
        "sideways": sideways,
        "import_core_config_modules": loaded,
        "import_core_config_ms": round(ms, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=HERE)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = measure(args.root.resolve())
    for key in ("modules", "imports", "circles", "circle_sizes"):
        print(f"{key}: {result[key]}")
    for kind in ("upward", "sideways"):
        print(f"{kind}_imports: {result[kind + '_imports']}")
        for line in result[kind]:  # type: ignore[attr-defined]
            print(f"  {line}")
    print(f"import core.config: {result['import_core_config_modules']} core modules, "
          f"{result['import_core_config_ms']} ms (median of 5)")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
