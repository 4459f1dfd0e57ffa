"""HTTP plumbing shared by every function: routing by path, request ids, JSON bodies, errors.

A function's ``main.py`` declares its routes and handlers and hands the request to a
:class:`Router`. The router owns everything that must look the same across functions: the
``X-Request-Id`` header, the one error envelope ``{"error": {code, message, field?},
"request_id"}``, and the translation of errors to statuses. Errors are translated here, at the
edge, and nowhere else.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, NoReturn, TypeVar
from urllib.parse import urlsplit

import flask
from pydantic import BaseModel, ValidationError
from werkzeug.exceptions import NotFound as NoRule
from werkzeug.routing import Map, MapAdapter, Rule
from werkzeug.wsgi import get_content_length

from core import observability
from core._warmup import answered, has_answered
from core.api.schemas import ErrorBody, ErrorEnvelope, Health
from core.api.security import (
    API_KEY_HEADER,
    ApiKeys,
    Cors,
    Principal,
    client_ip,
)
from core.errors import (
    InvalidInput,
    InvalidJson,
    IonError,
    MethodNotAllowed,
    NotFound,
    RequestTooLarge,
    Unauthenticated,
    UnknownPersona,
    UnsupportedMediaType,
)
from core.ratelimit import RateLimiter

MAX_BODY_BYTES = 64 * 1024
# No request body is nested more than a few levels; a fixed limit keeps a deeply nested body
# from reaching validation and the scrubbing (both recursive) at whatever depth the stack
# happened to leave room for.
MAX_JSON_DEPTH = 32
# A JSON escape of a UTF-16 surrogate; a lone one decodes to a str that is not Unicode text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")
_SURROGATE = re.compile("[\ud800-\udfff]")
REQUEST_ID_HEADER = "X-Request-Id"
# Every route is spelled with these characters only; a path is served only as routes spell it.
# "//v2/x", "/v2/x/", "/v2/%78" and "/v2/./x" all decode or normalise to a route, but an
# allow-list at the edge (Cloud Armor matches the raw path) would not recognise them.
_CANONICAL_PATH = re.compile(r"(?:/(?!\.\.?(?:/|$))[A-Za-z0-9._~-]+)+")
_DISCARD_CHUNK = 64 * 1024
REQUEST_ID_PATTERN = r"[A-Za-z0-9._:-]{1,128}"  # a caller's X-Request-Id is echoed when it fits
_REQUEST_ID = re.compile(REQUEST_ID_PATTERN)
# A JSON API answers with data only; nothing in it should be sniffed, framed, cached or
# reached over plain HTTP. Every response carries these, errors included.
_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)


@functools.cache
def _environ_key(name: str) -> str:
    return "HTTP_" + name.upper().replace("-", "_")


def header(request: flask.Request, name: str) -> str:
    """A request header ("" when absent), read straight from the WSGI environ, where the
    server put it: werkzeug's ``request.headers`` view costs microseconds per look-up, and
    every request reads several. Not for Content-Type or Content-Length (no ``HTTP_``)."""
    value: str = request.environ.get(_environ_key(name), "")
    return value


def request_id_of(request: flask.Request) -> str:
    """The caller's ``X-Request-Id`` when it is well-formed, else 32 fresh random hex digits."""
    given = header(request, REQUEST_ID_HEADER)
    return given if _REQUEST_ID.fullmatch(given) else os.urandom(16).hex()


def status_of(error: IonError) -> int:
    # An unknown persona named in a request body is a bad value (422); one named in the path
    # is a resource that does not exist (404, the error's own status).
    if isinstance(error, UnknownPersona) and error.field is not None:
        return 422
    return error.http_status


def invalid_input(exc: ValidationError) -> InvalidInput:
    """The first pydantic error as INVALID_INPUT, naming the field by its dotted location."""
    first = exc.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(part) for part in first["loc"])
    if not where:
        return InvalidInput(first["msg"])
    return InvalidInput(f"{where}: {first['msg']}", field=where)


def _refuse_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not valid JSON")


