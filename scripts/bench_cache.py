"""Cache benchmarks, all in one run against a real redis-server started for the purpose.

1. An L2 hit through the cache against a raw redis-py GET of the same payload (floor: <= 1.3x).
2. An L1 hit against a plain dict lookup of the same payload (reported).
3. A replayed trace with Zipf-distributed repeats: the achieved hit rate as a fraction of the
   ideal (an unbounded cache) at default sizes (floor: >= 0.95), with and without L2.

Medians of interleaved samples, so machine noise hits both sides alike. Writes
.bench/cache.json and exits non-zero when a floor is missed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import benchlib  # noqa: E402  (scripts/benchlib.py, beside this file)
import redis  # noqa: E402

from core.adapters.redis_store import RedisStore  # noqa: E402
from core.cache import CacheSettings, ResponseCache  # noqa: E402
from core.pipeline import ResponseKey, context_digest  # noqa: E402
from devtools.redis_server import RedisServer  # noqa: E402

OUT = ROOT / ".bench" / "cache.json"
L2_FLOOR = 1.3
ZIPF_FLOOR = 0.95
ANSWER = (
    "지금 느끼는 답답함, 충분히 이해돼요. 배포가 계속 실패하면 누구라도 지치죠. "
    "1. 마지막으로 성공한 배포와 지금의 차이를 적어 보세요. 2. 실패 로그의 첫 에러만 보세요. "
    "3. 한 번에 하나만 바꿔서 다시 시도해요. 작은 확인부터 같이 해 봐요. — 루아"
) * 2
VALUE = {"answer": ANSWER, "generator": "offline", "model": "offline-v1"}


def response_key(n: int) -> ResponseKey:
    return ResponseKey(
        message=f"message {n}: 배포가 계속 실패해요",
        persona="lua",
        resonance_key="frustrated-burst-problem_solving",
        language="ko",
        generator="offline",
        model="offline-v1",
        prompt_version="p1",
        context=context_digest([]),
    )


def never() -> dict[str, Any]:
    raise AssertionError("a benchmarked hit must not compute")


def timed(call: Callable[[], object]) -> int:
    started = time.perf_counter_ns()
    call()
    return time.perf_counter_ns() - started


def median_us(samples: list[int]) -> float:
    return round(statistics.median(samples) / 1000, 2)


def l2_hit_vs_raw_get(url: str, keys: int, rounds: int) -> dict[str, Any]:
    store = RedisStore(url)
    cache = ResponseCache(CacheSettings(), store)
    # The baseline client has the same settings as the cache's own (timeouts, pool).
    raw = redis.Redis.from_url(url, socket_timeout=0.25, socket_connect_timeout=0.25)
    items = [response_key(n) for n in range(keys)]
    for item in items:
        cache.get_or_compute(item, lambda: VALUE)
    full_keys = [cache.full_key(item) for item in items]
    ours: list[int] = []
    theirs: list[int] = []
    for round_number in range(rounds):
        cache.l1.clear()  # every lookup below misses L1 and hits L2
        for n, (item, full) in enumerate(zip(items, full_keys, strict=True)):
            pair = [
                (theirs, lambda full=full: raw.get(full)),
                (ours, lambda item=item: cache.get_or_compute(item, never)),
            ]
            if (n + round_number) % 2:  # alternate who goes first
                pair.reverse()
            for samples, call in pair:
                samples.append(timed(call))
    assert cache.stats()["l2"]["hits"] == keys * rounds
    raw.close()
    store.close()
    ratio = median_us(ours) / median_us(theirs)
    return {
        "cache_l2_hit_us": median_us(ours),
        "raw_get_us": median_us(theirs),
        "ratio": round(ratio, 3),
        "floor": L2_FLOOR,
        "pass": ratio <= L2_FLOOR,
        "samples": len(ours),
        "payload_bytes": len(json.dumps({"v": VALUE}, ensure_ascii=False).encode()),
    }


def l1_hit_vs_dict(keys: int, rounds: int) -> dict[str, Any]:
    cache = ResponseCache(CacheSettings())
    items = [response_key(n) for n in range(keys)]
    plain = {}
    for item in items:
        cache.get_or_compute(item, lambda: VALUE)
        plain[item.digest()] = VALUE
    digests = [item.digest() for item in items]
    ours: list[int] = []
    theirs: list[int] = []
    for _ in range(rounds):
        for item, digest in zip(items, digests, strict=True):
            theirs.append(timed(lambda digest=digest: plain.get(digest)))  # type: ignore[misc]
            ours.append(timed(lambda item=item: cache.get_or_compute(item, never)))  # type: ignore[misc]
    return {
        "cache_l1_hit_us": median_us(ours),
        "dict_get_us": median_us(theirs),
        "ratio": round(median_us(ours) / median_us(theirs), 1),
    }


def zipf_trace(requests: int, universe: int, exponent: float, seed: int) -> list[int]:
    rng = random.Random(seed)  # noqa: S311 - a reproducible trace, not a secret
    weights = [1 / (rank**exponent) for rank in range(1, universe + 1)]
    return rng.choices(range(universe), weights=weights, k=requests)


def zipf_hit_rate(url: str | None, trace: list[int]) -> dict[str, Any]:
    store = RedisStore(url) if url else None
    cache = ResponseCache(CacheSettings(), store)  # default sizes: L1 1000 entries
    for n in trace:
        cache.get_or_compute(response_key(n), lambda: VALUE)
    ideal = 1 - len(set(trace)) / len(trace)
    achieved = cache.stats()["hit_rate"]
    if store is not None:
        store.close()
    return {
        "requests": len(trace),
        "distinct": len(set(trace)),
        "ideal_hit_rate": round(ideal, 4),
        "achieved_hit_rate": achieved,
        "fraction_of_ideal": round(achieved / ideal, 4),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=20_000, help="trace length (>= 10000)")
    parser.add_argument("--universe", type=int, default=5_000, help="distinct messages")
    parser.add_argument("--exponent", type=float, default=1.1, help="Zipf exponent")
    parser.add_argument("--json", type=Path, help="also write the shared result shape here")
    args = parser.parse_args()
    if args.requests < 10_000:
        parser.error("--requests must be at least 10000")
    with RedisServer() as server:
        l2 = l2_hit_vs_raw_get(server.url, args.keys, args.rounds)
        trace = zipf_trace(args.requests, args.universe, args.exponent, seed=7)
        server_flush = redis.Redis.from_url(server.url)
        server_flush.flushall()
        server_flush.close()
        with_l2 = zipf_hit_rate(server.url, trace)
    l1 = l1_hit_vs_dict(args.keys, args.rounds)
    l1_only = zipf_hit_rate(None, trace)
    with_l2["pass"] = with_l2["fraction_of_ideal"] >= ZIPF_FLOOR
    with_l2["floor"] = ZIPF_FLOOR

    print("| measure | ours (median µs) | baseline (median µs) | ratio | floor | status |")
    print("|---|---:|---:|---:|---:|---|")
    print(
        f"| L2 hit through the cache vs raw redis-py GET ({l2['payload_bytes']} B) "
        f"| {l2['cache_l2_hit_us']} | {l2['raw_get_us']} | {l2['ratio']}x "
        f"| <= {L2_FLOOR}x | {'PASS' if l2['pass'] else 'FAIL'} |"
    )
    print(
        f"| L1 hit through the cache vs dict lookup | {l1['cache_l1_hit_us']} "
        f"| {l1['dict_get_us']} | {l1['ratio']}x | report | - |"
    )
    print()
    print(
        f"| Zipf trace (s={args.exponent:.2f}) | requests | distinct | ideal | achieved "
        "| of ideal | status |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, row, status in (
        ("L1 + L2 (default sizes)", with_l2, "PASS" if with_l2["pass"] else "FAIL"),
        ("L1 only (no REDIS_URL)", l1_only, "report"),
    ):
        print(
            f"| {name} | {row['requests']} | {row['distinct']} | {row['ideal_hit_rate']} "
            f"| {row['achieved_hit_rate']} | {row['fraction_of_ideal']} | {status} |"
        )
    report = {"l2_hit": l2, "l1_hit": l1, "zipf_l1_l2": with_l2, "zipf_l1_only": l1_only}
    benchlib.write(OUT, report)
    rows = [
        benchlib.row(
            "L2 hit through the cache",
            l2["cache_l2_hit_us"],
            "µs",
            baseline="raw redis-py GET",
            baseline_value=l2["raw_get_us"],
            floor=f"<= {L2_FLOOR}",
            passed=l2["pass"],
        ),
        benchlib.row(
            "L1 hit through the cache",
            l1["cache_l1_hit_us"],
            "µs",
            baseline="dict lookup",
            baseline_value=l1["dict_get_us"],
        ),
        benchlib.row(
            "Zipf trace hit rate, L1 + L2",
            with_l2["achieved_hit_rate"],
            "hit rate",
            baseline="unbounded cache",
            baseline_value=with_l2["ideal_hit_rate"],
            floor=f">= {ZIPF_FLOOR}",
            passed=with_l2["pass"],
        ),
        benchlib.row(
            "Zipf trace hit rate, L1 only",
            l1_only["achieved_hit_rate"],
            "hit rate",
            baseline="unbounded cache",
            baseline_value=l1_only["ideal_hit_rate"],
        ),
    ]
    benchlib.write(args.json, benchlib.result("cache", "Response cache", rows))
    return 0 if l2["pass"] and with_l2["pass"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
