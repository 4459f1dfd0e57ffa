"""What the reliability suite measured, written to docs/reliability.md when the whole suite ran.

Each test records rows: for one fault or one class of input, how many requests it sent, the
statuses they got, how many got a 5xx, and how much data was lost (turns, results or jobs that a
client was told were kept but are not there afterwards, or kept twice). The counts come from
fixed request plans (so a rerun writes the same file when the service behaves the same), never
from timing.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

SECTIONS = ("Faults", "Bad input", "Fuzzing", "Isolation and secrets")


@dataclass(frozen=True)
class Row:
    section: str
    name: str
    sent: int
    statuses: tuple[tuple[int, int], ...]  # (status, count), sorted
    lost: int
    note: str = ""

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses if status >= 500)


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(
        self,
        section: str,
        name: str,
        statuses: Iterable[int],
        lost: int = 0,
        note: str = "",
    ) -> Row:
        if section not in SECTIONS:
            raise ValueError(f"unknown section {section!r}; one of {SECTIONS}")
        counted = Counter(statuses)
        row = Row(section, name, sum(counted.values()), tuple(sorted(counted.items())), lost, note)
        with self._lock:
            self.rows.append(row)
        return row

    def markdown(self) -> str:
        lines = [
            "# Reliability report",
            "",
            "Written by the reliability suite (`tests/reliability/`, part of `make test`) against",
            "the real local parts: functions-framework processes, redis-server, the Firestore and",
            "Pub/Sub emulators, and local servers speaking Gemini's REST protocol. Each row is",
            "one fault or one class of input: the requests sent, the statuses they got (`status",
            "x count`), the server errors among them, and the data lost — turns, results or jobs",
            "a client was told were kept but are missing or counted twice afterwards. Lost must",
            "be 0 everywhere; a 5xx is allowed only where the row says it is by design.",
            "",
        ]
        for section in SECTIONS:
            rows = sorted((r for r in self.rows if r.section == section), key=lambda r: r.name)
            if not rows:
                continue
            lines += [
                f"## {section}",
                "",
                "| case | requests | statuses | 5xx | lost | note |",
                "|---|---:|---|---:|---:|---|",
            ]
            for row in rows:
                statuses = ", ".join(f"{status} x{count}" for status, count in row.statuses)
                lines.append(
                    f"| {row.name} | {row.sent} | {statuses or '-'} | {row.server_errors} "
                    f"| {row.lost} | {row.note} |"
                )
            lines.append("")
        totals = (sum(r.sent for r in self.rows), sum(r.lost for r in self.rows))
        lines.append(f"Total: {totals[0]} requests, {totals[1]} lost.")
        return "\n".join(lines) + "\n"

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.markdown(), encoding="utf-8")


REPORT = Report()
