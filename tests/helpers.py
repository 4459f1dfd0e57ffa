"""Small helpers shared by test folders: the installed ``ion`` command run as a user runs it,
a clock tests move by hand, an environment without ION's settings, ids keyed as the logs and
Sentry show them, whether API keys accept a key, and a script of scripts/ loaded as a module."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType

import pytest

from core.analysis import Analysis, analyze
from core.api.security import ApiKeys
from core.config import SETTINGS
from core.errors import Unauthenticated
from core.taxonomy import ResonanceKey, Subject

ROOT = Path(__file__).resolve().parents[1]
# The set-up installs the console script next to the interpreter running the tests.
ION = Path(sys.executable).parent / "ion"


def run_ion(
    *args: str,
    stdin: str | None = None,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    drop_env: Sequence[str] = (),
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """``ion ARGS`` as a subprocess; ``env`` is added to the environment after removing every
    variable whose name starts with one of ``drop_env``."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(tuple(drop_env))}
    return subprocess.run(
        [str(ION), *args],
        input=stdin,
        cwd=cwd,
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """A refused command: exit 2, nothing on stdout, one ``ion: error:`` line, no traceback."""
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ion: error: ")
    return lines[0]


class FakeClock:
    """A clock that moves only when a test moves it (or when code under test sleeps on it)."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def environ_without_settings() -> dict[str, str]:
    """This process's environment without any of ION's settings, so that a process started
    with it runs at every default whatever the shell exports."""
    names = {setting.name for setting in SETTINGS}
    return {k: v for k, v in os.environ.items() if k not in names}


def keyed(raw: str, key: str) -> str:
    """A user or session id as logs and Sentry carry it: keyed by ``ID_HASH_KEY`` (``key``)."""
    return hmac.new(key.encode(), raw.encode(), hashlib.sha256).hexdigest()[:16]


def accepts(keys: ApiKeys, presented: str) -> bool:
    """Whether ``keys`` authenticate the key ``presented``."""
    try:
        keys.authenticate(presented)
    except Unauthenticated:
        return False
    return True


def load_script(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """``scripts/<name>.py`` as a module, registered in ``sys.modules`` while the test runs (its
    dataclasses look their module up while the classes are built)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module


HANGUL = re.compile(r"[\uac00-\ud7a3]")


def hangul_share(text: str) -> float:
    """The share of the letters in ``text`` that are Hangul syllables."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(1 for ch in letters if HANGUL.match(ch)) / max(1, len(letters))


def analysed_as(text: str, key: ResonanceKey, subject: Subject = Subject.GENERAL) -> Analysis:
    """The real analysis of ``text``, with its tone, pace and intent replaced by ``key``'s and
    its subject by ``subject`` (general: answers with the intent's generic shape)."""
    base = analyze(text)
    return dataclasses.replace(
        base,
        tone=dataclasses.replace(base.tone, primary=key.tone),
        pace=key.pace,
        intent=dataclasses.replace(base.intent, primary=key.intent),
        subject=dataclasses.replace(base.subject, primary=subject),
    )
