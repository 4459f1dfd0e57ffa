"""Small helpers shared by test folders: the installed ``ion`` command run as a user runs it,
and a clock tests move by hand."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

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
