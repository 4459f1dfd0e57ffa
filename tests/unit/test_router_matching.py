"""The Router's matching of ``(method, path)`` to a route, held to its definition.

The oracle below is that definition written the slow, obvious way (it is the hand-written
matcher the router had before werkzeug's ``routing.Map`` did the matching): a template's
segments are compared one by one, a ``{name}`` segment takes any one non-empty segment, the
first route in declaration order whose template and method fit is served, HEAD is served as
GET, and a path that fits templates but not the method is a 405 listing the methods of the
fitting routes in declaration order. The requests below go through the whole router
(``Router.__call__``), as functions-framework calls it.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, NoReturn, cast

import flask
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from core.api import http
from core.api.http import Call, Guard, Route, Router
from core.api.security import Cors
from core.errors import IonError, MethodNotAllowed, NotFound

ORIGIN = "https://app.example.com"


class Echo(BaseModel):
    route: str
    params: dict[str, str]


def _route(name: str) -> Route:
    def handler(call: Call) -> Echo:
        return Echo(route=name, params=dict(call.params))

    return Route(handler, name, Echo, access="public")


def _router(keys: list[tuple[str, str]]) -> Router:
    guard = cast(Guard, SimpleNamespace(cors=Cors([ORIGIN])))
    return Router({key: _route(f"{key[0]} {key[1]}") for key in keys}, lambda: guard, "test")


APP = flask.Flask(__name__)


def _send(router: Router, method: str, path: str, **environ: str) -> flask.Response:
    headers = {"Origin": ORIGIN} if method == "OPTIONS" else {}
    with APP.test_request_context(
        path, method=method, headers=headers, environ_overrides=environ
    ) as context:
        return router(context.request)


# -- the definition -------------------------------------------------------------------------


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


def oracle(keys: list[tuple[str, str]], method: str, path: str) -> tuple[Any, ...]:
    """("route", index of the declared route, params, name) | ("405", allowed) | ("404",)."""
    segments = path.strip("/").split("/")
    wanted = "GET" if method == "HEAD" else method
    allowed: list[str] = []
    for index, (route_method, spelled) in enumerate(keys):
        template = spelled.strip("/").split("/")
        params = _bind(template, segments)
        if params is None:
            continue
        if route_method.upper() == wanted:
            return ("route", index, params, f"{route_method.upper()} /{'/'.join(template)}")
        allowed.append(route_method.upper())
    return ("405", allowed) if allowed else ("404",)


def matched(router: Router, keys: list[tuple[str, str]], method: str, path: str) -> tuple[Any, ...]:
    """As :func:`oracle` answers, from the router; its refusals' messages checked on the way."""
    try:
        route, params, name = router._match(method, path)
    except MethodNotAllowed as error:
        refused: IonError = error
        outcome: tuple[Any, ...] = ("405", error.allowed)
        message = f"{method} is not accepted on {path}; accepted: {', '.join(error.allowed)}"
    except NotFound as error:
        refused, outcome = error, ("404",)
        message = f"no endpoint at {path}; endpoints: {router.endpoints()}"
    else:
        index = [f"{m} {t}" for m, t in keys].index(route.summary)
        return ("route", index, params, name)
    assert refused.message == message
    return outcome


# -- tables no path can match twice, and paths of every spelling ----------------------------

STATICS = ["v2", "a", "b", "x-y", "A", "c.d", "{"]
PARAMS = ["{id}", "{name}", "{}"]
METHODS = ["GET", "POST", "DELETE", "PUT", "get"]


def _shape(spelled: str) -> list[str | None]:
    parts = spelled.strip("/").split("/")
    return [None if p.startswith("{") and p.endswith("}") else p for p in parts]


def _overlap(one: str, other: str) -> bool:
    a, b = _shape(one), _shape(other)
    if a == b:  # one path shape, however its parameters are named: served together
        return False
    if len(a) != len(b):
        return False
    # A {param} takes any one segment but an empty one.
    return all(x == y or (x is None and y) or (y is None and x) for x, y in zip(a, b, strict=True))


