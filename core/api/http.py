"""HTTP plumbing shared by every function: routing by path, request ids, JSON bodies, errors.

A function's ``main.py`` declares its routes and handlers and hands the request to a
:class:`Router`. The router owns everything that must look the same across functions: the
``X-Request-Id`` header, the one error envelope ``{"error": {code, message, field?},
"request_id"}``, and the translation of errors to statuses. Errors are translated here, at the
edge, and nowhere else.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NoReturn, TypeVar

import flask
from pydantic import BaseModel, ValidationError

from core.api.schemas import ErrorBody, ErrorEnvelope, Health
from core.errors import (
    InvalidInput,
    InvalidJson,
    IonError,
    MethodNotAllowed,
    NotFound,
    RequestTooLarge,
    UnknownPersona,
    UnsupportedMediaType,
)

MAX_BODY_BYTES = 64 * 1024
REQUEST_ID_HEADER = "X-Request-Id"
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# A JSON API answers with data only; nothing in it should be sniffed, framed or cached.
_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'",
    "Cache-Control": "no-store",
}

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)


def request_id_of(request: flask.Request) -> str:
    """The caller's ``X-Request-Id`` when it is well-formed, else a fresh uuid4 hex."""
    given = request.headers.get(REQUEST_ID_HEADER, "")
    return given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


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


def read_json(request: flask.Request, model: type[M]) -> M:
    """The body as ``model``: 415 unless JSON, 413 over 64 KiB, 400 if unparsable, 422 if
    it does not validate."""
    if request.mimetype != "application/json":
        raise UnsupportedMediaType(
            f"Content-Type {request.mimetype or '(none)'!r} is not accepted; send application/json"
        )
    too_large = RequestTooLarge(f"the request body is over {MAX_BODY_BYTES} bytes")
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise too_large
    # Read at most one byte past the limit: a chunked body has no Content-Length to trust.
    raw = request.stream.read(MAX_BODY_BYTES + 1)
    if len(raw) > MAX_BODY_BYTES:
        raise too_large
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidJson(f"the request body is not valid UTF-8 JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"the request body must be a JSON object, not {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise invalid_input(exc) from None


def json_response(
    body: BaseModel,
    request_id: str,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> flask.Response:
    response = flask.Response(body.model_dump_json(), status=status, mimetype="application/json")
    response.headers.update(_SECURITY_HEADERS)
    response.headers.update(headers or {})
    response.headers[REQUEST_ID_HEADER] = request_id
    return response


def error_response(error: IonError, request_id: str) -> flask.Response:
    envelope = ErrorEnvelope(
        error=ErrorBody(code=error.code, message=error.message, field=error.field),
        request_id=request_id,
    )
    headers = {"Allow": ", ".join(error.allowed)} if isinstance(error, MethodNotAllowed) else {}
    return json_response(envelope, request_id, status_of(error), headers)


@dataclass(frozen=True, slots=True)
class Call:
    """One request as a handler sees it: the request, its id and the path's ``{params}``."""

    request: flask.Request
    request_id: str
    params: Mapping[str, str] = field(default_factory=dict)

    def body(self, model: type[M]) -> M:
        return read_json(self.request, model)


Handler = Callable[[Call], BaseModel]


def health(_: Call) -> Health:
    """``GET /healthz`` of every function: the instance is up and importing its code."""
    return Health()


class Router:
    """Dispatches on ``(method, path template)``; a ``{name}`` segment matches one segment.

    404 for an unknown path, 405 (with ``Allow``) for a known path and another method, the
    error envelope for every :class:`IonError`, and a 500 envelope that reveals nothing for
    anything unexpected.
    """

    def __init__(self, routes: Mapping[tuple[str, str], Handler]) -> None:
        self._routes = [
            (method.upper(), template.strip("/").split("/"), handler)
            for (method, template), handler in routes.items()
        ]

    def __call__(self, request: flask.Request) -> flask.Response:
        request_id = request_id_of(request)
        try:
            handler, params = self._match(request.method, request.path)
            return json_response(handler(Call(request, request_id, params)), request_id)
        except IonError as error:
            return error_response(error, request_id)
        except Exception:
            log.exception("unhandled error in request %s", request_id)
            return error_response(IonError("internal error; quote the request_id"), request_id)

    def _match(self, method: str, path: str) -> tuple[Handler, dict[str, str]]:
        segments = path.strip("/").split("/")
        # HEAD is a GET without the body; the WSGI server drops the body for us.
        wanted = "GET" if method == "HEAD" else method
        allowed: list[str] = []
        for route_method, template, handler in self._routes:
            params = _bind(template, segments)
            if params is None:
                continue
            if route_method == wanted:
                return handler, params
            allowed.append(route_method)
        if allowed:
            raise MethodNotAllowed(method, path, allowed)
        raise NotFound(f"no endpoint at {path}; endpoints: {self.endpoints()}")

    def endpoints(self) -> str:
        return ", ".join(f"{m} /{'/'.join(t)}" for m, t, _ in self._routes)


def _bind(template: list[str], segments: list[str]) -> dict[str, str] | None:
    if len(template) != len(segments):
        return None
    params: dict[str, str] = {}
    for expected, actual in zip(template, segments, strict=True):
        if expected.startswith("{") and expected.endswith("}"):
            if not actual:
                return None
            params[expected[1:-1]] = actual
        elif expected != actual:
            return None
    return params
