"""The ``ion`` command: analyse a message, or answer it offline as a mentor persona.

    ion analyze "배포가 또 실패했어요. 어떻게 해야 하죠?"
    ion analyze --jsonl messages.jsonl      # one {"text": ...} per line; "-" reads stdin
    ion answer "How should I plan my first week as a tech lead?" [--persona elro] [--json]
    ion cache-stats                          # this configuration's cache (REDIS_URL: L2 too)
    ion ask "요즘 너무 지쳐요" [--session ID]  # ask the running stack (make dev) over HTTP
    ion bulk messages.jsonl [--out results.jsonl]  # submit as bulk jobs, wait, write results

Bad input is reported as one line on stderr with exit status 2 (the status argparse uses for
usage errors), never as a traceback. Errors are translated here, at the edge, and nowhere else.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from core import _ask, config
from core.analysis import analyze
from core.config import Settings
from core.errors import ConfigError, IonError
from core.personas import PERSONAS, PersonaName
from core.pipeline import Pipeline, Request
from core.routing import route, route_for_safety
from core.serialize import analysis_dict, resources_list, routing_dict, safety_reply_dict

EXIT_ITEMS_FAILED = 1  # ion bulk: every job finished, but some items failed
EXIT_BAD_INPUT = 2


class BadLine(IonError):
    """A JSONL input line that is not ``{"text": "..."}``."""

    code = "INVALID_JSONL"


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


def analysis_record(text: str) -> dict[str, Any]:
    """The analysis as JSON, with its routing; a crisis message is routed to the safety
    reply, and its ``safety`` carries the crisis lines and the reply to show first."""
    analysis = analyze(text)
    record = analysis_dict(analysis)
    if analysis.safety.flagged:
        record["safety"].update(safety_reply_dict(analysis, _crisis_resources()))
        record["routing"] = routing_dict(route_for_safety(analysis.key))
    else:
        record["routing"] = routing_dict(route(analysis.key))
    return record


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
        print(_dump(analysis_record(args.text)))
        return
    if args.jsonl == "-":
        for record in _jsonl_records(sys.stdin):
            print(_dump(record), flush=True)
        return
    with open(args.jsonl, encoding="utf-8") as stream:
        for record in _jsonl_records(stream):
            print(_dump(record))


def _answer(args: argparse.Namespace) -> None:
    forced = PersonaName.parse(args.persona, field="persona") if args.persona else None
    outcome = Pipeline(resources=_crisis_resources()).run(
        Request(message=args.text, persona=forced)
    )
    routing = outcome.routing
    persona = PERSONAS[routing.primary]
    check = outcome.analysis.safety
    if args.json:
        print(
            _dump(
                {
                    "persona": persona.name.value,
                    "display_name": persona.display_name,
                    "korean_name": persona.korean_name,
                    "secondary_persona": routing.secondary.value,
                    "confidence": routing.confidence,
                    "forced": routing.forced,
                    "resonance_key": str(routing.key),
                    "answer": outcome.answer,
                    "generator": outcome.generator,
                    "safety": {
                        "category": check.category.value,
                        "resources": resources_list(outcome.resources),
                    },
                }
            )
        )
        return
    who = f"{persona.display_name} ({persona.korean_name})"
    if check.flagged:  # no mood tags over a crisis reply
        print(f"{who} · safety reply ({check.category.value})")
    else:
        how = "chosen by you" if routing.forced else f"confidence {routing.confidence:.2f}"
        print(f"{who} · {routing.key} · {how}")
    print()
    print(outcome.answer)


def _ask_stack(args: argparse.Namespace) -> None:
    target = _ask.resolve(args.url, args.api_key, os.environ, Path.cwd())
    body: dict[str, Any] = {"message": args.text}
    for field, value in (("session_id", args.session), ("user_id", args.user)):
        if value is not None:
            body[field] = value
    if args.persona is not None:
        body["persona"] = PersonaName.parse(args.persona, field="persona").value
    reply = _ask.post(target, "/v2/process", body)
    if args.json:
        print(_dump(reply))
        return
    persona = PERSONAS[PersonaName.parse(str(reply.get("persona")))]
    category = (reply.get("safety") or {}).get("category")
    facts = [f"{persona.display_name} ({persona.korean_name})"]
    if category and category != "none":  # no mood tags or cache facts over a crisis reply
        facts.append(f"safety reply ({category})")
    else:
        facts.append(str(reply.get("resonance_key")))
        if cache := reply.get("cache"):  # admin keys only (make dev's key is one)
            facts.append(f"cache {cache.get('tier')}")
    if session := reply.get("session"):
        facts.append(f"session {session.get('id')} turn {session.get('turn')}")
    print(" · ".join(facts))
    print()
    print(reply.get("answer"))


def _bulk(args: argparse.Namespace) -> int:
    from core import _bulk_cli  # noqa: PLC0415 - tqdm and the job model only for this command

    target = _ask.resolve(args.url, args.api_key, os.environ, Path.cwd(), function="bulk")
    if args.out is None:
        summary = _bulk_cli.run(args.file, sys.stdout, sys.stderr, target, timeout_s=args.timeout)
    else:
        with open(args.out, "w", encoding="utf-8") as out:
            summary = _bulk_cli.run(args.file, out, sys.stderr, target, timeout_s=args.timeout)
    print(
        f"{summary.items} items in {summary.jobs} job(s): {summary.done} answered, "
        f"{summary.failed} failed" + (f"; results in {args.out}" if args.out else ""),
        file=sys.stderr,
    )
    return EXIT_ITEMS_FAILED if summary.failed else 0


def _cache_stats(args: argparse.Namespace) -> None:
    from core.bootstrap import build_cache  # noqa: PLC0415 - only this command needs Redis

    cache = build_cache(Settings.from_env())
    ready = getattr(cache.store, "ready", None)
    if ready is not None:
        ready.wait(5)  # the functions warm Redis up in the background; a command can wait
    report: dict[str, Any] = {"cache": cache.stats()}
    info = getattr(cache.store, "info", None)
    if info is not None:
        report["redis"] = info()
    print(json.dumps(report, ensure_ascii=False, indent=2))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ion", description="ION Mentoring: read a message, route it, answer it."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

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
    names = ", ".join(p.value for p in PersonaName)
    answer_cmd.add_argument(
        "--persona", metavar="NAME", help=f"answer as this persona ({names}; any case)"
    )
    answer_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    answer_cmd.set_defaults(run=_answer)

    stats_cmd = commands.add_parser(
        "cache-stats", help="response cache statistics, and Redis facts when REDIS_URL is set"
    )
    stats_cmd.set_defaults(run=_cache_stats)

    ask_cmd = commands.add_parser(
        "ask",
        help="ask the running stack (make dev) over HTTP; prints the persona and the answer",
        description="POST the message to {url}/v2/process. URL: --url, else ION_URL, else the "
        f".dev/stack.json that make dev writes (yours, mode 600), else {_ask.DEFAULT_URL}. "
        "Key: --api-key; else ION_API_KEY, but only to a URL you named; else the stack file's "
        "key, only to its own URL.",
    )
    ask_cmd.add_argument("text", metavar="MESSAGE", help="the message")
    ask_cmd.add_argument("--session", metavar="ID", help="continue (or start) this session")
    ask_cmd.add_argument("--user", metavar="ID", help="the user the session belongs to")
    ask_cmd.add_argument("--persona", metavar="NAME", help=f"answer as this persona ({names})")
    ask_cmd.add_argument("--url", metavar="URL", help="the process function's base URL")
    ask_cmd.add_argument("--api-key", metavar="KEY", help="sent as X-API-Key")
    ask_cmd.add_argument("--json", action="store_true", help="print the whole JSON response")
    ask_cmd.set_defaults(run=_ask_stack)

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Korean text must print on any terminal or pipe, whatever the locale says.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    try:
        status: int | None = args.run(args)
    except IonError as exc:
        return _fail(exc.message)
    except ConfigError as exc:
        return _fail(str(exc))
    except UnicodeDecodeError as exc:
        return _fail(f"input is not UTF-8 text ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        # Missing or unreadable files; strerror + filename reads better than the repr.
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}")
    except KeyboardInterrupt:
        return 130
    return status or 0


def _fail(message: str) -> int:
    print(f"ion: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


if __name__ == "__main__":
    raise SystemExit(main())