@st.composite
def tables(draw: st.DrawFn) -> list[tuple[str, str]]:
    keys: list[tuple[str, str]] = []
    for _ in range(draw(st.integers(1, 8))):
        segments = draw(st.lists(st.sampled_from([*STATICS, *PARAMS, ""]), min_size=1, max_size=3))
        template = "/".join(segments)
        template = draw(st.sampled_from(["/", ""])) + template + draw(st.sampled_from(["", "/"]))
        method = draw(st.sampled_from(METHODS))
        if (method, template) in keys or any(_overlap(template, t) for _, t in keys):
            continue
        keys.append((method, template))
    return keys


paths = st.builds(
    lambda lead, segments, trail: lead + "/".join(segments) + trail,
    st.sampled_from(["/", "", "//"]),
    st.lists(st.sampled_from([*STATICS, "", "zzz", "a\n", "é", "{id}", "<id>"]), max_size=4),
    st.sampled_from(["", "/", "//"]),
)


@given(tables(), st.lists(st.tuples(st.sampled_from(["GET", "HEAD", *METHODS[1:4]]), paths)))
def test_matching_follows_the_definition(
    keys: list[tuple[str, str]], requests: list[tuple[str, str]]
) -> None:
    router = _router(keys)
    for method, path in requests:
        assert matched(router, keys, method, path) == oracle(keys, method, path)
    for method, spelled in keys:  # every declared route is reached by its own spelling
        path = "/" + "/".join("p" if s is None else s for s in _shape(spelled))
        expected = oracle(keys, method.upper(), path)
        assert matched(router, keys, method.upper(), path) == expected
        assert expected[0] == "route"


def test_a_parameter_takes_one_non_empty_segment() -> None:
    router = _router([("GET", "/v2/items/{item_id}"), ("GET", "/v2/items")])
    route, params, name = router._match("GET", "/v2/items/abc-1.2")
    assert (route.summary, params, name) == (
        "GET /v2/items/{item_id}",
        {"item_id": "abc-1.2"},
        "GET /v2/items/{item_id}",
    )
    assert router._match("GET", "/v2/items")[0].summary == "GET /v2/items"
    for path in ["/v2/items/a/b", "/v2/items/abc/x", "/v2/itemsabc"]:
        with pytest.raises(NotFound):
            router._match("GET", path)


def test_one_path_with_parameters_named_differently_per_method() -> None:
    router = _router([("GET", "/v2/x/{a}"), ("POST", "/v2/x/{b}")])
    assert router._match("GET", "/v2/x/1")[1:] == ({"a": "1"}, "GET /v2/x/{a}")
    assert router._match("POST", "/v2/x/1")[1:] == ({"b": "1"}, "POST /v2/x/{b}")
    with pytest.raises(MethodNotAllowed) as refused:
        router._match("PUT", "/v2/x/1")
    assert refused.value.allowed == ["GET", "POST"]


def test_endpoints_are_listed_as_declared() -> None:
    router = _router([("POST", "/v2/y"), ("get", "v2/x/{id}/"), ("GET", "/healthz")])
    assert router.endpoints() == "POST /v2/y, GET /v2/x/{id}, GET /healthz"


@pytest.mark.parametrize(
    ("first", "second"),
    [("/v2/a/{x}", "/v2/a/b"), ("/v2/{x}/c", "/v2/b/{y}"), ("/{x}", "/healthz")],
)
def test_a_table_where_one_path_fits_two_templates_is_refused(first: str, second: str) -> None:
    # Which of the two would serve the path is not something to leave to an ordering rule.
    with pytest.raises(ValueError, match="both match"):
        _router([("GET", first), ("POST", second)])


# -- through the whole router ---------------------------------------------------------------

KEYS = [
    ("POST", "/v2/things"),
    ("DELETE", "/v2/things"),
    ("GET", "/v2/things"),
    ("POST", "/v2/process"),
    ("GET", "/v2/things/{thing_id}"),
    ("GET", "/healthz"),
]


