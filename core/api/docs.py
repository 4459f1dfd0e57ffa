"""``GET /v2/docs``: Swagger UI for the function's own OpenAPI document, served by the function.

The assets are Swagger UI 5's (it reads OpenAPI 3.1, which 4 does not), as the ``swagger-ui-py``
distribution ships them; nothing is fetched from anywhere else, and the page's content-security
policy allows exactly this origin's scripts, styles, images and calls. Reading the page needs no
API key; "Try it out" sends the key entered through the document's ``ApiKey`` scheme
(Authorize), to this same origin.

- ``GET /v2/docs`` is the page: small, never stored (``no-store``), naming each asset by a hash of
  its bytes, so a new version of an asset is a new URL.
- ``GET /v2/docs/{asset}`` is one asset by that name, cached for a year as ``immutable``, and
  gzipped when the caller accepts it (Swagger UI's script is 1.5 MB; 0.41 MB gzipped). The
  package's pointer to a source map it does not ship is cut from the style sheet.

The package is located without being imported (its ``__init__`` pulls in jinja2 and PyYAML for
handlers ION does not use), and its files are read on the first docs request, never at start-up.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import flask

from core.api.http import Access, Call, Page, Route, page_response
from core.errors import NotFound

PAGE = "/v2/docs"
_PACKAGE = "swagger_ui"  # swagger-ui-py's import name; its assets are in static/
_HERE = Path(__file__).resolve().parent
# name -> (where it is, its content type); the hashed name keeps the extension.
_SOURCES = {
    "swagger-ui-bundle.js": ("package", "text/javascript; charset=utf-8"),
    "swagger-ui.css": ("package", "text/css; charset=utf-8"),
    "favicon-32x32.png": ("package", "image/png"),
    "docs.js": ("here", "text/javascript; charset=utf-8"),  # starts Swagger UI on the page
}
_COMPRESSIBLE = ("text/",)
# "/*# sourceMappingURL=swagger-ui.css.map*/": the map is not in the package, so a browser's
# developer tools would ask for it and get a 404.
_SOURCE_MAP = re.compile(rb"\n?/\*# sourceMappingURL=[^*]*\*/\s*$")
_YEAR_S = 365 * 24 * 3600
# The page's policy: its own scripts and styles only (no inline code), images from itself or
# data: URIs (Swagger UI's icons), calls to this origin (the document and "Try it out").
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True, slots=True)
class Asset:
    name: str  # as served: "swagger-ui-bundle.<hash>.js"
    content_type: str
    body: bytes
    gzipped: bytes | None  # None when not worth compressing (an image)


def _static_folder() -> Path:
    spec = importlib.util.find_spec(_PACKAGE)
    locations = spec.submodule_search_locations if spec is not None else None
    if not locations:
        raise RuntimeError(
            f"the {_PACKAGE} package (distribution swagger-ui-py) is not installed; "
            "GET /v2/docs serves its assets"
        )
    return Path(next(iter(locations))) / "static"


def _hashed(name: str, body: bytes) -> str:
    stem, dot, extension = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(body).hexdigest()[:12]}{dot}{extension}"


@cache
def assets() -> dict[str, Asset]:
    """Every asset by its original name, read and compressed once per instance."""
    static = _static_folder()
    found: dict[str, Asset] = {}
    for name, (where, content_type) in _SOURCES.items():
        body = _SOURCE_MAP.sub(
            b"\n", ((static if where == "package" else _HERE) / name).read_bytes()
        )
        compress = content_type.startswith(_COMPRESSIBLE)
        found[name] = Asset(
            _hashed(name, body),
            content_type,
            body,
            gzip.compress(body, compresslevel=6, mtime=0) if compress else None,
        )
    return found


@cache
def _by_served_name() -> dict[str, Asset]:
    return {asset.name: asset for asset in assets().values()}


def _href(name: str) -> str:
    return f"{PAGE}/{assets()[name].name}"


@cache
def _page_html(title: str) -> bytes:
    shown = html.escape(title)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{shown}: API docs</title>
<link rel="icon" type="image/png" href="{_href("favicon-32x32.png")}">
<link rel="stylesheet" href="{_href("swagger-ui.css")}">
</head>
<body>
<main id="swagger-ui" data-openapi="/v2/openapi.json" aria-label="{shown}: API docs"></main>
<script src="{_href("swagger-ui-bundle.js")}"></script>
<script src="{_href("docs.js")}"></script>
</body>
</html>
""".encode()


def _accepts_gzip(request: flask.Request) -> bool:
    return request.accept_encodings["gzip"] > 0


def routes(title: str) -> dict[tuple[str, str], Route]:
    """The docs page and its assets, as routes of a function titled ``title``."""

    def page(call: Call) -> flask.Response:
        return page_response(
            _page_html(title),
            "text/html; charset=utf-8",
            call.request_id,
            policy=PAGE_POLICY,
            cache_control="no-store",
        )

    def asset(call: Call) -> flask.Response:
        found = _by_served_name().get(call.params["asset"])
        if found is None:
            raise NotFound(
                f"no docs asset named {call.params['asset']!r}; the page at {PAGE} names them"
            )
        gzipped = found.gzipped is not None and _accepts_gzip(call.request)
        return page_response(
            found.gzipped if gzipped and found.gzipped is not None else found.body,
            found.content_type,
            call.request_id,
            policy=PAGE_POLICY,
            cache_control=f"public, max-age={_YEAR_S}, immutable",
            extra={
                **({"Content-Encoding": "gzip"} if gzipped else {}),
                # Always Origin: a cached copy without CORS headers must not serve a browser
                # that sent one (the router adds them only for an allowed origin).
                "Vary": "Accept-Encoding, Origin" if found.gzipped is not None else "Origin",
            },
        )

    return {
        ("GET", PAGE): Route(
            page, "Swagger UI for this function's OpenAPI document", Page, access=Access.PUBLIC
        ),
        ("GET", PAGE + "/{asset}"): Route(
            asset, "one of the docs page's assets", Page, access=Access.PUBLIC
        ),
    }
