"""``ion ask``: send one message to a running ``process`` function over HTTP (stdlib only).

Where to send it, first found wins: ``--url``, ``ION_URL``, the ``.dev/stack.json`` that
``make dev`` writes (in the current directory, then in this repository), ``DEFAULT_URL``. The
key: ``--api-key``, ``ION_API_KEY``, then the stack file's key, which is only sent to that
stack's own URL (a development key has no business reaching another server).

Every failure is an :class:`IonError` whose message is one line for the CLI to print.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import IonError

DEFAULT_URL = "http://127.0.0.1:8081"
STATE_FILE = Path(".dev") / "stack.json"
REPO = Path(__file__).resolve().parents[1]  # meaningful for a checkout (make installs -e)
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

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{code} (HTTP {status}): {message}")
        self.code = code
        self.status = status


@dataclass(frozen=True, slots=True)
class Target:
    url: str  # the process function's base URL, without a trailing slash
    api_key: str | None


def _stack_state(cwd: Path) -> dict[str, Any] | None:
    for folder in dict.fromkeys((cwd, REPO)):  # the same folder once, when run from the repo
        try:
            state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(state, dict):
            return state
    return None


def resolve(url: str | None, api_key: str | None, env: Mapping[str, str], cwd: Path) -> Target:
    state = _stack_state(cwd) or {}
    urls = state.get("urls")
    found = urls.get("process") if isinstance(urls, dict) else None
    stack_url = str(found) if found else None
    chosen = _checked(url or env.get("ION_URL") or stack_url or DEFAULT_URL)
    key = api_key or env.get("ION_API_KEY") or None
    if key is None and stack_url is not None and chosen == stack_url.rstrip("/"):
        key = state.get("api_key") or None
    return Target(chosen, key)


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
    url = target.url + path
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if target.api_key:
        headers["X-API-Key"] = target.api_key
    # resolve() accepted only http(s) URLs, which is what S310 asks to be checked.
    request = urllib.request.Request(  # noqa: S310
        url, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310
            raw = response.read()
    except urllib.error.HTTPError as error:
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
    try:
        with error:
            raw = error.read()
    except (OSError, http.client.HTTPException):  # the error body itself was cut short
        raw = b""
    try:
        envelope = json.loads(raw)["error"]
        code, message = str(envelope["code"]), str(envelope["message"])
    except (ValueError, KeyError, TypeError):
        return ServerError(error.code, "HTTP_ERROR", f"{error.reason} (not an ION error envelope)")
    if envelope.get("field") and str(envelope["field"]) not in message:
        message = f"{message} (field {envelope['field']})"
    return ServerError(error.code, code, message)
