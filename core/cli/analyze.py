"""``ion analyze`` (the analysis and routing of a message, as JSON) and ``ion answer`` (the
offline mentor answer to it): read a message, with nothing running."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from core import config
from core.analysis import analyze
from core.cli._common import PERSONA_NAMES, dump
from core.cli._views import AnalysisRecordOut, MentorAnswerOut
from core.errors import IonError
from core.personas import PERSONAS, PersonaName
from core.pipeline import Pipeline, Request
from core.routing import route, route_for_safety


class BadLine(IonError):
    """A JSONL input line that is not ``{"text": "..."}``."""

    code = "INVALID_JSONL"


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    analyze_cmd = commands.add_parser(
        "analyze", help="language, tone, pace, intent and routing of a message, as JSON"
    )
    source = analyze_cmd.add_mutually_exclusive_group(required=True)
    source.add_argument("text", nargs="?", metavar="TEXT", help="the message")
    source.add_argument(
        "--jsonl",
        metavar="FILE",
        help='one {"text": ...} object per line ("-" for stdin); one JSON line out per line in',
    )
    analyze_cmd.set_defaults(run=_analyze)

    answer_cmd = commands.add_parser("answer", help="the offline mentor answer to a message")
    answer_cmd.add_argument("text", metavar="TEXT", help="the message")
    answer_cmd.add_argument(
        "--persona", metavar="NAME", help=f"answer as this persona ({PERSONA_NAMES}; any case)"
    )
    answer_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    answer_cmd.set_defaults(run=_answer)


def analysis_record(text: str) -> dict[str, Any]:
    """The analysis as JSON, with its routing; a crisis message is routed to the safety
    reply, and its ``safety`` carries the crisis lines and the reply to show first."""
    analysis = analyze(text)
    flagged = analysis.safety.flagged
    routing = route_for_safety(analysis.key) if flagged else route(analysis.key)
    return AnalysisRecordOut.of(analysis, routing, _crisis_resources()).model_dump(mode="json")


def _crisis_resources() -> Any:
    return config.value("CRISIS_RESOURCES")


def _jsonl_records(stream: TextIO) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue  # blank lines (a trailing newline, spacing) carry no message
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadLine(f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise BadLine(f'line {number}: expected an object like {{"text": "..."}}')
        try:
            record = analysis_record(item["text"])
        except IonError as exc:
            raise BadLine(f"line {number}: {exc.message}") from None
        # An id, when the input has one, lets the output be joined back to it.
        yield {"id": item["id"], **record} if "id" in item else record


def _analyze(args: argparse.Namespace) -> None:
    if args.jsonl is None:
        print(dump(analysis_record(args.text)))
        return
    if args.jsonl == "-":
        for record in _jsonl_records(sys.stdin):
            print(dump(record), flush=True)
        return
    with open(args.jsonl, encoding="utf-8") as stream:
        for record in _jsonl_records(stream):
            print(dump(record))


def _answer(args: argparse.Namespace) -> None:
    forced = PersonaName.parse(args.persona, field="persona") if args.persona else None
    outcome = Pipeline(resources=_crisis_resources()).run(
        Request(message=args.text, persona=forced)
    )
    if args.json:
        print(dump(MentorAnswerOut.of(outcome).model_dump(mode="json")))
        return
    routing = outcome.routing
    persona = PERSONAS[routing.primary]
    check = outcome.analysis.safety
    who = f"{persona.display_name} ({persona.korean_name})"
    if check.flagged:  # no mood tags over a crisis reply
        print(f"{who} · safety reply ({check.category.value})")
    else:
        how = "chosen by you" if routing.forced else f"confidence {routing.confidence:.2f}"
        print(f"{who} · {routing.key} · {how}")
    print()
    print(outcome.answer)
