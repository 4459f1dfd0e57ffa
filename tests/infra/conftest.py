"""Shared by the infrastructure checks: the repository root, the two parsed stacks and loading a
script as a module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.infra.hcl import Stack

ROOT = Path(__file__).resolve().parents[2]
TERRAFORM = ROOT / "infra" / "terraform"


def load_script(name: str) -> ModuleType:
    """``scripts/<name>.py`` as a module (scripts/ is not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regional() -> Stack:
    """The per-region stack (infra/terraform/regional), parsed."""
    return Stack.read(TERRAFORM / "regional")


@pytest.fixture(scope="module")
def edge() -> Stack:
    """The global stack (infra/terraform/global), parsed."""
    return Stack.read(TERRAFORM / "global")
