"""``functions/recommend``: ranking, the persona catalogue and health, through the real app."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.functions.function_apps import assert_error, payload

ORDER = ["lua", "elro", "riri", "nana"]


def rank(client: FlaskClient, body: Any) -> Any:
    return client.post("/v2/recommend", json=body, headers={"X-Request-Id": "rec-1"})


@pytest.mark.parametrize("name", ["recommend_en.json", "recommend_ko.json"])
def test_ranks_all_four_personas_best_first(recommend: FlaskClient, name: str) -> None:
    response = rank(recommend, payload(name))

    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["request_id"] == "rec-1"
    ranking = body["ranking"]
    assert sorted(item["persona"] for item in ranking) == sorted(ORDER)
    scores = [item["score"] for item in ranking]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= score <= 1 for score in scores)
    for item in ranking:
        assert item["display_name"].lower() == item["persona"]
        assert item["korean_name"]
        assert item["reasons"]
        assert all(isinstance(reason, str) and reason for reason in item["reasons"])


def test_a_learning_question_ranks_a_structured_persona_above_lua(recommend: FlaskClient) -> None:
    ranking = rank(recommend, payload("recommend_en.json")).get_json()["ranking"]
    order = [item["persona"] for item in ranking]
    assert order.index("elro") < order.index("lua")


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, None), ({"message": "   "}, "message"), ({"message": "hi", "x": 1}, "x")],
)
def test_invalid_recommend_body_is_422(
    recommend: FlaskClient, body: dict[str, Any], field: str | None
) -> None:
    assert_error(rank(recommend, body), 422, "INVALID_INPUT", field)


def test_recommend_needs_json(recommend: FlaskClient) -> None:
    response = recommend.post("/v2/recommend", data="message=hi", content_type="text/plain")
    assert_error(response, 415, "UNSUPPORTED_MEDIA_TYPE")


def test_personas_lists_all_four_in_routing_order(recommend: FlaskClient) -> None:
    response = recommend.get("/v2/personas")

    assert response.status_code == 200
    personas = response.get_json()["personas"]
    assert [p["name"] for p in personas] == ORDER
    lua = personas[0]
    assert lua["display_name"] == "Lua"
    assert lua["korean_name"] == "루아"
    assert "frustrated" in lua["best_for"]["tones"]
    assert set(lua) == {
        "name",
        "display_name",
        "korean_name",
        "role",
        "traits",
        "strengths",
        "prompt_style",
        "best_for",
    }


@pytest.mark.parametrize("name", ["nana", "NANA", "NaNa"])
def test_one_persona_by_name_in_any_case(recommend: FlaskClient, name: str) -> None:
    response = recommend.get(f"/v2/personas/{name}")

    assert response.status_code == 200
    body = response.get_json()
    assert body["name"] == "nana"
    assert body["korean_name"] == "나나"
    assert body["best_for"]["intents"] == [
        "seek_advice",
        "problem_solving",
        "validation",
        "planning",
    ]


def test_unknown_persona_is_404_unknown_persona(recommend: FlaskClient) -> None:
    body = assert_error(recommend.get("/v2/personas/bob"), 404, "UNKNOWN_PERSONA")
    assert "lua, elro, riri, nana" in body["error"]["message"]


def test_unknown_path_and_wrong_method(recommend: FlaskClient) -> None:
    assert_error(recommend.get("/v2/persona"), 404, "NOT_FOUND")
    assert_error(recommend.get("/v2/personas/lua/extra"), 404, "NOT_FOUND")
    response = recommend.post("/v2/personas", json={})
    assert_error(response, 405, "METHOD_NOT_ALLOWED")
    assert response.headers["Allow"] == "GET"
    assert_error(recommend.get("/v2/recommend"), 405, "METHOD_NOT_ALLOWED")


def test_healthz(recommend: FlaskClient) -> None:
    response = recommend.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
