"""``make dev``: run the whole production shape on loopback until Ctrl-C or SIGTERM.

Starts the Firestore emulator, the Pub/Sub emulator, Redis and every function as its own
functions-framework process (see devtools/stack.py), prints the URLs and an admin API key on a
line of its own as ``API key: <key>``, and writes them to .dev/stack.json for ``ion ask``. On
Ctrl-C or SIGTERM it stops everything it started and exits 0; if anything it started dies, it
says what, stops the rest and exits 1.

Options (each also an environment variable; the option wins):
  --port-offset N   ION_DEV_PORT_OFFSET  add N to every port (default 0), to run a second stack
  --state-file P    ION_DEV_STATE_FILE   where to write the URLs and key (.dev/stack.json)
  --data-dir P      ION_DEV_DATA_DIR     where Firestore's documents are kept between runs
                                         (.dev/data): exported at exit, imported at start
  --fresh           ION_DEV_FRESH=1      start with no documents (make dev FRESH=1)
  --load-keys N     ION_DEV_LOAD_KEYS    user keys for make load (default 32), written to the
                                         state file; each simulated user sends one of them
                    ION_DEV_API_KEY      the API key to accept (default: a new random one)
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # devtools is not installed: it ships with the repo, not the wheel

from devtools.stack import PORTS, Stack, StackOptions  # noqa: E402

EXIT_FAILED = 1
LOAD_KEYS = 32  # enough that a heavy scenario's users stay under each key's rate limit
MAX_LOAD_KEYS = 999
_print_lock = threading.RLock()  # reentrant: a signal handler may run inside say()


def say(line: str) -> None:
    # Function output is relayed from other threads: whole lines, flushed at once, in order.
    with _print_lock:
        try:
            print(line, flush=True)
        except BrokenPipeError:
            # Whoever read our output is gone (`make dev | tee ...` after a Ctrl-C): stopping
            # the services matters more than telling, so the rest of the output goes nowhere.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _whole_number(highest: int) -> Callable[[str], int]:
    """An argparse type: a whole number from 0 to ``highest``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = -1
        if not 0 <= value <= highest:
            raise argparse.ArgumentTypeError(f"{text!r} is not valid; accepted: 0 to {highest}")
        return value

    return parse


_offset = _whole_number(65535 - max(PORTS.values()))
_load_keys = _whole_number(MAX_LOAD_KEYS)


def _from_env(name: str, parse: Callable[[str], int], default: str) -> int:
    """A number from the environment, or ArgumentTypeError naming the variable."""
    try:
        return parse(os.environ.get(name) or default)
    except argparse.ArgumentTypeError as error:
        raise argparse.ArgumentTypeError(f"{name}: {error}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="devstack", description="Run the ION stack on loopback until Ctrl-C."
    )
    parser.add_argument(
        "--port-offset",
        type=_offset,
        default=_from_env("ION_DEV_PORT_OFFSET", _offset, "0"),
        help="add this to every port (env ION_DEV_PORT_OFFSET; default 0)",
    )
    parser.add_argument(
        "--state-file",
        type=Path,
        default=Path(os.environ.get("ION_DEV_STATE_FILE") or ROOT / ".dev" / "stack.json"),
        help="where to write the URLs and key (env ION_DEV_STATE_FILE; default .dev/stack.json)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(os.environ.get("ION_DEV_DATA_DIR") or ROOT / ".dev" / "data"),
        help="where Firestore's documents are kept between runs (env ION_DEV_DATA_DIR)",
    )
    parser.add_argument(
        "--load-keys",
        type=_load_keys,
        default=_from_env("ION_DEV_LOAD_KEYS", _load_keys, str(LOAD_KEYS)),
        help=f"user keys for make load (env ION_DEV_LOAD_KEYS; default {LOAD_KEYS})",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        default=os.environ.get("ION_DEV_FRESH", "") not in ("", "0"),
        help="start with no documents; the kept ones are replaced at exit (env ION_DEV_FRESH=1)",
    )
    return parser


def _interrupt(signum: int, frame: FrameType | None) -> None:
    # SIGTERM stops the stack exactly as Ctrl-C does.
    raise KeyboardInterrupt


def _wait_for_a_death(stack: Stack) -> list[str]:
    """Block until something the stack started exits; SIGCHLD wakes us the moment one does."""
    wake = threading.Event()
    signal.signal(signal.SIGCHLD, lambda *_: wake.set())
    while True:
        wake.clear()
        if dead := stack.dead():
            return dead
        wake.wait(5.0)  # a backstop only: SIGCHLD normally ends the wait


def _banner(stack: Stack, key: str) -> None:
    say("")
    say(f"  {'console':<18} {stack.console_link}   (the mentor console: open this link)")
    for name, url in stack.urls.items():
        say(f"  {name:<18} {url}" + (f"   docs: {url}/v2/docs" if name != "bulk_worker" else ""))
    for name, address in stack.backing.items():
        say(f"  {name:<18} {address}")
    say("")
    say(f"API key: {key}")
    say('Try: .venv/bin/ion ask "요즘 너무 지쳐요"   ·   Ctrl-C stops everything.')


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except argparse.ArgumentTypeError as error:  # a bad ION_DEV_PORT_OFFSET or _LOAD_KEYS
        print(f"devstack: error: {error}", file=sys.stderr)
        return 2
    key = os.environ.get("ION_DEV_API_KEY") or secrets.token_urlsafe(24)
    signal.signal(signal.SIGTERM, _interrupt)
    options = StackOptions(
        ROOT,
        key,
        args.state_file.resolve(),
        args.port_offset,
        data_dir=args.data_dir.resolve(),
        fresh=args.fresh,
        load_keys=tuple(secrets.token_urlsafe(18) for _ in range(args.load_keys)),
    )
    stack = Stack(options, say)
    status = 0
    try:
        stack.start()
        _banner(stack, key)
        dead = _wait_for_a_death(stack)
        names = ", ".join(dead)
        print(f"devstack: {names} exited unexpectedly; stopping the rest", file=sys.stderr)
        status = EXIT_FAILED
    except KeyboardInterrupt:
        say("stopping ...")
    except (RuntimeError, OSError) as error:  # a port in use, a service that would not start
        print(f"devstack: error: {error}", file=sys.stderr)
        status = EXIT_FAILED
    finally:
        # A second Ctrl-C must not cut the shutdown short and leave orphans behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stack.close()
    if stack.groups:  # say so only if there was something to stop
        say("stopped")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
