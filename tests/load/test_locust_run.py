"""A short real Locust run (``scripts/load.py``, as ``make load`` runs it) against the process
and recommend functions served by functions-framework, then the SLO gate on its CSVs.

Locust (and gevent's monkey-patching) stays in its own process. The bulk user is left out
until the bulk endpoints exist; its task is written against their contract. The p95 limit is
loose here: this checks the plumbing on a shared machine, not its speed (``make load`` does).
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.api.security import hash_key
from devtools.functions import FunctionProcess, FunctionSpec, wait_until_ready
from devtools.processes import free_port
from tests.helpers import environ_without_settings

ROOT = Path(__file__).resolve().parents[2]
KEY = "load-test-key-0c4e"


@pytest.fixture
def functions(firestore_host: str) -> Iterator[dict[str, str]]:
    env = environ_without_settings()
    env.update(ION_API_KEYS=f"load:{hash_key(KEY)}:user", FIRESTORE_EMULATOR_HOST=firestore_host)
    started = [
        FunctionProcess(FunctionSpec(name, name, free_port()), ROOT, env, echo=lambda _: None)
        for name in ("process", "recommend")
    ]
    try:
        wait_until_ready(started, timeout_s=60)
        yield {f"ION_LOAD_{f.spec.name.upper()}_URL": f.spec.url for f in started}
    finally:
        for function in started:
            function.stop()


def test_a_light_run_writes_locust_csvs_that_pass_the_gate(
    functions: dict[str, str], tmp_path: Path
) -> None:
    result = subprocess.run(
        [
            sys.executable, str(ROOT / "scripts" / "load.py"),
            "--scenario", "light", "--seconds", "4", "--out", str(tmp_path),
            "--users", "ProcessUser,RecommendUser", "--p95-ms", "5000",
        ],
        env={**os.environ, **functions, "ION_API_KEY": KEY, "ION_LOAD_STATE_FILE": "/nonexistent"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    with (tmp_path / "light_stats.csv").open(encoding="utf-8") as file:
        rows = {row["Name"]: row for row in csv.DictReader(file)}
    assert int(rows["Aggregated"]["Request Count"]) >= 10
    assert int(rows["Aggregated"]["Failure Count"]) == 0
    assert {"POST /v2/process", "POST /v2/recommend"} <= set(rows)
    assert "| light |" in result.stdout
    assert "PASS" in result.stdout


def test_a_wrong_key_fails_the_gate(functions: dict[str, str], tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable, str(ROOT / "scripts" / "load.py"), "--scenario", "light",
            "--seconds", "2", "--out", str(tmp_path), "--users", "RecommendUser",
        ],
        env={**os.environ, **functions, "ION_API_KEY": "wrong", "ION_LOAD_STATE_FILE": "/x"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    # On a slow machine two seconds may also miss the request count or p95, named before it.
    assert re.search(r"FAIL: (.*; )?errors 100\.00% > 1\.00%", result.stdout)
