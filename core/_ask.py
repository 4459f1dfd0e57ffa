"""``ion ask``: send one message to a running ``process`` function over HTTP (stdlib only).

Where to send it, first found wins: ``--url``, ``ION_URL``, the ``.dev/stack.json`` that
``make dev`` writes (in the current directory, then in this repository), ``DEFAULT_URL``. The
key: ``--api-key``, ``ION_API_KEY``, then the stack file's key, which is only sent to that
stack's own URL (a development key has no business reaching another server).

A stack file is trusted less than the options and the environment: anyone can leave one in a
folder (a cloned repository, a shared directory), so a URL read from it is only used when it is
loopback (``http://`` to 127.0.0.1, localhost or [::1], all that ``make dev`` ever writes).
Otherwise ``ion ask`` stops rather than send the user's own ``ION_API_KEY`` (or the file's key,
or the message) to a server that the file chose.

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
DEFAULT_URLS = {"process": DEFAULT_URL, "bulk": "http://127.0.0.1:8083"}  # as make dev serves them
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
            state = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
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


def resolve(
    url: str | None,
    api_key: str | None,
    env: Mapping[str, str],
    cwd: Path,
    function: str = "process",
) -> Target:
    """Where to reach ``function`` and with which key (see the module docstring). Behind the
    load balancer one URL serves every function; ``ION_<FUNCTION>_URL`` overrides ION_URL."""
    key = api_key or env.get("ION_API_KEY") or None
    stack = _stack_state(cwd, function)
    given = url or env.get(f"ION_{function.upper()}_URL") or env.get("ION_URL") or None
    if given is not None:  # the user's own choice: their key goes there
        chosen = _checked(given)
        # The file's key only to the file's own URL, and only on loopback.
        if (
            key is None
            and stack is not None
            and stack.url is not None
            and chosen == stack.url.rstrip("/")
            and _is_loopback(chosen)
        ):
            key = stack.api_key
        return Target(chosen, key)
    if stack is not None and stack.url is not None:
        chosen = _checked(stack.url)
        if not _is_loopback(chosen):
            raise AskError(
                f"{stack.path} names {chosen!r} as the {function} URL, which is not loopback; "
                "a stack file is only used for http://127.0.0.1, localhost or [::1] (what make "
                "dev writes), so no API key or message is sent there; pass --url (or ION_URL) "
                "to use that server"
            )
        return Target(chosen, key or stack.api_key)
    return Target(_checked(DEFAULT_URLS.get(function, DEFAULT_URL)), key)


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
