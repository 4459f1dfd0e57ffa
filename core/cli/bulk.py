"""``ion bulk FILE.jsonl [--out results.jsonl]``: submit a file of messages as bulk jobs, show
their progress until every job has finished, and write every result.

Input: one JSON object per line, ``{"message": ..., "id"?, "user_id"?, "persona"?}`` (blank
lines skipped); every line is checked before anything is sent. Files of more than 100 lines are
split into jobs of 100. Each job carries an idempotency key made from its own items and lines,
so running the same command again after an interruption finds the jobs already submitted
instead of submitting them twice. Polling stays under two requests a second, and a 429 or 503
is waited out as its Retry-After says. An item without an ``id`` gets its line
number, so every result can be traced back to its line.

Output: one JSON line per item, in file order: ``{"line", "id", "job_id", "index", "status",
"attempts", "result"?, "error"?}``. Where the service is and which key to use are found as for
``ion ask`` (see ``core.cli.ask``), for the ``bulk`` function.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from core.api.bulk_schemas import BulkItemIn
from core.api.http import validated
from core.bulk import MAX_ITEMS
from core.cli import ask
from core.cli._common import EXIT_ITEMS_FAILED
from core.errors import IonError
from core.personas import PersonaName

POLL_S = 0.5
POLLS_PER_S = 2.0  # at most, over all jobs: well under a key's rate limit (600/min by default)
BUSY = (429, 503)  # rate limited, or a store briefly unavailable: wait and ask again
_FIELDS = ("message", "id", "user_id", "persona")
_FINISHED = frozenset({"done", "done_with_errors", "failed"})


class BadBulkLine(IonError):
    code = "INVALID_JSONL"


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bulk_cmd = commands.add_parser(
        "bulk",
        help="submit a JSONL file as bulk jobs, show progress, write every result",
        description='Each line: {"message": ..., "id"?, "user_id"?, "persona"?}. More '
        "than 100 lines become several jobs. Running it again resumes the same jobs. Exit "
        "status 1 if some items failed, 2 on bad input or a service error. URL and key as for "
        "ion ask (ION_BULK_URL, then ION_URL).",
    )
    bulk_cmd.add_argument("file", metavar="FILE.jsonl", help="the messages, one per line")
    bulk_cmd.add_argument("--out", metavar="FILE", help="write results here (default: stdout)")
    bulk_cmd.add_argument("--url", metavar="URL", help="the bulk function's base URL")
    bulk_cmd.add_argument("--api-key", metavar="KEY", help="sent as X-API-Key")
    bulk_cmd.add_argument(
        "--timeout", metavar="S", type=float, default=600.0, help="give up waiting after S s"
    )
    bulk_cmd.set_defaults(run=_bulk)


def _bulk(args: argparse.Namespace) -> int:
    target = ask.resolve(args.url, args.api_key, os.environ, Path.cwd(), function="bulk")
    if args.out is None:
        summary = run(args.file, sys.stdout, sys.stderr, target, timeout_s=args.timeout)
    else:
        with open(args.out, "w", encoding="utf-8") as out:
            summary = run(args.file, out, sys.stderr, target, timeout_s=args.timeout)
    print(
        f"{summary.items} items in {summary.jobs} job(s): {summary.done} answered, "
        f"{summary.failed} failed" + (f"; results in {args.out}" if args.out else ""),
        file=sys.stderr,
    )
    return EXIT_ITEMS_FAILED if summary.failed else 0


@dataclass(frozen=True, slots=True)
class Job:
    job_id: str
    lines: tuple[int, ...]  # the input line of each item, by index


@dataclass(frozen=True, slots=True)
class Summary:
    items: int
    done: int
    failed: int
    jobs: int


def read_items(lines: Iterable[str]) -> list[tuple[int, dict[str, Any]]]:
    """(line number, item) for every non-blank line; BadBulkLine names the first bad line."""
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as error:
            raise BadBulkLine(f"line {number}: not valid JSON ({error})") from None
        if not isinstance(item, dict):
            raise BadBulkLine(f'line {number}: expected an object like {{"message": "..."}}')
        unknown = sorted(set(item) - set(_FIELDS))
        if unknown:
            raise BadBulkLine(
                f"line {number}: unknown field {unknown[0]!r}; accepted: {', '.join(_FIELDS)}"
            )
        if not isinstance(item.get("message"), str) or not item["message"].strip():
            raise BadBulkLine(f"line {number}: message must be a non-empty string")
        for name in ("id", "user_id", "persona"):
            if name in item and not isinstance(item[name], str):
                raise BadBulkLine(f"line {number}: {name} must be a string")
        item = {"id": str(number), **item}
        _check(number, item)
        items.append((number, item))
    if not items:
        raise BadBulkLine("the file has no items; write one JSON object per line")
    return items


def _check(number: int, item: dict[str, Any]) -> None:
    """Validate the item as the service will (so a bad line stops everything before any job is
    sent, rather than after some have been)."""
    try:
        validated(BulkItemIn, item)
        if item.get("persona") is not None:
            PersonaName.parse(item["persona"], field="persona")
    except IonError as error:
        raise BadBulkLine(f"line {number}: {error.message}") from None


def chunks(
    items: Sequence[tuple[int, dict[str, Any]]], size: int = MAX_ITEMS
) -> Iterator[Sequence[tuple[int, dict[str, Any]]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def run(
    path: str,
    out: TextIO,
    progress: TextIO,
    target: ask.Target,
    *,
    timeout_s: float,
    poll_s: float = POLL_S,
) -> Summary:
    items = read_items(Path(path).read_text(encoding="utf-8").splitlines())
    deadline = time.monotonic() + timeout_s
    jobs: list[Job] = []
    for chunk in chunks(items):
        payload = [item for _, item in chunk]
        # Keyed by the chunk's own content and lines: a rerun finds the same jobs, and fixing
        # one line changes only its own job's key.
        canonical = json.dumps([[line for line, _ in chunk], payload], ensure_ascii=False)
        key = "ion-bulk:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:40]
        body = {"items": payload, "idempotency_key": key}
        reply = _patiently(partial(ask.post, target, "/v2/bulk", body), deadline)
        jobs.append(Job(str(reply["job_id"]), tuple(line for line, _ in chunk)))
    views = _wait(target, jobs, len(items), progress, deadline=deadline, poll_s=poll_s)
    done = failed = 0
    for job in jobs:
        for entry in _results(target, job.job_id, views[job.job_id]):
            index = int(entry["index"])
            record = {"line": job.lines[index], "job_id": job.job_id, **entry}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            done += entry["status"] == "done"
            failed += entry["status"] == "failed"
    return Summary(items=len(items), done=done, failed=failed, jobs=len(jobs))


def _wait(
    target: ask.Target,
    jobs: Sequence[Job],
    total: int,
    progress: TextIO,
    *,
    deadline: float,
    poll_s: float,
) -> dict[str, dict[str, Any]]:
    """Poll every job until all have finished, with one progress bar over all their items;
    at most POLLS_PER_S requests a second, whatever the number of jobs."""
    views: dict[str, dict[str, Any]] = {}
    with tqdm(total=total, unit="item", file=progress, desc="bulk", dynamic_ncols=True) as bar:
        while True:
            waiting = [j for j in jobs if views.get(j.job_id, {}).get("status") not in _FINISHED]
            for job in waiting:
                path = f"/v2/bulk/{job.job_id}?limit=1"
                views[job.job_id] = _patiently(partial(ask.get, target, path), deadline)
            finished = sum(int(v["completed"]) + int(v["failed"]) for v in views.values())
            bar.update(finished - bar.n)
            failed = sum(int(v["failed"]) for v in views.values())
            bar.set_postfix(failed=failed, refresh=False)
            if all(v["status"] in _FINISHED for v in views.values()):
                return views
            if time.monotonic() > deadline:
                ids = ", ".join(
                    j.job_id for j in jobs if views[j.job_id]["status"] not in _FINISHED
                )
                raise ask.AskError(
                    f"jobs still running at the timeout: {ids}; run the same command again "
                    "to keep waiting (it finds the same jobs), or raise --timeout"
                )
            time.sleep(max(poll_s, len(waiting) / POLLS_PER_S))


def _patiently(call: Callable[[], dict[str, Any]], deadline: float) -> dict[str, Any]:
    """``call()``, waited out while the service says it is busy (429 or 503 with Retry-After)
    and the deadline allows; any other failure is raised at once."""
    while True:
        try:
            return call()
        except ask.ServerError as error:
            wait = error.retry_after_s if error.retry_after_s is not None else 1.0
            if error.status not in BUSY or time.monotonic() + wait > deadline:
                raise
            time.sleep(min(wait, 30.0))


def _results(target: ask.Target, job_id: str, view: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if view["status"] == "failed":
        raise ask.AskError(f"job {job_id} failed: {view.get('error')}; run the command again")
    token: str | None = None
    while True:
        query = f"?limit={MAX_ITEMS}" + (f"&page_token={token}" if token else "")
        page = _patiently(partial(ask.get, target, f"/v2/bulk/{job_id}{query}"), math.inf)
        yield from page["results"]
        token = page.get("next_page_token")
        if not token:
            return
