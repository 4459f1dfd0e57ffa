"""What import-linter (``.importlinter``, run by ``make lint``) cannot check about core's
layers: where imports are written, and what importing a module costs a cold start."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "core"
# The one kind of import allowed inside a function: an adapter's client library, imported on
# first use so that a cold start pays only for the libraries its settings turn on.
LAZY_SDK_MODULES = ("core/adapters/", "core/observability/_sentry.py")


def function_level_imports(path: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom) and in_function:
                name = child.module if isinstance(child, ast.ImportFrom) else child.names[0].name
                found.append((child.lineno, "." * getattr(child, "level", 0) + (name or "")))
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), in_function=False)
    return found


def test_core_imports_at_module_level_but_for_the_adapters_client_libraries() -> None:
    wrong = []
    for path in sorted(CORE.rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        for line, module in function_level_imports(path):
            lazy_sdk = where.startswith(LAZY_SDK_MODULES) and not module.startswith(("core", "."))
            if not lazy_sdk:
                wrong.append(f"{where}:{line} imports {module} inside a function")
    assert wrong == []


def test_the_check_finds_an_import_inside_a_function(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text("import os\n\ndef f():\n    from core import bootstrap\n    return 1\n")
    assert function_level_imports(source) == [(4, "core")]


LOAD = (
    "import importlib.util\n"
    "spec = importlib.util.spec_from_file_location('main', 'functions/{function}/main.py')\n"
    "spec.loader.exec_module(importlib.util.module_from_spec(spec))"
)


def run(code: str, **env: str) -> str:
    """What a fresh interpreter prints running ``code`` in the project, with no settings."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "", "ION_API_KEYS": "", **env},
    ).stdout


def loaded_by(code: str, before: str = "pass") -> list[str]:
    """The modules a fresh interpreter loads running ``code`` after ``before`` (whatever an
    empty one loads at start, such as the namespace packages a .pth file declares, or what
    functions-framework itself imports, is not ``code``'s doing)."""

    def modules(source: str) -> set[str]:
        out = run(f"{source}\nimport json, sys; print(json.dumps(list(sys.modules)))")
        return set(json.loads(out.splitlines()[-1]))

    return sorted(modules(f"{before}\n{code}") - modules(before))


CLIENT_LIBRARIES = ("google", "grpc", "redis", "sentry_sdk", "flask", "functions_framework")


def test_reading_the_settings_loads_no_service_adapter_or_client_library() -> None:
    loaded = loaded_by("import core.config")
    heavy = (
        "core.analysis", "core.generation", "core.pipeline", "core.api", "core.adapters",
        "core.bootstrap", "core.bulk", *CLIENT_LIBRARIES,
    )  # fmt: skip
    assert [m for m in loaded if m.split(".")[0] in heavy or m.startswith(heavy)] == []


@pytest.mark.parametrize("function", ["process", "recommend"])
def test_process_and_recommend_never_load_the_bulk_package(function: str) -> None:
    loaded = loaded_by(LOAD.format(function=function), before="import functions_framework")
    assert "core.api.http" in loaded  # the function's module was really loaded
    assert [m for m in loaded if m.startswith(("core.bulk", "core.bootstrap.bulk"))] == []
    assert [m for m in loaded if m.split(".")[0] in ("google", "redis", "sentry_sdk")] == []
    # Nor another function's models, nor the CLI's: building pydantic models costs a cold start.
    own = {"process": "core.api.schemas", "recommend": "core.api.recommend_schemas"}[function]
    assert own in loaded
    others = {"core.api.bulk_schemas", "core.api.recommend_schemas"} - {own}
    assert [m for m in loaded if m in others or m.split(".")[:2] == ["core", "cli"]] == []


@pytest.mark.parametrize("function", ["process", "recommend", "bulk"])
def test_start_up_pauses_garbage_collection_and_ends_with_it_on(function: str) -> None:
    # Paused while the code loads (a cold start's imports only allocate); then what start-up
    # made is frozen out of later collections, and collection is on again.
    probe = (
        "import gc, sys, builtins\n"
        "seen = []\n"
        "real = builtins.__import__\n"
        "def spy(name, *a, **k):\n"
        "    if name == 'core' or name.startswith('core.'):\n"
        "        seen.append(gc.isenabled())\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = spy\n"
        + LOAD.format(function=function)
        + "\nbuiltins.__import__ = real"
        "\nprint(any(seen), gc.isenabled(), gc.get_freeze_count() > 0)"
    )
    assert run(probe).split() == ["False", "True", "True"]


@pytest.mark.parametrize("function", ["process", "recommend", "bulk"])
def test_start_up_does_not_look_for_pydantic_plugins(function: str) -> None:
    # ION has none; looking for them reads the entry points of every installed distribution.
    probe = (
        "import importlib.metadata as metadata\n"
        "groups = []\n"
        "real = metadata.entry_points\n"
        "def spy(**selection):\n"
        "    groups.append(selection.get('group'))\n"
        "    return real(**selection)\n"
        "metadata.entry_points = spy\n"
        + LOAD.format(function=function)
        + "\nimport pydantic.plugin._loader as loader"
        "\nprint(loader.entry_points is spy, 'pydantic' in groups)"
    )
    assert run(probe).split() == ["True", "False"]


def test_an_english_message_compiles_no_korean_pattern() -> None:
    # Classes of thousands of Hangul characters take re ~0.5 ms each to compile: a cold start
    # whose first message is English does not pay for them; a Korean one still finds them.
    probe = (
        "from core.analysis import analyze, _rhythm\n"
        "from core.safety import _model\n"
        "def compiled():\n"
        "    return (_rhythm._hangul.cache_info().currsize,"
        " _model._korean_patterns.cache_info().currsize)\n"
        "english = analyze('How should I prepare for my first on-call week?')\n"
        "print(english.language, *compiled())\n"
        "korean = analyze('다음 주에 처음으로 온콜을 맡는데 뭘 준비하면 좋을까요?')\n"
        "print(korean.language, *compiled())"
    )
    assert run(probe).split("\n")[:2] == ["en 0 0", "ko 1 1"]


def test_a_function_that_cannot_start_leaves_garbage_collection_on() -> None:
    probe = (
        "import gc\ntry:\n    exec(compile("
        + repr(LOAD.format(function="process"))
        + ", 'x', 'exec'))\n"
        "except Exception as error:\n    print(type(error).__name__, gc.isenabled())"
    )
    assert run(probe, ION_API_KEYS="not a key").split() == ["ConfigError", "True"]