_JSON = json.JSONDecoder(parse_constant=_refuse_constant)  # one for all requests: it is stateless


def read_object(request: flask.Request, max_bytes: int = MAX_BODY_BYTES) -> dict[str, Any]:
    """The body as a JSON object: 415 unless JSON, 413 over ``max_bytes``, 400 if unparsable,
    422 if it is JSON but not an object."""
    # The exact common value skips werkzeug's parsing of the header.
    if request.environ.get("CONTENT_TYPE") != "application/json" and (
        request.mimetype != "application/json"
    ):
        raise UnsupportedMediaType(
            f"Content-Type {request.mimetype or '(none)'!r} is not accepted; send application/json"
        )
    # werkzeug's own helper on the environ, without the request's layers over it. The body
    # itself is read through ``request.stream``: functions-framework reads that same stream
    # to its end after the response, which a second stream over the input would break.
    length = get_content_length(request.environ)
    if length is not None and length > max_bytes:
        raise _too_large(max_bytes)
    # Read at most one byte past the limit: a chunked body has no Content-Length to trust.
    raw = request.stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise _too_large(max_bytes)
    try:
        text = raw.decode("utf-8")
        data = _JSON.decode(text)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InvalidJson(f"the request body is not valid UTF-8 JSON: {exc}") from None
    if type(data) is dict or type(data) is list:
        _check_shape(data, surrogates=_SURROGATE_ESCAPE.search(text) is not None)
    observability.confide(data)  # its texts and ids never reach Sentry
    if not isinstance(data, dict):
        raise InvalidInput(f"the request body must be a JSON object, not {type(data).__name__}")
    return data


def _too_large(max_bytes: int) -> RequestTooLarge:
    return RequestTooLarge(f"the request body is over {max_bytes} bytes")


def _check_shape(data: Any, *, surrogates: bool) -> None:
    """400 for a body nested deeper than MAX_JSON_DEPTH, or (when the text has a surrogate
    escape) holding a lone surrogate, which no later step could encode as UTF-8. Iterative,
    and about as fast as json.loads itself: json only makes exact dicts, lists and strs."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if type(value) is str:
            if _SURROGATE.search(value):
                raise InvalidJson(
                    "the request body holds a lone UTF-16 surrogate escape (\\ud800-\\udfff "
                    "without its pair), which is not a Unicode character"
                )
            continue
        if depth > MAX_JSON_DEPTH:
            raise InvalidJson(f"the request body is nested more than {MAX_JSON_DEPTH} levels")
        children = [*value.keys(), *value.values()] if type(value) is dict else value
        for child in children:
            kind = type(child)
            if kind is dict or kind is list or (surrogates and kind is str):
                stack.append((child, depth + 1))


def validated(model: type[M], data: Mapping[str, Any]) -> M:
    """``data`` as ``model``, or 422 naming the first field that does not validate."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise invalid_input(exc) from None


def read_json(request: flask.Request, model: type[M], max_bytes: int = MAX_BODY_BYTES) -> M:
    """The body as ``model`` (see :func:`read_object` and :func:`validated`)."""
    return validated(model, read_object(request, max_bytes))


def read_query(request: flask.Request, model: type[M]) -> M:
    """The query string as ``model``; a parameter given twice is refused, not guessed at."""
    data: dict[str, str] = {}
    for name in request.args:
        values = request.args.getlist(name)
        if len(values) > 1:
            raise InvalidInput(f"{name} is given {len(values)} times; send it once", field=name)
        data[name] = values[0]
    return validated(model, data)


