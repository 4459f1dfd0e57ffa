"""One Cloud Function served on loopback by ``functions-framework``, as the platform serves it.

functions-framework runs gunicorn, a master and a worker, so the function runs in a process group
of its own and is stopped as a group. Its output is relayed line by line with the function's name
in front, so the logs of several functions stay readable in one terminal.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from devtools.processes import HOST, end_group

STOP_TIMEOUT_S = 10.0


@dataclass(frozen=True, slots=True)
class FunctionSpec:
    name: str  # also the entry point, as the Terraform ``entry_point`` names it
    folder: str  # functions/<folder>/main.py
    port: int
    signature_type: str = "http"
    source: Path | None = None  # another main.py to serve (tests wrap a function to inject faults)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"


class FunctionProcess:
    """A started ``functions-framework``; ``wait_until_ready`` blocks until it serves."""

    def __init__(
        self,
        spec: FunctionSpec,
        root: Path,
        env: Mapping[str, str],
        echo: Callable[[str], None] = print,
        log_file: Path | None = None,
    ) -> None:
        """Its output goes line by line to ``echo``, or, with ``log_file``, straight into that
        file: a benchmark's client then does not also spend its time relaying the function's
        logs (in the cloud the platform collects them, not the caller)."""
        self.spec = spec
        executable = Path(sys.executable).parent / "functions-framework"
        args = [
            str(executable),
            *("--source", str(spec.source or root / "functions" / spec.folder / "main.py")),
            *("--target", spec.name, "--host", HOST, "--port", str(spec.port)),
        ]
        if spec.signature_type != "http":
            args += ["--signature-type", spec.signature_type]
        log = log_file.open("ab") if log_file is not None else None
        try:
            self._process = subprocess.Popen(
                args,
                cwd=root,
                env=dict(env),
                stdin=subprocess.DEVNULL,
                stdout=log if log is not None else subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # gunicorn's master and worker: stopped together
            )
        finally:
            if log is not None:
                log.close()  # the child has its own copy
        self._relay: threading.Thread | None = None
        if self._process.stdout is not None:
            # The pipe must be drained for as long as the function runs, or its writes block.
            self._relay = threading.Thread(
                target=_relay,
                args=(self._process.stdout, f"{spec.name:<11} | ", echo),
                daemon=True,
            )
            self._relay.start()

    @property
    def running(self) -> bool:
        return self._process.poll() is None

    @property
    def group(self) -> int:
        return self._process.pid

    def ready(self) -> bool:
        """Whether it serves: ``GET /healthz`` is 200 for an HTTP function. An event function
        has no GET routes; any HTTP answer means its code has loaded (the framework imports the
        source before it listens)."""
        try:
            with urllib.request.urlopen(f"{self.spec.url}/healthz", timeout=1.0) as response:
                return bool(response.status == 200)
        except urllib.error.HTTPError:
            return self.spec.signature_type != "http"
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        """SIGTERM to the group (gunicorn stops gracefully), SIGKILL if it lingers. Idempotent."""
        # Even after the master died its worker may live on in the group: always signal it.
        end_group(self._process, signal.SIGTERM, STOP_TIMEOUT_S)
        if self._relay is not None:
            self._relay.join(timeout=1.0)


def wait_until_ready(functions: list[FunctionProcess], timeout_s: float) -> None:
    """Block until every function serves; raise naming the first that exited or never did."""
    deadline = time.monotonic() + timeout_s
    pending = list(functions)
    while pending:
        for function in list(pending):
            if not function.running:
                name = function.spec.name
                raise RuntimeError(f"{name} exited while starting (its output is above)")
            if function.ready():
                pending.remove(function)
        if pending and time.monotonic() > deadline:
            names = ", ".join(f.spec.name for f in pending)
            raise RuntimeError(f"{names} did not answer GET /healthz within {timeout_s:.0f}s")
        if pending:
            time.sleep(0.1)


def _relay(stream: IO[bytes], prefix: str, echo: Callable[[str], None]) -> None:
    for raw in stream:
        echo(prefix + raw.decode("utf-8", "replace").rstrip())
