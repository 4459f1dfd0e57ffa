"""``ion bulk FILE.jsonl [--out results.jsonl]``: submit a file of messages as bulk jobs, show
their progress until every job has finished, and write every result.

Input: one JSON object per line, ``{"message": ..., "id"?, "user_id"?, "persona"?}`` (blank
lines skipped); every line is checked before anything is sent. Files of more than 100 lines are
split into jobs of 100. Each job carries an idempotency key made from the file's content and the
job's place in it, so running the same command again after an interruption finds the jobs
already submitted instead of submitting them twice. An item without an ``id`` gets its line
number, so every result can be traced back to its line.

Output: one JSON line per item, in file order: ``{"line", "id", "job_id", "index", "status",
"attempts", "result"?, "error"?}``. Where the service is and which key to use are found as for
``ion ask`` (see ``core._ask``), for the ``bulk`` function.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from core import _ask
from core.bulk import MAX_ITEMS
from core.errors import IonError

POLL_S = 0.5
_FIELDS = ("message", "id", "user_id", "persona")
_FINISHED = frozenset({"done", "done_with_errors", "failed"})


class BadBulkLine(IonError):
    code = "INVALID_JSONL"


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
        items.append((number, {"id": str(number), **item}))
    if not items:
        raise BadBulkLine("the file has no items; write one JSON object per line")
    return items


def chunks(
    items: Sequence[tuple[int, dict[str, Any]]], size: int = MAX_ITEMS
) -> Iterator[Sequence[tuple[int, dict[str, Any]]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def run(
    path: str,
    out: TextIO,
    progress: TextIO,
    target: _ask.Target,
    *,
    timeout_s: float,
    poll_s: float = POLL_S,
) -> Summary:
    raw = Path(path).read_bytes()
    items = read_items(raw.decode("utf-8").splitlines())
    fingerprint = hashlib.sha256(raw).hexdigest()[:32]
    jobs: list[Job] = []
    for number, chunk in enumerate(chunks(items)):
        body = {
            "items": [item for _, item in chunk],
            "idempotency_key": f"ion-bulk:{fingerprint}:{number}",
        }
        reply = _ask.post(target, "/v2/bulk", body)
        jobs.append(Job(str(reply["job_id"]), tuple(line for line, _ in chunk)))
    views = _wait(target, jobs, len(items), progress, timeout_s=timeout_s, poll_s=poll_s)
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
    target: _ask.Target,
    jobs: Sequence[Job],
    total: int,
    progress: TextIO,
    *,
    timeout_s: float,
    poll_s: float,
) -> dict[str, dict[str, Any]]:
    """Poll every job until all have finished, with one progress bar over all their items."""
    from tqdm import tqdm  # noqa: PLC0415 - only this command draws a bar

    views: dict[str, dict[str, Any]] = {}
    deadline = time.monotonic() + timeout_s
    with tqdm(total=total, unit="item", file=progress, desc="bulk", dynamic_ncols=True) as bar:
        while True:
            for job in jobs:
                if views.get(job.job_id, {}).get("status") not in _FINISHED:
                    views[job.job_id] = _ask.get(target, f"/v2/bulk/{job.job_id}?limit=1")
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
                raise _ask.AskError(
                    f"jobs still running after {timeout_s:.0f}s: {ids}; run the same command "
                    "again to keep waiting (it finds the same jobs), or raise --timeout"
                )
            time.sleep(poll_s)


def _results(target: _ask.Target, job_id: str, view: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if view["status"] == "failed":
        raise _ask.AskError(f"job {job_id} failed: {view.get('error')}; run the command again")
    token: str | None = None
    while True:
        query = f"?limit={MAX_ITEMS}" + (f"&page_token={token}" if token else "")
        page = _ask.get(target, f"/v2/bulk/{job_id}{query}")
        yield from page["results"]
        token = page.get("next_page_token")
        if not token:
            return