def json_response(
    body: BaseModel,
    request_id: str,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> flask.Response:
    return flask.Response(
        body.model_dump_json(),
        status=status,
        headers=_headers(request_id, headers),
        mimetype="application/json",
    )


def _headers(request_id: str, extra: Mapping[str, str] | None) -> list[tuple[str, str]]:
    """The security headers, ``extra`` over them, and the request id (always ours)."""
    return list({**_SECURITY_HEADERS, **(extra or {}), REQUEST_ID_HEADER: request_id}.items())


def page_response(
    body: bytes,
    content_type: str,
    request_id: str,
    *,
    policy: str,
    cache_control: str,
    extra: Mapping[str, str] | None = None,
) -> flask.Response:
    """A page or one of its assets (``core.api.docs``), not JSON: the security headers with the
    page's own content-security policy and caching, ``extra`` over them."""
    headers = {"Content-Security-Policy": policy, "Cache-Control": cache_control, **(extra or {})}
    return flask.Response(
        body, status=200, headers=_headers(request_id, headers), content_type=content_type
    )


def error_response(error: IonError, request_id: str) -> flask.Response:
    envelope = ErrorEnvelope(
        error=ErrorBody(code=error.code, message=error.message, field=error.field),
        request_id=request_id,
    )
    headers = {"Allow": ", ".join(error.allowed)} if isinstance(error, MethodNotAllowed) else {}
    retry_after = getattr(error, "retry_after_s", None)
    if retry_after is not None:
        headers["Retry-After"] = str(int(retry_after))
    return json_response(envelope, request_id, status_of(error), headers)


@dataclass(frozen=True, slots=True)
class Call:
    """One request as a handler sees it: the request, its id, the path's ``{params}`` and
    who is calling (None on public routes)."""

    request: flask.Request
    request_id: str
    params: Mapping[str, str] = field(default_factory=dict)
    principal: Principal | None = None

    def body(self, model: type[M], max_bytes: int = MAX_BODY_BYTES) -> M:
        return read_json(self.request, model, max_bytes)

    def json_object(self, max_bytes: int = MAX_BODY_BYTES) -> dict[str, Any]:
        return read_object(self.request, max_bytes)

    def query(self, model: type[M]) -> M:
        return read_query(self.request, model)

    @property
    def caller(self) -> Principal:
        if self.principal is None:  # a route declared public asked who calls: a bug
            raise RuntimeError("this route is public; it has no caller")
        return self.principal


class Page(BaseModel):
    """The response model of a page route (``core.api.docs``): its handler answers a
    :func:`page_response` (HTML, a script, a style sheet), not JSON. A page is for people, not an
    operation of the API, so the OpenAPI document leaves it out."""


# A JSON route's handler answers its response model; a page route's, a page_response.
Handler = Callable[[Call], BaseModel | flask.Response]


class Access(StrEnum):
    """Who may call a route."""

    PUBLIC = "public"  # anyone: no API key asked for
    USER = "user"  # any valid API key
    ADMIN = "admin"  # an API key with the admin role


@dataclass(frozen=True, slots=True)
class Route:
    """One endpoint: its handler, who may call it, and what it takes and gives (for the
    OpenAPI document, which is built from the routes so the two cannot drift)."""

    handler: Handler
    summary: str
    response: type[BaseModel]
    request: type[BaseModel] | None = None
    access: Access = Access.USER
    errors: tuple[int, ...] = ()
    status: int = 200  # of a success
    query: type[BaseModel] | None = None  # the query parameters it reads, if any
    # The path's {params}, for the document only: the handler checks its own (a 404 when no
    # resource has that name), so a malformed one is not found rather than invalid.
    path: type[BaseModel] | None = None
    max_body: int = MAX_BODY_BYTES  # the largest body it reads; a larger one is a 413

    @property
    def is_page(self) -> bool:
        return self.response is Page


class Guard(NamedTuple):
    keys: ApiKeys
    limiter: RateLimiter
    cors: Cors
    failures: RateLimiter | None = None  # failed authentications per client address
    client_ip_hops: int = 2  # see core.api.security.client_ip


def health(_: Call) -> Health:
    """``GET /healthz`` of every function: the instance is up and importing its code."""
    return Health()


HEALTH = Route(health, "liveness: the instance is up", Health, access=Access.PUBLIC)


class Router:
    """Dispatches on ``(method, path template)``; a ``{name}`` segment matches one non-empty
    segment. The matching is werkzeug's (a ``routing.Map`` built once per router); no path may
    match two templates, so what is served never depends on an ordering rule.

    Before a handler runs: CORS preflight, 404 for an unknown path, 405 (with ``Allow``) for a
    known path and another method, the API key (401/403) and the rate limit (429). Every
    :class:`IonError` becomes the error envelope, anything unexpected a 500 envelope that
    reveals nothing; security and CORS headers go on every response.

    ``guard`` is built on first use, so a cold start that only answers ``/healthz`` does not
    pay for reading keys or connecting to Redis. Every request, errors included, ends with one
    structured log line (``core.observability``) naming ``function``: by default
    ``FUNCTION_TARGET``, which functions-framework sets before it imports the source.
    """

    def __init__(
        self,
        routes: Mapping[tuple[str, str], Route],
        guard: Callable[[], Guard],
        function: str | None = None,
    ) -> None:
        self.routes = dict(routes)
        self.function = function or os.environ.get("FUNCTION_TARGET") or "unknown"
        # The routes in declaration order. The URL map finds a route's index in this list, so
        # a route replaced in place is served at once (tests do that).
        self._table = [
            (method.upper(), template.strip("/").split("/"), route)
            for (method, template), route in routes.items()
        ]
        # Per route: its name ("GET /v2/x/{name}", for logs and Sentry's transactions) and its
        # {params} as (the URL map's name, the template's name).
        self._names = [f"{m} /{'/'.join(t)}" for m, t, _ in self._table]
        self._params = [_param_names(t) for _, t, _ in self._table]
        self._urls = _url_map(self._table)
        self._guard_factory = guard
        self._guard: Guard | None = None
        self._guard_lock = threading.Lock()

    @property
    def guard(self) -> Guard:
        # Built once even when the first requests arrive together: two guards would mean two
        # rate limiters counting apart.
        if self._guard is None:
            with self._guard_lock:
                if self._guard is None:
                    self._guard = self._guard_factory()
        return self._guard

    def __call__(self, request: flask.Request) -> flask.Response:
        started = time.perf_counter()
        trace = {h: header(request, h) for h in observability.TRACE_HEADERS}
        request_log = observability.begin_request(self.function, trace)
        response = self._respond(request, request_log)
        _discard_body(request)
        latency = time.perf_counter() - started
        request_log.finish(request.method, request.path, response.status_code, latency)
        if not has_answered():
            # Called by the server once the body is sent: the caller of a cold start has its
            # answer before the instance warms its clients up (core._warmup).
            response.call_on_close(answered)
        return response

    def unrouted(self, error: Exception) -> flask.Response:
        """For functions-framework's Flask app, as the handler of its ``NotFound``: a request
        its URL map sends nowhere (a path with a newline, which ``<path:path>`` cannot match;
        ``/robots.txt`` and ``/favicon.ico``, which it keeps for itself) is answered here like
        any other, not with Flask's HTML page without the security headers."""
        del error  # the router finds the path's endpoint, or answers the NOT_FOUND envelope
        return self(flask.request)

    def _respond(
        self, request: flask.Request, request_log: observability.RequestLog
    ) -> flask.Response:
        request_id = request_id_of(request)
        request_log.note(request_id=request_id)
        origin = header(request, "Origin")
        cors: dict[str, str] = {}
        try:
            _check_canonical(request)
            if request.method == "OPTIONS":
                return self._preflight(request, request_id)
            route, params, name = self._match(request.method, request.path)
            request_log.route(name)
            # Before the key: a body over the route's limit is refused unread, 401 or not.
            length = get_content_length(request.environ)
            if length is not None and length > route.max_body:
                raise _too_large(route.max_body)
            principal = None
            if route.access != Access.PUBLIC:
                guard = self.guard
                cors = guard.cors.headers_for(origin)
                principal = self._authenticate(request, guard)
                request_log.note(key_id=principal.key_id)
                if route.access == Access.ADMIN:
                    guard.keys.require_admin(principal)
                guard.limiter.check(principal.key_id)
            elif origin:
                cors = self.guard.cors.headers_for(origin)
            body = route.handler(Call(request, request_id, params, principal))
            if not isinstance(body, flask.Response):
                return json_response(body, request_id, route.status, headers=cors)
            response = body  # a page, with its own headers
        except IonError as error:
            request_log.note(error_code=error.code)
            response = error_response(error, request_id)
        except Exception:
            log.exception("unhandled error in request %s", request_id)  # Sentry reports it
            internal = IonError("internal error; quote the request_id")
            request_log.note(error_code=internal.code)
            response = error_response(internal, request_id)
        if origin and not cors:
            cors = self._cors_quietly(origin)
        vary = response.headers.get("Vary")
        response.headers.update(cors)
        if vary:  # a page's asset names its own (Accept-Encoding, Origin): keep them
            response.headers["Vary"] = vary
        return response

    @staticmethod
    def _authenticate(request: flask.Request, guard: Guard) -> Principal:
        try:
            return guard.keys.authenticate(header(request, API_KEY_HEADER))
        except Unauthenticated:
            if guard.failures is not None:  # 429 instead of 401 past the address's limit
                address = client_ip(
                    header(request, "X-Forwarded-For"),
                    request.environ.get("REMOTE_ADDR", ""),
                    guard.client_ip_hops,
                )
                guard.failures.check(address)
            raise

    def _cors_quietly(self, origin: str) -> dict[str, str]:
        try:
            return self.guard.cors.headers_for(origin)
        except Exception:  # a broken configuration must not hide the original error
            return {}

    def _preflight(self, request: flask.Request, request_id: str) -> flask.Response:
        at, _ = self._find(request.path)
        headers = self.guard.cors.preflight_headers(header(request, "Origin"), at.preflight)
        return flask.Response(status=204, headers=_headers(request_id, headers))

    def _match(self, method: str, path: str) -> tuple[Route, dict[str, str], str]:
        at, found = self._find(path)
        # HEAD is a GET without the body; the WSGI server drops the body for us.
        index = at.by_method.get("GET" if method == "HEAD" else method)
        if index is None:
            raise MethodNotAllowed(method, path, list(at.allowed))
        params = {name: found[key] for key, name in self._params[index]}
        return self._table[index][2], params, self._names[index]

    def _find(self, path: str) -> tuple[_Path, Mapping[str, str]]:
        """The path's :class:`_Path` and its ``{params}`` by the URL map's names; else 404."""
        try:
            # Surrounding slashes do not count, as in the templates (the canonical-path check
            # has already refused them on a request).
            at, found = self._urls.match("/" + path.strip("/"))
        except NoRule:
            raise NotFound(f"no endpoint at {path}; endpoints: {self.endpoints()}") from None
        return at, found

    def endpoints(self) -> str:
        return ", ".join(self._names)


def raw_path(environ: Mapping[str, Any]) -> str:
    """The path as the client sent it, before any percent-decoding: gunicorn and werkzeug keep
    the request target in ``RAW_URI`` (``REQUEST_URI`` in others); ``PATH_INFO`` is decoded."""
    target = str(environ.get("RAW_URI") or environ.get("REQUEST_URI") or "")
    if not target:
        return str(environ.get("SCRIPT_NAME", "")) + str(environ.get("PATH_INFO", ""))
    if not target.startswith("/"):  # the absolute form, "http://host/path?query"
        target = urlsplit(target).path
    return target.split("?", 1)[0]


def _check_canonical(request: flask.Request) -> None:
    """404 for a path that is not spelled as a route would be: an empty segment ("//", a
    trailing "/"), a dot segment, or any percent-encoding (an encoded "-" or "/" included)."""
    path = raw_path(request.environ)
    if not _CANONICAL_PATH.fullmatch(path):
        shown = path if len(path) <= 120 else path[:120] + "..."
        raise NotFound(
            f"no endpoint at {shown!r}: a path is served only as the endpoint is spelled (no "
            "empty segment, no trailing slash, no dot segment, no percent-encoding)"
        )


def _discard_body(request: flask.Request) -> None:
    """Read what is left of the body and drop it, a chunk at a time. functions-framework reads
    the whole body after every response (``read_request``) and keeps it in memory; a body a
    handler refused or never read (a 401, a 413) would otherwise be buffered whole. What is
    left is bounded: werkzeug's stream stops at Content-Length, and the server terminates a
    chunked one (Cloud Functions refuses bodies over 32 MiB)."""
    stream = request.stream
    try:
        while stream.read(_DISCARD_CHUNK):
            pass
    except Exception:  # a client gone mid-body: nothing left to keep
        log.debug("request body not read to its end", exc_info=True)


@dataclass(eq=False, slots=True)  # eq=False: hashed by identity, as a werkzeug endpoint
class _Path:
    """One path of a router's table, however its routes name their ``{params}``: the routes
    at it by method (the first declared wins), as indexes in ``Router._table``."""

    template: str  # as the first route at it spells it
    by_method: dict[str, int] = field(default_factory=dict)
    allowed: list[str] = field(default_factory=list)  # every route's method, as declared
    preflight: str = ""  # what a preflight names: the methods sorted, then OPTIONS


def _is_param(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


def _param_names(template: list[str]) -> tuple[tuple[str, str], ...]:
    """``(rule name, template name)`` of each ``{param}``: the rule names them ``p0``, ``p1``,
    ... by position, since a template's name need not be a Python identifier."""
    names = [segment[1:-1] for segment in template if _is_param(segment)]
    return tuple((f"p{position}", name) for position, name in enumerate(names))


def _rule(template: list[str]) -> str:
    """The werkzeug rule of a template: its ``{params}`` named as :func:`_param_names` names
    them (werkzeug's default converter takes one non-empty segment without a slash)."""
    params = iter(_param_names(template))
    parts: list[str] = []
    for segment in template:
        if _is_param(segment):
            parts.append(f"<{next(params)[0]}>")
        elif "<" in segment or ">" in segment:  # werkzeug would read a converter
            raise ValueError(f"a route's segment is a name or a {{param}}, not {segment!r}")
        else:
            parts.append(segment)
    return "/" + "/".join(parts)


def _url_map(table: list[tuple[str, list[str], Route]]) -> MapAdapter:
    """The werkzeug URL map of a router's table: one rule per path, its endpoint the
    :class:`_Path`. Bound once; ``match`` takes the path and never a redirect: slashes are
    neither added, removed nor merged (the canonical-path check refuses such paths first)."""
    paths: dict[str, _Path] = {}
    for index, (method, template, _) in enumerate(table):
        at = paths.setdefault(_rule(template), _Path("/" + "/".join(template)))
        at.by_method.setdefault(method, index)
        at.allowed.append(method)
    for at in paths.values():
        at.preflight = ", ".join([*sorted(set(at.allowed)), "OPTIONS"])
    _refuse_overlaps(paths)
    urls = Map(
        [Rule(rule, endpoint=at) for rule, at in paths.items()],
        strict_slashes=False,
        merge_slashes=False,
        redirect_defaults=False,
    )
    return urls.bind("localhost")


def _refuse_overlaps(paths: Mapping[str, _Path]) -> None:
    """ValueError when one path would match two templates ("/v2/a/{x}" and "/v2/a/b"):
    werkzeug would serve the more specific one, a declaration order the other."""
    shapes = [(rule.split("/"), at) for rule, at in paths.items()]
    for number, (one, first) in enumerate(shapes):
        for other, second in shapes[number + 1 :]:
            if len(one) == len(other) and all(
                _fits_both(a, b) for a, b in zip(one, other, strict=True)
            ):
                raise ValueError(
                    f"routes {first.template} and {second.template} both match one path"
                )


def _fits_both(a: str, b: str) -> bool:
    """Whether one segment can match rule segments ``a`` and ``b`` (a ``<p>`` takes any
    non-empty one)."""
    if a.startswith("<"):
        return b != ""
    if b.startswith("<"):
        return a != ""
    return a == b
