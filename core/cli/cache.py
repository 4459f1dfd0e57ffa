"""``ion cache-stats``: the response cache this configuration builds (with ``REDIS_URL``, the
shared L2 too), its statistics and, for Redis, the server's facts."""

from __future__ import annotations

import argparse
import json
from typing import Any

from core.bootstrap import build_cache, read_settings


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    stats_cmd = commands.add_parser(
        "cache-stats", help="response cache statistics, and Redis facts when REDIS_URL is set"
    )
    stats_cmd.set_defaults(run=_cache_stats)


def _cache_stats(args: argparse.Namespace) -> None:
    cache = build_cache(read_settings())
    ready = getattr(cache.store, "ready", None)
    if ready is not None:
        ready.wait(5)  # the functions warm Redis up in the background; a command can wait
    report: dict[str, Any] = {"cache": cache.stats()}
    info = getattr(cache.store, "info", None)
    if info is not None:
        report["redis"] = info()
    print(json.dumps(report, ensure_ascii=False, indent=2))
