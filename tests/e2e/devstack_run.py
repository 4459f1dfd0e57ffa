"""``make dev``'s command, launched by a test: every port shifted by a free offset
(ION_DEV_PORT_OFFSET) and the state file in the test's folder (ION_DEV_STATE_FILE), so it runs
beside a developer's own stack without touching it; shared by test_dev_stack.py and
test_browser.py."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from devtools.processes import group_members, port_is_free
from devtools.stack import PORTS

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 20.0


@dataclass
class RunningStack:
    process: subprocess.Popen[bytes]
    log: Path
    state_file: Path
    offset: int
    key: str = ""
    state: dict[str, Any] | None = None

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{PORTS[name] + self.offset}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for_output(self, pattern: str, timeout_s: float) -> re.Match[str]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if found := re.search(pattern, self.output(), re.MULTILINE):
                return found
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        pytest.fail(f"devstack never printed {pattern!r}; its output:\n{self.output()}")


def free_offset() -> int:
    """An offset that moves every port of the stack onto a free one."""
    for _ in range(100):
        offset = random.randrange(10_000, 50_000)  # noqa: S311 - a port offset, not a secret
        if all(port_is_free(port + offset) for port in PORTS.values()):
            return offset
    pytest.fail("found no offset with every stack port free")


def launch(tmp_path: Path, offset: int, **extra_env: str) -> RunningStack:
    """``make dev``'s command, ``$(BIN)/python scripts/devstack.py`` in the repo, shifted."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ION_DEV_", "ION_API_KEY"))}
    state_file = tmp_path / ".dev" / "stack.json"
    env |= {"ION_DEV_PORT_OFFSET": str(offset), "ION_DEV_STATE_FILE": str(state_file)}
    env |= {"ION_DEV_DATA_DIR": str(tmp_path / ".dev" / "data")}
    env |= extra_env
    log = tmp_path / f"devstack-{time.monotonic_ns()}.log"
    # Ctrl-C reaches the stack as from a terminal. A shell starts a background job (`make test &`
    # in a script) with SIGINT ignored, an ignored signal stays ignored across exec, and Python
    # then installs no handler of its own: the SIGINT these tests send would go nowhere. The
    # stack inherits the default once this process has a handler.
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "scripts/devstack.py"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return RunningStack(process, log, state_file, offset)


def stop_for_good(stack: RunningStack) -> None:
    """Teardown after a failure: never leave a stack running, whatever the test got to."""
    if stack.process.poll() is None:
        stack.process.send_signal(signal.SIGINT)
        try:
            stack.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            stack.process.kill()
            stack.process.wait()
    for group in (stack.state or {}).get("process_groups", {}).values():
        if group_members(group):
            os.killpg(group, signal.SIGKILL)


@contextmanager
def started(tmp_path: Path, **extra_env: str) -> Iterator[RunningStack]:
    running = launch(tmp_path, free_offset(), **extra_env)
    try:
        running.key = running.wait_for_output(r"^API key: (\S+)$", START_TIMEOUT_S)[1]
        running.state = json.loads(running.state_file.read_text(encoding="utf-8"))
        yield running
    finally:
        stop_for_good(running)
