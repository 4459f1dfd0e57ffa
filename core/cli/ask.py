"""``ion ask``: send one message to a running ``process`` function over HTTP (the standard
library's client; ``ion bulk`` reaches the ``bulk`` function with it too).

Where to send it, first found wins: ``--url``, ``ION_URL``, the ``.dev/stack.json`` that
``make dev`` writes (in the current directory, then in this repository), ``DEFAULT_URL``.

Which key goes with it depends on who chose the URL:

- a URL the user named (``--url``, ``ION_<FUNCTION>_URL``, ``ION_URL``): ``--api-key``, else
  ``ION_API_KEY``, else the stack file's key if the URL is that stack's own loopback URL;
- a URL read from the stack file: ``--api-key``, else the file's own key, and never
  ``ION_API_KEY``. The stack was started with the key in its file; the key in the environment
  is the user's standing credential (often a deployment's, exported in a shell profile), which
  the local stack cannot use and whatever listens on that port must not receive;
- ``DEFAULT_URL`` (no URL anywhere): ``--api-key`` only, for the same reason: with no stack file
  nothing from ``make dev`` is running there, so whatever answers is someone else's.

A stack file is trusted less than the options and the environment: anyone can leave one in a
folder (a cloned repository, a shared directory, /tmp). It is only read if it is a regular file
owned by the current user that neither group nor others may read or write (``make dev`` writes
it with mode 600); any other stops ``ion ask`` with the fix. A URL read from one is only used
when it is loopback (``http://`` to 127.0.0.1, localhost or [::1], all that ``make dev`` ever
writes); otherwise ``ion ask`` stops rather than send a key or the message to a server that the
file chose.

Every failure is an :class:`IonError` whose message is one line for the CLI to print.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import stat
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.cli._common import PERSONA_NAMES, dump
from core.errors import IonError
from core.personas import PERSONAS, PersonaName

DEFAULT_URL = "http://127.0.0.1:8081"
DEFAULT_URLS = {"process": DEFAULT_URL, "bulk": "http://127.0.0.1:8083"}  # as make dev serves them
STATE_FILE = Path(".dev") / "stack.json"
REPO = Path(__file__).resolve().parents[2]  # meaningful for a checkout (make installs -e)
TIMEOUT_S = 30.0


class AskError(IonError):
    """The message could not be answered; the message says why."""

    code = "ASK_FAILED"


class StackNotRunning(AskError):
    code = "STACK_NOT_RUNNING"

    def __init__(self, url: str) -> None:
        super().__init__(
            f"nothing is listening at {url}: the local stack is not running; start it with "
            "`make dev` (or point --url / ION_URL at a running process function)"
        )


class ServerError(AskError):
    """The server answered with an error envelope (or with something else that is not 2xx)."""

    def __init__(
        self, status: int, code: str, message: str, retry_after_s: float | None = None
    ) -> None:
        super().__init__(f"{code} (HTTP {status}): {message}")
        self.code = code
        self.status = status
        self.retry_after_s = retry_after_s  # the server's Retry-After, when it sent one


@dataclass(frozen=True, slots=True)
class Target:
    url: str  # the process function's base URL, without a trailing slash
    api_key: str | None


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True, slots=True)
class _Stack:
    path: Path  # the file it was read from, to name in errors
    url: str | None
    api_key: str | None


def _stack_state(cwd: Path, function: str = "process") -> _Stack | None:
    for folder in dict.fromkeys((cwd, REPO)):  # the same folder once, when run from the repo
        path = folder / STATE_FILE
        try:
            text = read_private_file(path)
        except FileNotFoundError:
            continue
        except OSError as error:
            raise AskError(f"cannot read the stack file {path}: {error.strerror}") from None
        try:
            state = json.loads(text)
        except ValueError:
            continue
        if isinstance(state, dict):
            urls, key = state.get("urls"), state.get("api_key")
            url = urls.get(function) if isinstance(urls, dict) else None
            return _Stack(
                path,
                url if isinstance(url, str) and url else None,
                key if isinstance(key, str) and key else None,
            )
    return None


def read_private_file(path: Path) -> str:
    """The text of ``path`` if the current user owns it and only they may read or write it.

    Checked on the opened file (no swap between the check and the read); a symbolic link is
    followed, and what counts is the file it leads to."""
    # Non-blocking: a FIFO left in its place must not hang the command before it is refused.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise AskError(f"the stack file {path} is not a regular file; remove it")
        if info.st_uid != os.getuid():
            raise AskError(
                f"the stack file {path} belongs to another user (uid {info.st_uid}), so its URL "
                "and key are not used; remove it (make dev writes your own), or pass --url and "
                "--api-key"
            )
        if info.st_mode & 0o066:
            raise AskError(
                f"the stack file {path} may be read or written by others (mode "
                f"{stat.S_IMODE(info.st_mode):03o}), so its URL and key are not used; make it "
                f"yours alone with `chmod 600 {path}` (make dev writes it so)"
            )
        return file.read().decode("utf-8", "replace")


def resolve(
    url: str | None,
    api_key: str | None,
    env: Mapping[str, str],
    cwd: Path,
    function: str = "process",
) -> Target:
    """Where to reach ``function`` and with which key (see the module docstring). Behind the
    load balancer one URL serves every function; ``ION_<FUNCTION>_URL`` overrides ION_URL."""
    given = url or env.get(f"ION_{function.upper()}_URL") or env.get("ION_URL") or None
    if given is not None:  # the user's own choice: their key goes there
        chosen = _checked(given)
        key = api_key or env.get("ION_API_KEY") or None
        if key is not None:
            return Target(chosen, key)  # nothing to take from a stack file
        stack = _stack_state(cwd, function)
        # The file's key only to the file's own URL, and only on loopback.
        if (
            stack is not None
            and stack.url is not None
            and chosen == stack.url.rstrip("/")
            and _is_loopback(chosen)
        ):
            key = stack.api_key
        return Target(chosen, key)
    stack = _stack_state(cwd, function)
    if stack is not None and stack.url is not None:
        chosen = _checked(stack.url)
        if not _is_loopback(chosen):
            raise AskError(
                f"{stack.path} names {chosen!r} as the {function} URL, which is not loopback; "
                "a stack file is only used for http://127.0.0.1, localhost or [::1] (what make "
                "dev writes), so no API key or message is sent there; pass --url (or ION_URL) "
                "to use that server"
            )
        # Never ION_API_KEY: the file chose this URL (see the module docstring).
        return Target(chosen, api_key or stack.api_key)
    # Nor to the default: with no stack file, make dev is not what listens there.
    return Target(_checked(DEFAULT_URLS.get(function, DEFAULT_URL)), api_key)


def _is_loopback(url: str) -> bool:
    """Whether ``url`` is plain HTTP to this machine by a loopback name or address."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme == "http" and host in LOOPBACK_HOSTS


