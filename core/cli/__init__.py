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
import os
import sys
from collections.abc import Sequence

from core.cli import analyze, ask, bulk, cache
from core.cli._common import EXIT_BAD_INPUT
from core.errors import ConfigError, IonError

EXIT_READER_GONE = 128 + 13  # as a shell reports a process that SIGPIPE ended


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
        sys.stdout.flush()  # a reader gone shows here, not in the interpreter's last flush
    except BrokenPipeError:
        return _reader_gone()
    except KeyboardInterrupt:
        return 130
    except (IonError, ConfigError, UnicodeDecodeError, OSError) as exc:
        return _fail(_said(exc))
    return status or 0


def _said(exc: Exception) -> str:
    """An error as the one line the user reads."""
    if isinstance(exc, IonError):
        return exc.message
    if isinstance(exc, UnicodeDecodeError):
        return f"input is not UTF-8 text ({exc.reason} at byte {exc.start})"
    if isinstance(exc, OSError):
        # Missing or unreadable files; strerror + filename reads better than the repr.
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror or exc}{where}"
    return str(exc)


def _reader_gone() -> int:
    """``ion ... | head``: whoever read the output has what it wanted and closed the pipe. Like
    a Unix tool ended by SIGPIPE: no message, the status a shell shows for one (128 + 13). What
    is still buffered goes nowhere, so the interpreter's last flush does not fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_READER_GONE


def _fail(message: str) -> int:
    print(f"ion: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT
