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


LIMITED_KEYS = [f"load-test-key-{n:02d}" for n in range(10)]


@pytest.fixture
def limited_recommend(firestore_host: str) -> Iterator[dict[str, str]]:
    """recommend with ten user keys and a tight rate limit per key: 4 at once, then 2 a second."""
    env = environ_without_settings()
    env.update(
        ION_API_KEYS=",".join(f"k{n}:{hash_key(k)}:user" for n, k in enumerate(LIMITED_KEYS)),
        RATE_LIMIT_PER_MIN="120",
        RATE_LIMIT_BURST="4",
        FIRESTORE_EMULATOR_HOST=firestore_host,
    )
    function = FunctionProcess(
        FunctionSpec("recommend", "recommend", free_port()), ROOT, env, echo=lambda _: None
    )
    try:
        wait_until_ready([function], timeout_s=60)
        yield {"ION_LOAD_RECOMMEND_URL": function.spec.url}
    finally:
        function.stop()


def _share_of_429s(functions: dict[str, str], keys: list[str], out: Path) -> float:
    result = subprocess.run(
        [
            sys.executable, str(ROOT / "scripts" / "load.py"),
            "--scenario", "light", "--seconds", "5", "--out", str(out),
            "--users", "RecommendUser", "--p95-ms", "5000",
        ],
        env={
            **os.environ, **functions,
            "ION_LOAD_API_KEYS": ",".join(keys), "ION_LOAD_STATE_FILE": "/nonexistent",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    with (out / "light_stats.csv").open(encoding="utf-8") as file:
        total = int(
            next(r for r in csv.DictReader(file) if r["Name"] == "Aggregated")["Request Count"]
        )
    with (out / "light_failures.csv").open(encoding="utf-8") as file:
        failures = list(csv.DictReader(file))
    # Locust names the failure CatchResponseError('429 rate limited'); the gate looks for 429.
    limited = sum(int(r["Occurrences"]) for r in failures if re.search(r"\b429\b", r["Error"]))
    others = [r for r in failures if not re.search(r"\b429\b", r["Error"])]
    assert others == [], result.stdout + result.stderr
    assert total >= 20, result.stdout
    return limited / total


def test_several_keys_load_the_service_rather_than_one_keys_limit(
    limited_recommend: dict[str, str], tmp_path: Path
) -> None:
    """Ten simulated users on one key spend most of the run being told to wait; dealt ten keys,
    they are served (what make load does with make dev's load keys)."""
    one = _share_of_429s(limited_recommend, LIMITED_KEYS[:1], tmp_path / "one")
    many = _share_of_429s(limited_recommend, LIMITED_KEYS, tmp_path / "many")
    assert one >= 0.4, one
    assert many <= 0.1, many
    assert many < one / 4