def _error(response: flask.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)
    body: dict[str, Any] = response.get_json()
    assert body["error"]["code"] == code
    assert body["request_id"] == response.headers["X-Request-Id"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    return body


def test_a_route_is_served_with_its_params() -> None:
    response = _send(_router(KEYS), "GET", "/v2/things/t-1")
    assert response.status_code == 200
    assert response.get_json() == {
        "route": "GET /v2/things/{thing_id}",
        "params": {"thing_id": "t-1"},
    }


def test_an_unknown_path_is_the_not_found_envelope_listing_the_endpoints() -> None:
    body = _error(_send(_router(KEYS), "GET", "/v2/nothing"), 404, "NOT_FOUND")
    assert body["error"]["message"] == (
        "no endpoint at /v2/nothing; endpoints: POST /v2/things, DELETE /v2/things, "
        "GET /v2/things, POST /v2/process, GET /v2/things/{thing_id}, GET /healthz"
    )


@pytest.mark.parametrize(
    ("path", "environ"),
    [
        ("/v2/things/", {}),
        ("/v2/process/", {}),
        ("/v2//things", {}),
        ("//v2/things", {"RAW_URI": "//v2/things", "PATH_INFO": "//v2/things"}),
        ("//v2/process", {"RAW_URI": "//v2/process", "PATH_INFO": "//v2/process"}),
        ("/v2/things/t-1/", {}),
        ("/v2/./things", {"RAW_URI": "/v2/./things", "PATH_INFO": "/v2/./things"}),
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST", "HEAD", "OPTIONS"])
def test_a_path_not_spelled_as_a_route_is_not_found_never_redirected(
    method: str, path: str, environ: dict[str, str]
) -> None:
    response = _send(_router(KEYS), method, path, **environ)
    assert "Location" not in response.headers
    body = _error(response, 404, "NOT_FOUND")
    assert "spelled" in body["error"]["message"]


def test_another_method_is_405_with_allow_in_declaration_order() -> None:
    response = _send(_router(KEYS), "PUT", "/v2/things")
    body = _error(response, 405, "METHOD_NOT_ALLOWED")
    assert response.headers["Allow"] == "POST, DELETE, GET"  # no HEAD, no OPTIONS
    assert body["error"]["message"] == (
        "PUT is not accepted on /v2/things; accepted: POST, DELETE, GET"
    )


def test_head_is_served_as_get_and_refused_where_get_is() -> None:
    router = _router(KEYS)
    head = _send(router, "HEAD", "/v2/things/t-1")
    assert head.status_code == 200
    assert head.get_json()["route"] == "GET /v2/things/{thing_id}"
    assert router._match("HEAD", "/healthz")[2] == "GET /healthz"
    response = _send(router, "HEAD", "/v2/process")
    body = _error(response, 405, "METHOD_NOT_ALLOWED")
    assert response.headers["Allow"] == "POST"
    assert body["error"]["message"] == "HEAD is not accepted on /v2/process; accepted: POST"


@pytest.mark.parametrize(
    ("path", "methods"),
    [
        ("/v2/things", "DELETE, GET, POST, OPTIONS"),
        ("/v2/things/t-1", "GET, OPTIONS"),
        ("/v2/process", "POST, OPTIONS"),
    ],
)
def test_a_preflight_answers_the_methods_of_its_path(path: str, methods: str) -> None:
    response = _send(_router(KEYS), "OPTIONS", path)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Methods"] == methods
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN


def test_a_preflight_of_an_unknown_path_is_not_found() -> None:
    body = _error(_send(_router(KEYS), "OPTIONS", "/v2/nothing"), 404, "NOT_FOUND")
    assert body["error"]["message"].startswith("no endpoint at /v2/nothing; endpoints: POST")


def test_the_url_map_is_built_once_per_router(monkeypatch: pytest.MonkeyPatch) -> None:
    router = _router(KEYS)

    def no_map(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("a URL map built per request")

    monkeypatch.setattr(http, "Map", no_map)
    assert _send(router, "GET", "/v2/things/1").status_code == 200
    assert _send(router, "PUT", "/v2/things").status_code == 405
    assert _send(router, "OPTIONS", "/v2/things").status_code == 204
