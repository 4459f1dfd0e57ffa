"""Cache facts (hit, tier) and timings are shown to admin keys only, through the real app.

The response cache is shared by every API key, so "this answer came from the cache" (or an
answer that took 0.03 ms) tells the caller that someone sent the same message recently. User
keys get neither; the OpenAPI document describes both responses exactly (the fields are
optional and say who sees them); a bulk item's stored result keeps no cache facts either.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from core.pipeline import Pipeline, Request
from core.views import AnswerOut
from tests.functions.function_apps import ADMIN_KEY, USER_KEY

MESSAGE = "My team keeps missing deadlines and I don't know how to bring it up."
ADMIN = {"X-API-Key": ADMIN_KEY}
USER = {"X-API-Key": USER_KEY}


def post(client: FlaskClient, path: str, body: dict[str, Any], key: dict[str, str]) -> Any:
    response = client.post(path, json=body, headers=key)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_a_user_key_never_learns_that_its_message_was_a_cache_hit(process: FlaskClient) -> None:
    first = post(process, "/v2/process", {"message": MESSAGE}, USER)  # from another user, say
    second = post(process, "/v2/process", {"message": MESSAGE}, USER)
    for body in (first, second):
        assert "cache" not in body
        assert "timings_ms" not in body  # an answer in 0.03 ms is a hit as plainly
    assert second["answer"] == first["answer"]
    # It was a hit: an admin key is told so.
    third = post(process, "/v2/process", {"message": MESSAGE}, ADMIN)
    assert third["cache"] == {"hit": True, "tier": "l1"}
    assert set(third["timings_ms"]) == {"understand", "answer", "total"}
    assert {k: v for k, v in third.items() if k not in ("cache", "timings_ms", "request_id")} == {
        k: v for k, v in second.items() if k != "request_id"
    }


def test_an_admin_key_sees_a_miss_then_a_hit(process: FlaskClient) -> None:
    first = post(process, "/v2/process", {"message": MESSAGE}, ADMIN)
    second = post(process, "/v2/process", {"message": MESSAGE}, ADMIN)
    assert first["cache"] == {"hit": False, "tier": "computed"}
    assert second["cache"] == {"hit": True, "tier": "l1"}


def test_v1_chat_shows_the_tier_and_timings_to_admin_keys_only(process: FlaskClient) -> None:
    body = {"message": MESSAGE, "user_id": "u-1"}
    user = post(process, "/v1/chat", body, USER)["metadata"]
    assert "cache_tier" not in user
    assert "timings_ms" not in user
    admin = post(process, "/v1/chat", body, ADMIN)["metadata"]
    assert admin["cache_tier"] == "l1"
    assert set(admin["timings_ms"]) == {"understand", "answer", "total"}


def described_exactly(document: dict[str, Any], name: str, body: dict[str, Any]) -> None:
    """Every key of ``body`` is a documented property and every required one is present."""
    schema = document["components"]["schemas"][name]
    assert set(body) <= set(schema["properties"]), set(body) - set(schema["properties"])
    assert set(schema["required"]) <= set(body)


@pytest.mark.parametrize("key", [USER, ADMIN], ids=["user", "admin"])
def test_the_openapi_document_describes_both_responses(
    process: FlaskClient, key: dict[str, str]
) -> None:
    document = process.get("/v2/openapi.json").get_json()
    processed = post(process, "/v2/process", {"message": MESSAGE}, key)
    described_exactly(document, "ProcessResponse", processed)
    chat = post(process, "/v1/chat", {"message": MESSAGE, "user_id": "u-1"}, key)
    described_exactly(document, "ChatMetadata", chat["metadata"])
    admin_only = {
        "ProcessResponse": ("cache", "timings_ms"),
        "ChatMetadata": ("cache_tier", "timings_ms"),
    }
    for name, fields in admin_only.items():
        properties = document["components"]["schemas"][name]["properties"]
        for field in fields:
            assert properties[field]["description"].startswith("admin keys only")


def test_a_bulk_items_result_keeps_no_cache_facts() -> None:
    # What the bulk worker records for an item, and its owner (any user key) reads back.
    pipeline = Pipeline(cache=None)
    outcome = pipeline.run(Request(message=MESSAGE))
    result = AnswerOut.of(outcome).model_dump(mode="json")
    assert "cache" not in result
    assert "timings_ms" not in result
    assert result["answer"] == outcome.answer
