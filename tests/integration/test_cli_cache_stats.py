"""``ion cache-stats`` as a user runs it, with and without a real Redis behind REDIS_URL."""

from __future__ import annotations

import json
import subprocess

import redis

from tests.helpers import run_ion


def run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_ion("cache-stats", env=env, drop_env=("REDIS_", "CACHE_"))


def test_without_redis_it_reports_l1_only() -> None:
    result = run({})
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["cache"]["l2"]["enabled"] is False
    assert report["cache"]["l1"]["max_entries"] == 1000
    assert "redis" not in report


def test_with_redis_it_reports_the_server(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    client.set("something", "1")
    client.close()
    report = json.loads(run({"REDIS_URL": redis_url, "CACHE_L1_MAX_ENTRIES": "7"}).stdout)
    assert report["cache"]["l2"]["enabled"] is True
    assert report["cache"]["l1"]["max_entries"] == 7
    assert report["redis"]["reachable"] is True
    assert report["redis"]["keys"] == 1


def test_a_bad_setting_is_one_clear_line_and_exit_2() -> None:
    result = run({"CACHE_L1_TTL_S": "soon"})
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "ion: error: CACHE_L1_TTL_S='soon' is not valid; accepted: seconds > 0"
    )
