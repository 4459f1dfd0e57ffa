"""The ``ion`` command: analyse a message, or answer it offline as a mentor persona.

    ion analyze "배포가 또 실패했어요. 어떻게 해야 하죠?"
    ion analyze --jsonl messages.jsonl      # one {"text": ...} per line; "-" reads stdin
    ion answer "How should I plan my first week as a tech lead?" [--persona elro] [--json]
    ion cache-stats                          # this configuration's cache (REDIS_URL: L2 too)
    ion ask "요즘 너무 지쳐요" [--session ID]  # ask the running stack (make dev) over HTTP
    ion bulk messages.jsonl [--out results.jsonl]  # submit as bulk jobs, wait, write results

One module per command group (``analyze``: analyze and answer; ``cache``; ``ask``; ``bulk``),
each adding its commands to the parser. Bad input is reported as one line on stderr with exit
status 2 (the status argparse uses for usage errors), never as a traceback. Errors are
translated here, at the edge, and nowhere else.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence

from core.cli import analyze, ask, bulk, cache
from core.cli._common import EXIT_BAD_INPUT
from core.errors import ConfigError, IonError


def parser() -> argparse.ArgumentParser:
    ion = argparse.ArgumentParser(
        prog="ion", description="ION Mentoring: read a message, route it, answer it."
    )
    commands = ion.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyze.add_commands(commands)
    cache.add_commands(commands)
    ask.add_commands(commands)
    bulk.add_commands(commands)
    return ion


def main(argv: Sequence[str] | None = None) -> int:
    # Korean text must print on any terminal or pipe, whatever the locale says.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    args = parser().parse_args(argv)
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