def _checked(url: str) -> str:
    try:
        parts = urllib.parse.urlsplit(url)
        # .port raises for a port that is not a number from 0 to 65535.
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:
        valid = False
    if not valid:
        raise AskError(f"URL {url!r} is not valid; accepted: http:// or https://, a host, a port")
    return url.rstrip("/")


def post(target: Target, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """POST ``body`` as JSON to ``target.url + path``; the decoded JSON answer, or AskError."""
    return call(target, "POST", path, body)


def get(target: Target, path: str) -> dict[str, Any]:
    """GET ``target.url + path`` (query string included); the decoded JSON answer."""
    return call(target, "GET", path)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """ION never redirects; a redirect would carry the API key to wherever it points (urllib
    copies every header to the new URL, another host or plain http included)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 3xx reaches the caller as an HTTPError


_OPENER = urllib.request.build_opener(_NoRedirects)


def call(
    target: Target, method: str, path: str, body: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    url = target.url + path
    headers = {"Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    if target.api_key:
        headers["X-API-Key"] = target.api_key
    data = None if body is None else json.dumps(body).encode("utf-8")
    # resolve() accepted only http(s) URLs, which is what S310 asks to be checked.
    request = urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310
    try:
        with _OPENER.open(request, timeout=TIMEOUT_S) as response:
            raw = response.read()
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            error.close()
            raise AskError(
                f"{target.url} answered {error.code} with a redirect to "
                f"{error.headers.get('Location')!r}; ion ask does not follow redirects (the API "
                "key would go with it): pass the final URL with --url"
            ) from None
        raise _server_error(error) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, ConnectionRefusedError):
            raise StackNotRunning(target.url) from None
        raise AskError(f"cannot reach {target.url}: {error.reason}") from None
    except TimeoutError:
        raise AskError(f"{target.url} did not answer within {TIMEOUT_S:.0f}s") from None
    except (OSError, http.client.HTTPException) as error:  # dropped, or not HTTP at all
        raise AskError(f"the connection to {target.url} failed: {error}") from None
    try:
        answer = json.loads(raw)
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        raise AskError(f"the answer from {url} is not a JSON object")
    return answer


def _server_error(error: urllib.error.HTTPError) -> ServerError:
    retry_after = _seconds(error.headers.get("Retry-After") if error.headers else None)
    try:
        with error:
            raw = error.read()
    except (OSError, http.client.HTTPException):  # the error body itself was cut short
        raw = b""
    try:
        envelope = json.loads(raw)["error"]
        code, message = str(envelope["code"]), str(envelope["message"])
    except (ValueError, KeyError, TypeError):
        return ServerError(
            error.code, "HTTP_ERROR", f"{error.reason} (not an ION error envelope)", retry_after
        )
    if envelope.get("field") and str(envelope["field"]) not in message:
        message = f"{message} (field {envelope['field']})"
    return ServerError(error.code, code, message, retry_after)


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:  # an HTTP date: not what ION sends; the caller waits its own way
        return None


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ask_cmd = commands.add_parser(
        "ask",
        help="ask the running stack (make dev) over HTTP; prints the persona and the answer",
        description="POST the message to {url}/v2/process. URL: --url, else ION_URL, else the "
        f".dev/stack.json that make dev writes (yours, mode 600), else {DEFAULT_URL}. "
        "Key: --api-key; else ION_API_KEY, but only to a URL you named; else the stack file's "
        "key, only to its own URL.",
    )
    ask_cmd.add_argument("text", metavar="MESSAGE", help="the message")
    ask_cmd.add_argument("--session", metavar="ID", help="continue (or start) this session")
    ask_cmd.add_argument("--user", metavar="ID", help="the user the session belongs to")
    ask_cmd.add_argument(
        "--persona", metavar="NAME", help=f"answer as this persona ({PERSONA_NAMES})"
    )
    ask_cmd.add_argument("--url", metavar="URL", help="the process function's base URL")
    ask_cmd.add_argument("--api-key", metavar="KEY", help="sent as X-API-Key")
    ask_cmd.add_argument("--json", action="store_true", help="print the whole JSON response")
    ask_cmd.set_defaults(run=_ask)


def _ask(args: argparse.Namespace) -> None:
    target = resolve(args.url, args.api_key, os.environ, Path.cwd())
    body: dict[str, Any] = {"message": args.text}
    for field, value in (("session_id", args.session), ("user_id", args.user)):
        if value is not None:
            body[field] = value
    if args.persona is not None:
        body["persona"] = PersonaName.parse(args.persona, field="persona").value
    reply = post(target, "/v2/process", body)
    if args.json:
        print(dump(reply))
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
        if why := _session_routing(reply.get("routing") or {}, str(reply.get("persona"))):
            facts.append(why)
    print(" · ".join(facts))
    print()
    print(reply.get("answer"))


def _session_routing(routing: dict[str, Any], answering: str) -> str:
    """Why ``answering`` answers a turn of a session, when the session had a mentor: kept,
    switched (from whom, by how much), or named by the caller."""
    mentor = routing.get("session_mentor")
    if not mentor:
        return ""
    before = PERSONAS[PersonaName.parse(str(mentor))].display_name
    margin = routing.get("margin")
    lead = margin if isinstance(margin, float) else 0.0
    kept = (
        f"though the best other led by {lead:.2f}"
        if lead > 0
        else f"which scores best by {-lead:.2f}"
        if lead < 0
        else "tied with the best other"
    )
    named = "named" if mentor == answering else f"named, instead of {before}"
    return {
        "kept_by_session": f"kept by the session, {kept}",
        "switched": f"switched from {before}, by {lead:.2f}",
        "forced": named,
    }.get(str(routing.get("reason")), "")
