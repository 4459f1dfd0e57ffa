"""``GET /v2/docs``: every HTTP function serves Swagger UI for its own document, from assets it
ships (swagger-ui-py), with the headers a page needs and nothing fetched from elsewhere.

The page is also loaded and used in a real browser by tests/e2e/test_browser.py; these check
the HTTP contract: no key needed, content types, caching, compression, the security headers and
the content-security policy, and that an unknown asset is the usual 404 envelope.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Callable

import pytest

from core.api import docs
from tests.functions.function_apps import FunctionApp, assert_error

Loader = Callable[[str], FunctionApp]
NAMES = ["process", "recommend", "bulk"]
SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
ASSET = re.compile(r'(?:src|href)="(/v2/docs/[^"]+)"')


def linked_assets(page: str) -> list[str]:
    return ASSET.findall(page)


@pytest.mark.parametrize("name", NAMES)
def test_the_page_needs_no_key_and_names_only_its_own_assets(load_function: Loader, name: str):
    response = load_function(name).client.get("/v2/docs")
    assert response.status_code == 200
    assert response.content_type == "text/html; charset=utf-8"
    page = response.get_data(as_text=True)
    assert f"ION Mentoring: {name}" in page
    assert 'data-openapi="/v2/openapi.json"' in page
    # Every URL in the page is this origin's: no CDN, no font service, no inline script.
    assert not re.search(r"https?://", page)
    assert "<script>" not in page
    assert "style=" not in page
    assets = linked_assets(page)
    assert {a.rsplit("/", 1)[1].split(".", 1)[0] for a in assets} == {
        "favicon-32x32",
        "swagger-ui",
        "swagger-ui-bundle",
        "docs",
    }
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Security-Policy"] == docs.PAGE_POLICY
    for header, value in SECURITY.items():
        assert response.headers[header] == value
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-Id"])


def test_the_policy_allows_this_origin_only() -> None:
    rules = dict(rule.strip().split(" ", 1) for rule in docs.PAGE_POLICY.split(";"))
    assert rules["default-src"] == "'none'"
    assert rules["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval'
    assert rules["style-src"] == "'self'"
    assert rules["connect-src"] == "'self'"
    assert rules["frame-ancestors"] == "'none'"
    assert "*" not in docs.PAGE_POLICY
    assert "http" not in docs.PAGE_POLICY


@pytest.mark.parametrize(
    ("stem", "content_type"),
    [
        ("swagger-ui-bundle", "text/javascript; charset=utf-8"),
        ("swagger-ui", "text/css; charset=utf-8"),
        ("docs", "text/javascript; charset=utf-8"),
        ("favicon-32x32", "image/png"),
    ],
)
def test_each_asset_is_served_immutable_with_its_type(
    load_function: Loader, stem: str, content_type: str
) -> None:
    client = load_function("recommend").client
    page = client.get("/v2/docs").get_data(as_text=True)
    (url,) = [a for a in linked_assets(page) if a.rsplit("/", 1)[1].split(".", 1)[0] == stem]
    plain = client.get(url)
    assert plain.status_code == 200
    assert plain.content_type == content_type
    assert plain.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Content-Encoding" not in plain.headers
    assert plain.headers["X-Content-Type-Options"] == "nosniff"
    body = plain.get_data()
    # The name carries a hash of the bytes: a changed asset is a new URL.
    assert hashlib.sha256(body).hexdigest()[:12] in url
    zipped = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    if content_type.startswith("text/"):
        assert zipped.headers["Content-Encoding"] == "gzip"
        assert zipped.headers["Vary"] == "Accept-Encoding, Origin"
        assert plain.headers["Vary"] == "Accept-Encoding, Origin"
        assert gzip.decompress(zipped.get_data()) == body
        assert len(zipped.get_data()) < len(body) / (3 if len(body) > 100_000 else 1)
    else:
        assert "Content-Encoding" not in zipped.headers
        assert zipped.get_data() == body
        assert plain.headers["Vary"] == "Origin"
    assert b"sourceMappingURL" not in body  # the package ships no maps
    refused = client.get(url, headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in refused.headers


def test_the_bundle_is_swagger_ui_5_which_reads_openapi_3_1(load_function: Loader) -> None:
    bundle = docs.assets()["swagger-ui-bundle.js"].body.decode()
    (version,) = re.findall(r'PACKAGE_VERSION:"(\d+)\.(\d+)\.\d+"', bundle)
    assert (int(version[0]), int(version[1])) >= (5, 24), version


def test_an_unknown_asset_is_the_usual_404(load_function: Loader) -> None:
    client = load_function("process").client
    body = assert_error(client.get("/v2/docs/swagger-ui-bundle.js"), 404, "NOT_FOUND")
    assert "/v2/docs" in body["error"]["message"]
    assert_error(client.post("/v2/docs"), 405, "METHOD_NOT_ALLOWED")


def test_the_docs_are_left_out_of_the_document(load_function: Loader) -> None:
    document = load_function("bulk").client.get("/v2/openapi.json").get_json()
    assert not [path for path in document["paths"] if path.startswith("/v2/docs")]
    assert document["components"]["securitySchemes"]["ApiKey"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
    }


def test_a_cross_origin_asset_varies_on_both(load_function: Loader, monkeypatch) -> None:
    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", "http://127.0.0.1:8080")
    client = load_function("recommend").client
    page = client.get("/v2/docs").get_data(as_text=True)
    (css,) = [a for a in linked_assets(page) if a.endswith(".css")]
    response = client.get(css, headers={"Origin": "http://127.0.0.1:8080"})
    assert response.headers["Access-Control-Allow-Origin"] == "http://127.0.0.1:8080"
    assert response.headers["Vary"] == "Accept-Encoding, Origin"
    stranger = client.get(css, headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in stranger.headers
    assert stranger.headers["Vary"] == "Accept-Encoding, Origin"
